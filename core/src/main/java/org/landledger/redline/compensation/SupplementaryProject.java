package org.landledger.redline.compensation;

/**
 * 补充耕地项目: a project that created supplementary farmland (土地整治、高标准农田建设、宅基地复垦…), with the
 * three indicators it makes available for 占补平衡: net new farmland area and paddy area (m²) and grain
 * capacity (kg). Only a verified (验收) project may be drawn on (以补定占: occupation only up to compensation
 * already verified); an unverified one is listed as pending.
 */
public record SupplementaryProject(String id, String name, double areaM2, double paddyM2, double capacityKg,
    boolean verified) {

  /** A verified project. */
  public SupplementaryProject(String id, String name, double areaM2, double paddyM2, double capacityKg) {
    this(id, name, areaM2, paddyM2, capacityKg, true);
  }

  public double get(Indicator i) {
    return switch (i) {
      case AREA -> areaM2;
      case PADDY -> paddyM2;
      case CAPACITY -> capacityKg;
    };
  }

  public Amounts amounts() {
    return new Amounts(areaM2, paddyM2, capacityKg);
  }
}
