package org.landledger.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.LayerSchema;
import org.landledger.io.ShapefileStreamWriter;
import org.landledger.io.WriteOptions;
import org.landledger.landuse.LandUseClass;
import org.landledger.landuse.LandUseCodes;

/**
 * 样例数据生成: writes a realistic, deterministic synthetic county (or province) in the 三调 schema —
 * XZQ, CJDCQ, DLTB, DLTB_BEFORE, YJJBNTTB, STBHHX, CZKFBJ, ZJD, AZQ, CJQ, JXQ and PLAN as shapefiles (GBK DBF
 * with .cpg and .prj). The same seed and scale give byte-identical files. Layers are streamed county by
 * county, so the province scale never holds more than one county in memory. Everything is written to a
 * hidden folder first and moved into {@code outDir} at the end: a failed run leaves no partial output.
 */
public final class SampleCounty {

  /** Native CRS of the generator: CGCS2000 3-degree GK zone 39 (CM 117°E), easting with zone prefix. */
  public static final int NATIVE_EPSG = 4527;

  /** Layer names in writing order. */
  public static final List<String> LAYERS = List.of("XZQ", "CJDCQ", "DLTB", "DLTB_BEFORE", "YJJBNTTB", "STBHHX",
      "CZKFBJ", "ZJD", "AZQ", "CJQ", "JXQ", "PLAN");

  private static final Map<String, LayerSchema> SCHEMAS = Map.ofEntries(
      Map.entry("XZQ", Schemas.XZQ), Map.entry("CJDCQ", Schemas.CJDCQ), Map.entry("DLTB", Schemas.DLTB),
      Map.entry("DLTB_BEFORE", Schemas.DLTB_BEFORE), Map.entry("YJJBNTTB", Schemas.YJJBNTTB),
      Map.entry("STBHHX", Schemas.STBHHX), Map.entry("CZKFBJ", Schemas.CZKFBJ), Map.entry("ZJD", Schemas.ZJD), Map.entry("AZQ", Schemas.AZQ),
      Map.entry("CJQ", Schemas.CJQ), Map.entry("JXQ", Schemas.JXQ), Map.entry("PLAN", Schemas.PLAN));

  private SampleCounty() {}

  public static SampleSummary generate(Path outDir, Scale scale, long seed, Crs crs) {
    return generate(outDir, scale, seed, crs, s -> { });
  }

  /**
   * Also writes every layer into one GeoPackage {@code gpkg} (read back from the shapefiles just written).
   * Single-county scales only. GeoPackage metadata carries write timestamps, so unlike the shapefiles this
   * file is not byte-reproducible (its content is).
   */
  public static void writeGeoPackage(Path outDir, Path gpkg) {
    List<org.landledger.io.Layer> all = new ArrayList<>();
    for (String name : LAYERS) {
      all.add(org.landledger.io.Layers.read(outDir.resolve(name + ".shp")));
    }
    org.landledger.io.Layers.write(all, gpkg, WriteOptions.DEFAULT);
  }

  /**
   * Generates the sample layers into {@code outDir} (created if needed; same-named files replaced).
   *
   * @param crs output CRS (null: EPSG:4527); geometries are generated in EPSG:4527 and reprojected
   * @param progress receives one line per county and per stage at county scale and above
   */
  public static SampleSummary generate(Path outDir, Scale scale, long seed, Crs crs, Consumer<String> progress) {
    return generate(outDir, scale.layout, scale.name().toLowerCase(java.util.Locale.ROOT), seed, crs, progress);
  }

