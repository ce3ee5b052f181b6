package org.landledger.collective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.landledger.policy.PolicyProfile;

class AdjustmentFeeTest {

  static final PolicyProfile NATIONAL = PolicyProfile.nationalDefault();

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void feeOnTheIncrementAndSplitOfTheRest() {
    // price 1 000 000, cost 400 000 → increment 600 000; fee 600 000 × 0.3 = 180 000.00;
    // members (600 000 − 180 000) × 0.6 = 252 000.00; collective 1 000 000 − 180 000 − 252 000 = 568 000.00
    AdjustmentFee.Result r = AdjustmentFee.compute(d("1000000"), d("400000"), d("0.3"), d("0.6"), NATIONAL);
    assertThat(r.incrementYuan()).isEqualByComparingTo("600000");
    assertThat(r.feeYuan()).isEqualByComparingTo("180000.00");
    assertThat(r.membersYuan()).isEqualByComparingTo("252000.00");
    assertThat(r.collectiveYuan()).isEqualByComparingTo("568000.00");
    assertThat(r.feeYuan().add(r.membersYuan()).add(r.collectiveYuan())).isEqualByComparingTo(r.priceYuan());
  }

  @Test
  void roundsHalfUpToTheFenAndPartsStillAddUp() {
    // 333 333.33 × 0.25 = 83 333.3325 → 83 333.33; (333 333.33 − 83 333.33) × 0.5 = 125 000.00;
    // collective = 333 333.33 − 83 333.33 − 125 000.00 = 125 000.00
    AdjustmentFee.Result r = AdjustmentFee.compute(d("333333.33"), null, d("0.25"), d("0.5"), NATIONAL);
    assertThat(r.feeYuan()).isEqualByComparingTo("83333.33");
    assertThat(r.membersYuan()).isEqualByComparingTo("125000.00");
    assertThat(r.collectiveYuan()).isEqualByComparingTo("125000.00");
    // 0.01 × 0.5 = 0.005 → 0.01 (half up)
    assertThat(AdjustmentFee.compute(d("0.01"), null, d("0.5"), null, NATIONAL).feeYuan()).isEqualByComparingTo("0.01");
  }

  @Test
  void rateMustLieInTheProfileRangeBoundsIncluded() {
    assertThat(AdjustmentFee.compute(d("100"), null, d("0.2"), null, NATIONAL).feeYuan()).isEqualByComparingTo("20.00");
    assertThat(AdjustmentFee.compute(d("100"), null, d("0.5"), null, NATIONAL).feeYuan()).isEqualByComparingTo("50.00");
    assertThatThrownBy(() -> AdjustmentFee.compute(d("100"), null, d("0.55"), null, NATIONAL))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the range").hasMessageContaining("41号");
    assertThatThrownBy(() -> AdjustmentFee.compute(d("100"), null, d("0.19"), null, NATIONAL))
        .isInstanceOf(IllegalArgumentException.class);
    // the national default sets no county rate: it must be given
    assertThatThrownBy(() -> AdjustmentFee.compute(d("100"), null, null, null, NATIONAL))
        .hasMessageContaining("--rate");
  }

  @Test
  void priceBelowCostHasNoIncrementAndNoFee() {
    AdjustmentFee.Result r = AdjustmentFee.compute(d("300"), d("500"), d("0.4"), d("0.5"), NATIONAL);
    assertThat(r.incrementYuan()).isEqualByComparingTo("0");
    assertThat(r.feeYuan()).isEqualByComparingTo("0");
    assertThat(r.membersYuan()).isEqualByComparingTo("0");
    assertThat(r.collectiveYuan()).isEqualByComparingTo("300.00");
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
