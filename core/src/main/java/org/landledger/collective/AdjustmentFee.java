package org.landledger.collective;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.policy.PolicyProfile;

/**
 * 土地增值收益调节金: the fee paid when collective operational construction land goes on the market
 * (集体经营性建设用地入市), and how the rest is shared between the collective and its members.
 *
 * <p>Rules (财税〔2016〕41号, extended by 财税〔2023〕52号): the fee is 20 %–50 % of the land value increment
 * (入市收入 − 取得成本 − 土地开发支出), for first entry and re-transfer alike; the pilot county sets the rate
 * considering use, land grade (zone) and method (出让/出租/作价出资入股). Some counties levy on the whole
 * transaction price instead; the {@link FeeBase} says which, and the 20 %–50 % range is applied to the
 * increment base only. Rates come from the profile's {@code collective.adjustmentFeeRates} table (rows
 * {@code {zone, use, method, base, rate}}, {@code "*"} for any; the most specific matching row wins) or from a
 * rate given by the caller with its base.
 *
 * <p>Arithmetic (half-up to 0.01 元): increment = max(0, price − cost); baseAmount = increment or price; fee =
 * round2(baseAmount × rate); net = max(0, price − cost − fee) (cost 0 when not given); members = round2(net ×
 * memberShare); collective = price − fee − members, so fee + collective + members = price exactly.
 */
public final class AdjustmentFee {

  public static final String RANGE_KEY = "collective.adjustmentFeeRateRange";
  public static final String RATES_KEY = "collective.adjustmentFeeRates";
  public static final String MEMBER_SHARE_KEY = "collective.memberShare";
  static final String ANY = "*";

  private AdjustmentFee() {}

  /** One market entry: price, cost basis (null when unknown; needed for the increment base), zone, use, method. */
  public record Sale(BigDecimal priceYuan, BigDecimal costBasisYuan, String zone, String use, MarketMethod method) {}

  /** The rate that applies, its base, and where it came from (the matched profile row, or the caller). */
  public record Rule(BigDecimal rate, FeeBase base, String matched, String source) {}

