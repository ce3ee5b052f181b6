package org.landledger.ecovalue.esv;

import java.util.LinkedHashMap;
import java.util.Map;

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
    double base = model.value(areaM2ByCode).total();
    if (base == 0) {
      return null;
    }
    double changed = model.withScaled(ecosystem, 1 + sign * CHANGE).value(areaM2ByCode).total();
    return Math.abs(((changed - base) / base) / (sign * CHANGE));
  }

  /** {ecosystem: {"+50%": CS, "-50%": CS, "esvChanged+50%": …}} for every type present in the areas. */
  public static Map<String, Object> table(EsvModel model, Map<String, Double> areaM2ByCode) {
    EsvModel.Valuation base = model.value(areaM2ByCode);
    Map<String, Object> out = new LinkedHashMap<>();
    for (String eco : model.table().ecosystems().keySet()) {
      if (!base.areaHaByEcosystem().containsKey(eco)) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("plus50", coefficient(model, areaM2ByCode, eco, +1));
      m.put("minus50", coefficient(model, areaM2ByCode, eco, -1));
      m.put("esvPlus50", model.withScaled(eco, 1 + CHANGE).value(areaM2ByCode).total());
      m.put("esvMinus50", model.withScaled(eco, 1 - CHANGE).value(areaM2ByCode).total());
      out.put(eco, m);
    }
    return out;
  }
}
