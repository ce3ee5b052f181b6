package org.landledger.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.landledger.landuse.LandUseOverlay;
import org.landledger.landuse.OverlayEngine;
import org.landledger.landuse.OverlayEngines;
import org.locationtech.jts.geom.Geometry;

/**
 * Sedona 叠加引擎: the {@link OverlayEngine} that overlays all targets in one {@link SedonaOverlay} spatial join on
 * a Spark master ({@code local[*]} by default). The Spark session starts at the first overlay (not when the
 * engine is opened) and stops on {@link #close()}.
 */
public final class SedonaOverlayEngine implements OverlayEngine {

  private final String master;
  private SparkSession spark;
  private SedonaOverlay overlay;

  /** The master URL forms Spark accepts (checked here so a typo is a bad option, not a Spark stack trace). */
  private static final java.util.regex.Pattern MASTER = java.util.regex.Pattern.compile(
      "local(\\[(\\*|\\d+)(,\\d+)?])?|local-cluster\\[\\d+,\\d+,\\d+]|(spark|mesos|k8s)://\\S+|yarn");

  public SedonaOverlayEngine(String master) {
    if (master == null || !MASTER.matcher(master.trim()).matches()) {
      throw new IllegalArgumentException("--spark-master must be a Spark master URL (local[*], local[4], "
          + "spark://host:7077, yarn, k8s://…), got " + master);
    }
    this.master = master.trim();
  }

  @Override
  public String name() {
    return OverlayEngines.SEDONA;
  }

  public String master() {
    return master;
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engine", name());
    m.put("sparkMaster", master);
    return m;
  }

  @Override
  public synchronized Pieces pieces(List<Geometry> targets, LandUseOverlay landUse) {
    if (overlay == null) {
      spark = SedonaOverlay.session(master);
      overlay = new SedonaOverlay(spark);
    }
    List<List<LandUseOverlay.Piece>> byTarget = overlay.pieces(targets, landUse);
    return byTarget::get;
  }

  @Override
  public synchronized void close() {
    if (spark != null) {
      spark.stop();
      spark = null;
      overlay = null;
    }
  }

  /** The {@link java.util.ServiceLoader} entry: {@code --engine sedona [--spark-master URL]}. */
  public static final class Provider implements org.landledger.landuse.OverlayEngineProvider {
    @Override
    public String name() {
      return OverlayEngines.SEDONA;
    }

    @Override
    public OverlayEngine open(Map<String, String> options) {
      return new SedonaOverlayEngine(options.getOrDefault("sparkMaster", "local[*]"));
    }
  }
}
