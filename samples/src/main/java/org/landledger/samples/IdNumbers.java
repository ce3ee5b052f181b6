package org.landledger.samples;

/**
 * 公民身份号码 (GB 11643-1999): 18 characters = 6-digit address code + 8-digit birth date + 3-digit
 * sequence (odd for men, even for women) + check character. The check character is
 * (12 − Σ aᵢ·Wᵢ mod 11) mod 11 with Wᵢ = 2^(17−i) mod 11 (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2), written
 * "X" for 10. Sample numbers use the sample county's (fictitious) address code: well-formed, not real.
 */
public final class IdNumbers {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private IdNumbers() {}

  /** The check character of the first 17 digits. */
  public static char checkDigit(String first17) {
    if (first17.length() != 17) {
      throw new IllegalArgumentException("expected 17 digits, got " + first17.length());
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = first17.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a digit at position " + (i + 1) + ": " + c);
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /** Whether an 18-character number is well formed (digits, plausible date, valid check character). */
  public static boolean isValid(String id) {
    if (id == null || id.length() != 18) {
      return false;
    }
    try {
      java.time.LocalDate.parse(id.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
      return checkDigit(id.substring(0, 17)) == Character.toUpperCase(id.charAt(17));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A deterministic fake number for a person born in 1940–1994 in {@code addressCode}. */
  static String fake(String addressCode, long seed, long a, long b) {
    java.time.LocalDate birth = java.time.LocalDate.of(1940, 1, 1)
        .plusDays(Hashing.below(seed, a, b, 401, 55 * 365));
    int seq = Hashing.below(seed, a, b, 402, 999) + 1;
    String first17 = addressCode + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
        + String.format("%03d", seq);
    return first17 + checkDigit(first17);
  }
}
