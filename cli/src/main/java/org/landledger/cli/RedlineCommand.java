package org.landledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.landledger.geo.AreaMode;
import org.landledger.geo.Units;
import org.landledger.io.Progress;
import org.landledger.landuse.OverlayEngine;
import org.landledger.policy.PolicyProfile;
import org.landledger.redline.RedLineCheck;
import org.landledger.redline.RedLineInputs;
import org.landledger.redline.RedLineOptions;
import org.landledger.redline.RedLineOutputs;
import org.landledger.redline.RedLineResult;
import org.landledger.redline.Totals;
import org.landledger.redline.compensation.CompensationLedger;
import org.landledger.redline.compensation.GrainCapacityTable;
import org.landledger.redline.report.RedLineReport;
import org.landledger.report.Lang;
import org.landledger.report.ReportContext;
import org.landledger.report.ReportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * 耕地红线检查命令: {@code landledger redline} checks plan parcels against permanent farmland, farmland, the eco red
 * line and the development boundary, accounts 占补平衡, and writes redline.json, redline.gpkg,
 * redline.csv and report.html/report.pdf (中文 by default, {@code --lang en}).
 */
@Command(name = "redline", mixinStandardHelpOptions = true,
    description = {"耕地红线检查：规划地块与永久基本农田、耕地、生态保护红线、城镇开发边界叠加，核算占补平衡。",
        "Farmland red-line check of plan parcels, with 占补平衡 (requisition–compensation) accounting."})
public final class RedlineCommand implements Callable<Integer> {

  @Option(names = "--landuse", required = true, paramLabel = "DLTB", description = "三调地类图斑 land-use layer.")
  String landUse;

  @Option(names = "--permanent-farmland", required = true, paramLabel = "YJJBNTTB",
      description = "永久基本农田图斑 permanent basic farmland layer.")
  String permanentFarmland;

  @Option(names = "--eco-redline", paramLabel = "STBHHX", description = "生态保护红线 eco red line layer (optional).")
  String ecoRedline;

  @Option(names = "--dev-boundary", paramLabel = "CZKFBJ",
      description = "城镇开发边界 urban development boundary layer (optional).")
  String devBoundary;

  @Option(names = "--plan", required = true, paramLabel = "PLAN", description = "规划地块 plan parcels layer.")
  String plan;

  @Option(names = "--plan-id-field", paramLabel = "F",
      description = "Plan parcel id field (default: the features' own ids).")
  String planIdField;

  @Option(names = "--xzq", paramLabel = "XZQ",
      description = "行政区 township layer (XZQDM, XZQMC); default: township from DLTB ZLDWDM.")
  String xzq;

  @Option(names = "--area", paramLabel = "MODE", defaultValue = "ellipsoidal",
      description = "ellipsoidal (椭球面积, default) or planar.")
  String area;

  @Option(names = "--min-overlap-m2", paramLabel = "M2",
      description = "Minimum overlap that changes a status (default: policy redline.minOverlapM2 = 1).")
  Double minOverlapM2;

  @Option(names = "--grain-table", paramLabel = "CSV",
      description = "耕地等别→粮食产能(公斤/亩) CSV grade,kgPerMu; default: the labelled EXAMPLE table (not for approvals).")
  Path grainTable;

  @Option(names = "--supplementary", paramLabel = "LAYER|CSV",
      description = "补充耕地项目 supplementary-farmland projects: CSV (id,areaM2,paddyM2,capacityKg) or a layer.")
  String supplementary;

  @Mixin PolicyOption policy;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "Worker threads (default 0: all cores).")
  int threads;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Mixin InputOptions input;

  @Mixin EngineOptions engineOptions;

  @Mixin ReportOptions report;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    AreaMode mode = parseMode(area);
    boolean chinese = report.lang() == Lang.ZH;
    if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
      throw new IllegalArgumentException("--out " + out + " exists and is not a folder");
    }
    if (threads < 0) {
      throw new IllegalArgumentException("--threads must be ≥ 0");
    }
    PolicyProfile profile = policy.profile();
    GrainCapacityTable grain = grainTable == null ? null : GrainCapacityTable.load(grainTable);
    RedLineInputs inputs = RedLineInputs.read(landUse, permanentFarmland, ecoRedline, devBoundary, plan, planIdField,
        xzq, supplementary, input.readOptions());
    RedLineResult result;
    try (OverlayEngine engine = engineOptions.open()) {
      RedLineOptions options = new RedLineOptions(mode, minOverlapM2, profile, grain, threads, engine);
      result = new RedLineCheck(options)
          .progress(Progress.onTerminal("红线检查 parcels", inputs.plan().size(), report.progress))
          .run(inputs);
    }
    ReportContext ctx = report.context(spec, inputs.landUse());
    List<String> reportNotes = new ArrayList<>();
    List<Path> written = RedLineOutputs.writeAll(result, out, chinese,
        dir -> reportNotes.addAll(ReportFiles.write(RedLineReport.build(result, ctx), dir, report.pdf())));
    print(spec.commandLine().getOut(), result, written);
    reportNotes.forEach(n -> spec.commandLine().getErr().println("注 note: " + n));
    return Main.OK;
  }

  private static AreaMode parseMode(String s) {
    try {
      return AreaMode.parse(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--area must be ellipsoidal or planar, got " + s);
    }
  }

  private static void print(PrintWriter w, RedLineResult r, List<Path> written) {
    Totals t = r.totals();
    w.printf(Locale.ROOT, "耕地红线检查 red-line check: %d 个地块 parcels — 不通过 FAIL %d, 预警 WARN %d, 通过 PASS %d%n",
        t.parcels(), t.fail(), t.warn(), t.pass());
    w.printf(Locale.ROOT, "占用永久基本农田 permanent farmland: %.2f m²; 占用耕地 farmland (net): %.2f m² = %.2f 亩 (水田 paddy %.2f m²)%n",
        t.permanentFarmlandM2(), t.farmlandNetM2(), Units.m2ToMu(t.farmlandNetM2()), t.paddyM2());
    CompensationLedger.Result l = r.ledger();
    w.printf(Locale.ROOT, "占补平衡 owed: %.2f m², 水田 %.2f m², 产能 %.2f kg; 缺口 shortfall: %.2f m², %.2f m², %.2f kg%n",
        l.owed().areaM2(), l.owed().paddyM2(), l.owed().capacityKg(),
        l.shortfall().areaM2(), l.shortfall().paddyM2(), l.shortfall().capacityKg());
    for (String n : r.notes()) {
      w.println("注 note: " + n);
    }
    if (!r.repairs().isEmpty()) {
      w.printf(Locale.ROOT, "已修复无效几何 repaired geometries: %d%n", r.repairs().size());
    }
    w.println("输出 outputs:");
    written.forEach(p -> w.println("  " + p));
    w.flush();
  }
}
