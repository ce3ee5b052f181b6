package org.landledger.stats;

import java.util.ArrayList;
import java.util.List;
import org.landledger.report.BarChart;
import org.landledger.report.Fmt;
import org.landledger.report.Messages;
import org.landledger.report.Report;
import org.landledger.report.ReportContext;

/**
 * 汇总报告: the report of a {@code stats} run — totals (公顷, 亩, m²), the level-1 table by township with a chart,
 * the other tables' totals, the TBMJ tie-out and the control areas (and 平差 with its unconfirmed rule), notes.
 */
public final class StatsReportPage {

  private StatsReportPage() {}

  public static Report build(StatsResult r, ReportContext ctx) {
    Messages msg = Messages.of(ctx.lang());
    boolean zh = ctx.lang() == org.landledger.report.Lang.ZH;
    Report.Builder b = Report.builder(ctx.lang(), zh ? "第三次全国国土调查 汇总表" : "Third land survey summary tables");
    ctx.titleBlock(b, msg);
    double m2 = Rounding.m2(r.totalCents());
    b.section(zh ? "总面积" : "Total area", List.of(new Report.Table(null,
        List.of(zh ? "项目" : "Item", zh ? "数值" : "Value"), List.of(
            List.of(zh ? "图斑数" : "Polygons", Fmt.integer(r.polygons())),
            List.of(zh ? "ΣTBMJ（平方米）" : "ΣTBMJ (m²)", Fmt.num(m2, 2)),
            List.of(zh ? "总面积（公顷）" : "Total (ha)", Fmt.num(r.totalHa(), 2)),
            List.of(zh ? "总面积（亩）" : "Total (mu)", Fmt.num(m2 * 15 / 10_000, 2))),
        new boolean[] {false, true}, List.of())));
    SummaryTable l1 = r.table("level1-township");
    List<String> cats = new ArrayList<>();
    List<Double> vals = new ArrayList<>();
    for (int c = 1; c < l1.columns().size(); c++) {
      cats.add(l1.columns().get(c).label(zh));
      vals.add(l1.total().ha(c));
    }
    List<Report.Block> main = new ArrayList<>(List.of(table(l1, zh)));
    main.add(new Report.Chart(BarChart.single(zh ? "一级地类面积" : "Area by level-1 class", zh ? "公顷" : "ha", cats, vals,
        "#2b8cbe")));
    b.section(zh ? l1.titleZh() : l1.titleEn(), main);
    for (String id : List.of("farmland-slope", "farmland-planting", "ridges", "urban-village-mining",
        "permanent-farmland", "change")) {
      SummaryTable t = r.table(id);
      if (t != null) {
        b.section(zh ? t.titleZh() : t.titleEn(), List.of(table(t, zh)));
      }
    }
    b.section(zh ? "TBMJ 核对" : "TBMJ tie-out", tieOut(r.tieOut(), zh));
    List<List<String>> rows = new ArrayList<>();
    for (ControlAreas.Unit u : r.control().units()) {
      rows.add(List.of(u.layer(), u.code(), u.name() == null ? "" : u.name(), u.field(),
          u.controlM2() == null ? "—" : Fmt.num(u.controlM2(), 2), Fmt.num(Rounding.m2(u.tbmjCents()), 2),
          u.diffM2() == null ? "—" : Fmt.num(u.diffM2(), 2)));
    }
    List<Report.Block> ctl = new ArrayList<>();
    if (!rows.isEmpty()) {
      ctl.add(new Report.Table(null, zh ? List.of("图层", "代码", "名称", "字段", "控制面积 m²", "ΣTBMJ m²", "差值 m²")
          : List.of("Layer", "Code", "Name", "Field", "Control m²", "ΣTBMJ m²", "Difference m²"), rows,
          new boolean[] {false, false, false, false, true, true, true}, List.of()));
    } else {
      ctl.add(new Report.Paragraph(zh ? "未给出 XZQ/CJDCQ 控制面积" : "No XZQ/CJDCQ control area given", false));
    }
    if (r.adjusted() != null) {
      ctl.add(new Report.Paragraph((zh ? "已平差：" : "Adjusted: ") + ControlAreas.RULE + "。" + ControlAreas.SOURCE
          + (zh ? "。平差后总面积 " : ". Adjusted total ") + Fmt.num(Rounding.ha(Rounding.units(r.adjusted().totalCents())), 2)
          + (zh ? " 公顷（未平差 " : " ha (unadjusted ") + Fmt.num(r.totalHa(), 2) + ")", true));
    }
    b.section(zh ? "控制面积" : "Control areas", ctl);
    if (!r.notes().isEmpty()) {
      b.section(zh ? "说明" : "Notes", List.of(new Report.Bullets(r.notes())));
    }
    return b.build();
  }

  private static List<Report.Block> tieOut(TieOut t, boolean zh) {
    List<Report.Block> out = new ArrayList<>();
    out.add(new Report.Paragraph((zh ? "超限图斑 " : "Mismatches: ") + t.mismatches().size() + (zh ? " 个；ΣTBMJ − Σ椭球面积 = "
        : "; ΣTBMJ − Σ ellipsoidal = ") + Fmt.num(t.tbmjM2() - t.ellipsoidalM2(), 4) + " m²", !t.mismatches().isEmpty()));
    List<List<String>> rows = new ArrayList<>();
    t.mismatches().stream().limit(50).forEach(m -> rows.add(List.of(m.bsm(), Fmt.num(m.tbmjM2(), 2),
        Fmt.num(m.ellipsoidalM2(), 4), Fmt.num(m.diffM2(), 4))));
    if (!rows.isEmpty()) {
      out.add(new Report.Table(zh ? "前 50 个超限图斑" : "First 50 mismatches", zh ? List.of("标识码", "TBMJ", "椭球面积",
          "差值") : List.of("BSM", "TBMJ", "Ellipsoidal", "Difference"), rows, new boolean[] {false, true, true, true},
          List.of()));
    }
    return out;
  }

  private static Report.Table table(SummaryTable t, boolean zh) {
    List<String> h = new ArrayList<>();
    h.add(zh ? t.rowHeaderZh() : t.rowHeaderEn());
    List<Integer> cols = new ArrayList<>();
    for (int c = 0; c < t.columns().size(); c++) {
      // Wide tables show their non-empty columns only (the workbook has them all).
      if (c == 0 || t.total().units()[c] != 0 || t.columns().size() <= 16) {
        cols.add(c);
        h.add(t.columns().get(c).label(zh));
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (SummaryTable.Row r : t.rows()) {
      rows.add(line(r, (r.code() + " " + r.name()).trim(), cols));
    }
    rows.add(line(t.total(), zh ? "合计" : "Total", cols));
    boolean[] numeric = new boolean[h.size()];
    java.util.Arrays.fill(numeric, true);
    numeric[0] = false;
    return new Report.Table(zh ? "单位：公顷" : "Unit: ha", h, rows, numeric, List.of(rows.size() - 1));
  }

  private static List<String> line(SummaryTable.Row r, String label, List<Integer> cols) {
    List<String> l = new ArrayList<>();
    l.add(label);
    cols.forEach(c -> l.add(Fmt.num(r.ha(c), 2)));
    return l;
  }
}
