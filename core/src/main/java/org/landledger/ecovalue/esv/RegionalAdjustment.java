package org.landledger.ecovalue.esv;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 区域修正系数: the spatial adjustment of the equivalent factors (Xie et al. 2015) — regional NPP / national
 * mean for most services, the precipitation ratio for water supply and hydrological regulation, and the
 * soil-conservation ratio for soil conservation. Scalars for the whole study area; 1 = no adjustment.
 */
public record RegionalAdjustment(double npp, double precipitation, double soilConservation) {

  public static final RegionalAdjustment NONE = new RegionalAdjustment(1, 1, 1);

  public RegionalAdjustment {
    check("npp", npp);
    check("precipitation", precipitation);
    check("soil conservation", soilConservation);
  }

  private static void check(String name, double v) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException("adjustment factor " + name + " must be a non-negative number, got " + v);
    }
  }

  /** The factor that applies to a service (keys as in the equivalent table's header). */
  public double factor(String service) {
    return switch (service) {
      case "water_supply", "hydrological_regulation" -> precipitation;
      case "soil_conservation" -> soilConservation;
      default -> npp;
    };
  }

  public boolean isNone() {
    return npp == 1 && precipitation == 1 && soilConservation == 1;
  }

  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("npp", npp);
    m.put("precipitation", precipitation);
    m.put("soilConservation", soilConservation);
    m.put("appliesTo", Map.of(
        "npp", "all services except the two below",
        "precipitation", "water_supply, hydrological_regulation",
        "soilConservation", "soil_conservation"));
    m.put("source", "Xie Gaodi et al. 2015: regional NPP, precipitation and soil-conservation ratios to the national mean");
    return m;
  }
}
