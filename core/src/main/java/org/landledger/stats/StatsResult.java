package org.landledger.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 汇总结果: the tables (in workbook order), the whole-area level-1 and level-2 figures, ΣTBMJ exactly, the tie-out,
 * the control-area comparison and, when asked, the 平差 result; notes for the reader.
 */
public record StatsResult(List<SummaryTable> tables, long totalCents, int polygons, TieOut tieOut,
    ControlAreas control, Adjusted adjusted, List<String> notes) {

  public StatsResult {
    tables = List.copyOf(tables);
    notes = List.copyOf(notes);
  }

  /** 平差后: the level-1/level-2 whole-area figures and the per-图斑 areas (cents, in layer order). */
  public record Adjusted(Map<String, Double> level1, Map<String, Double> level2, long totalCents, long[] tbmj) {}

  public SummaryTable table(String id) {
    return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
  }

  public Map<String, Double> level1() {
    return table("level1-township").totalsHa();
  }

  public Map<String, Double> level2() {
    return table("level2-township").totalsHa();
  }

  /** ΣTBMJ in 公顷, two decimals (half up). */
  public double totalHa() {
    return Rounding.ha(Rounding.units(totalCents));
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("polygons", polygons);
    m.put("totalHa", totalHa());
    m.put("totalM2", Rounding.m2(totalCents));
    m.put("totalMu", Math.round(Rounding.m2(totalCents) * 15 / 10_000 * 100) / 100.0);
    m.put("level1", level1());
    m.put("level2", level2());
    m.put("unit", "公顷 (ha), 两位小数, 强制调平; 1 公顷 = 15 亩");
    Map<String, Object> ts = new LinkedHashMap<>();
    tables.forEach(t -> ts.put(t.id(), t.toJson()));
    m.put("tables", ts);
    m.put("tieOut", tieOut.toJson());
    m.put("control", control.toJson());
    if (adjusted != null) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("rule", ControlAreas.RULE);
      a.put("source", ControlAreas.SOURCE);
      a.put("confirmed", false);
      a.put("totalHa", Rounding.ha(Rounding.units(adjusted.totalCents())));
      a.put("totalM2", Rounding.m2(adjusted.totalCents()));
      a.put("level1", adjusted.level1());
      a.put("level2", adjusted.level2());
      a.put("note", "未平差数据见 level1/level2/totalHa (unadjusted figures kept beside); 每图斑平差面积见 adjusted.csv");
      m.put("adjusted", a);
    }
    m.put("notes", notes);
    return m;
  }
}
