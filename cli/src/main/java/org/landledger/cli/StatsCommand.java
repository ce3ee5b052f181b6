package org.landledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.io.StagedOutput;
import org.landledger.landuse.LandUseCodes;
import org.landledger.qc.CoverageSanity;
import org.landledger.report.ReportFiles;
import org.landledger.stats.StatsAnalysis;
import org.landledger.stats.StatsInputs;
import org.landledger.stats.StatsOptions;
import org.landledger.stats.StatsOutputs;
import org.landledger.stats.StatsReportPage;
import org.landledger.stats.StatsResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** 三调汇总表: {@code landledger stats} — the standard summary tables, the TBMJ tie-out and control areas. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = {"三调汇总表：一级/二级分类（乡镇、村）、耕地坡度与种植属性、田坎、城镇村及工矿用地、永久基本农田、两期变化；"
        + "TBMJ 椭球面积核对，控制面积比较与平差。",
        "Third land survey summary tables, TBMJ tie-out (国土调查办发〔2008〕32号 formula), control areas, 平差.",
        "Writes DIR/stats.json, DIR/stats.xlsx, DIR/stats-*.csv, DIR/tieout-mismatches.csv and the report."})
public final class StatsCommand implements Callable<Integer> {

  @Option(names = "--landuse", required = true, paramLabel = "DLTB", description = "三调地类图斑.")
  String landuse;

  @Option(names = "--xzq", paramLabel = "XZQ", description = "行政区 (township names, control area).")
  String xzq;

  @Option(names = "--cjdcq", paramLabel = "CJDCQ", description = "村级调查区 (village names, control area).")
  String cjdcq;

  @Option(names = "--control-field", paramLabel = "F",
      description = "控制面积字段 of XZQ/CJDCQ; default: the first of KZMJ, DCMJ, MJ present.")
  String controlField;

  @Option(names = "--adjust", description = "平差: distribute the control-area difference over the 图斑 (rule in README).")
  boolean adjust;

  @Option(names = "--permanent-farmland", paramLabel = "YJJBNTTB", description = "永久基本农田图斑: adds its table by class.")
  String permanentFarmland;

  @Option(names = "--landuse-before", paramLabel = "DLTB_OLD", description = "前期地类图斑: adds the change table.")
  String landuseBefore;

  @Option(names = "--tie-out-tolerance", defaultValue = "0.01", paramLabel = "M2",
      description = "TBMJ tie-out tolerance, m² (plus --tie-out-relative × area); default ${DEFAULT-VALUE}.")
  double tieAbs;

  @Option(names = "--tie-out-relative", defaultValue = "1e-6", paramLabel = "R",
      description = "Relative part of the tie-out tolerance; default ${DEFAULT-VALUE}.")
  double tieRel;

  @Mixin OverlapOptions overlaps;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Mixin InputOptions input;

  @Mixin ReportOptions report;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Layer dltb = Layers.read(landuse, input.readOptions());
    CoverageSanity.Outcome coverage = overlaps.check(dltb, AreaCalculator.of(dltb.crs(), AreaMode.ELLIPSOIDAL));
    StatsInputs in = new StatsInputs(dltb, read(xzq), read(cjdcq), read(permanentFarmland), read(landuseBefore));
    StatsResult r = new StatsAnalysis(LandUseCodes.standard(), new StatsOptions(controlField, adjust, tieAbs, tieRel))
        .run(in);
    Map<String, Object> json = new LinkedHashMap<>(r.toJson());
    json.put("coverage", coverage.describe());
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("landuse", landuse);
    inputs.put("xzq", xzq);
    inputs.put("cjdcq", cjdcq);
    inputs.put("permanentFarmland", permanentFarmland);
    inputs.put("landuseBefore", landuseBefore);
    inputs.put("crs", String.valueOf(dltb.crs()));
    json.put("inputs", inputs);
    json.put("options", new StatsOptions(controlField, adjust, tieAbs, tieRel).describe());
    boolean zh = report.lang() == org.landledger.report.Lang.ZH;
    java.util.List<String> notes = new java.util.ArrayList<>();
    StagedOutput.write(out, "stats", dir -> {
      StatsOutputs.write(dir, r, json, dltb, zh);
      notes.addAll(ReportFiles.write(StatsReportPage.build(r, report.context(spec, dltb)), dir, report.pdf()));
    });
    PrintWriter w = spec.commandLine().getOut();
    w.printf("三调汇总 stats: %d 图斑, 总面积 %.2f 公顷 (ΣTBMJ %.2f m²); TBMJ 核对超限 %d 个 (tie-out mismatches)%n",
        r.polygons(), r.totalHa(), r.totalCents() / 100.0, r.tieOut().mismatches().size());
    if (!coverage.clean()) {
      w.println("警告 warning: " + coverage.describe().get("warning"));
    }
    w.println("输出 outputs: " + out.resolve(StatsOutputs.JSON) + ", " + out.resolve(StatsOutputs.XLSX) + ", "
        + out.resolve(ReportFiles.HTML));
    w.flush();
    notes.forEach(n -> spec.commandLine().getErr().println("注 note: " + n));
    return Main.OK;
  }

  private Layer read(String location) {
    return location == null ? null : Layers.read(location, input.readOptions());
  }
}
