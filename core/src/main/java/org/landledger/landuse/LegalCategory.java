package org.landledger.landuse;

/** 三大类: the legal land categories of the Land Administration Law — 农用地, 建设用地, 未利用地. */
public enum LegalCategory {
  AGRICULTURAL("农用地"),
  CONSTRUCTION("建设用地"),
  UNUSED("未利用地");

  private final String zh;

  LegalCategory(String zh) {
    this.zh = zh;
  }

  public String zh() {
    return zh;
  }
}
