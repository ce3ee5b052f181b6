package org.landledger.collective;

import java.util.Locale;

/**
 * 入市方式: how collective operational construction land enters the market — 出让 (grant of the use right for a
 * term), 出租 (lease) or 作价出资（入股） (contributed as capital / shares); 财税〔2016〕41号 names all three, and
 * counties set the 调节金 rate by method among other factors.
 */
public enum MarketMethod {
  GRANT("grant", "出让"),
  LEASE("lease", "出租"),
  SHARE("share", "作价出资入股");

  private final String code;
  private final String chinese;

  MarketMethod(String code, String chinese) {
    this.code = code;
    this.chinese = chinese;
  }

  /** The code used in profiles and on the command line: grant, lease, share. */
  public String code() {
    return code;
  }

  public String chinese() {
    return chinese;
  }

  /** grant|lease|share, or the Chinese 出让/出租/租赁/作价出资/入股/作价出资入股; bad input otherwise. */
  public static MarketMethod parse(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "grant", "出让" -> GRANT;
      case "lease", "出租", "租赁" -> LEASE;
      case "share", "作价出资", "入股", "作价出资入股", "作价出资（入股）", "作价出资(入股)" -> SHARE;
      default -> throw new IllegalArgumentException("unknown market method '" + s
          + "' (grant 出让, lease 出租, share 作价出资入股)");
    };
  }
}
