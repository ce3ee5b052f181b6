package org.landledger.io;

import java.util.List;

/**
 * 数据库存储: a layer store addressed by a URI-like location rather than a file path (PostGIS:
 * {@code pg:postgresql://user@host:port/db?schema=public#table}). {@link Layers} sends every location
 * a store {@link #handles handles} to it and everything else to the file formats.
 */
public interface LayerStore {

  /** Short name, e.g. "PostGIS". */
  String name();

  /** Whether this store owns the location (by its scheme prefix, e.g. {@code pg:}). */
  boolean handles(String location);

  /** Names of the layers (tables) the location's database holds. */
  List<String> layerNames(String location);

  /** Opens the layer the location names (or the only one when it names none). */
  LayerReader open(String location, ReadOptions options);

  /**
   * Writes layers atomically: all tables are replaced in one transaction, or none is. A location that
   * names a table takes exactly one layer; otherwise each layer is written to a table of its name.
   */
  void write(String location, List<Layer> layers, WriteOptions options);
}
