package org.landledger.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 个人信息脱敏: the last line of defence for text leaving the program — masks anything shaped like an ID
 * number (15 digits, or 17 digits and a check character) in messages and attribute values, and masks names.
 * PIPL treats ID numbers as sensitive personal information: they must not reach reports, logs or errors.
 */
public final class PersonalData {

  private static final Pattern ID_LIKE = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[\\dXx]|\\d{15})(?![0-9A-Za-z])");

  private PersonalData() {}

  /** {@code text} with every ID-number-shaped token masked; null stays null. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = ID_LIKE.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(IdNumbers.mask(m.group(1))));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Whether a text contains an ID-number-shaped token. */
  public static boolean containsIdLike(String text) {
    return text != null && ID_LIKE.matcher(text).find();
  }

  /** A person's name with all but the first character masked: 张三 → 张*, 欧阳娜娜 → 欧***. */
  public static String maskName(String name) {
    if (name == null || name.isBlank()) {
      return name;
    }
    String s = name.trim();
    int first = s.offsetByCodePoints(0, 1);
    return s.substring(0, first) + "*".repeat(s.codePointCount(first, s.length()));
  }
}
