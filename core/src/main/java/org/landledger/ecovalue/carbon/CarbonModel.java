package org.landledger.ecovalue.carbon;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.landledger.ecovalue.esv.EcosystemMapping;
import org.landledger.geo.Units;

/**
 * 碳储量 (InVEST carbon model's method): stock = Σ area × (C_above + C_below + C_soil + C_dead) over land classes,
 * in t C; value at a carbon price, quoted per t CO₂ (× 44/12 t CO₂ per t C) or per t C.
 */
public final class CarbonModel {

  /** Mass ratio CO₂ : C (molar masses 44 : 12). */
  public static final double CO2_PER_C = 44.0 / 12.0;

  private final CarbonDensities densities;
  private final EcosystemMapping mapping;

  public CarbonModel(CarbonDensities densities, EcosystemMapping mapping) {
    this.densities = densities;
    this.mapping = mapping;
  }

  public CarbonDensities densities() {
    return densities;
  }

  /** Total density for a land-use code (t C/ha), 0 when no row applies. */
  public double densityPerHa(String code) {
    return densities.forCode(code, mapping).map(CarbonDensities.Density::total).orElse(0.0);
  }

  public Stock stock(Map<String, Double> areaM2ByCode) {
    Stock s = new Stock();
    areaM2ByCode.forEach(s::add);
    return s;
  }

  /** A carbon stock: totals by pool and by land-use code, and the codes without a density. */
  public final class Stock {
    private final double[] pools = new double[4];
    private final Map<String, double[]> byCode = new TreeMap<>(); // areaHa, tC
    private final Map<String, Double> unmapped = new TreeMap<>();  // code → ha

    void add(String code, double areaM2) {
      double ha = Units.m2ToHa(areaM2);
      var d = densities.forCode(code, mapping);
      double t = 0;
      if (d.isPresent()) {
        double[] p = d.get().pools();
        for (int i = 0; i < 4; i++) {
          pools[i] += ha * p[i];
          t += ha * p[i];
        }
      } else {
        unmapped.merge(code, ha, Double::sum);
      }
      double[] c = byCode.computeIfAbsent(code, k -> new double[2]);
      c[0] += ha;
      c[1] += t;
    }

    public double totalTC() {
      return pools[0] + pools[1] + pools[2] + pools[3];
    }

    public double pool(int i) {
      return pools[i];
    }

    public Map<String, Double> unmappedHa() {
      return unmapped;
    }

    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("totalStockTC", totalTC());
      m.put("totalStockTCO2", totalTC() * CO2_PER_C);
      Map<String, Double> p = new LinkedHashMap<>();
      for (int i = 0; i < 4; i++) {
        p.put(CarbonDensities.POOLS[i], pools[i]);
      }
      m.put("byPoolTC", p);
      Map<String, Object> codes = new LinkedHashMap<>();
      byCode.forEach((code, v) -> {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("areaHa", v[0]);
        e.put("densityClass", densities.forCode(code, mapping).map(CarbonDensities.Density::key).orElse(null));
        e.put("stockTC", v[1]);
        codes.put(code, e);
      });
      m.put("byLandUseCode", codes);
      Map<String, Object> un = new LinkedHashMap<>();
      unmapped.forEach((code, ha) -> un.put(code, Map.of("areaHa", ha, "reason", "碳密度表中无对应行，按 0 计")));
      m.put("unmappedCodes", un);
      return m;
    }
  }
}
