package org.landledger.redline;

import org.landledger.geo.AreaMode;
import org.landledger.landuse.LocalOverlayEngine;
import org.landledger.landuse.OverlayEngine;
import org.landledger.policy.PolicyProfile;
import org.landledger.redline.compensation.GrainCapacityTable;

/**
 * 红线检查选项: area mode (ellipsoidal by default, the 三调 definition), minimum overlap in m² below which a
 * sliver does not change a status (null: the policy profile's {@code redline.minOverlapM2}), the policy
 * profile, the grain capacity table (null: the labelled EXAMPLE table), the parallelism (0: the common
 * fork–join pool) and the engine that overlays the parcels on DLTB (null: the local engine; the caller opens
 * and closes it).
 */
public record RedLineOptions(AreaMode areaMode, Double minOverlapM2, PolicyProfile policy,
    GrainCapacityTable grainTable, int parallelism, OverlayEngine engine) {

  public static final RedLineOptions DEFAULT =
      new RedLineOptions(AreaMode.ELLIPSOIDAL, null, PolicyProfile.nationalDefault(), null, 0);

  /** Options with the local engine. */
  public RedLineOptions(AreaMode areaMode, Double minOverlapM2, PolicyProfile policy,
      GrainCapacityTable grainTable, int parallelism) {
    this(areaMode, minOverlapM2, policy, grainTable, parallelism, null);
  }

  public RedLineOptions {
    areaMode = areaMode == null ? AreaMode.ELLIPSOIDAL : areaMode;
    engine = engine == null ? LocalOverlayEngine.INSTANCE : engine;
    policy = policy == null ? PolicyProfile.nationalDefault() : policy;
    if (minOverlapM2 != null && !(minOverlapM2 >= 0 && !minOverlapM2.isInfinite())) {
      throw new IllegalArgumentException("minimum overlap must be a number of m² ≥ 0, got " + minOverlapM2);
    }
    if (parallelism < 0) {
      throw new IllegalArgumentException("parallelism must be ≥ 0");
    }
  }

  public RedLineOptions withAreaMode(AreaMode m) {
    return new RedLineOptions(m, minOverlapM2, policy, grainTable, parallelism, engine);
  }

  public RedLineOptions withMinOverlapM2(Double m) {
    return new RedLineOptions(areaMode, m, policy, grainTable, parallelism, engine);
  }

  public RedLineOptions withGrainTable(GrainCapacityTable t) {
    return new RedLineOptions(areaMode, minOverlapM2, policy, t, parallelism, engine);
  }

  public RedLineOptions withParallelism(int n) {
    return new RedLineOptions(areaMode, minOverlapM2, policy, grainTable, n, engine);
  }

  public RedLineOptions withEngine(OverlayEngine e) {
    return new RedLineOptions(areaMode, minOverlapM2, policy, grainTable, parallelism, e);
  }

  /** The minimum overlap in force: the option, else the policy profile's. */
  public double effectiveMinOverlapM2() {
    return minOverlapM2 != null ? minOverlapM2 : policy.number("redline.minOverlapM2");
  }
}
