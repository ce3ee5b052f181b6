package org.landledger.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * 居民身份证号码: validation, normalisation and masking of Chinese citizen ID numbers.
 *
 * <p>18-digit numbers (GB 11643-1999): 6-digit address code, 8-digit birth date YYYYMMDD, 3-digit order code
 * and a check character computed with ISO 7064 MOD 11-2 (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; the
 * weighted sum mod 11 indexes "10X98765432"). 15-digit numbers (first-generation cards, birth date YYMMDD in
 * the 1900s, no check digit) are still found in older cadastral records: they are accepted and converted to
 * the 18-digit form (insert "19", append the check character) so the same person keys to the same
 * household either way.
 *
 * <p>Nothing here ever returns or puts a raw number in a message: {@link #mask} is the only printable form.
 */
public final class IdNumbers {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  private IdNumbers() {}

  /**
   * Result of validation: the canonical 18-digit form when valid, else the reason (which never quotes the
   * number).
   */
  public record Validation(boolean valid, String canonical, String reason) {
    static Validation ok(String canonical) {
      return new Validation(true, canonical, null);
    }

    static Validation bad(String reason) {
      return new Validation(false, null, reason);
    }
  }

  /** Trims, drops inner spaces and upper-cases a trailing x. */
  public static String normalize(String raw) {
    return raw == null ? "" : raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }

  /** Validates a number as printed on a card or in a register (today's date bounds the birth date). */
  public static Validation validate(String raw) {
    return validate(raw, LocalDate.now());
  }

  static Validation validate(String raw, LocalDate today) {
    String s = normalize(raw);
    if (s.length() == 18) {
      if (!s.matches("\\d{17}[\\dX]")) {
        return Validation.bad("18 位号码只能是 17 位数字加校验位 (digits + check character expected)");
      }
      String birthError = checkBirth(s.substring(6, 14), today);
      if (birthError != null) {
        return Validation.bad(birthError);
      }
      if (s.charAt(17) != checkCharacter(s.substring(0, 17))) {
        return Validation.bad("校验位不符 (GB 11643-1999 check character does not match)");
      }
      return Validation.ok(s);
    }
    if (s.length() == 15) {
      if (!s.matches("\\d{15}")) {
        return Validation.bad("15 位旧号码只能是数字 (15-digit legacy number must be all digits)");
      }
      String birthError = checkBirth("19" + s.substring(6, 12), today);
      if (birthError != null) {
        return Validation.bad(birthError);
      }
      String body = s.substring(0, 6) + "19" + s.substring(6);
      return Validation.ok(body + checkCharacter(body));
    }
    return Validation.bad("长度为 " + s.length() + " 位，应为 18 位（或 15 位旧号码）(length " + s.length()
        + ", expected 18 or legacy 15)");
  }

  /** The GB 11643-1999 check character of the first 17 digits. */
  public static char checkCharacter(String first17) {
    if (!first17.matches("\\d{17}")) {
      throw new IllegalArgumentException("check character needs 17 digits");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }

  private static String checkBirth(String yyyymmdd, LocalDate today) {
    LocalDate d;
    try {
      d = LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)), Integer.parseInt(yyyymmdd.substring(4, 6)),
          Integer.parseInt(yyyymmdd.substring(6, 8)));
    } catch (DateTimeException | NumberFormatException e) {
      return "出生日期无效 (birth date is not a calendar date)";
    }
    if (d.isBefore(EARLIEST_BIRTH) || d.isAfter(today)) {
      return "出生日期超出范围 (birth date out of range)";
    }
    return null;
  }

  /**
   * The printable form: first 6 and last 4 characters, the rest as '*', e.g. 220102********1234. Values of
   * fewer than 15 characters (malformed) show at most their first half, so a short value is never shown
   * whole.
   */
  public static String mask(String raw) {
    String s = normalize(raw);
    if (s.length() < 15) {
      int keep = Math.min(6, s.length() / 2);
      return s.substring(0, keep) + "*".repeat(s.length() - keep);
    }
    return s.substring(0, 6) + "*".repeat(s.length() - 10) + s.substring(s.length() - 4);
  }
}
