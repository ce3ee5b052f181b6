package org.landledger.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.landledger.geo.Units;
import org.landledger.io.Json;
import org.landledger.io.LayerInfo;
import org.landledger.io.LayerReader;
import org.landledger.io.Layers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** 图层信息: {@code landledger info <dataset>} describes a layer. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = {"描述图层：要素数、坐标系、编码、字段、范围、面积。", "Describe a layer: count, CRS, encoding, fields, bounds, areas."})
public final class InfoCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DATASET", description = "Shapefile, GeoPackage (file.gpkg#table), GeoJSON or PostGIS table (pg:postgresql://user@host:port/db?schema=s#table; password from PGPASSWORD, ~/.pgpass or ?password-file=).")
  String dataset;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Option(names = "--limit", defaultValue = "10", description = "Features to list (default ${DEFAULT-VALUE}).")
  int limit;

  @Mixin InputOptions input;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (limit < 0) {
      throw new IllegalArgumentException("--limit must be ≥ 0");
    }
    Map<String, Object> info;
    try (LayerReader r = Layers.open(dataset, input.readOptions())) {
      info = LayerInfo.describe(r, limit);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.toString(info));
    } else {
      printText(out, info);
    }
    out.flush();
    return Main.OK;
  }

  @SuppressWarnings("unchecked")
  private static void printText(PrintWriter out, Map<String, Object> info) {
    out.printf("图层 layer: %s (%s)%n", info.get("layer"), info.get("location"));
    out.printf("要素数 features: %s   几何 geometry: %s%n", info.get("featureCount"), info.get("geometryType"));
    out.printf("坐标系 CRS: %s   编码 encoding: %s%n", info.get("crs"), info.get("encoding"));
    out.printf("范围 bounds: %s%n", info.get("bounds"));
    Map<String, Object> t = (Map<String, Object>) info.get("totals");
    Object e = t.get("ellipsoidalAreaM2");
    if (e instanceof Double d) {
      out.printf("椭球面积 ellipsoidal area: %.2f m² = %.4f 公顷 = %.2f 亩%n", d, Units.m2ToHa(d), Units.m2ToMu(d));
    }
    Object p = t.get("planarAreaM2");
    if (p instanceof Double d) {
      out.printf("平面面积 planar area: %.2f m² = %.4f 公顷 = %.2f 亩%n", d, Units.m2ToHa(d), Units.m2ToMu(d));
    }
    out.println("字段 fields:");
    for (Map<String, Object> f : (List<Map<String, Object>>) info.get("fields")) {
      out.printf("  %-12s %s%n", f.get("name"), f.get("type"));
    }
    List<String> invalid = (List<String>) info.get("invalidGeometries");
    if (!invalid.isEmpty()) {
      out.printf("无效几何 invalid geometries: %d%n", invalid.size());
      invalid.stream().limit(10).forEach(s -> out.println("  " + s));
    }
    Object unknown = info.get("unknownLandUseCodes");
    if (unknown instanceof Map<?, ?> u && !u.isEmpty()) {
      out.println("未知地类编码 unknown land-use codes: " + u);
    }
    for (Map<String, Object> f : (List<Map<String, Object>>) info.get("features")) {
      out.printf("  #%s %s%n", f.get("id"), f.get("attributes"));
    }
  }
}
