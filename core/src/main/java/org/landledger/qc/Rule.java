package org.landledger.qc;

/**
 * 质检规则: the quality rules of a 三调 layer, by id (the ids are part of the command-line contract of
 * {@code landledger qc}: {@code qc.json} findings carry them as {@code rule}). Each rule names its group
 * (topology, attribute per TD/T 1055-2019, cross-layer), a Chinese and an English title.
 */
public enum Rule {
  OVERLAP("topology", "图斑重叠", "overlapping polygons"),
  GAP("topology", "图斑间缝隙", "gap between polygons"),
  INVALID_GEOMETRY("topology", "几何无效", "invalid geometry"),
  SLIVER("topology", "碎小/狭长图斑", "sliver polygon"),
  MULTIPART("topology", "多部件图斑", "multipart polygon"),
  DLBM_UNKNOWN("attribute", "地类编码不在代码表中", "land-use code not in the code list"),
  DLMC_MISMATCH("attribute", "地类名称与地类编码不符", "land-use name does not match its code"),
  KCDLBM_MISMATCH("attribute", "扣除地类编码与扣除系数不符", "deduction class inconsistent with its coefficient"),
  KCMJ_INCONSISTENT("attribute", "扣除地类面积 ≠ 图斑面积 × 扣除系数", "KCMJ ≠ TBMJ × KCXS"),
  TBDLMJ_INCONSISTENT("attribute", "图斑地类面积 ≠ 图斑面积 − 扣除地类面积", "TBDLMJ ≠ TBMJ − KCMJ"),
  TBMJ_MISMATCH("attribute", "图斑面积与椭球面积不符", "TBMJ differs from the ellipsoidal area"),
  ZLDWDM_FORMAT("attribute", "坐落单位代码格式或归属错误", "ZLDWDM malformed or in the wrong unit"),
  QSDWDM_FORMAT("attribute", "权属单位代码格式错误", "QSDWDM malformed"),
  BSM_DUPLICATE("attribute", "标识码重复", "duplicate BSM"),
  SJNF_INCONSISTENT("attribute", "数据年份不一致", "inconsistent data year"),
  FARMLAND_FIELD_ON_NON_FARMLAND("attribute", "非耕地图斑填写了耕地类型或耕地坡度级别",
      "GDLX/GDPDJB on a non-farmland polygon"),
  GDPDJB_MISSING("attribute", "耕地图斑缺少耕地坡度级别", "farmland polygon without a slope grade"),
  PBF_ON_NON_FARMLAND("cross-layer", "永久基本农田落在非耕地图斑上", "permanent basic farmland on non-farmland"),
  CZKFBJ_STBHHX_OVERLAP("cross-layer", "城镇开发边界与生态保护红线重叠", "development boundary overlaps the eco red line"),
  PBF_CZKFBJ_OVERLAP("cross-layer", "永久基本农田与城镇开发边界重叠", "permanent basic farmland inside the development boundary");

  private final String group;
  private final String titleZh;
  private final String titleEn;

  Rule(String group, String titleZh, String titleEn) {
    this.group = group;
    this.titleZh = titleZh;
    this.titleEn = titleEn;
  }

  public String group() {
    return group;
  }

  public String titleZh() {
    return titleZh;
  }

  public String titleEn() {
    return titleEn;
  }
}
