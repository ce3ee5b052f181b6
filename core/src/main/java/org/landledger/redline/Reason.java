package org.landledger.redline;

/**
 * 冲突原因: why a plan parcel does not pass — the reason codes written to every output, exactly as named.
 * Permanent farmland and the eco red line fail a parcel; farmland occupation and lying outside the urban
 * development boundary warn.
 */
public enum Reason {
  PERMANENT_FARMLAND("占用永久基本农田", "occupies permanent basic farmland", Status.FAIL),
  ECO_REDLINE("占用生态保护红线", "inside the ecological protection red line", Status.FAIL),
  FARMLAND_OCCUPIED("占用耕地", "occupies farmland", Status.WARN),
  OUTSIDE_DEV_BOUNDARY("位于城镇开发边界外", "outside the urban development boundary", Status.WARN);

  private final String zh;
  private final String en;
  private final Status status;

  Reason(String zh, String en, Status status) {
    this.zh = zh;
    this.en = en;
    this.status = status;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** The status this reason gives a parcel. */
  public Status status() {
    return status;
  }
}
