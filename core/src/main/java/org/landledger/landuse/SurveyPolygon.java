package org.landledger.landuse;

import java.util.LinkedHashMap;
import java.util.Map;
import org.landledger.io.Feature;
import org.landledger.io.InputDataException;

/**
 * 地类图斑属性: the 三调 DLTB attributes that area accounting needs — DLBM (land-use code), KCDLBM (deduction
 * class, usually 1203 田坎), KCXS (deduction coefficient, a fraction in [0, 1)), ZLDWDM (村级坐落单位代码) and
 * GDDB (耕地等别 1–15, smaller is better).
 *
 * <p>The one rule for splitting an area between a polygon's class and its 田坎 lives here: of an area A
 * inside the polygon, A × (1 − KCXS) belongs to DLBM and A × KCXS to KCDLBM. Official farmland
 * statistics (TBDLMJ = TBMJ − KCMJ, KCMJ = TBMJ × KCXS) follow the same rule.
 */
public record SurveyPolygon(String id, String dlbm, String kcdlbm, double kcxs, String zldwdm, Integer gddb) {

  public static final String DLBM = "DLBM";
  public static final String KCDLBM = "KCDLBM";
  public static final String KCXS = "KCXS";
  public static final String ZLDWDM = "ZLDWDM";
  public static final String GDDB = "GDDB";
  /** Deduction class used when KCXS &gt; 0 but KCDLBM is blank. */
  public static final String TIANKAN = "1203";

  /**
   * Reads the 三调 fields of a DLTB feature.
   *
   * @param location the file, for messages
   * @throws InputDataException when DLBM is missing or KCXS is not a fraction in [0, 1)
   */
  public static SurveyPolygon of(Feature f, String location) {
    String dlbm = f.string(DLBM);
    if (dlbm == null) {
      throw new InputDataException(location, f.id(), DLBM, "missing land-use code", null);
    }
    double kcxs;
    try {
      Double v = f.number(KCXS);
      kcxs = v == null ? 0.0 : v;
    } catch (NumberFormatException e) {
      throw new InputDataException(location, f.id(), KCXS, "not a number: " + f.get(KCXS), null);
    }
    if (!(kcxs >= 0 && kcxs < 1)) {
      throw new InputDataException(location, f.id(), KCXS,
          "deduction coefficient must be a fraction in [0, 1), got " + kcxs, null);
    }
    String kcdlbm = f.string(KCDLBM);
    if (kcdlbm == null && kcxs > 0) {
      kcdlbm = TIANKAN;
    }
    Integer gddb = null;
    try {
      Double g = f.number(GDDB);
      if (g != null && g > 0) {
        gddb = (int) Math.round(g);
      }
    } catch (NumberFormatException e) {
      throw new InputDataException(location, f.id(), GDDB, "not a quality grade: " + f.get(GDDB), null);
    }
    return new SurveyPolygon(f.id(), dlbm, kcdlbm, kcxs, f.string(ZLDWDM), gddb);
  }

  /** Share of an area that belongs to DLBM: 1 − KCXS. */
  public double netFactor() {
    return 1.0 - kcxs;
  }

  /** Splits an area inside this polygon between DLBM and KCDLBM (× (1 − KCXS) and × KCXS). */
  public Map<String, Double> split(double areaM2) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put(dlbm, areaM2 * netFactor());
    if (kcxs > 0) {
      m.merge(kcdlbm, areaM2 * kcxs, Double::sum);
    }
    return m;
  }

  /** County code: the first 6 digits of ZLDWDM, or null. */
  public String countyCode() {
    return zldwdm != null && zldwdm.length() >= 6 ? zldwdm.substring(0, 6) : null;
  }

  /** Township code: the first 9 digits of ZLDWDM, or null. */
  public String townshipCode() {
    return zldwdm != null && zldwdm.length() >= 9 ? zldwdm.substring(0, 9) : null;
  }

  /**
   * The coupling of two splits of one piece (shares summing to 1 on each side, before and after) that keeps the
   * most on the diagonal: codes on both sides keep min(before, after) (田坎 persists, an unchanged polygon is
   * unchanged); the residual shares are spread proportionally (product / residual total). Rows add up to the
   * before split and columns to the after split. Result: from code → to code → share.
   */
  public static Map<String, Map<String, Double>> couple(Map<String, Double> from, Map<String, Double> to) {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    Map<String, Double> f = new LinkedHashMap<>(from);
    Map<String, Double> g = new LinkedHashMap<>(to);
    for (Map.Entry<String, Double> e : from.entrySet()) {
      Double other = to.get(e.getKey());
      if (other != null) {
        double m = Math.min(e.getValue(), other);
        if (m > 0) {
          out.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).merge(e.getKey(), m, Double::sum);
          f.merge(e.getKey(), -m, Double::sum);
          g.merge(e.getKey(), -m, Double::sum);
        }
      }
    }
    double rest = g.values().stream().mapToDouble(v -> Math.max(0, v)).sum();
    if (rest > 1e-15) {
      f.forEach((a, x) -> {
        if (x > 1e-15) {
          g.forEach((b, y) -> {
            if (y > 1e-15) {
              out.computeIfAbsent(a, k -> new LinkedHashMap<>()).merge(b, x * y / rest, Double::sum);
            }
          });
        }
      });
    }
    return out;
  }
}
