package org.landledger.ecovalue.carbon;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** 碳价: a carbon price in 元 per t CO₂ (how carbon markets quote) or per t C, with where it comes from. */
public record CarbonPrice(double value, String unit, String source) {

  public CarbonPrice {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException("carbon price must be a non-negative number, got " + value);
    }
    unit = unit.trim().toLowerCase(Locale.ROOT).replace("₂", "2");
    if (!unit.equals("tco2") && !unit.equals("tc")) {
      throw new IllegalArgumentException("carbon price unit must be tCO2 or tC, got " + unit);
    }
  }

  /** 元 per t C. */
  public double perTC() {
    return unit.equals("tco2") ? value * CarbonModel.CO2_PER_C : value;
  }

  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", value);
    m.put("unit", unit.equals("tco2") ? "元/t CO2" : "元/t C");
    m.put("perTC", perTC());
    m.put("source", source);
    return m;
  }
}
