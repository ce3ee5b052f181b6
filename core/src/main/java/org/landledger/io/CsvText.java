package org.landledger.io;

/** CSV 字段: a value as an RFC 4180 field (quoted when it holds a comma, quote or line break; null → empty). */
public final class CsvText {

  private CsvText() {}

  public static String field(String s) {
    if (s == null) {
      return "";
    }
    return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
        ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
