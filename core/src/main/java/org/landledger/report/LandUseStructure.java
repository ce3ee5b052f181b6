package org.landledger.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.landledger.geo.Units;
import org.landledger.landuse.LandUseClass;
import org.landledger.landuse.LandUseCodes;

/**
 * 地类结构: areas by land-use code summed into the 一级类 of the 三调 classification, as a table (m², 亩, 公顷,
 * share) and a bar chart in 亩; also the colour each class gets on report maps.
 */
public final class LandUseStructure {

  private final LandUseCodes codes;

  public LandUseStructure(LandUseCodes codes) {
    this.codes = codes;
  }

  /** The 一级类 code of a land-use code ("unknown" when not in the classification). */
  public String group(String code) {
    return codes.find(code).map(LandUseClass::groupCode).orElse("unknown");
  }

  /** Fill colour of a land-use code's class: the map style's colour, so charts match the map legend. */
  public String colour(String code) {
    return groupColour(group(code));
  }

  /** Fill colour of a 一级类 ({@link org.landledger.render.Styles#landUseColour}) as {@code #rrggbb}. */
  public String groupColour(String group) {
    java.awt.Color c = org.landledger.render.Styles.landUseColour(group);
    return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  /** Areas (m²) summed by class, in class-code order. */
  public Map<String, Double> byGroup(Map<String, Double> byCode) {
    Map<String, Double> m = new TreeMap<>();
    byCode.forEach((code, a) -> m.merge(group(code), a, Double::sum));
    return m;
  }

  public String groupName(String group, Messages msg) {
    return msg.get("landuse.group." + group);
  }

  /** Table (class, m², 亩, 公顷, share) and chart (亩) of the given areas by code; empty list for no area. */
  public List<Report.Block> blocks(String caption, Map<String, Double> byCode, Messages msg) {
    Map<String, Double> groups = byGroup(byCode);
    double total = groups.values().stream().mapToDouble(Double::doubleValue).sum();
    List<Report.Block> out = new ArrayList<>();
    if (total <= 0) {
      return out;
    }
    List<List<String>> rows = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Double> mu = new ArrayList<>();
    groups.forEach((g, a) -> {
      String name = groupName(g, msg);
      rows.add(List.of(name, Fmt.m2(a), Fmt.mu(a), Fmt.ha(a), Fmt.num(100 * a / total, 1) + "%"));
      names.add(name);
      mu.add(Units.m2ToMu(a));
    });
    rows.add(List.of(msg.get("total"), Fmt.m2(total), Fmt.mu(total),
        Fmt.ha(total), "100.0%"));
    out.add(new Report.Table(caption, List.of(msg.get("landuse.class"), msg.get("unit.m2"), msg.get("unit.mu"),
        msg.get("unit.ha"), msg.get("landuse.share")), rows, new boolean[] {false, true, true, true, true},
        List.of()));
    out.add(new Report.Chart(BarChart.single(caption, msg.get("unit.mu"), names, mu, "#b8860b")));
    return out;
  }
}
