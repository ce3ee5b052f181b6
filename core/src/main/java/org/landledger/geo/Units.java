package org.landledger.geo;

/** 面积单位: m², 公顷 (ha) and 亩, converted in one place. 1 ha = 10 000 m² = 15 亩; 1 亩 = 10 000/15 m². */
public final class Units {

  public static final double M2_PER_HA = 10_000.0;
  public static final double MU_PER_HA = 15.0;
  /** 1 亩 = 10000/15 m² ≈ 666.667 m². */
  public static final double M2_PER_MU = M2_PER_HA / MU_PER_HA;

  private Units() {}

  public static double m2ToHa(double m2) {
    return m2 / M2_PER_HA;
  }

  /** m² → 亩: m² × 15 / 10000 (multiplying first keeps exact values exact, e.g. 10000 m² → 15 亩). */
  public static double m2ToMu(double m2) {
    return m2 * MU_PER_HA / M2_PER_HA;
  }

  public static double muToM2(double mu) {
    return mu * M2_PER_HA / MU_PER_HA;
  }

  public static double haToM2(double ha) {
    return ha * M2_PER_HA;
  }
}
