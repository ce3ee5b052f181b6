package org.landledger.homestead;

/** 宅基地问题类型: what a finding says about a parcel. */
public enum FindingType {
  /** 一户多宅: the household holds more homesteads than allowed. */
  MULTIPLE_HOMESTEADS("一户多宅", "household with more than one homestead"),
  /** 面积超标: parcel area above the provincial standard. */
  OVERSIZE("面积超标", "area above the standard"),
  /** 户面积超标: the household's parcels together exceed the household standard (each parcel may be within it). */
  HOUSEHOLD_OVERSIZE("户宅基地面积超标", "household total above the household standard"),
  /** 违法占用: the homestead lies on 永久基本农田 or 耕地 (三调 DLTB). */
  HOMESTEAD_ON_FARMLAND("占用耕地或永久基本农田（违法占用）", "homestead on farmland or permanent basic farmland"),
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
