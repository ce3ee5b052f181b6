package org.landledger.homestead;

/** 宅基地问题类型: what a finding says about a parcel. */
public enum FindingType {
  /** 一户多宅: the household holds more homesteads than allowed. */
  MULTIPLE_HOMESTEADS("一户多宅", "household with more than one homestead"),
  /** 面积超标: parcel area above the provincial standard. */
  OVERSIZE("面积超标", "area above the standard"),
  /** 闲置: parcel marked idle in the status field. */
  IDLE("闲置宅基地", "idle homestead");

  private final String zh;
  private final String en;

  FindingType(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
