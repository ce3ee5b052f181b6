package org.landledger.redline;

/** 检查结论: FAIL (不通过), WARN (需关注：占补平衡或边界外), PASS (通过). */
public enum Status {
  FAIL("不通过", "fail"),
  WARN("预警", "warning"),
  PASS("通过", "pass");

  private final String zh;
  private final String en;

  Status(String zh, String en) {
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
