package org.landledger.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * 图层入口: the one way to read and write layers. A location is a file path, optionally followed by
 * {@code #layer} to pick a table of a multi-layer file ({@code county.gpkg#DLTB}), or a database
 * location handled by a {@link LayerStore} ({@code pg:postgresql://user@host:5432/db#DLTB}, see
 * {@link org.landledger.io.postgis.PostGisStore}).
 */
public final class Layers {

  private static final List<LayerFormat> FORMATS = new CopyOnWriteArrayList<>(
      List.of(new ShapefileFormat(), new GeoPackageFormat(), new GeoJsonFormat()));

  private static final List<LayerStore> STORES = new CopyOnWriteArrayList<>(
      List.of(new org.landledger.io.postgis.PostGisStore()));

  private Layers() {}

  /** Registers another database store; later registrations win ties. */
  public static void register(LayerStore store) {
    STORES.add(0, store);
  }

  /** The store that owns a location ({@code pg:…}), or null for file locations. */
  public static LayerStore storeOf(String location) {
    for (LayerStore s : STORES) {
      if (s.handles(location)) {
        return s;
      }
    }
    return null;
  }

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
    LayerStore store = storeOf(location);
    if (store != null) {
      return store.open(location, options);
    }
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

  /** The layer names of a file or database location. */
  public static List<String> layerNames(String location) {
    LayerStore store = storeOf(location);
    return store != null ? store.layerNames(location) : layerNames(Path.of(location));
  }

  /** Writes one layer (atomically, replacing the file). */
  public static void write(Layer layer, Path file) {
    write(List.of(layer), file, WriteOptions.DEFAULT);
  }

  /** Writes layers to one file (atomically, replacing it). */
  public static void write(List<Layer> layers, Path file, WriteOptions options) {
    formatOf(file).write(file, layers, options);
  }

  /** Writes one layer to a file path or database location (atomically, replacing it). */
  public static void write(Layer layer, String location) {
    write(List.of(layer), location, WriteOptions.DEFAULT);
  }

  /**
   * Writes layers to a file path or a database location ({@code pg:…}; tables replaced in one
   * transaction), atomically.
   */
  public static void write(List<Layer> layers, String location, WriteOptions options) {
    LayerStore store = storeOf(location);
    if (store != null) {
      store.write(location, layers, options);
    } else {
      write(layers, Path.of(location), options);
    }
  }

  /** The lower-case extension of a file name, without the dot. */
  public static String extension(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
