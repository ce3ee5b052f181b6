package org.landledger.ecovalue.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.landledger.geo.Units;

/**
 * 生态系统面积账户 (SEEA Ecosystem Accounting, UN 2021, extent account): per ecosystem type, opening extent,
 * additions, reductions, net change and closing extent (ha), from the land-use transfer matrix. Additions are
 * area that became this type from another type plus after-map area outside the before map; reductions are
 * area that became another type plus before-map area outside the after map. By construction opening +
 * additions − reductions = closing, and net change = additions − reductions.
 */
public final class ExtentAccount {

  /** Type key for land-use codes without an ESV ecosystem type (construction land, 田坎, unknown codes). */
  public static final String NOT_AN_ECOSYSTEM = "none";

  /** One row of the account (ha). */
  public record Entry(String ecosystem, double opening, double additions, double additionsUncovered,
      double reductions, double reductionsUncovered, double closing) {
    public double netChange() {
      return additions - reductions;
    }

    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ecosystem", ecosystem);
      m.put("openingHa", opening);
      m.put("additionsHa", additions);
      m.put("additionsFromUncoveredHa", additionsUncovered);
      m.put("reductionsHa", reductions);
      m.put("reductionsToUncoveredHa", reductionsUncovered);
      m.put("netChangeHa", netChange());
      m.put("closingHa", closing);
      return m;
    }
  }

  private ExtentAccount() {}

  /**
   * Builds the account; {@code typeOf} gives a land-use code's ecosystem type (or {@link #NOT_AN_ECOSYSTEM}),
   * {@code order} lists the types in report order (types found but not listed follow).
   */
  public static List<Entry> of(LandUseTransfer t, Function<String, String> typeOf, List<String> order) {
    Map<String, double[]> acc = new LinkedHashMap<>(); // opening, add, addUnc, red, redUnc, closing (m²)
    Set<String> keys = new LinkedHashSet<>(order);
    t.areaM2().forEach((tr, a) -> {
      String from = typeOf.apply(tr.from());
      String to = typeOf.apply(tr.to());
      keys.add(from);
      keys.add(to);
      acc.computeIfAbsent(from, k -> new double[6])[0] += a;
      acc.computeIfAbsent(to, k -> new double[6])[5] += a;
      if (!from.equals(to)) {
        acc.get(to)[1] += a;
        acc.get(from)[3] += a;
      }
    });
    t.uncoveredBefore().forEach((c, a) -> {
      String k = typeOf.apply(c);
      keys.add(k);
      double[] v = acc.computeIfAbsent(k, x -> new double[6]);
      v[0] += a;
      v[3] += a;
      v[4] += a;
    });
    t.uncoveredAfter().forEach((c, a) -> {
      String k = typeOf.apply(c);
      keys.add(k);
      double[] v = acc.computeIfAbsent(k, x -> new double[6]);
      v[5] += a;
      v[1] += a;
      v[2] += a;
    });
    List<Entry> out = new ArrayList<>();
    for (String k : keys) {
      double[] v = acc.get(k);
      if (v != null) {
        out.add(new Entry(k, ha(v[0]), ha(v[1]), ha(v[2]), ha(v[3]), ha(v[4]), ha(v[5])));
      }
    }
    return out;
  }

  private static double ha(double m2) {
    return Units.m2ToHa(m2);
  }
}
