package org.landledger.collective;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.policy.PolicyProfile;

/**
 * 土地增值收益调节金: the fee the collective pays when collective operational construction land goes on the
 * market (集体经营性建设用地入市), and how the rest is shared between the collective and its members.
 *
 * <p>财税〔2016〕41号 levies 20 %–50 % of the land value increment (土地增值收益), the rate set by each pilot
 * county; the range is the profile's {@code collective.adjustmentFeeRateRange} and a rate outside it is
 * refused. Arithmetic (half-up to 0.01 元):
 * <ul>
 *   <li>incrementYuan = max(0, priceYuan − costBasisYuan) — cost basis = the collective's land acquisition and
 *       development costs (0 when the county levies on the whole price, as several pilots do);
 *   <li>feeYuan = round2(increment × rate);
 *   <li>membersYuan = round2((increment − fee) × memberShare) when a member share is given;
 *   <li>collectiveYuan = price − fee − members (cost recovery plus its part of the net increment), so fee +
 *       collective + members = price exactly.
 * </ul>
 */
public final class AdjustmentFee {

  public static final String RANGE_KEY = "collective.adjustmentFeeRateRange";
  public static final String RATE_KEY = "collective.adjustmentFeeRate";
  public static final String MEMBER_SHARE_KEY = "collective.memberShare";

  private AdjustmentFee() {}

  /** The result; {@code membersYuan} is null without a member share. */
  public record Result(BigDecimal priceYuan, BigDecimal costBasisYuan, BigDecimal incrementYuan, BigDecimal rate,
      BigDecimal feeYuan, BigDecimal collectiveYuan, BigDecimal membersYuan, BigDecimal memberShare) {

    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("priceYuan", priceYuan);
      m.put("costBasisYuan", costBasisYuan);
      m.put("incrementYuan", incrementYuan);
      m.put("rate", rate);
      m.put("adjustmentFeeYuan", feeYuan);
      m.put("collectiveYuan", collectiveYuan);
      m.put("membersYuan", membersYuan);
      m.put("memberShare", memberShare);
      m.put("rounding", "四舍五入到分；集体所得 = 成交价 − 调节金 − 成员所得，三者之和等于成交价 "
          + "(half-up to 0.01 元; collective = price − fee − members, so the parts add up to the price)");
      return m;
    }
  }

  /**
   * @param rate the county's rate, or null to take {@code collective.adjustmentFeeRate} from the profile
   * @param memberShare members' share of the net increment, or null to take {@code collective.memberShare} from
   *     the profile when present (else no split)
   */
  public static Result compute(BigDecimal priceYuan, BigDecimal costBasisYuan, BigDecimal rate,
      BigDecimal memberShare, PolicyProfile profile) {
    if (priceYuan == null || priceYuan.signum() < 0) {
      throw new IllegalArgumentException("transaction price must be ≥ 0 元");
    }
    BigDecimal cost = costBasisYuan == null ? BigDecimal.ZERO : costBasisYuan;
    if (cost.signum() < 0) {
      throw new IllegalArgumentException("cost basis must be ≥ 0 元");
    }
    BigDecimal r = rate;
    if (r == null) {
      if (!profile.has(RATE_KEY)) {
        throw new IllegalArgumentException("no adjustment-fee rate: each pilot county sets its own within "
            + range(profile) + " — pass --rate R or a --policy file with " + RATE_KEY);
      }
      r = BigDecimal.valueOf(profile.number(RATE_KEY));
    }
    List<String> bounds = profile.strings(RANGE_KEY);
    BigDecimal lo = new BigDecimal(bounds.get(0));
    BigDecimal hi = new BigDecimal(bounds.get(1));
    if (r.compareTo(lo) < 0 || r.compareTo(hi) > 0) {
      throw new IllegalArgumentException("adjustment-fee rate " + r.stripTrailingZeros().toPlainString()
          + " is outside the range " + range(profile) + " of policy profile " + profile.id() + " ("
          + profile.parameter(RANGE_KEY).source() + ")");
    }
    BigDecimal share = memberShare;
    if (share == null && profile.has(MEMBER_SHARE_KEY)) {
      share = BigDecimal.valueOf(profile.number(MEMBER_SHARE_KEY));
    }
    if (share != null && (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0)) {
      throw new IllegalArgumentException("member share must be in [0, 1], got " + share);
    }
    BigDecimal price = priceYuan.setScale(2, RoundingMode.HALF_UP);
    cost = cost.setScale(2, RoundingMode.HALF_UP);
    BigDecimal increment = price.subtract(cost).max(BigDecimal.ZERO.setScale(2));
    BigDecimal fee = increment.multiply(r).setScale(2, RoundingMode.HALF_UP);
    BigDecimal members = share == null ? null
        : increment.subtract(fee).multiply(share).setScale(2, RoundingMode.HALF_UP);
    BigDecimal collective = price.subtract(fee).subtract(members == null ? BigDecimal.ZERO : members);
    return new Result(price, cost, increment, r, fee, collective, members, share);
  }

  private static String range(PolicyProfile profile) {
    return profile.strings(RANGE_KEY).toString();
  }
}
