package org.landledger.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChineseNamesTest {

  @Test
  void placeNamesStayUniqueAfterTheTwoCharacterNamesRunOut() {
    // A 2 × 2 province of county-sized tiles has ≈ 2 800 villages: more than the ≈ 1 100 two-character
    // names, which used to loop forever.
    Set<String> used = new HashSet<>();
    for (int i = 0; i < 5_000; i++) {
      String n = ChineseNames.place(1, i, 84, used);
      assertThat(n.length()).isBetween(2, 8);
    }
    assertThat(used).hasSize(5_000);
    assertThat(used.stream().filter(n -> n.length() == 2).count()).isGreaterThan(900);
    assertThat(used.stream().filter(n -> n.length() == 3).count()).isPositive();
  }

  @Test
  void theSameDrawGivesTheSameName() {
    assertThat(ChineseNames.place(7, 42, 84, new HashSet<>())).isEqualTo(ChineseNames.place(7, 42, 84, new HashSet<>()));
  }
}
