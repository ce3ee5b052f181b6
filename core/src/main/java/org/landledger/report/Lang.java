package org.landledger.report;

import java.util.Locale;

/** 报告语言: Chinese (default) or English. */
public enum Lang {
  ZH("zh-CN"),
  EN("en");

  private final String tag;

  Lang(String tag) {
    this.tag = tag;
  }

  /** The HTML {@code lang} attribute value. */
  public String tag() {
    return tag;
  }

  /** Parses {@code zh}/{@code cn}/{@code zh-cn} or {@code en}; anything else is a bad option. */
  public static Lang parse(String s) {
    String v = s == null ? "zh" : s.trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "zh", "cn", "zh-cn", "zh_cn" -> ZH;
      case "en" -> EN;
      default -> throw new IllegalArgumentException("--lang must be zh or en, got " + s);
    };
  }
}
