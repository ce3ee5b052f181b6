package org.landledger.ecovalue.esv;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.landledger.ecovalue.LandUseAreas;

/**
 * 敏感性系数: CS = |(ΔESV / ESV) / (ΔVC / VC)| for each ecosystem type whose equivalent factors are all changed
 * by ±c (usually ±50 %: policy parameter {@code ecovalue.esv.sensitivityChange}), recomputing the whole ESV. CS &lt; 1 means the result is inelastic to that
 * type's coefficients (robust); with linear valuation CS equals the type's share of the total value.
 */
public final class Sensitivity {

  private Sensitivity() {}

  /** The coefficient for one type and one direction (+1 or −1); null when ESV is 0. */
  public static Double coefficient(EsvModel model, Map<String, Double> areaM2ByCode, String ecosystem, int sign,
      double change) {
    return coefficient(model, m -> m.value(areaM2ByCode), ecosystem, sign, change);
  }

  static Double coefficient(EsvModel model, Function<EsvModel, EsvModel.Valuation> valuer, String ecosystem, int sign,
      double change) {
    if (!(change > 0 && change < 1)) {
      throw new IllegalArgumentException("sensitivity change must be a fraction in (0, 1), got " + change);
    }
    double base = valuer.apply(model).total();
    if (base == 0) {
      return null;
    }
    double changed = valuer.apply(model.withScaled(ecosystem, 1 + sign * change)).total();
    return Math.abs(((changed - base) / base) / (sign * change));
  }

  /**
   * {ecosystem: {plus: CS, minus: CS, esvPlus, esvMinus}} for every type present in the areas, factors × (1 ± change).
   */
  public static Map<String, Object> table(EsvModel model, Map<String, Double> areaM2ByCode, double change) {
    return table(model, m -> m.value(areaM2ByCode), change);
  }

  /** The same for a whole map, polygon by polygon when the model's adjustments vary per polygon. */
  public static Map<String, Object> table(EsvModel model, LandUseAreas areas, double change) {
    return table(model, m -> m.value(areas, null), change);
  }

  static Map<String, Object> table(EsvModel model, Function<EsvModel, EsvModel.Valuation> valuer, double change) {
    EsvModel.Valuation base = valuer.apply(model);
    Map<String, Object> out = new LinkedHashMap<>();
    for (String eco : model.table().ecosystems().keySet()) {
      if (!base.areaHaByEcosystem().containsKey(eco)) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("change", change);
      m.put("plus", coefficient(model, valuer, eco, +1, change));
      m.put("minus", coefficient(model, valuer, eco, -1, change));
      m.put("esvPlus", valuer.apply(model.withScaled(eco, 1 + change)).total());
      m.put("esvMinus", valuer.apply(model.withScaled(eco, 1 - change)).total());
      out.put(eco, m);
    }
    return out;
  }
}
