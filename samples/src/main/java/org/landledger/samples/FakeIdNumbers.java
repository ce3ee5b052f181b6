package org.landledger.samples;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.landledger.privacy.IdNumbers;

/**
 * 虚构身份证号: well-formed but fictitious 18-character numbers (GB 11643-1999) for sample homestead owners —
 * the sample county's address code, a birth date in 1940–1994, a 3-digit sequence and the check character
 * from {@link IdNumbers#checkCharacter(String)}. The county code is fictitious, so no number is anyone's.
 */
final class FakeIdNumbers {

  private FakeIdNumbers() {}

  /** A deterministic fake number for a person born in 1940–1994 in {@code addressCode}. */
  static String fake(String addressCode, long seed, long a, long b) {
    LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(Hashing.below(seed, a, b, 401, 55 * 365));
    int seq = Hashing.below(seed, a, b, 402, 999) + 1;
    String first17 = addressCode + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + CountyLayers.pad(seq, 3);
    return first17 + IdNumbers.checkCharacter(first17);
  }
}
