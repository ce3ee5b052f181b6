package org.landledger.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.landledger.io.InputDataException;
import org.landledger.io.LayerReader;
import org.landledger.io.Layers;
import org.locationtech.jts.geom.Envelope;

/**
 * 结果目录扫描: finds the analysis outputs (GeoPackages) under a results folder and reads each table's schema,
 * CRS, extent and count through {@link Layers}, grouping GeoPackages by the folder they sit in (one run each).
 */
public final class ResultsScanner {

  /** Deep enough for results/&lt;analysis&gt;/&lt;run&gt;/…; deeper files are not analysis outputs. */
  private static final int MAX_DEPTH = 6;

  private ResultsScanner() {}

  public static PublishPlan scan(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InputDataException(dir, Files.exists(dir) ? "not a directory" : "results folder not found");
    }
    Path root = dir.toAbsolutePath().normalize();
    List<Path> gpkgs;
    try (Stream<Path> s = Files.walk(root, MAX_DEPTH)) {
      gpkgs = s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gpkg"))
          .filter(p -> !hidden(root.relativize(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    if (gpkgs.isEmpty()) {
      throw new InputDataException(dir, "no GeoPackage (*.gpkg) results found to publish");
    }
    Map<Path, List<Path>> byFolder = new LinkedHashMap<>();
    for (Path g : gpkgs) {
      byFolder.computeIfAbsent(g.getParent(), k -> new ArrayList<>()).add(g);
    }
    List<PublishPlan.Run> runs = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (Map.Entry<Path, List<Path>> e : byFolder.entrySet()) {
      String folder = slashes(root.relativize(e.getKey()));
      String runName = unique(ResourceNames.of(folder.isEmpty() ? root.getFileName().toString()
          : folder.replace('/', '_')), used, e.getKey());
      List<PublishPlan.Store> stores = new ArrayList<>();
      for (Path g : e.getValue()) {
        stores.add(store(root, g, runName, used));
      }
      String label = folder.isEmpty() ? root.getFileName().toString() : folder;
      runs.add(new PublishPlan.Run(runName, label, stores));
    }
    return new PublishPlan(List.of(root.toString()), runs);
  }

  private static PublishPlan.Store store(Path root, Path gpkg, String runName, Set<String> used) {
    String file = gpkg.getFileName().toString();
    String stem = file.substring(0, file.length() - ".gpkg".length());
    String storeName = unique(ResourceNames.join(runName, ResourceNames.of(stem)), used, gpkg);
    List<PublishPlan.Table> tables = new ArrayList<>();
    for (String table : Layers.layerNames(gpkg)) {
      PublishPlan.Table t = table(gpkg + "#" + table, table, n -> ResourceNames.join(storeName, ResourceNames.of(n)));
      if (t != null) {
        unique(t.layerName(), used, gpkg);
        tables.add(t);
      }
    }
    if (tables.isEmpty()) {
      throw new InputDataException(gpkg, "GeoPackage has no feature tables to publish");
    }
    return new PublishPlan.Store(storeName, new PublishPlan.GeoPackageFile(gpkg, slashes(root.relativize(gpkg))), tables);
  }

  /**
   * A table as GeoServer will publish it — schema, CRS, extent, count and style, read through {@link Layers}
   * from {@code location} (a GeoPackage table or a PostGIS table) — or null for an attribute-only table.
   * {@code nativeName} null takes the name the reader resolved (PostGIS finds {@code #DLTB} as table
   * {@code dltb}); the layer name is made from the native name.
   */
  static PublishPlan.Table table(String location, String nativeName, UnaryOperator<String> layerNameOf) {
    try (LayerReader r = Layers.open(location)) {
      if (r.schema().geometryType() == null) {
        return null; // attribute-only table: nothing to map
      }
      String name = nativeName != null ? nativeName : r.schema().name();
      String layerName = layerNameOf.apply(name);
      long count = r.count();
      Envelope b = count == 0 ? null : r.bounds();
      return new PublishPlan.Table(name, layerName, r.schema(), r.crs(), b == null || b.isNull() ? null : b,
          count, PublishStyles.forTable(r.schema()));
    }
  }

  /** Store and layer names share one namespace in the plan so that no two resources collide. */
  static String unique(String name, Set<String> used, Path file) {
    return unique(name, used, file.toString());
  }

  static String unique(String name, Set<String> used, String source) {
    if (!used.add(name.toLowerCase(Locale.ROOT))) {
      throw new InputDataException(source, null, null, "its GeoServer name '" + name + "' collides with another result; rename the file or folder", null);
    }
    return name;
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      String n = part.toString();
      if (n.startsWith(".") || n.endsWith(".tmp")) {
        return true;
      }
    }
    return false;
  }

  private static String slashes(Path relative) {
    return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
  }
}
