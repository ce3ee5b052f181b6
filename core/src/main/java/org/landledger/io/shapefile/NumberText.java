package org.landledger.io.shapefile;

/**
 * 数值文本: strict parsing of a DBF number — {@code [+-]digits[.digits][(e|E)[+-]digits]}, nothing else (no
 * "NaN", "Infinity", hex, thousands separators, decimal commas or trailing letters, all of which
 * {@link Double#parseDouble} would accept or a lenient reader would turn into something).
 *
 * <p>Up to 15 significant digits without exponent take the exact fast path (an integer below 2⁵³ divided by a
 * power of ten ≤ 10²², both exact doubles, so the one rounding is the correct one — the same double
 * {@code parseDouble} gives); the rest go through {@code parseDouble} after the syntax check.
 */
final class NumberText {

  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private NumberText() {}

  /** The value of {@code s} (already trimmed), or NaN when it is not a finite number in the syntax above. */
  static double parse(String s) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int significant = 0;
    int fraction = 0;
    boolean dot = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        if (mantissa != 0 || c != '0') {
          significant++;
        }
        if (significant <= 18) {
          mantissa = mantissa * 10 + (c - '0');
        }
        if (dot) {
          fraction++;
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (i == n) {
      if (significant <= 15 && fraction < POW10.length) {
        double v = mantissa / POW10[fraction];
        return negative ? -v : v;
      }
      return finite(s);
    }
    char e = s.charAt(i++);
    if (e != 'e' && e != 'E') {
      return Double.NaN;
    }
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int expDigits = 0;
    for (; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
      expDigits++;
    }
    return expDigits == 0 || i != n ? Double.NaN : finite(s);
  }

  private static double finite(String s) {
    double v = Double.parseDouble(s);
    return Double.isFinite(v) ? v : Double.NaN;
  }
}
