package org.landledger.ecovalue.esv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.landledger.ecovalue.CsvTable;
import org.landledger.io.InputDataException;

/**
 * 标准当量因子价值量 D: the value of one standard equivalent, 元/ha/yr, either given by the user or computed
 * from a grain table by one of the two conventions in use (the result always names which):
 * <ul>
 *   <li>{@link Convention#NET_PROFIT} — Xie et al. 2015: the sown-area-weighted net profit of the main grain
 *       crops per ha, D = Σ (S_i / S) × F_i, F_i = net profit per ha of crop i (given, or yield × price − cost);
 *   <li>{@link Convention#ONE_SEVENTH_OUTPUT_VALUE} — Xie et al. 2003/2008: 1/7 of the sown-area-weighted
 *       market value of grain output per ha, D = (1/7) × Σ (S_i / S) × yield_i × price_i.
 * </ul>
 * Grain table columns: {@code crop, sown_area_ha, yield_kg_per_ha, price_yuan_per_kg}, and for the net-profit
 * convention {@code cost_yuan_per_ha} or {@code net_profit_yuan_per_ha} (the latter wins when present).
 */
public record UnitValue(double perHa, String convention, String description, List<Map<String, Object>> crops) {

  /** How D was obtained from grain statistics. */
  public enum Convention {
    NET_PROFIT("xie2015-net-profit", "谢高地等 2015：单位面积农田生态系统粮食生产的净利润（按播种面积加权）"),
    ONE_SEVENTH_OUTPUT_VALUE("one-seventh-grain-output-value", "谢高地等 2003/2008：粮食单产市场价值的 1/7（按播种面积加权）");

    public final String key;
    public final String descriptionZh;

    Convention(String key, String descriptionZh) {
      this.key = key;
      this.descriptionZh = descriptionZh;
    }

    public static Convention parse(String s) {
      String t = s.trim().toLowerCase(Locale.ROOT);
      for (Convention c : values()) {
        if (c.key.equals(t) || c.name().toLowerCase(Locale.ROOT).equals(t.replace('-', '_'))) {
          return c;
        }
      }
      if (t.equals("net-profit") || t.equals("xie2015")) {
        return NET_PROFIT;
      }
      if (t.equals("one-seventh") || t.equals("1/7")) {
        return ONE_SEVENTH_OUTPUT_VALUE;
      }
      throw new IllegalArgumentException("unknown grain convention '" + s + "' (net-profit or one-seventh)");
    }
  }

  public UnitValue {
    if (!(perHa > 0) || !Double.isFinite(perHa)) {
      throw new IllegalArgumentException("the standard equivalent value D must be a positive number of 元/ha, got " + perHa);
    }
    crops = List.copyOf(crops);
  }

  /** D given by the user (--unit-value). */
  public static UnitValue given(double perHa) {
    return new UnitValue(perHa, "given", "用户给定 (--unit-value)", List.of());
  }

  /** D from a grain table by a convention. */
  public static UnitValue fromGrainTable(Path csv, Convention convention) {
    CsvTable t = CsvTable.read(csv);
    t.require("crop", "sown_area_ha");
    if (convention == Convention.ONE_SEVENTH_OUTPUT_VALUE) {
      t.require("yield_kg_per_ha", "price_yuan_per_kg");
    } else if (!t.has("net_profit_yuan_per_ha")) {
      t.require("yield_kg_per_ha", "price_yuan_per_kg", "cost_yuan_per_ha");
    }
    double sown = 0;
    double weighted = 0;
    List<Map<String, Object>> crops = new ArrayList<>();
    for (CsvTable.Row r : t.rows()) {
      double s = t.nonNegative(r, "sown_area_ha");
      double perHa;
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("crop", t.requiredText(r, "crop"));
      c.put("sownAreaHa", s);
      if (convention == Convention.ONE_SEVENTH_OUTPUT_VALUE) {
        double y = t.nonNegative(r, "yield_kg_per_ha");
        double p = t.nonNegative(r, "price_yuan_per_kg");
        perHa = y * p;
        c.put("outputValuePerHa", perHa);
      } else if (t.has("net_profit_yuan_per_ha") && t.number(r, "net_profit_yuan_per_ha") != null) {
        perHa = t.requiredNumber(r, "net_profit_yuan_per_ha");
        c.put("netProfitPerHa", perHa);
      } else {
        double y = t.nonNegative(r, "yield_kg_per_ha");
        double p = t.nonNegative(r, "price_yuan_per_kg");
        double cost = t.nonNegative(r, "cost_yuan_per_ha");
        perHa = y * p - cost;
        c.put("netProfitPerHa", perHa);
      }
      sown += s;
      weighted += s * perHa;
      crops.add(c);
    }
    if (!(sown > 0)) {
      throw new InputDataException(csv, null, "sown_area_ha", "total sown area must be positive");
    }
    double d = weighted / sown;
    if (convention == Convention.ONE_SEVENTH_OUTPUT_VALUE) {
      d /= 7.0;
    }
    if (!(d > 0)) {
      throw new InputDataException(csv, null, null,
          "the grain table gives D = " + d + " 元/ha (" + convention.key + "); it must be positive");
    }
    return new UnitValue(d, convention.key, convention.descriptionZh + " — " + csv, crops);
  }

  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("valuePerHa", perHa);
    m.put("unit", "元/ha/yr");
    m.put("convention", convention);
    m.put("description", description);
    if (!crops.isEmpty()) {
      m.put("crops", crops);
    }
    return m;
  }
}
