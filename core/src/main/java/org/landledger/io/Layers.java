package org.landledger.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * 图层入口: the one way to read and write layers. A location is a file path, optionally followed by
 * {@code #layer} to pick a table of a multi-layer file ({@code county.gpkg#DLTB}).
 */
public final class Layers {

  private static final List<LayerFormat> FORMATS = new CopyOnWriteArrayList<>(
      List.of(new ShapefileFormat(), new GeoPackageFormat(), new GeoJsonFormat()));

  private Layers() {}

  /** Registers another format (GeoPackage, GeoJSON, PostGIS, …); later registrations win ties. */
  public static void register(LayerFormat format) {
    FORMATS.add(0, format);
  }

  /** The format that handles a file, or bad input naming it. */
  public static LayerFormat formatOf(Path file) {
    for (LayerFormat f : FORMATS) {
      if (f.handles(file)) {
        return f;
      }
    }
    throw new InputDataException(file, "unsupported format (expected " + supported() + ")");
  }

  private static String supported() {
    List<String> names = new ArrayList<>();
    FORMATS.forEach(f -> names.add(f.name()));
    return String.join(", ", names);
  }

  public static LayerReader open(String location) {
    return open(location, ReadOptions.DEFAULT);
  }

  public static LayerReader open(Path file) {
    return open(file.toString(), ReadOptions.DEFAULT);
  }

  public static LayerReader open(String location, ReadOptions options) {
    // A file whose name itself contains '#' is taken whole.
    int hash = Files.exists(Path.of(location)) ? -1 : location.lastIndexOf('#');
    Path file = Path.of(hash >= 0 ? location.substring(0, hash) : location);
    String layer = hash >= 0 ? location.substring(hash + 1) : null;
    if (!Files.exists(file)) {
      throw new InputDataException(file, "file not found");
    }
    return formatOf(file).open(file, layer, options);
  }

  /** Reads a whole layer into memory. */
  public static Layer read(String location) {
    return read(location, ReadOptions.DEFAULT);
  }

  public static Layer read(Path file) {
    return read(file.toString(), ReadOptions.DEFAULT);
  }

  public static Layer read(String location, ReadOptions options) {
    try (LayerReader r = open(location, options)) {
      return r.readAll();
    }
  }

  /** The layer names of a file. */
  public static List<String> layerNames(Path file) {
    return formatOf(file).layerNames(file);
  }

  /** Writes one layer (atomically, replacing the file). */
  public static void write(Layer layer, Path file) {
    write(List.of(layer), file, WriteOptions.DEFAULT);
  }

  /** Writes layers to one file (atomically, replacing it). */
  public static void write(List<Layer> layers, Path file, WriteOptions options) {
    formatOf(file).write(file, layers, options);
  }

  /** The lower-case extension of a file name, without the dot. */
  public static String extension(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
