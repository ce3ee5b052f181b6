package org.landledger.homestead;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 分配取整（最大余数法）: splits an amount of money, in fen (0.01 元), over weights so the parts add up exactly
 * to the total. Each part first gets floor(total × weight / Σweights) fen; the fen left over go one each to
 * the parts with the largest remainders, ties to the earlier part. Exact arithmetic throughout.
 */
public final class Apportionment {

  private Apportionment() {}

  /**
   * @param total amount in 元 with at most 2 decimals, ≥ 0
   * @param weights non-negative weights, at least one positive
   * @return parts in 元 with scale 2, in the order of {@code weights}, summing to {@code total}
   */
  public static List<BigDecimal> largestRemainder(BigDecimal total, List<BigDecimal> weights) {
    if (total.signum() < 0) {
      throw new IllegalArgumentException("cannot apportion a negative amount: " + total);
    }
    BigInteger fen = total.setScale(2, RoundingMode.UNNECESSARY).unscaledValue();
    BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (weights.stream().anyMatch(w -> w.signum() < 0) || sum.signum() <= 0) {
      throw new IllegalArgumentException("apportionment weights must be ≥ 0 with a positive sum");
    }
    int n = weights.size();
    BigInteger[] parts = new BigInteger[n];
    BigDecimal[] remainders = new BigDecimal[n];
    BigInteger given = BigInteger.ZERO;
    BigDecimal fenD = new BigDecimal(fen);
    for (int i = 0; i < n; i++) {
      BigDecimal[] qr = fenD.multiply(weights.get(i)).divideAndRemainder(sum);
      parts[i] = qr[0].toBigIntegerExact();
      remainders[i] = qr[1];
      given = given.add(parts[i]);
    }
    int left = fen.subtract(given).intValueExact();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
    for (int k = 0; k < left; k++) {
      int i = order.get(k);
      parts[i] = parts[i].add(BigInteger.ONE);
    }
    List<BigDecimal> out = new ArrayList<>(n);
    for (BigInteger p : parts) {
      out.add(new BigDecimal(p, 2));
    }
    return out;
  }
}
