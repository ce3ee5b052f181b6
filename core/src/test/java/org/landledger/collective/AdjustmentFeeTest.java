package org.landledger.collective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.landledger.policy.PolicyProfile;

class AdjustmentFeeTest {

  static final PolicyProfile NATIONAL = PolicyProfile.nationalDefault();
  static final PolicyProfile EXAMPLE = PolicyProfile.shipped("example-province-homestead");

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  static AdjustmentFee.Sale sale(String price, String cost) {
    return new AdjustmentFee.Sale(d(price), cost == null ? null : d(cost), null, null, MarketMethod.GRANT);
  }

  static AdjustmentFee.Result onIncrement(String price, String cost, String rate, String share) {
    return AdjustmentFee.compute(sale(price, cost), AdjustmentFee.given(d(rate), FeeBase.INCREMENT),
        share == null ? null : d(share), NATIONAL);
  }

  @Test
  void feeOnTheIncrementAndSplitOfTheRest() {
    // price 1 000 000, cost 400 000 → increment 600 000; fee 600 000 × 0.3 = 180 000.00;
    // net 1 000 000 − 400 000 − 180 000 = 420 000; members 420 000 × 0.6 = 252 000.00;
    // collective 1 000 000 − 180 000 − 252 000 = 568 000.00 (its 400 000 cost back + 168 000)
    AdjustmentFee.Result r = onIncrement("1000000", "400000", "0.3", "0.6");
    assertThat(r.incrementYuan()).isEqualByComparingTo("600000");
    assertThat(r.baseAmountYuan()).isEqualByComparingTo("600000");
    assertThat(r.base()).isEqualTo(FeeBase.INCREMENT);
    assertThat(r.rangeApplied()).isTrue();
    assertThat(r.feeYuan()).isEqualByComparingTo("180000.00");
    assertThat(r.membersYuan()).isEqualByComparingTo("252000.00");
    assertThat(r.collectiveYuan()).isEqualByComparingTo("568000.00");
    assertThat(r.feeYuan().add(r.membersYuan()).add(r.collectiveYuan())).isEqualByComparingTo(r.priceYuan());
    assertThat(r.toMap()).containsEntry("base", "increment").containsEntry("method", "grant");
  }

  @Test
  void roundsHalfUpToTheFenAndPartsStillAddUp() {
    // cost 0 given: increment = 333 333.33; × 0.25 = 83 333.3325 → 83 333.33;
    // net (333 333.33 − 83 333.33) × 0.5 = 125 000.00; collective = 333 333.33 − 83 333.33 − 125 000.00 = 125 000.00
    AdjustmentFee.Result r = onIncrement("333333.33", "0", "0.25", "0.5");
    assertThat(r.feeYuan()).isEqualByComparingTo("83333.33");
    assertThat(r.membersYuan()).isEqualByComparingTo("125000.00");
    assertThat(r.collectiveYuan()).isEqualByComparingTo("125000.00");
    // 0.01 × 0.5 = 0.005 → 0.01 (half up)
    assertThat(onIncrement("0.01", "0", "0.5", null).feeYuan()).isEqualByComparingTo("0.01");
  }

