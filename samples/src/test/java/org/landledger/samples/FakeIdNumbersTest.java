package org.landledger.samples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.landledger.privacy.IdNumbers;

class FakeIdNumbersTest {

  @Test
  void fakeNumbersAreWellFormedAndDeterministic() {
    for (int i = 0; i < 500; i++) {
      String id = FakeIdNumbers.fake("379981", 7, i, 1);
      assertThat(id).hasSize(18).startsWith("379981");
      assertThat(IdNumbers.validate(id).valid()).as(id).isTrue();
      assertThat(FakeIdNumbers.fake("379981", 7, i, 1)).isEqualTo(id);
    }
  }

  @Test
  void checkCharacterIsTheStandardOne() {
    // Same arithmetic as GB 11643's example 11010519491231002X: the weighted digit sum is 167,
    // 167 mod 11 = 2 → "10X98765432"[2] = X. A fake number's last character follows the same rule.
    assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
    String id = FakeIdNumbers.fake("379981", 1, 2, 3);
    assertThat(id.charAt(17)).isEqualTo(IdNumbers.checkCharacter(id.substring(0, 17)));
  }
}
