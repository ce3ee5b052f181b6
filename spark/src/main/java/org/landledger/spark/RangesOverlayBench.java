package org.landledger.spark;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.landledger.geo.AreaMode;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.io.ReadOptions;
import org.landledger.landuse.LandUseOverlay;
import org.locationtech.jts.geom.Geometry;

/**
 * 分段叠加基准: the plan-on-DLTB overlay of the red-line check on Sedona with the land-use layer read by the Spark
 * tasks in record ranges ({@link LandUseRanges}); the driver reads only the plan layer. Prints one Markdown table
 * row (records, targets, pieces, area by code checksum, seconds), for the scaling curve in BENCHMARKS.md.
 *
 * <pre>java [Spark --add-opens flags] -cp … org.landledger.spark.RangesOverlayBench LANDUSE PLAN [MASTER] [RECORDS_PER_TASK] [planar|ellipsoidal] [check]</pre>
 *
 * With {@code check}, the local engine's areas by code are computed too (the DLTB then read whole, after the
 * timings) and compared; exit 1 if they differ.
 */
public final class RangesOverlayBench {

  private RangesOverlayBench() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: RangesOverlayBench LANDUSE PLAN [MASTER (local[*])] [RECORDS_PER_TASK (50000)] [planar|ellipsoidal] [check]");
      System.exit(2);
    }
    String master = args.length > 2 ? args[2] : "local[*]";
    long perTask = args.length > 3 ? Long.parseLong(args[3]) : 50_000;
    AreaMode mode = args.length > 4 ? AreaMode.valueOf(args[4].toUpperCase(Locale.ROOT)) : AreaMode.ELLIPSOIDAL;
    long t0 = System.nanoTime();
    LandUseRanges landUse = new LandUseRanges(args[0], ReadOptions.DEFAULT, perTask);
    Layer read = Layers.read(args[1]);
    // Plans in another CRS are reprojected to the land-use layer's, as the analyses do.
    List<Geometry> targets = read.features().stream().map(Feature::geometry)
        .map(g -> g == null || read.crs() == null || read.crs().equals(landUse.crs()) ? g
            : read.crs().transform(g, landUse.crs()))
        .toList();
    long t1 = System.nanoTime();
    SparkSession spark = SedonaOverlay.session(master);
    SedonaOverlay sedona = new SedonaOverlay(spark);
    long t2 = System.nanoTime();
    List<List<LandUseOverlay.Piece>> pieces = sedona.pieces(targets, landUse, mode);
    long t3 = System.nanoTime();
    spark.stop();
    Map<String, Double> byCode = new TreeMap<>();
    long n = 0;
    for (List<LandUseOverlay.Piece> ps : pieces) {
      n += ps.size();
      LandUseOverlay.areaByCode(ps).forEach((k, v) -> byCode.merge(k, v, Double::sum));
    }
    double total = byCode.values().stream().mapToDouble(Double::doubleValue).sum();
    System.out.println("| DLTB records | ranges | plan parcels | pieces | Σ area by code m² | DLTB header + read plan s | Spark start s | overlay s |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
    System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %.2f | %.1f | %.1f | %.1f |%n", landUse.count(),
        landUse.ranges().size(), targets.size(), n, total, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
    if (args.length > 5 && args[5].equals("check")) {
      Layer dltb = Layers.read(args[0]);
      org.landledger.geo.GeometryRepair repair = new org.landledger.geo.GeometryRepair(true);
      LandUseOverlay local = new LandUseOverlay(dltb.map(f -> f.geometry() == null ? f : repair.check(args[0], f)),
          org.landledger.geo.AreaCalculator.of(dltb.crs(), mode));
      Map<String, Double> localByCode = new TreeMap<>();
      for (Geometry g : targets) {
        LandUseOverlay.areaByCode(local.pieces(g)).forEach((k, v) -> localByCode.merge(k, v, Double::sum));
      }
      boolean same = localByCode.equals(byCode);
      System.out.println(same ? "Local engine: the same areas by code (exactly)." : "**MISMATCH with the local engine**: " + localByCode);
      System.exit(same ? 0 : 1);
    }
  }
}
