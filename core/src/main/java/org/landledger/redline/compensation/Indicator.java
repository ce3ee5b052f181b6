package org.landledger.redline.compensation;

/**
 * 占补平衡指标: the three indicators by which requisition–compensation is accounted since 国土资规〔2017〕13号 —
 * farmland area (数量, net of 田坎, m²), paddy area (水田规模, m²) and grain productivity capacity (粮食产能, kg).
 */
public enum Indicator {
  AREA("耕地数量", "farmland area", "m²"),
  PADDY("水田规模", "paddy area", "m²"),
  CAPACITY("粮食产能", "grain capacity", "kg");

  private final String zh;
  private final String en;
  private final String unit;

  Indicator(String zh, String en, String unit) {
    this.zh = zh;
    this.en = en;
    this.unit = unit;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  public String unit() {
    return unit;
  }
}
