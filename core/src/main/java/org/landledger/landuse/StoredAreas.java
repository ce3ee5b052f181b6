package org.landledger.landuse;

import org.landledger.io.Feature;
import org.landledger.io.InputDataException;

/**
 * 图斑面积字段: the areas a 三调 图斑 carries as attributes — TBMJ 图斑面积 (the ellipsoidal area, m²), KCMJ 扣除地类
 * 面积 and TBDLMJ 图斑地类面积 — and its BSM 标识码 (the feature id when BSM is absent). Missing or blank values are
 * null; text that is not a number is bad input (file, BSM and field named).
 */
public record StoredAreas(String bsm, Double tbmj, Double kcmj, Double tbdlmj) {

  public static final String BSM = "BSM";
  public static final String TBMJ = "TBMJ";
  public static final String KCMJ = "KCMJ";
  public static final String TBDLMJ = "TBDLMJ";

  public static StoredAreas of(Feature f, String location) {
    String bsm = bsm(f);
    return new StoredAreas(bsm, number(f, TBMJ, bsm, location), number(f, KCMJ, bsm, location),
        number(f, TBDLMJ, bsm, location));
  }

  /** BSM, or the feature id when the layer has none. */
  public static String bsm(Feature f) {
    String b = f.string(BSM);
    return b == null ? f.id() : b;
  }

  /** A numeric attribute (null when absent or blank). */
  public static Double number(Feature f, String field, String bsm, String location) {
    try {
      Double v = f.number(field);
      if (v != null && !Double.isFinite(v)) {
        throw new InputDataException(location, bsm, field, "not a finite number: " + f.get(field), null);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new InputDataException(location, bsm, field, "not a number: " + f.get(field), null);
    }
  }

  /** TBMJ, required (the tie-out and {@code --area tbmj} need it). */
  public double requireTbmj(String location) {
    if (tbmj == null) {
      throw new InputDataException(location, bsm, TBMJ, "missing 图斑面积 TBMJ", null);
    }
    return tbmj;
  }
}
