package org.landledger.qc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 质检参数: the tolerances of {@code qc} (m², m, relative). Defaults: overlaps and gaps above 0.01 m²; slivers below
 * 1 m² or a mean width (2 × area ÷ perimeter) below 0.5 m; TBMJ within 0.01 m² + 1e-6 × area of the official
 * ellipsoidal area; KCMJ and TBDLMJ within 0.01 m² (they are stored to 0.01 m²); cross-layer pieces count from 1 m²
 * and a mean width of 2 m (narrower ones are registration slivers between separately digitised layers).
 */
public record QcOptions(double overlapToleranceM2, double gapToleranceM2, double sliverAreaM2, double sliverWidthM,
    double tbmjAbsM2, double tbmjRelative, double fieldToleranceM2, double crossLayerMinAreaM2,
    double crossLayerMinWidthM) {

  public static final QcOptions DEFAULT = new QcOptions(0.01, 0.01, 1.0, 0.5, 0.01, 1e-6, 0.01, 1.0, 2.0);

  public QcOptions {
    for (double v : new double[] {overlapToleranceM2, gapToleranceM2, sliverAreaM2, sliverWidthM, tbmjAbsM2,
        tbmjRelative, fieldToleranceM2, crossLayerMinAreaM2, crossLayerMinWidthM}) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("qc tolerances must be finite and ≥ 0, got " + v);
      }
    }
  }

  /** TBMJ tolerance for an area: absolute + relative × area. */
  public double tbmjTolerance(double areaM2) {
    return tbmjAbsM2 + tbmjRelative * Math.abs(areaM2);
  }

  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("overlapToleranceM2", overlapToleranceM2);
    m.put("gapToleranceM2", gapToleranceM2);
    m.put("sliverAreaM2", sliverAreaM2);
    m.put("sliverWidthM", sliverWidthM);
    m.put("tbmjToleranceM2", tbmjAbsM2);
    m.put("tbmjToleranceRelative", tbmjRelative);
    m.put("fieldToleranceM2", fieldToleranceM2);
    m.put("crossLayerMinAreaM2", crossLayerMinAreaM2);
    m.put("crossLayerMinWidthM", crossLayerMinWidthM);
    return m;
  }
}
