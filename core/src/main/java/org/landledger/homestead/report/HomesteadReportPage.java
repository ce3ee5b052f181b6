package org.landledger.homestead.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.landledger.geo.Units;
import org.landledger.homestead.Finding;
import org.landledger.homestead.FindingType;
import org.landledger.homestead.HomesteadReport;
import org.landledger.homestead.Reclamation;
import org.landledger.report.BarChart;
import org.landledger.report.Fmt;
import org.landledger.report.Messages;
import org.landledger.report.PolicyTable;
import org.landledger.report.Report;
import org.landledger.report.ReportContext;

/**
 * 宅基地报告: the human-readable page of a {@link HomesteadReport} — counts of parcels, households and findings
 * (table and chart), the exit/reclamation quota in m², 亩 and 公顷 with its money, the parcels with findings, the
 * policy parameters with sources and the notes. Personal data stay out: parcel ids and counts only.
 */
public final class HomesteadReportPage {

  static final String BUNDLE = "org/landledger/homestead/report/messages";
  static final int MAX_ROWS = 500;

  private HomesteadReportPage() {}

  public static Report build(HomesteadReport h, ReportContext ctx) {
    Messages msg = Messages.of(ctx.lang(), BUNDLE);
    Report.Builder b = Report.builder(ctx.lang(), msg.get("homestead.title"));
    ctx.titleBlock(b, msg);
    org.landledger.redline.report.RedLineReport.regime(b, msg, org.landledger.redline.compensation.Regime
        .describe(h.policy()));
    Map<String, Object> json = h.toJson();

    int multiple = h.multipleHomesteadHouseholds().size();
    int oversize = h.findings(FindingType.OVERSIZE).size();
    int idle = h.findings(FindingType.IDLE).size();
    List<List<String>> rows = List.of(
        List.of(msg.get("homestead.s.parcels"), Fmt.integer(h.register().parcels().size())),
        List.of(msg.get("homestead.s.households"), Fmt.integer(h.households())),
        List.of(msg.get("homestead.s.multiple"), Fmt.integer(multiple)),
        List.of(msg.get("homestead.s.oversize"), Fmt.integer(oversize)),
        List.of(msg.get("homestead.s.idle"), Fmt.integer(idle)));
    List<String> cats = new ArrayList<>();
    List<Double> counts = new ArrayList<>();
    for (FindingType t : FindingType.values()) {
      cats.add(msg.pick(t.zh(), t.en()));
      counts.add((double) h.findings(t).size());
    }
    b.section(msg.get("homestead.section.summary"), List.of(
        new Report.Table(null, List.of(msg.get("table.item"), msg.get("table.count")), rows,
            new boolean[] {false, true}, List.of()),
        new Report.Chart(BarChart.single(msg.get("homestead.chart.findings"), msg.get("homestead.chart.unit"), cats,
            counts, "#8c510a")),
        new Report.Paragraph(msg.get("homestead.privacy"), false)));

    Reclamation.Result r = h.reclamation();
    List<List<String>> areas = new ArrayList<>();
    area(areas, msg.get("homestead.r.exited"), r.exitedAreaM2());
    area(areas, msg.get("homestead.r.reclaimable"), r.reclaimableM2());
    area(areas, msg.get("homestead.r.resettlement"), r.resettlementM2());
    area(areas, msg.get("homestead.r.netQuota"), r.netQuotaM2());
    List<List<String>> money = List.of(
        List.of(msg.get("homestead.money.value"), yuan(r.valueYuan())),
        List.of(msg.get("homestead.money.cost"), yuan(r.reclamationCostYuan())),
        List.of(msg.get("homestead.money.net"), yuan(r.netProceedsYuan())),
        List.of(msg.get("homestead.money.households"), yuan(r.householdsYuan())),
        List.of(msg.get("homestead.money.collective"), yuan(r.collectiveYuan())));
    List<Report.Block> rec = new ArrayList<>();
    rec.add(new Report.Table(null, List.of(msg.get("table.item"), msg.get("unit.m2"), msg.get("unit.mu"),
        msg.get("unit.ha")), areas, new boolean[] {false, true, true, true}, List.of()));
    rec.add(new Report.Chart(BarChart.single(msg.get("homestead.chart.quota"), msg.get("unit.mu"),
        List.of(msg.get("homestead.r.exited"), msg.get("homestead.r.reclaimable"), msg.get("homestead.r.resettlement"),
            msg.get("homestead.r.netQuota")),
        List.of(mu(r.exitedAreaM2()), mu(r.reclaimableM2()), mu(r.resettlementM2()), mu(r.netQuotaM2())), "#31a354")));
    rec.add(new Report.Table(null, List.of(msg.get("homestead.money.item"), msg.get("homestead.money.amount")), money,
        new boolean[] {false, true}, List.of()));
    if (!r.notes().isEmpty()) {
      rec.add(new Report.Bullets(r.notes()));
    }
    b.section(msg.get("homestead.section.reclamation"), rec);

    List<Finding> fs = h.findings();
    if (fs.isEmpty()) {
      b.section(msg.get("homestead.section.findings"), List.of(new Report.Paragraph(msg.get("findings.none"), false)));
    } else {
      List<List<String>> frows = new ArrayList<>();
      for (Finding f : fs.subList(0, Math.min(fs.size(), MAX_ROWS))) {
        frows.add(List.of(f.parcelId() == null ? "" : f.parcelId(), msg.pick(f.type().zh(), f.type().en()),
            f.excessM2() == null ? "" : Fmt.m2(f.excessM2().doubleValue())));
      }
      List<Report.Block> blocks = new ArrayList<>();
      blocks.add(new Report.Table(null, List.of(msg.get("homestead.f.parcel"), msg.get("homestead.f.type"),
          msg.get("homestead.f.excess")), frows, new boolean[] {false, false, true}, List.of()));
      if (fs.size() > MAX_ROWS) {
        blocks.add(new Report.Paragraph(msg.get("homestead.f.cut", MAX_ROWS, fs.size()), false));
      }
      b.section(msg.get("homestead.section.findings"), blocks);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> policy = (Map<String, Object>) json.get("policy");
    b.section(msg.get("section.policy"), PolicyTable.blocks(policy, msg));
    if (!h.notes().isEmpty()) {
      b.section(msg.get("section.notes"), List.of(new Report.Bullets(h.notes())));
    }
    return b.build();
  }

  private static void area(List<List<String>> rows, String label, BigDecimal m2) {
    double v = m2 == null ? 0 : m2.doubleValue();
    rows.add(List.of(label, Fmt.m2(v), Fmt.mu(v), Fmt.ha(v)));
  }

  private static double mu(BigDecimal m2) {
    return m2 == null ? 0 : Units.m2ToMu(m2.doubleValue());
  }

  private static String yuan(BigDecimal v) {
    return v == null ? "" : Fmt.num(v.doubleValue(), 2);
  }
}
