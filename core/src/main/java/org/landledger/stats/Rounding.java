package org.landledger.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * 强制调平: rounding to 0.01 公顷 so that the parts add up to the rounded whole — the rule of the survey's 汇总
 * (第二次全国土地调查数据库面积汇总统计规定, 二(二): convert the basic table to 公顷 and 强制调平 the errors of rounding;
 * carried into the 三调 汇总). The whole is rounded half up; the parts get their floor and the units still missing go
 * to the largest remainders (ties to the earlier part). Amounts are in 0.01 m² ("cents", exact for areas stored to
 * two decimals); one display unit, 0.01 公顷, is 100 m² = 10 000 cents.
 */
public final class Rounding {

  /** 0.01 m² per 0.01 公顷. */
  public static final long CENTS_PER_UNIT = 10_000;

  private Rounding() {}

  /** Half-up rounding of an amount (cents) to display units (0.01 公顷). */
  public static long units(long cents) {
    return Math.floorDiv(cents + CENTS_PER_UNIT / 2, CENTS_PER_UNIT);
  }

  /** m² to cents (0.01 m²), half up. */
  public static long cents(double m2) {
    return Math.round(m2 * 100);
  }

  /**
   * The parts (cents, ≥ 0) in display units, adding up to {@code targetUnits} (normally {@code units(Σ parts)}, or a
   * share a higher level assigned).
   */
  public static long[] balance(long[] parts, long targetUnits) {
    long[] out = new long[parts.length];
    long[] rem = new long[parts.length];
    long sum = 0;
    for (int i = 0; i < parts.length; i++) {
      out[i] = Math.floorDiv(parts[i], CENTS_PER_UNIT);
      rem[i] = Math.floorMod(parts[i], CENTS_PER_UNIT);
      sum += out[i];
    }
    long missing = targetUnits - sum;
    Integer[] order = IntStream.range(0, parts.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingLong((Integer i) -> -rem[i]).thenComparingInt(i -> i));
    for (int k = 0; missing > 0 && parts.length > 0; k = (k + 1) % parts.length, missing--) {
      out[order[k]]++;
    }
    for (int k = parts.length - 1; missing < 0 && parts.length > 0; k = (k - 1 + parts.length) % parts.length) {
      if (out[order[k]] > 0) {
        out[order[k]]--;
        missing++;
      }
    }
    return out;
  }

  /** Display units as 公顷 (two decimals). */
  public static double ha(long units) {
    return units / 100.0;
  }

  /** Cents as m². */
  public static double m2(long cents) {
    return cents / 100.0;
  }
}
