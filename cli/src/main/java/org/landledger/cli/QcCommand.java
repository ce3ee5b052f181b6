package org.landledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.io.StagedOutput;
import org.landledger.landuse.LandUseCodes;
import org.landledger.qc.QcInputs;
import org.landledger.qc.QcOptions;
import org.landledger.qc.QcOutputs;
import org.landledger.qc.QcResult;
import org.landledger.qc.QualityCheck;
import org.landledger.qc.Rule;
import org.landledger.report.ReportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** 数据质检: {@code landledger qc} — topology, TD/T 1055 attribute and cross-layer checks of a 三调 layer. */
@Command(name = "qc", mixinStandardHelpOptions = true,
    description = {"三调数据质检：拓扑（重叠、缝隙、无效几何、碎小图斑、多部件）、属性（TD/T 1055）与跨图层规则。",
        "Quality checks of a land-survey layer; findings are results, not errors (exit 0; exit 2 only for unreadable input).",
        "Writes DIR/qc.json (findings), DIR/qc.gpkg (layer qc_findings), DIR/qc.csv and the report."})
public final class QcCommand implements Callable<Integer> {

  @Option(names = "--landuse", required = true, paramLabel = "DLTB", description = "三调地类图斑.")
  String landuse;

  @Option(names = "--xzq", paramLabel = "XZQ", description = "行政区: township codes and the county's extent (gaps).")
  String xzq;

  @Option(names = "--cjdcq", paramLabel = "CJDCQ", description = "村级调查区: village codes.")
  String cjdcq;

  @Option(names = "--permanent-farmland", paramLabel = "YJJBNTTB", description = "永久基本农田图斑.")
  String permanentFarmland;

  @Option(names = "--dev-boundary", paramLabel = "CZKFBJ", description = "城镇开发边界.")
  String devBoundary;

  @Option(names = "--eco-redline", paramLabel = "STBHHX", description = "生态保护红线.")
  String ecoRedline;

  @Option(names = "--overlap-tolerance", defaultValue = "0.01", paramLabel = "M2", description = "Default ${DEFAULT-VALUE} m².")
  double overlap;

  @Option(names = "--gap-tolerance", defaultValue = "0.01", paramLabel = "M2", description = "Default ${DEFAULT-VALUE} m².")
  double gap;

  @Option(names = "--sliver-area", defaultValue = "1", paramLabel = "M2", description = "Default ${DEFAULT-VALUE} m².")
  double sliverArea;

  @Option(names = "--sliver-width", defaultValue = "0.5", paramLabel = "M",
      description = "Mean width 2·area/perimeter below which a 图斑 is a sliver; default ${DEFAULT-VALUE} m.")
  double sliverWidth;

  @Option(names = "--tbmj-tolerance", defaultValue = "0.01", paramLabel = "M2",
      description = "TBMJ vs ellipsoidal area, m² (plus 1e-6 × area); default ${DEFAULT-VALUE}.")
  double tbmj;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Mixin InputOptions input;

  @Mixin ReportOptions report;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Layer dltb = Layers.read(landuse, input.readOptions());
    QcInputs in = new QcInputs(dltb, read(xzq), read(cjdcq), read(permanentFarmland), read(devBoundary),
        read(ecoRedline));
    QcOptions o = new QcOptions(overlap, gap, sliverArea, sliverWidth, tbmj, QcOptions.DEFAULT.tbmjRelative(),
        QcOptions.DEFAULT.fieldToleranceM2(), QcOptions.DEFAULT.crossLayerMinAreaM2(),
        QcOptions.DEFAULT.crossLayerMinWidthM());
    QcResult r = new QualityCheck(o, LandUseCodes.standard()).run(in);
    Map<String, Object> json = new LinkedHashMap<>();
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("landuse", landuse);
    inputs.put("xzq", xzq);
    inputs.put("cjdcq", cjdcq);
    inputs.put("permanentFarmland", permanentFarmland);
    inputs.put("devBoundary", devBoundary);
    inputs.put("ecoRedline", ecoRedline);
    inputs.put("crs", String.valueOf(dltb.crs()));
    json.put("inputs", inputs);
    json.putAll(r.toJson());
    boolean zh = report.lang() == org.landledger.report.Lang.ZH;
    java.util.List<String> notes = new java.util.ArrayList<>();
    StagedOutput.write(out, "qc", dir -> {
      QcOutputs.write(dir, r, json, dltb.crs(), zh);
      notes.addAll(ReportFiles.write(QcOutputs.report(r, report.context(spec, dltb)), dir, report.pdf()));
    });
    PrintWriter w = spec.commandLine().getOut();
    w.printf("数据质检 qc: %d 图斑, %d 处问题 (findings)%n", r.polygons(), r.findings().size());
    Map<Rule, Integer> counts = r.counts();
    counts.forEach((rule, n) -> w.printf("  %-30s %6d  %s%n", rule.name(), n, rule.titleZh()));
    w.println("输出 outputs: " + out.resolve(QcOutputs.JSON) + ", " + out.resolve(QcOutputs.GPKG) + ", "
        + out.resolve(QcOutputs.CSV) + ", " + out.resolve(ReportFiles.HTML));
    w.flush();
    notes.forEach(n -> spec.commandLine().getErr().println("注 note: " + n));
    return Main.OK;
  }

  private Layer read(String location) {
    return location == null ? null : Layers.read(location, input.readOptions());
  }
}
