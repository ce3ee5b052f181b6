package org.landledger.collective;

import java.util.Locale;

/**
 * 调节金计征基数: what the 调节金 rate is applied to. 财税〔2016〕41号 defines the fee on the land value increment
 * (入市收入 − 取得成本 − 土地开发支出) at 20 %–50 %; several pilot counties instead levy a (lower) rate on the whole
 * transaction price (成交总价款), where the 20 %–50 % range of 41号 does not apply.
 */
public enum FeeBase {
  INCREMENT("increment", "土地增值收益"),
  PRICE("price", "成交总价款");

  private final String code;
  private final String chinese;

  FeeBase(String code, String chinese) {
    this.code = code;
    this.chinese = chinese;
  }

  public String code() {
    return code;
  }

  public String chinese() {
    return chinese;
  }

  /** increment|price (or 增值收益/总价款); bad input otherwise. */
  public static FeeBase parse(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "increment", "增值收益", "土地增值收益" -> INCREMENT;
      case "price", "总价款", "成交总价款", "成交价款" -> PRICE;
      default -> throw new IllegalArgumentException("unknown fee base '" + s + "' (increment 增值收益, price 成交总价款)");
    };
  }
}
