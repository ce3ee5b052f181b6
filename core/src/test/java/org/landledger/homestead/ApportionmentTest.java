package org.landledger.homestead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApportionmentTest {

  static List<BigDecimal> ds(String... s) {
    return java.util.Arrays.stream(s).map(BigDecimal::new).toList();
  }

  @Test
  void leftoverFenGoToTheLargestRemainders() {
    // 10 000.00 元 = 1 000 000 fen over areas 100, 80, 150 (Σ 330):
    // 1 000 000×100/330 = 303 030.30 → 303 030 (rem .30); ×80/330 = 242 424.24 → 242 424 (rem .24);
    // ×150/330 = 454 545.45 → 454 545 (rem .45); floors sum 999 999, 1 fen left → largest remainder (third)
    assertThat(Apportionment.largestRemainder(new BigDecimal("10000.00"), ds("100", "80", "150")))
        .containsExactly(new BigDecimal("3030.30"), new BigDecimal("2424.24"), new BigDecimal("4545.46"));
  }

  @Test
  void tiesGoToTheEarlierPart() {
    // 100.00 over 1,1,1: 3 333 fen each, rem equal, 1 fen left → first
    assertThat(Apportionment.largestRemainder(new BigDecimal("100"), ds("1", "1", "1")))
        .containsExactly(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
    // 0.05 over 1,1: 2 fen each + 1 → 0.03, 0.02
    assertThat(Apportionment.largestRemainder(new BigDecimal("0.05"), ds("1", "1")))
        .containsExactly(new BigDecimal("0.03"), new BigDecimal("0.02"));
    assertThat(Apportionment.largestRemainder(new BigDecimal("7.00"), ds("0", "2")))
        .containsExactly(new BigDecimal("0.00"), new BigDecimal("7.00"));
  }

  @Test
  void refusesNegativeAmountsAndEmptyWeights() {
    assertThatThrownBy(() -> Apportionment.largestRemainder(new BigDecimal("-1"), ds("1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Apportionment.largestRemainder(BigDecimal.ONE, ds("0", "0")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
