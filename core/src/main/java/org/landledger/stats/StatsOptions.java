package org.landledger.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 汇总参数: the control-area field (null: detect KZMJ, DCMJ, MJ), whether to 平差 to it, and the TBMJ tie-out
 * tolerance (default 0.01 m² + 1e-6 × area).
 */
public record StatsOptions(String controlField, boolean adjust, double tieOutAbsM2, double tieOutRelative) {

  public static final StatsOptions DEFAULT = new StatsOptions(null, false, 0.01, 1e-6);

  public StatsOptions {
    if (!(tieOutAbsM2 >= 0) || !(tieOutRelative >= 0) || Double.isInfinite(tieOutAbsM2)
        || Double.isInfinite(tieOutRelative)) {
      throw new IllegalArgumentException("tie-out tolerances must be finite and ≥ 0");
    }
  }

  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("controlField", controlField);
    m.put("adjust", adjust);
    m.put("tieOutToleranceM2", tieOutAbsM2);
    m.put("tieOutToleranceRelative", tieOutRelative);
    return m;
  }
}
