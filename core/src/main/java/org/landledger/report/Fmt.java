package org.landledger.report;

import java.util.Locale;
import org.landledger.geo.Units;

/** 数字格式: how reports print areas — m² and 亩 with 2 decimals, 公顷 with 4 (1 亩 = 666.67 m²). */
public final class Fmt {

  private Fmt() {}

  public static String m2(double m2) {
    return String.format(Locale.ROOT, "%,.2f", m2);
  }

  public static String mu(double m2) {
    return String.format(Locale.ROOT, "%,.2f", Units.m2ToMu(m2));
  }

  public static String ha(double m2) {
    return String.format(Locale.ROOT, "%,.4f", Units.m2ToHa(m2));
  }

  public static String num(double v, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  public static String integer(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }
}
