package org.landledger.linkage;

/** 挂钩项目违规类型: why a project area does not balance or may not be approved as drawn. */
public enum ViolationCode {
  CONSTRUCTION_EXCEEDS_DEMOLITION("建新面积超过拆旧复垦的建设用地面积（建设用地总量增加）",
      "new construction land exceeds the construction land reclaimed"),
  FARMLAND_NOT_BALANCED("复垦耕地面积少于建新占用耕地面积（耕地减少）",
      "reclaimed farmland is less than the farmland occupied"),
  PADDY_NOT_BALANCED("复垦水田面积少于建新占用水田面积（占水田未补水田）",
      "reclaimed paddy is less than the paddy occupied (占水田补水田)"),
  QUALITY_DECREASED("复垦耕地质量等别低于建新占用耕地（质量降低）",
      "reclaimed farmland quality grade is worse than the farmland occupied"),
  DEMOLITION_NOT_CONSTRUCTION_LAND("拆旧地块含非可复垦建设用地（不能计入复垦）",
      "part of a demolition plot is not reclaimable construction land"),
  CONSTRUCTION_IN_PERMANENT_FARMLAND("建新地块占用永久基本农田", "a construction plot occupies permanent basic farmland"),
  CONSTRUCTION_IN_ECO_REDLINE("建新地块占用生态保护红线", "a construction plot lies in the ecological protection red line"),
  CROSS_COUNTY("项目区地块跨县（应在同一县域内）", "plots of the project area lie in more than one county");

  public final String zh;
  public final String en;

  ViolationCode(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }
}