  static SampleSummary generate(Path outDir, Layout scale, String label, long seed, Crs crs,
      Consumer<String> progress) {
    long t0 = System.nanoTime();
    Crs nativeCrs = Crs.epsg(NATIVE_EPSG);
    Crs target = crs == null ? nativeCrs : crs;
    boolean reproject = !target.equals(nativeCrs);
    AreaCalculator area = AreaCalculator.of(nativeCrs, AreaMode.ELLIPSOIDAL);
    LandUseCodes codes = LandUseCodes.standard();
    World world = new World(seed, scale);
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, Double> byGroup = new TreeMap<>();
    double total = 0;
    double farmNet = 0;
    double tiankan = 0;
    List<String> counties = new ArrayList<>();
    java.util.Set<String> usedNames = new java.util.HashSet<>();
    if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
      throw new IllegalArgumentException("--out " + outDir + " is a file, not a folder");
    }
    Path tmp;
    try {
      Files.createDirectories(outDir);
      tmp = Files.createTempDirectory(outDir, ".landledger-samples-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + outDir + ": " + e.getMessage(), e);
    }
    Map<String, ShapefileStreamWriter> writers = new LinkedHashMap<>();
    boolean ok = false;
    try {
      for (String name : LAYERS) {
        writers.put(name, ShapefileStreamWriter.open(tmp.resolve(name + ".shp"), SCHEMAS.get(name), target,
            WriteOptions.gbk()));
      }
      int nCounties = scale.counties();
      int done = 0;
      for (int ty = 0; ty < scale.countiesY(); ty++) {
        for (int tx = 0; tx < scale.countiesX(); tx++) {
          String code = scale.tiled() ? String.format("37%02d%02d", 90 + ty, 21 + tx) : "379981";
          String name = scale.tiled()
              ? ChineseNames.place(seed, Hashing.hash(seed, tx, ty, 1), 2, usedNames) + "县"
              : "禾丰市";
          County county = new County(world, tx, ty, code, name, usedNames);
          CountyLayers layers = new CountyLayers(county, area);
          layers.build(scale.compact() ? s -> { } : progress);
          counties.add(code + " " + name);
          Map<String, List<Feature>> out = new LinkedHashMap<>();
          out.put("XZQ", layers.xzq);
          out.put("CJDCQ", layers.cjdcq);
          out.put("DLTB", layers.dltb);
          out.put("DLTB_BEFORE", layers.dltbBefore);
          out.put("YJJBNTTB", layers.yjjbnttb);
          out.put("STBHHX", layers.stbhhx);
          out.put("CZKFBJ", layers.czkfbj);
          out.put("ZJD", layers.zjd);
          out.put("AZQ", layers.azq);
          out.put("CJQ", layers.cjq);
          out.put("JXQ", layers.jxq);
          out.put("PLAN", layers.plan);
          for (Map.Entry<String, List<Feature>> e : out.entrySet()) {
            ShapefileStreamWriter wr = writers.get(e.getKey());
            for (Feature f : e.getValue()) {
              wr.write(reproject ? f.withGeometry(nativeCrs.transform(f.geometry(), target)) : f);
            }
          }
          for (Feature f : layers.dltb) {
            LandUseClass cls = codes.find((String) f.get("DLBM")).orElseThrow();
            double tbmj = ((Number) f.get("TBMJ")).doubleValue();
            byGroup.merge(cls.groupCode() + " " + cls.groupZh(), tbmj, Double::sum);
            total += tbmj;
            tiankan += ((Number) f.get("KCMJ")).doubleValue();
            if (cls.farmland()) {
              farmNet += ((Number) f.get("TBDLMJ")).doubleValue();
            }
          }
          done++;
          if (!scale.compact()) {
            progress.accept(String.format("  县 county %d/%d %s %s: %,d 图斑 DLTB, %,d 宗地 ZJD (%.1f s)", done, nCounties,
                code, name, layers.dltb.size(), layers.zjd.size(), (System.nanoTime() - t0) / 1e9));
          }
        }
      }
      for (Map.Entry<String, ShapefileStreamWriter> e : writers.entrySet()) {
        counts.put(e.getKey(), e.getValue().count());
        e.getValue().close();
      }
      moveAll(tmp, outDir);
      ok = true;
    } finally {
      if (!ok) {
        writers.values().forEach(ShapefileStreamWriter::abort);
      }
      deleteTree(tmp);
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    return new SampleSummary(outDir, label, seed, target.toString(), counts, byGroup, total, farmNet, tiankan,
        counties, millis);
  }

  private static void moveAll(Path from, Path to) {
    try (var s = Files.list(from)) {
      for (Path p : s.sorted().toList()) {
        Path dst = to.resolve(p.getFileName().toString());
        try {
          Files.move(p, dst, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(p, dst, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the sample layers into " + to + ": " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a leftover hidden temp folder is harmless
    }
  }
}
