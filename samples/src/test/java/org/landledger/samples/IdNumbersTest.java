package org.landledger.samples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdNumbersTest {

  @Test
  void checkDigitOfTheStandardsExample() {
    // GB 11643 example 11010519491231002X: Σ digit × weight over
    // 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 with 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    // = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → "10X98765432"[2] = X.
    assertThat(IdNumbers.checkDigit("11010519491231002")).isEqualTo('X');
    assertThat(IdNumbers.isValid("11010519491231002X")).isTrue();
    assertThat(IdNumbers.isValid("110105194912310021")).isFalse();
  }

  @Test
  void rejectsMalformedNumbers() {
    assertThat(IdNumbers.isValid("1101051949123100")).isFalse();
    // 1949-13-31 is not a date.
    String bad = "11010519491331002";
    assertThat(IdNumbers.isValid(bad + IdNumbers.checkDigit(bad))).isFalse();
  }

  @Test
  void fakeNumbersAreWellFormedAndDeterministic() {
    for (int i = 0; i < 500; i++) {
      String id = IdNumbers.fake("379981", 7, i, 1);
      assertThat(id).hasSize(18).startsWith("379981");
      assertThat(IdNumbers.isValid(id)).as(id).isTrue();
      assertThat(IdNumbers.fake("379981", 7, i, 1)).isEqualTo(id);
    }
  }
}
