package org.landledger.landuse;

/**
 * 地类: one class of the 三调 working classification — code (DLBM), names, level-1 group (三调 groups the
 * wetland classes under 00 湿地), legal category, whether it is farmland (耕地 0101–0103) or construction
 * land, and the default ESV ecosystem type (empty when the class carries no ecosystem value).
 */
public record LandUseClass(
    String code,
    String nameZh,
    String nameEn,
    String groupCode,
    String groupZh,
    LegalCategory legalCategory,
    boolean farmland,
    boolean construction,
    String esvEcosystem) {

  /** Paddy field 水田 (0101): tracked separately in 占补平衡. */
  public boolean paddy() {
    return code.equals("0101");
  }

  /** Adjustable class (可调整地类, code ending in K). */
  public boolean adjustable() {
    return code.endsWith("K");
  }
}