  @Test
  void theRangeOf41HaoBindsTheIncrementOnly() {
    assertThat(onIncrement("100", "0", "0.2", null).feeYuan()).isEqualByComparingTo("20.00");
    assertThat(onIncrement("100", "0", "0.5", null).feeYuan()).isEqualByComparingTo("50.00");
    assertThatThrownBy(() -> onIncrement("100", "0", "0.55", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the range").hasMessageContaining("41号");
    assertThatThrownBy(() -> onIncrement("100", "0", "0.19", null)).isInstanceOf(IllegalArgumentException.class);
    // on the whole price a county rate of 10 % is lawful (no 20–50 % floor): 1 000 000 × 0.1 = 100 000.00
    AdjustmentFee.Result onPrice = AdjustmentFee.compute(sale("1000000", null),
        AdjustmentFee.given(d("0.1"), FeeBase.PRICE), null, NATIONAL);
    assertThat(onPrice.rangeApplied()).isFalse();
    assertThat(onPrice.baseAmountYuan()).isEqualByComparingTo("1000000");
    assertThat(onPrice.incrementYuan()).isNull();
    assertThat(onPrice.feeYuan()).isEqualByComparingTo("100000.00");
    assertThat(onPrice.collectiveYuan()).isEqualByComparingTo("900000.00");
    assertThatThrownBy(() -> AdjustmentFee.compute(sale("100", null), AdjustmentFee.given(d("1.2"), FeeBase.PRICE),
        null, NATIONAL)).hasMessageContaining("[0, 1]");
  }

  @Test
  void theIncrementBaseNeedsACostBasis() {
    // a missing cost must not silently turn the whole price into the "increment"
    assertThatThrownBy(() -> onIncrement("100", null, "0.3", null))
        .hasMessageContaining("cost basis").hasMessageContaining("--base price");
  }

  @Test
  void priceBelowCostHasNoIncrementAndNoFee() {
    AdjustmentFee.Result r = onIncrement("300", "500", "0.4", "0.5");
    assertThat(r.incrementYuan()).isEqualByComparingTo("0");
    assertThat(r.feeYuan()).isEqualByComparingTo("0");
    assertThat(r.membersYuan()).isEqualByComparingTo("0");
    assertThat(r.collectiveYuan()).isEqualByComparingTo("300.00");
  }

  @Test
  void ratesByZoneUseAndMethodFromTheProfile() {
    // example rows: */*/* 0.3 increment; */industrial/grant 0.2; */commercial/grant 0.4; 1/commercial/grant 0.5;
    // */*/lease 0.03 on the price — the most specific matching row wins
    assertThat(AdjustmentFee.rule(EXAMPLE, "2", "commercial", MarketMethod.GRANT).rate()).isEqualByComparingTo("0.4");
    assertThat(AdjustmentFee.rule(EXAMPLE, "1", "commercial", MarketMethod.GRANT).rate()).isEqualByComparingTo("0.5");
    assertThat(AdjustmentFee.rule(EXAMPLE, "1", "industrial", MarketMethod.GRANT).rate()).isEqualByComparingTo("0.2");
    assertThat(AdjustmentFee.rule(EXAMPLE, null, "industrial", MarketMethod.SHARE).rate()).isEqualByComparingTo("0.3");
    AdjustmentFee.Rule lease = AdjustmentFee.rule(EXAMPLE, "1", "commercial", MarketMethod.LEASE);
    assertThat(lease.base()).isEqualTo(FeeBase.PRICE);
    assertThat(lease.rate()).isEqualByComparingTo("0.03");
    // zone 1 commercial grant: price 2 000 000, cost 800 000 → increment 1 200 000 × 0.5 = 600 000.00
    AdjustmentFee.Sale s = new AdjustmentFee.Sale(d("2000000"), d("800000"), "1", "commercial", MarketMethod.GRANT);
    AdjustmentFee.Result r = AdjustmentFee.compute(s, AdjustmentFee.rule(EXAMPLE, "1", "commercial",
        MarketMethod.GRANT), null, EXAMPLE);
    assertThat(r.feeYuan()).isEqualByComparingTo("600000.00");
    assertThat(r.toMap()).containsEntry("rateRule", "zone=1, use=commercial, method=grant");
    // the national default sets no county rate: it must be given
    assertThatThrownBy(() -> AdjustmentFee.rule(NATIONAL, null, null, MarketMethod.GRANT))
        .hasMessageContaining("--rate");
  }

  @Test
  void methodsParseInEnglishAndChinese() {
    assertThat(MarketMethod.parse("出让")).isEqualTo(MarketMethod.GRANT);
    assertThat(MarketMethod.parse("租赁")).isEqualTo(MarketMethod.LEASE);
    assertThat(MarketMethod.parse("作价出资（入股）")).isEqualTo(MarketMethod.SHARE);
    assertThatThrownBy(() -> MarketMethod.parse("sale")).hasMessageContaining("grant");
  }

  @Test
  void termsKeepWithinTheMaximumForTheUse() {
    // national default (Zibo plan): industrial 50 years, commercial 40 years
    MarketTerm.check(NATIONAL, "industrial", 50);
    MarketTerm.check(NATIONAL, "commercial", 40);
    assertThatThrownBy(() -> MarketTerm.check(NATIONAL, "commercial", 41))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximum of 40 years");
    assertThatThrownBy(() -> MarketTerm.check(NATIONAL, "residential", 70))
        .hasMessageContaining("industrial").hasMessageContaining("commercial");
    assertThatThrownBy(() -> MarketTerm.check(NATIONAL, "industrial", 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
