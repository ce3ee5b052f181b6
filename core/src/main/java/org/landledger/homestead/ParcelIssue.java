package org.landledger.homestead;

/**
 * 宗地数据问题: a problem with one input row — malformed ID number, no owner, duplicate parcel code. The value is
 * always masked.
 */
public record ParcelIssue(int row, String parcelId, String field, Kind kind, String maskedValue, String reason) {

  /** What is wrong; errors stop a strict run, warnings are reported. */
  public enum Kind {
    MALFORMED_ID("身份证号码格式错误", true),
    NO_OWNER("无权利人标识", false),
    DUPLICATE_PARCEL_ID("宗地代码重复", true);

    private final String label;
    private final boolean error;

    Kind(String label, boolean error) {
      this.label = label;
      this.error = error;
    }

    public String label() {
      return label;
    }

    public boolean error() {
      return error;
    }
  }

  /** One line for messages: "row 3 (ZDDM …), field ZJH: 220102********1234 — 校验位不符 …". */
  public String describe() {
    StringBuilder sb = new StringBuilder("row ").append(row);
    if (parcelId != null) {
      sb.append(" (").append(parcelId).append(')');
    }
    sb.append(", field ").append(field).append(": ").append(kind.label());
    if (maskedValue != null) {
      sb.append(' ').append(maskedValue);
    }
    if (reason != null) {
      sb.append(" — ").append(reason);
    }
    return sb.toString();
  }
}
