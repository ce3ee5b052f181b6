package org.landledger.linkage.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.landledger.geo.Units;
import org.landledger.landuse.LandUseCodes;
import org.landledger.linkage.LinkagePlot;
import org.landledger.linkage.LinkageResult;
import org.landledger.report.BarChart;
import org.landledger.report.Fmt;
import org.landledger.report.LandUseStructure;
import org.landledger.report.MapImages;
import org.landledger.report.Messages;
import org.landledger.report.PolicyTable;
import org.landledger.report.Report;
import org.landledger.report.ReportContext;
import org.locationtech.jts.geom.Envelope;

/**
 * 增减挂钩核算报告: the report of a {@link LinkageResult} — per project area the demolition, reclaimable, new
 * construction and surplus quota in 亩/公顷 with its value, a quota-balance chart, the land-use structure of the
 * land taken and reclaimed, a map of the plots, the projects with violations, assumptions, the policy
 * parameters with their sources and the run's notes.
 */
public final class LinkageReport {

  static final String BUNDLE = "org/landledger/linkage/report/messages";
  private static final String DEMOLITION = "#2c7fb8";
  private static final String CONSTRUCTION = "#e6550d";
  private static final String SURPLUS = "#31a354";
  private static final String VIOLATION = "#a50f15";

  private LinkageReport() {}

  public static Report build(LinkageResult r, ReportContext ctx) {
    Messages msg = Messages.of(ctx.lang(), BUNDLE);
    Report.Builder b = Report.builder(ctx.lang(), msg.get("linkage.title"));
    ctx.titleBlock(b, msg);
    List<LinkageResult.Project> ps = r.projects();
    long balanced = ps.stream().filter(LinkageResult.Project::balanced).count();

    List<Report.Block> summary = new ArrayList<>();
    summary.add(new Report.Paragraph(msg.get("linkage.summary.count", ps.size(), balanced, ps.size() - balanced),
        balanced < ps.size()));
    summary.add(projects(ps, msg));
    if (r.pricePerMu() != null) {
      double value = ps.stream().mapToDouble(LinkageResult.Project::surplusValueYuan).sum();
      summary.add(new Report.Paragraph(msg.get("linkage.price", Fmt.num(r.pricePerMu(), 0),
          r.priceSource() == null ? "" : r.priceSource(), Fmt.num(value / 10_000, 2)), false));
    } else {
      summary.add(new Report.Paragraph(msg.get("linkage.price.none"), false));
    }
    if (r.regime() != null && r.regime().get("regime") != null) {
      summary.add(new Report.Paragraph(msg.pick("占补平衡制度 ", "Regime ") + r.regime().get("regime") + "（"
          + r.regime().get("regimeSource") + "）；" + r.regime().get("policyProfile"), false));
    }
    b.section(msg.get("linkage.section.summary"), summary);
    b.section(msg.get("linkage.section.totals"), List.of(totals(ps, msg)));
    b.section(msg.get("linkage.section.balance"), List.of(new Report.Chart(balanceChart(ps, msg))));

    LandUseStructure structure = new LandUseStructure(LandUseCodes.standard());
    List<Report.Block> taken = structure.blocks(msg.get("linkage.section.landuse.construction"),
        byCode(ps, LinkagePlot.Role.CONSTRUCTION), msg);
    if (!taken.isEmpty()) {
      b.section(msg.get("linkage.section.landuse.construction"), taken);
    }
    List<Report.Block> old = structure.blocks(msg.get("linkage.section.landuse.demolition"),
        byCode(ps, LinkagePlot.Role.DEMOLITION), msg);
    if (!old.isEmpty()) {
      b.section(msg.get("linkage.section.landuse.demolition"), old);
    }
    List<Report.Block> map = map(ps, ctx, structure, msg);
    if (!map.isEmpty()) {
      b.section(msg.get("section.map"), map);
    }
    b.section(msg.get("linkage.section.violations"), violations(ps, msg));
    List<String> assumptions = new ArrayList<>();
    ps.forEach(p -> p.assumptions().forEach(a -> assumptions.add(p.projectId() + ": " + a)));
    if (!assumptions.isEmpty()) {
      b.section(msg.get("linkage.section.assumptions"), List.of(new Report.Bullets(assumptions)));
    }
    b.section(msg.get("section.policy"), PolicyTable.blocks(r.policy(), msg));
    if (!r.notes().isEmpty()) {
      b.section(msg.get("section.notes"), List.of(new Report.Bullets(r.notes())));
    }
    return b.build();
  }

  private static Report.Table projects(List<LinkageResult.Project> ps, Messages msg) {
    List<List<String>> rows = new ArrayList<>();
    List<Integer> hl = new ArrayList<>();
    for (LinkageResult.Project p : ps) {
      if (!p.balanced()) {
        hl.add(rows.size());
      }
      rows.add(List.of(p.projectId(), Fmt.mu(p.demolitionAreaM2()), Fmt.mu(p.reclaimableAreaM2()),
          Fmt.mu(p.reclaimedFarmlandM2()), Fmt.mu(p.constructionAreaM2()), Fmt.mu(p.constructionFarmlandNetM2()),
          Fmt.mu(p.surplusQuotaM2()), Fmt.ha(p.surplusQuotaM2()), p.surplusValueYuan() == null ? "—"
          : Fmt.num(p.surplusValueYuan() / 10_000, 2), msg.get(p.balanced() ? "yes" : "no")));
    }
    return new Report.Table(null, List.of(msg.get("linkage.p.id"), msg.get("linkage.p.demolition"),
        msg.get("linkage.p.reclaimable"), msg.get("linkage.p.reclaimedFarmland"), msg.get("linkage.p.construction"),
        msg.get("linkage.p.constructionFarmland"), msg.get("linkage.p.surplusMu"), msg.get("linkage.p.surplusHa"),
        msg.get("linkage.p.value"), msg.get("linkage.p.balanced")), rows,
        new boolean[] {false, true, true, true, true, true, true, true, true, false}, hl);
  }

