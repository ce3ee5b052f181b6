package org.landledger.io;

import java.nio.file.Path;
import java.util.List;

/**
 * 数据格式: one data store format (shapefile, GeoPackage, GeoJSON). {@link Layers} picks the format by
 * file extension; every reader and writer in LandLedger goes through this interface.
 */
public interface LayerFormat {

  /** Short name, e.g. "shapefile". */
  String name();

  /** Whether this format reads and writes files like {@code file} (by extension). */
  boolean handles(Path file);

  /** Names of the layers in a file (one for single-layer formats). */
  List<String> layerNames(Path file);

  /** Opens one layer; {@code layer} may be null for the first/only one. */
  LayerReader open(Path file, String layer, ReadOptions options);

  /**
   * Writes layers to {@code file} atomically (temporary file, then move). Single-layer formats accept
   * exactly one layer. Existing files are replaced.
   */
  void write(Path file, List<Layer> layers, WriteOptions options);
}