  /** The result; {@code incrementYuan} is null when no cost basis was given, {@code membersYuan} without a share. */
  public record Result(Sale sale, Rule rule, BigDecimal priceYuan, BigDecimal costBasisYuan, BigDecimal incrementYuan,
      BigDecimal baseAmountYuan, boolean rangeApplied, BigDecimal feeYuan, BigDecimal netYuan, BigDecimal collectiveYuan,
      BigDecimal membersYuan, BigDecimal memberShare) {

    public BigDecimal rate() {
      return rule.rate();
    }

    public FeeBase base() {
      return rule.base();
    }

    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("priceYuan", priceYuan);
      m.put("costBasisYuan", costBasisYuan);
      m.put("incrementYuan", incrementYuan);
      m.put("base", rule.base().code());
      m.put("baseName", rule.base().chinese());
      m.put("baseAmountYuan", baseAmountYuan);
      m.put("rate", rule.rate());
      m.put("rangeApplied", rangeApplied);
      m.put("zone", sale.zone());
      m.put("use", sale.use());
      m.put("method", sale.method().code());
      m.put("methodName", sale.method().chinese());
      m.put("rateRule", rule.matched());
      m.put("rateSource", rule.source());
      m.put("adjustmentFeeYuan", feeYuan);
      m.put("netYuan", netYuan);
      m.put("collectiveYuan", collectiveYuan);
      m.put("membersYuan", membersYuan);
      m.put("memberShare", memberShare);
      m.put("rounding", "四舍五入到分；集体所得 = 成交价 − 调节金 − 成员所得，三者之和等于成交价 "
          + "(half-up to 0.01 元; collective = price − fee − members, so the parts add up to the price)");
      return m;
    }
  }

  /** A rate given by the caller (e.g. {@code --rate}) with its base. */
  public static Rule given(BigDecimal rate, FeeBase base) {
    return new Rule(rate, base, "given", "命令行给定 (given on the command line)");
  }

  /**
   * The rate for a zone, use and method from the profile's {@code collective.adjustmentFeeRates}: rows whose
   * zone/use/method equal the sale's or are {@code "*"}; the one with most non-wildcard fields wins, and two
   * different winners are an error in the profile.
   */
  public static Rule rule(PolicyProfile profile, String zone, String use, MarketMethod method) {
    if (!profile.has(RATES_KEY)) {
      throw new IllegalArgumentException("no adjustment-fee rate: each pilot county sets its own (by zone, use and "
          + "method) within " + range(profile) + " of the increment — pass --rate R with --base, or a --policy file "
          + "with " + RATES_KEY);
    }
    PolicyProfile.Parameter p = profile.parameter(RATES_KEY);
    int bestScore = -1;
    List<JsonNode> winners = new ArrayList<>();
    for (JsonNode row : p.value()) {
      if (!row.path("rate").isNumber() || !row.hasNonNull("base")) {
        throw new IllegalArgumentException("policy profile " + profile.id() + ": " + RATES_KEY + " row " + row
            + " needs a numeric \"rate\" and a \"base\" (increment|price)");
      }
      int score = match(row, "zone", zone) + match(row, "use", use) + match(row, "method", method.code());
      if (score >= 0 && score > bestScore) {
        bestScore = score;
        winners.clear();
      }
      if (score >= 0 && score == bestScore) {
        winners.add(row);
      }
    }
    if (winners.isEmpty()) {
      throw new IllegalArgumentException("policy profile " + profile.id() + " has no adjustment-fee rate for zone "
          + zone + ", use " + use + ", method " + method.code() + " (" + RATES_KEY + ")");
    }
    JsonNode best = winners.get(0);
    for (JsonNode w : winners) {
      if (w.get("rate").decimalValue().compareTo(best.get("rate").decimalValue()) != 0
          || !w.path("base").asText("").equals(best.path("base").asText(""))) {
        throw new IllegalArgumentException("policy profile " + profile.id() + ": adjustment-fee rows " + best + " and "
            + w + " match zone " + zone + ", use " + use + ", method " + method.code() + " equally");
      }
    }
    String matched = "zone=" + best.path("zone").asText(ANY) + ", use=" + best.path("use").asText(ANY)
        + ", method=" + best.path("method").asText(ANY);
    return new Rule(best.get("rate").decimalValue(), FeeBase.parse(best.path("base").asText("")), matched,
        best.hasNonNull("source") ? best.get("source").asText() : p.source());
  }

  // 1 for an exact match, 0 for a wildcard (or a row without the field), −100 for a mismatch
  private static int match(JsonNode row, String field, String value) {
    String v = row.path(field).asText(ANY);
    if (v.equals(ANY)) {
      return 0;
    }
    return v.equals(value) ? 1 : -100;
  }

  /** The fee and the split of one sale under a rule. */
  public static Result compute(Sale sale, Rule rule, BigDecimal memberShare, PolicyProfile profile) {
    if (sale.priceYuan() == null || sale.priceYuan().signum() < 0) {
      throw new IllegalArgumentException("transaction price must be ≥ 0 元");
    }
    if (sale.costBasisYuan() != null && sale.costBasisYuan().signum() < 0) {
      throw new IllegalArgumentException("cost basis must be ≥ 0 元");
    }
    if (rule.base() == FeeBase.INCREMENT && sale.costBasisYuan() == null) {
      throw new IllegalArgumentException("the fee is on the land value increment (" + rule.matched()
          + "): give the cost basis (取得成本 + 土地开发支出, --cost-yuan; 0 if there is none), or levy on the whole "
          + "price (--base price)");
    }
    boolean rangeApplied = rule.base() == FeeBase.INCREMENT;
    checkRate(rule, rangeApplied, profile);
    BigDecimal share = memberShare;
    if (share == null && profile.has(MEMBER_SHARE_KEY)) {
      share = BigDecimal.valueOf(profile.number(MEMBER_SHARE_KEY));
    }
    if (share != null && (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0)) {
      throw new IllegalArgumentException("member share must be in [0, 1], got " + share);
    }
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    BigDecimal price = round2(sale.priceYuan());
    BigDecimal cost = sale.costBasisYuan() == null ? null : round2(sale.costBasisYuan());
    BigDecimal increment = cost == null ? null : price.subtract(cost).max(zero);
    BigDecimal baseAmount = rangeApplied ? increment : price;
    BigDecimal fee = round2(baseAmount.multiply(rule.rate()));
    BigDecimal net = price.subtract(cost == null ? zero : cost).subtract(fee).max(zero);
    BigDecimal members = share == null ? null : round2(net.multiply(share));
    BigDecimal collective = price.subtract(fee).subtract(members == null ? zero : members);
    return new Result(sale, rule, price, cost, increment, baseAmount, rangeApplied, fee, net, collective, members,
        share);
  }

  private static void checkRate(Rule rule, boolean rangeApplied, PolicyProfile profile) {
    BigDecimal r = rule.rate();
    if (!rangeApplied) {
      if (r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException("adjustment-fee rate on the whole price must be in [0, 1], got " + r);
      }
      return;
    }
    List<String> bounds = profile.strings(RANGE_KEY);
    BigDecimal lo = new BigDecimal(bounds.get(0));
    BigDecimal hi = new BigDecimal(bounds.get(1));
    if (r.compareTo(lo) < 0 || r.compareTo(hi) > 0) {
      throw new IllegalArgumentException("adjustment-fee rate " + r.stripTrailingZeros().toPlainString()
          + " on the increment is outside the range " + range(profile) + " of policy profile " + profile.id() + " ("
          + profile.parameter(RANGE_KEY).source() + ")");
    }
  }

  private static BigDecimal round2(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }

  private static String range(PolicyProfile profile) {
    return profile.strings(RANGE_KEY).toString();
  }
}
