package org.landledger.redline.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.landledger.redline.compensation.FarmlandBalance;
import org.landledger.report.BarChart;
import org.landledger.report.Fmt;
import org.landledger.report.Messages;
import org.landledger.report.PolicyTable;
import org.landledger.report.Report;
import org.landledger.report.ReportContext;

/**
 * 耕地进出平衡报告: the report of a {@link FarmlandBalance.Result} — regime and its source, outflow/inflow/net in
 * m², 亩 and 公顷, the four balances (quantity, paddy, quality, capacity), townships, the transitions and the policy
 * parameters with their sources.
 */
public final class FarmlandBalanceReport {

  private FarmlandBalanceReport() {}

  public static Report build(FarmlandBalance.Result r, Map<String, Object> json, List<String> notes,
      ReportContext ctx) {
    Messages msg = Messages.of(ctx.lang());
    Report.Builder b = Report.builder(ctx.lang(), msg.pick("耕地进出平衡", "Farmland in/out balance"));
    ctx.titleBlock(b, msg);
    b.meta(msg.pick("占补平衡制度", "Regime"), json.get("regime") + " — " + json.get("regimeRule"));
    b.meta(msg.pick("制度依据", "Regime source"), String.valueOf(json.get("regimeSource")));
    b.meta(msg.pick("政策参数集", "Policy profile"), String.valueOf(json.get("policyProfile")));
    FarmlandBalance.Flows t = r.total();
    b.section(msg.pick("流出、流入与净增", "Outflow, inflow and net"), List.of(totals(t, msg), chart(t, msg)));
    b.section(msg.pick("数量、水田、质量、产能平衡", "Quantity, paddy, quality and capacity"),
        List.of(balances(t, msg)));
    b.section(msg.pick("分县、分乡镇", "By county and township"), List.of(byUnit(r.counties(), msg),
        byUnit(r.townships(), msg)));
    b.section(msg.pick("地类转换", "Transitions"), List.of(transitions(r, msg)));
    b.section(msg.get("section.policy"), PolicyTable.blocks(policy(json), msg));
    if (!notes.isEmpty()) {
      b.section(msg.get("section.notes"), List.of(new Report.Bullets(notes)));
    }
    return b.build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> policy(Map<String, Object> json) {
    return (Map<String, Object>) json.get("policy");
  }

  private static Report.Table totals(FarmlandBalance.Flows t, Messages msg) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(areaRow(msg.pick("耕地流出（计入）", "Outflow (counted)"), t.outflowM2()));
    rows.add(areaRow(msg.pick("耕地流入", "Inflow"), t.inflowM2()));
    rows.add(areaRow(msg.pick("净增", "Net"), t.netM2()));
    rows.add(areaRow(msg.pick("本制度不计的流出", "Outflow not counted by this regime"), t.uncountedOutflowM2()));
    rows.add(areaRow(msg.pick("田坎系数变化（单列）", "KCXS changes (apart)"), t.kcxsChangeM2()));
    return new Report.Table(msg.pick("耕地净面积（扣除田坎）", "Farmland net of 田坎"), List.of(msg.get("table.item"),
        msg.get("unit.m2"), msg.get("unit.mu"), msg.get("unit.ha")), rows, new boolean[] {false, true, true, true},
        t.netM2() < 0 ? List.of(2) : List.of());
  }

  private static List<String> areaRow(String label, double m2) {
    return List.of(label, Fmt.m2(m2), Fmt.mu(m2), Fmt.ha(m2));
  }

  private static Report.Chart chart(FarmlandBalance.Flows t, Messages msg) {
    return new Report.Chart(BarChart.single(msg.pick("耕地流出与流入", "Farmland out and in"), msg.get("unit.mu"),
        List.of(msg.pick("流出", "Out"), msg.pick("流入", "In")),
        List.of(org.landledger.geo.Units.m2ToMu(t.outflowM2()), org.landledger.geo.Units.m2ToMu(t.inflowM2())),
        "#1f4e79"));
  }

  private static Report.Table balances(FarmlandBalance.Flows t, Messages msg) {
    List<List<String>> rows = new ArrayList<>();
    List<Integer> bad = new ArrayList<>();
    add(rows, bad, msg.pick("数量 m²", "Quantity m²"), Fmt.m2(t.outflowM2()), Fmt.m2(t.inflowM2()),
        t.quantityBalanced(), msg);
    add(rows, bad, msg.pick("水田 m²", "Paddy m²"), Fmt.m2(t.paddyOutM2()), Fmt.m2(t.paddyInM2()), t.paddyBalanced(),
        msg);
    add(rows, bad, msg.pick("平均等别（越小越好）", "Mean grade (smaller is better)"), grade(t.gradeOut()),
        grade(t.gradeIn()), t.qualityBalanced(), msg);
    add(rows, bad, msg.pick("粮食产能 kg", "Grain capacity kg"), Fmt.num(t.capacityOutKg(), 1),
        Fmt.num(t.capacityInKg(), 1), t.capacityBalanced(), msg);
    return new Report.Table(null, List.of(msg.get("table.item"), msg.pick("流出", "Out"), msg.pick("流入", "In"),
        msg.pick("平衡", "Balanced")), rows, new boolean[] {false, true, true, false}, bad);
  }

  private static void add(List<List<String>> rows, List<Integer> bad, String label, String out, String in, boolean ok,
      Messages msg) {
    if (!ok) {
      bad.add(rows.size());
    }
    rows.add(List.of(label, out, in, ok ? msg.get("yes") : msg.get("no")));
  }

  private static String grade(Double g) {
    return g == null ? "—" : Fmt.num(g, 2);
  }

  private static Report.Table byUnit(List<FarmlandBalance.Flows> units, Messages msg) {
    List<List<String>> rows = new ArrayList<>();
    List<Integer> bad = new ArrayList<>();
    for (FarmlandBalance.Flows f : units) {
      if (!f.balanced()) {
        bad.add(rows.size());
      }
      rows.add(List.of(f.code() == null ? "—" : f.code(), f.name() == null ? "" : f.name(), Fmt.m2(f.outflowM2()),
          Fmt.m2(f.inflowM2()), Fmt.m2(f.netM2()), f.balanced() ? msg.get("yes") : msg.get("no")));
    }
    return new Report.Table(null, List.of(msg.pick("代码", "Code"), msg.pick("名称", "Name"),
        msg.pick("流出 m²", "Out m²"), msg.pick("流入 m²", "In m²"), msg.pick("净增 m²", "Net m²"),
        msg.pick("平衡", "Balanced")), rows, new boolean[] {false, false, true, true, true, false}, bad);
  }

  private static Report.Table transitions(FarmlandBalance.Result r, Messages msg) {
    List<List<String>> rows = new ArrayList<>();
    for (FarmlandBalance.Transition t : r.transitions()) {
      rows.add(List.of(t.township(), t.from(), t.to(), msg.pick(t.direction().zh(), t.direction().name()),
          t.counted() ? msg.get("yes") : msg.get("no"), Fmt.m2(t.areaM2())));
    }
    return new Report.Table(null, List.of(msg.pick("乡镇", "Township"), msg.pick("原地类", "From"),
        msg.pick("现地类", "To"), msg.pick("方向", "Direction"), msg.pick("计入", "Counted"), msg.get("unit.m2")),
        rows, new boolean[] {false, false, false, false, false, true}, List.of());
  }
}
