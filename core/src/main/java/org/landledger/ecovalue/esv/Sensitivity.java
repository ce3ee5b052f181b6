package org.landledger.ecovalue.esv;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.landledger.ecovalue.LandUseAreas;

/**
 * 敏感性系数: CS = |(ΔESV / ESV) / (ΔVC / VC)| for each ecosystem type whose equivalent factors are all changed
 * by ±50 % (ΔVC / VC = ±0.5), recomputing the whole ESV. CS &lt; 1 means the result is inelastic to that
 * type's coefficients (robust); with linear valuation CS equals the type's share of the total value.
 */
public final class Sensitivity {

  public static final double CHANGE = 0.5;

  private Sensitivity() {}

  /** The coefficient for one type and one direction (+1 or −1); null when ESV is 0. */
  public static Double coefficient(EsvModel model, Map<String, Double> areaM2ByCode, String ecosystem, int sign) {
    return coefficient(model, m -> m.value(areaM2ByCode), ecosystem, sign);
  }

  static Double coefficient(EsvModel model, Function<EsvModel, EsvModel.Valuation> valuer, String ecosystem, int sign) {
    double base = valuer.apply(model).total();
    if (base == 0) {
      return null;
    }
    double changed = valuer.apply(model.withScaled(ecosystem, 1 + sign * CHANGE)).total();
    return Math.abs(((changed - base) / base) / (sign * CHANGE));
  }

  /** {ecosystem: {plus50: CS, minus50: CS, esvPlus50, esvMinus50}} for every type present in the areas. */
  public static Map<String, Object> table(EsvModel model, Map<String, Double> areaM2ByCode) {
    return table(model, m -> m.value(areaM2ByCode));
  }

  /** The same for a whole map, polygon by polygon when the model's adjustments vary per polygon. */
  public static Map<String, Object> table(EsvModel model, LandUseAreas areas) {
    return table(model, m -> m.value(areas, null));
  }

  static Map<String, Object> table(EsvModel model, Function<EsvModel, EsvModel.Valuation> valuer) {
    EsvModel.Valuation base = valuer.apply(model);
    Map<String, Object> out = new LinkedHashMap<>();
    for (String eco : model.table().ecosystems().keySet()) {
      if (!base.areaHaByEcosystem().containsKey(eco)) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("plus50", coefficient(model, valuer, eco, +1));
      m.put("minus50", coefficient(model, valuer, eco, -1));
      m.put("esvPlus50", valuer.apply(model.withScaled(eco, 1 + CHANGE)).total());
      m.put("esvMinus50", valuer.apply(model.withScaled(eco, 1 - CHANGE)).total());
      out.put(eco, m);
    }
    return out;
  }
}
