package org.landledger.redline.compensation;

import java.util.Map;

/**
 * 应补耕地指标: the supplementary farmland one occupation owes under 占一补一、占水田补水田、占优补优 — net farmland
 * area, paddy area (both m²) and grain capacity (kg) — plus the net farmland area whose quality grade is
 * unknown (no GDDB), for which capacity could not be computed and which the report must flag.
 */
public record CompensationOwed(double areaM2, double paddyM2, double capacityKg, double ungradedM2,
    Map<Integer, Double> netAreaByGrade) {

  public static final CompensationOwed NONE = new CompensationOwed(0, 0, 0, 0, Map.of());

  public CompensationOwed {
    netAreaByGrade = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(netAreaByGrade));
  }

  public double get(Indicator i) {
    return switch (i) {
      case AREA -> areaM2;
      case PADDY -> paddyM2;
      case CAPACITY -> capacityKg;
    };
  }

  public boolean isZero() {
    return areaM2 == 0 && paddyM2 == 0 && capacityKg == 0 && ungradedM2 == 0;
  }

  public CompensationOwed plus(CompensationOwed o) {
    Map<Integer, Double> g = new java.util.TreeMap<>(netAreaByGrade);
    o.netAreaByGrade.forEach((k, v) -> g.merge(k, v, Double::sum));
    return new CompensationOwed(areaM2 + o.areaM2, paddyM2 + o.paddyM2, capacityKg + o.capacityKg,
        ungradedM2 + o.ungradedM2, g);
  }
}