  private static Report.Table totals(List<LinkageResult.Project> ps, Messages msg) {
    List<List<String>> rows = new ArrayList<>();
    row(rows, msg.get("linkage.t.demolition"), ps.stream().mapToDouble(LinkageResult.Project::demolitionAreaM2).sum());
    row(rows, msg.get("linkage.t.reclaimable"), ps.stream().mapToDouble(LinkageResult.Project::reclaimableAreaM2).sum());
    row(rows, msg.get("linkage.t.reclaimedFarmland"),
        ps.stream().mapToDouble(LinkageResult.Project::reclaimedFarmlandM2).sum());
    row(rows, msg.get("linkage.t.construction"),
        ps.stream().mapToDouble(LinkageResult.Project::constructionAreaM2).sum());
    row(rows, msg.get("linkage.t.constructionFarmland"),
        ps.stream().mapToDouble(LinkageResult.Project::constructionFarmlandM2).sum());
    row(rows, msg.get("linkage.t.constructionFarmlandNet"),
        ps.stream().mapToDouble(LinkageResult.Project::constructionFarmlandNetM2).sum());
    row(rows, msg.get("linkage.t.surplus"), ps.stream().mapToDouble(LinkageResult.Project::surplusQuotaM2).sum());
    return new Report.Table(null, List.of(msg.get("table.item"), msg.get("unit.m2"), msg.get("unit.mu"),
        msg.get("unit.ha")), rows, new boolean[] {false, true, true, true}, List.of());
  }

  private static void row(List<List<String>> rows, String label, double m2) {
    rows.add(List.of(label, Fmt.m2(m2), Fmt.mu(m2), Fmt.ha(m2)));
  }

  private static BarChart balanceChart(List<LinkageResult.Project> ps, Messages msg) {
    List<String> ids = ps.stream().map(LinkageResult.Project::projectId).toList();
    return new BarChart(msg.get("linkage.chart.balance"), msg.get("unit.mu"), ids, List.of(
        new BarChart.Series(msg.get("linkage.series.reclaimable"), DEMOLITION,
            ps.stream().map(p -> Units.m2ToMu(p.reclaimableAreaM2())).toList()),
        new BarChart.Series(msg.get("linkage.series.construction"), CONSTRUCTION,
            ps.stream().map(p -> Units.m2ToMu(p.constructionAreaM2())).toList()),
        new BarChart.Series(msg.get("linkage.series.surplus"), SURPLUS,
            ps.stream().map(p -> Units.m2ToMu(p.surplusQuotaM2())).toList())));
  }

  private static Map<String, Double> byCode(List<LinkageResult.Project> ps, LinkagePlot.Role role) {
    Map<String, Double> m = new TreeMap<>();
    ps.forEach(p -> p.plots().stream().filter(pl -> pl.role() == role)
        .forEach(pl -> pl.areaByCode().forEach((k, v) -> m.merge(k, v, Double::sum))));
    return m;
  }

  private static List<Report.Block> violations(List<LinkageResult.Project> ps, Messages msg) {
    List<List<String>> rows = new ArrayList<>();
    for (LinkageResult.Project p : ps) {
      for (LinkageResult.Violation v : p.violations()) {
        rows.add(List.of(p.projectId(), msg.pick(v.code().zh, v.code().en) + " " + v.code().name(),
            v.detail() == null ? "" : v.detail(),
            String.join(", ", v.plots().stream().map(x -> msg.pick(x.role().zh, x.role().en) + " " + x.plotId())
                .toList()), Fmt.m2(v.areaM2())));
      }
    }
    if (rows.isEmpty()) {
      return List.of(new Report.Paragraph(msg.get("findings.none"), false));
    }
    List<Integer> hl = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      hl.add(i);
    }
    return List.of(new Report.Table(null, List.of(msg.get("linkage.p.id"), msg.get("linkage.v.code"),
        msg.get("linkage.v.detail"), msg.get("linkage.v.plots"), msg.get("linkage.v.area")), rows,
        new boolean[] {false, false, false, false, true}, hl));
  }

  private static List<Report.Block> map(List<LinkageResult.Project> ps, ReportContext ctx,
      LandUseStructure structure, Messages msg) {
    Envelope env = new Envelope();
    List<MapImages.Styled> plots = new ArrayList<>();
    List<MapImages.Styled> bad = new ArrayList<>();
    for (LinkageResult.Project p : ps) {
      for (LinkageResult.Plot pl : p.plots()) {
        if (pl.geometry() == null || pl.geometry().isEmpty()) {
          continue;
        }
        env.expandToInclude(pl.geometry().getEnvelopeInternal());
        String c = pl.role() == LinkagePlot.Role.DEMOLITION ? DEMOLITION : CONSTRUCTION;
        plots.add(new MapImages.Styled(pl.geometry(), c + "a0", c));
      }
      for (LinkageResult.Violation v : p.violations()) {
        if (v.geometry() != null && !v.geometry().isEmpty()) {
          bad.add(new MapImages.Styled(v.geometry(), VIOLATION + "90", VIOLATION));
        }
      }
    }
    return ctx.map(env, List.of(new MapImages.Layer("plots", plots), new MapImages.Layer("violations", bad)),
        msg.get("linkage.map.caption"), List.of(DEMOLITION, CONSTRUCTION, VIOLATION),
        List.of(msg.get("linkage.map.demolition"), msg.get("linkage.map.construction"),
            msg.get("linkage.map.violation")), structure, msg);
  }
}
