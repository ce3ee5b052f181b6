package org.landledger.qc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.geo.Crs;
import org.landledger.io.AtomicFiles;
import org.landledger.io.Feature;
import org.landledger.io.Json;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.io.WriteOptions;
import org.landledger.report.Fmt;
import org.landledger.report.Messages;
import org.landledger.report.Report;
import org.landledger.report.ReportContext;

/**
 * 质检输出: {@code qc.json} ({@code findings}: {rule, bsm, detail, …}), {@code qc.gpkg} (layer {@code qc_findings}: rule,
 * bsm, detail, area, geometry — the overlap or gap itself, else the 图斑), {@code qc.csv} (UTF-8 with BOM) and the
 * report's page.
 */
public final class QcOutputs {

  public static final String JSON = "qc.json";
  public static final String GPKG = "qc.gpkg";
  public static final String CSV = "qc.csv";
  public static final String LAYER = "qc_findings";

  private QcOutputs() {}

  public static void write(Path dir, QcResult r, Map<String, Object> json, Crs crs, boolean zh) {
    Json.write(dir.resolve(JSON), json);
    Layers.write(List.of(layer(r, crs)), dir.resolve(GPKG), WriteOptions.DEFAULT);
    StringBuilder b = new StringBuilder("\uFEFF");
    b.append(zh ? "规则,规则名称,标识码,说明\n" : "rule,title,bsm,detail\n");
    for (Finding f : r.findings()) {
      b.append(f.rule().name()).append(',').append(org.landledger.io.CsvText.field(zh ? f.rule().titleZh() : f.rule().titleEn())).append(',')
          .append(org.landledger.io.CsvText.field(f.bsm())).append(',').append(org.landledger.io.CsvText.field(f.detail())).append('\n');
    }
    AtomicFiles.writeString(dir.resolve(CSV), b.toString());
  }

  /** The findings as a polygon layer (findings without a geometry are in the JSON and CSV only). */
  public static Layer layer(QcResult r, Crs crs) {
    List<Feature> rows = new ArrayList<>();
    int i = 0;
    for (Finding f : r.findings()) {
      if (f.geometry() == null || f.geometry().isEmpty()) {
        continue;
      }
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("rule", f.rule().name());
      a.put("title", f.rule().titleZh());
      a.put("bsm", f.bsm() == null ? "" : f.bsm());
      a.put("detail", f.detail());
      Object area = f.values().get("areaM2");
      a.put("area_m2", area instanceof Number n ? n.doubleValue() : 0.0);
      rows.add(new Feature(String.valueOf(++i), org.landledger.geo.Overlay.polygonal(f.geometry()), a));
    }
    if (rows.isEmpty()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("rule", "");
      a.put("title", "");
      a.put("bsm", "");
      a.put("detail", "");
      a.put("area_m2", 0.0);
      Layer empty = Layer.fromRows(LAYER, crs, "MultiPolygon", List.of(new Feature("0", null, a)));
      return new Layer(empty.schema(), crs, List.of(), LAYER);
    }
    return Layer.fromRows(LAYER, crs, "MultiPolygon", rows);
  }

  public static Report report(QcResult r, ReportContext ctx) {
    Messages msg = Messages.of(ctx.lang());
    boolean zh = ctx.lang() == org.landledger.report.Lang.ZH;
    Report.Builder b = Report.builder(ctx.lang(), zh ? "三调数据质量检查报告" : "Land-survey data quality check");
    ctx.titleBlock(b, msg);
    List<List<String>> rows = new ArrayList<>();
    Map<Rule, Integer> counts = r.counts();
    List<Integer> hl = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      int n = counts.getOrDefault(rule, 0);
      if (n > 0) {
        hl.add(rows.size());
      }
      rows.add(List.of(rule.name(), zh ? rule.titleZh() : rule.titleEn(), rule.group(), Fmt.integer(n)));
    }
    List<Report.Block> sum = new ArrayList<>();
    sum.add(new Report.Paragraph((zh ? "检查图斑 " : "Polygons checked: ") + Fmt.integer(r.polygons())
        + (zh ? " 个，发现问题 " : "; findings: ") + Fmt.integer(r.findings().size()) + (zh ? " 处。" : "."),
        !r.findings().isEmpty()));
    sum.add(new Report.Table(null, zh ? List.of("规则", "名称", "类别", "数量") : List.of("Rule", "Title", "Group",
        "Count"), rows, new boolean[] {false, false, false, true}, hl));
    b.section(zh ? "检查结果汇总" : "Summary", sum);
    List<List<String>> fs = new ArrayList<>();
    r.findings().stream().limit(200).forEach(f -> fs.add(List.of(f.rule().name(), f.bsm() == null ? "" : f.bsm(),
        f.detail())));
    if (!fs.isEmpty()) {
      b.section(zh ? "问题清单（前 200 条，全部见 qc.csv / qc.gpkg）" : "Findings (first 200; all in qc.csv / qc.gpkg)",
          List.of(new Report.Table(null, zh ? List.of("规则", "标识码", "说明") : List.of("Rule", "BSM", "Detail"), fs,
              new boolean[] {false, false, false}, List.of())));
    }
    List<String> notes = new ArrayList<>(r.notApplied());
    notes.add((zh ? "面积方法：" : "Area method: ") + r.areaMethod());
    b.section(zh ? "说明" : "Notes", List.of(new Report.Bullets(notes)));
    return b.build();
  }
}
