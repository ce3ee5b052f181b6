package org.landledger.spark;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.landuse.LandUseOverlay;

/**
 * 叠加基准: overlays a plan layer on DLTB with the local engine and with Sedona, checks that both give
 * the same areas by land-use code, and prints the timings (read, Spark start, overlay) as Markdown.
 *
 * <pre>java [Spark --add-opens flags] -cp … org.landledger.spark.OverlayBench LANDUSE PLAN [MASTER] [planar|ellipsoidal]</pre>
 *
 * Used by {@code bench/sedona-overlay.sh}.
 */
public final class OverlayBench {

  private OverlayBench() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: OverlayBench LANDUSE PLAN [MASTER (local[*])] [planar|ellipsoidal]");
      System.exit(2);
    }
    String master = args.length > 2 ? args[2] : "local[*]";
    AreaMode mode = args.length > 3 ? AreaMode.valueOf(args[3].toUpperCase(Locale.ROOT)) : AreaMode.ELLIPSOIDAL;
    long t0 = System.nanoTime();
    Layer landUse = Layers.read(args[0]);
    Layer read = Layers.read(args[1]);
    // Plans in another CRS are reprojected to the land-use layer's, as the analyses do.
    Layer plans = read.crs() == null || read.crs().equals(landUse.crs()) ? read
        : read.map(f -> f.geometry() == null ? f : f.withGeometry(read.crs().transform(f.geometry(), landUse.crs())));
    long t1 = System.nanoTime();
    LandUseOverlay overlay = new LandUseOverlay(landUse, AreaCalculator.of(landUse.crs(), mode));
    Map<String, Double> local = new TreeMap<>();
    for (Feature p : plans.features()) {
      LandUseOverlay.areaByCode(overlay.pieces(p.geometry())).forEach((k, v) -> local.merge(k, v, Double::sum));
    }
    long t2 = System.nanoTime();
    SparkSession spark = SedonaOverlay.session(master);
    SedonaOverlay sedona = new SedonaOverlay(spark);
    long t3 = System.nanoTime();
    Map<String, Double> distributed = new TreeMap<>();
    for (List<LandUseOverlay.Piece> ps : sedona.pieces(plans, overlay).values()) {
      LandUseOverlay.areaByCode(ps).forEach((k, v) -> distributed.merge(k, v, Double::sum));
    }
    long t4 = System.nanoTime();
    spark.stop();
    boolean same = local.keySet().equals(distributed.keySet())
        && local.entrySet().stream().allMatch(e -> Math.abs(e.getValue() - distributed.get(e.getKey())) <= 1e-6 * Math.max(1, Math.abs(e.getValue())));
    System.out.printf(Locale.ROOT, "## Overlay: local engine vs Sedona (%s, %s areas)%n%n", master, mode);
    System.out.printf(Locale.ROOT, "- inputs: landuse `%s` (%d features), plan `%s` (%d features)%n",
        args[0], landUse.size(), args[1], plans.size());
    System.out.printf(Locale.ROOT, "- JVM: %s, max heap %d MiB, %d processors%n%n", System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
    System.out.println("| step | seconds |");
    System.out.println("| --- | --- |");
    System.out.printf(Locale.ROOT, "| read both layers | %.3f |%n", (t1 - t0) / 1e9);
    System.out.printf(Locale.ROOT, "| local overlay (index + per-pair rule) | %.3f |%n", (t2 - t1) / 1e9);
    System.out.printf(Locale.ROOT, "| Spark + Sedona start | %.3f |%n", (t3 - t2) / 1e9);
    System.out.printf(Locale.ROOT, "| Sedona overlay (join + same per-pair rule) | %.3f |%n%n", (t4 - t3) / 1e9);
    System.out.println("| 地类 code | local m² | Sedona m² |");
    System.out.println("| --- | --- | --- |");
    local.forEach((k, v) -> System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f |%n", k, v, distributed.getOrDefault(k, 0.0)));
    System.out.println();
    System.out.println(same ? "Same areas by code from both engines." : "**MISMATCH between the engines.**");
    System.exit(same ? 0 : 1);
  }
}
