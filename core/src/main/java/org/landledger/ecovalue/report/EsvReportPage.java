package org.landledger.ecovalue.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.landledger.geo.Units;
import org.landledger.report.BarChart;
import org.landledger.report.Fmt;
import org.landledger.report.Messages;
import org.landledger.report.PolicyTable;
import org.landledger.report.Report;
import org.landledger.report.ReportContext;

/**
 * 生态系统服务价值报告: the report of an {@code esv.json} document (as built by the esv command) — total value and
 * area in 公顷/亩, value by service and by ecosystem (tables and charts), the land-use transfers and value change
 * when two dates were compared, and the policy parameters with sources. Built from the JSON map so the report
 * shows exactly the numbers the JSON holds.
 */
public final class EsvReportPage {

  static final String BUNDLE = "org/landledger/ecovalue/report/messages";
  static final int TOP_FLOWS = 10;

  private EsvReportPage() {}

  @SuppressWarnings("unchecked")
  public static Report build(Map<String, Object> esv, ReportContext ctx) {
    Messages msg = Messages.of(ctx.lang(), BUNDLE);
    Report.Builder b = Report.builder(ctx.lang(), msg.get("esv.title"));
    ctx.titleBlock(b, msg);
    double total = num(esv.get("totalValue"));
    double areaHa = num(esv.get("areaHa"));
    List<List<String>> sum = List.of(
        List.of(msg.get("esv.total"), Fmt.num(total, 2)),
        List.of(msg.get("esv.total.wan"), Fmt.num(total / 10_000, 2)),
        List.of(msg.get("esv.area.ha"), Fmt.num(areaHa, 4)),
        List.of(msg.get("esv.area.mu"), Fmt.num(Units.m2ToMu(Units.haToM2(areaHa)), 2)),
        List.of(msg.get("esv.unit"), Fmt.num(num(esv.get("unitValuePerHa")), 2)));
    List<Report.Block> summary = new ArrayList<>();
    summary.add(new Report.Table(null, List.of(msg.get("table.item"), ""), sum, new boolean[] {false, true}, List.of()));
    if (esv.get("unvaluedCodes") instanceof Map<?, ?> u && !u.isEmpty()) {
      summary.add(new Report.Paragraph(msg.get("esv.unvalued", String.join(msg.get("list.sep"),
          u.keySet().stream().map(Object::toString).toList())), true));
    }
    b.section(msg.get("esv.section.summary"), summary);

    Map<String, Object> names = esv.get("serviceNamesZh") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    if (esv.get("byService") instanceof Map<?, ?> bs && !bs.isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      List<String> cats = new ArrayList<>();
      List<Double> vals = new ArrayList<>();
      ((Map<String, Object>) bs).forEach((k, v) -> {
        String name = msg.pick(String.valueOf(names.getOrDefault(k, k)), k.replace('_', ' '));
        rows.add(List.of(name, Fmt.num(num(v) / 10_000, 2), share(num(v), total)));
        cats.add(name);
        vals.add(num(v) / 10_000);
      });
      b.section(msg.get("esv.section.service"), List.of(
          new Report.Table(null, List.of(msg.get("esv.service"), msg.get("esv.value.wan"), msg.get("landuse.share")),
              rows, new boolean[] {false, true, true}, List.of()),
          new Report.Chart(BarChart.single(msg.get("esv.chart.service"), msg.get("esv.chart.unit"), cats, vals,
              "#238b45"))));
    }
    if (esv.get("byEcosystem") instanceof Map<?, ?> be && !be.isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      List<String> cats = new ArrayList<>();
      List<Double> vals = new ArrayList<>();
      ((Map<String, Object>) be).forEach((k, v) -> {
        Map<String, Object> e = v instanceof Map<?, ?> x ? (Map<String, Object>) x : Map.of();
        String name = msg.pick(String.valueOf(e.getOrDefault("nameZh", k)), k);
        double ha = num(e.get("areaHa"));
        double value = num(e.get("value"));
        rows.add(List.of(name, Fmt.num(ha, 4), Fmt.num(Units.m2ToMu(Units.haToM2(ha)), 2),
            Fmt.num(value / 10_000, 2), share(value, total)));
        cats.add(name);
        vals.add(value / 10_000);
      });
      b.section(msg.get("esv.section.ecosystem"), List.of(
          new Report.Table(null, List.of(msg.get("esv.ecosystem"), msg.get("unit.ha"), msg.get("unit.mu"),
              msg.get("esv.value.wan"), msg.get("landuse.share")), rows,
              new boolean[] {false, true, true, true, true}, List.of()),
          new Report.Chart(BarChart.single(msg.get("esv.chart.ecosystem"), msg.get("esv.chart.unit"), cats, vals,
              "#41ab5d"))));
    }
    if (esv.get("change") instanceof Map<?, ?> c) {
      b.section(msg.get("esv.section.change"), change((Map<String, Object>) c, msg));
    }
    Object policy = esv.get("policy");
    b.section(msg.get("section.policy"), PolicyTable.blocks(policy instanceof Map<?, ?> p ? (Map<String, Object>) p
        : null, msg));
    return b.build();
  }

  @SuppressWarnings("unchecked")
  private static List<Report.Block> change(Map<String, Object> c, Messages msg) {
    List<Report.Block> out = new ArrayList<>();
    out.add(new Report.Table(null, List.of(msg.get("esv.before"), msg.get("esv.after"), msg.get("esv.delta")),
        List.of(List.of(Fmt.num(num(c.get("totalValueBefore")), 2), Fmt.num(num(c.get("totalValueAfter")), 2),
            Fmt.num(num(c.get("delta")), 2))), new boolean[] {true, true, true}, List.of()));
    if (c.get("transitions") instanceof List<?> ts && !ts.isEmpty()) {
      List<Map<String, Object>> flows = new ArrayList<>();
      ts.forEach(t -> flows.add((Map<String, Object>) t));
      flows.sort(Comparator.comparingDouble((Map<String, Object> t) -> -num(t.get("areaHa"))));
      List<Map<String, Object>> top = flows.subList(0, Math.min(TOP_FLOWS, flows.size()));
      List<List<String>> rows = new ArrayList<>();
      List<String> cats = new ArrayList<>();
      List<Double> vals = new ArrayList<>();
      for (Map<String, Object> t : top) {
        String label = t.get("from") + " → " + t.get("to");
        rows.add(List.of(label, Fmt.num(num(t.get("areaHa")), 4), Fmt.num(num(t.get("valueDelta")), 2)));
        cats.add(label);
        vals.add(num(t.get("areaHa")));
      }
      out.add(new Report.Table(null, List.of(msg.get("esv.flow"), msg.get("esv.flow.area"), msg.get("esv.flow.delta")),
          rows, new boolean[] {false, true, true}, List.of()));
      out.add(new Report.Chart(BarChart.single(msg.get("esv.chart.flows", top.size()), msg.get("unit.ha"), cats, vals,
          "#6a51a3")));
    }
    return out;
  }

  private static String share(double v, double total) {
    return total == 0 ? "—" : Fmt.num(100 * v / total, 1) + "%";
  }

  private static double num(Object o) {
    return o instanceof Number n ? n.doubleValue() : 0.0;
  }
}
