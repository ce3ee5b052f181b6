package org.landledger.redline.compensation;

/** 三类指标数值: one value per 占补平衡 indicator — area and paddy area in m², grain capacity in kg. */
public record Amounts(double areaM2, double paddyM2, double capacityKg) {

  public static final Amounts ZERO = new Amounts(0, 0, 0);

  public double get(Indicator i) {
    return switch (i) {
      case AREA -> areaM2;
      case PADDY -> paddyM2;
      case CAPACITY -> capacityKg;
    };
  }

  public Amounts with(Indicator i, double v) {
    return switch (i) {
      case AREA -> new Amounts(v, paddyM2, capacityKg);
      case PADDY -> new Amounts(areaM2, v, capacityKg);
      case CAPACITY -> new Amounts(areaM2, paddyM2, v);
    };
  }

  public Amounts plus(Amounts o) {
    return new Amounts(areaM2 + o.areaM2, paddyM2 + o.paddyM2, capacityKg + o.capacityKg);
  }

  public Amounts minus(Amounts o) {
    return new Amounts(areaM2 - o.areaM2, paddyM2 - o.paddyM2, capacityKg - o.capacityKg);
  }

  public boolean anyPositive() {
    return areaM2 > 0 || paddyM2 > 0 || capacityKg > 0;
  }
}
