package org.landledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.Units;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.landuse.LandUseCodes;
import org.landledger.landuse.OverlayEngine;
import org.landledger.linkage.LinkageInputs;
import org.landledger.policy.PolicyProfile;
import org.landledger.redline.compensation.FarmlandBalance;
import org.landledger.redline.compensation.FarmlandBalanceOutputs;
import org.landledger.redline.compensation.GrainCapacityTable;
import org.landledger.redline.compensation.Regime;
import org.landledger.redline.report.FarmlandBalanceReport;
import org.landledger.report.ReportContext;
import org.landledger.report.ReportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * 耕地进出平衡命令: {@code landledger farmland-balance} — farmland outflow and inflow between two surveys, counted
 * as the 占补平衡 regime says, per township and county; writes balance.json, balance.gpkg and the report.
 */
@Command(name = "farmland-balance", mixinStandardHelpOptions = true,
    description = {"耕地进出平衡：两期调查间耕地流出、流入与净增（按占补平衡制度计），分乡镇、县。",
        "Farmland outflow/inflow between two surveys, counted as the regime says, per township and county."})
public final class FarmlandBalanceCommand implements Callable<Integer> {

  @Option(names = "--before", required = true, paramLabel = "DLTB_BEFORE", description = "前期地类图斑 earlier survey.")
  String before;

  @Option(names = "--after", required = true, paramLabel = "DLTB", description = "后期地类图斑 later survey.")
  String after;

  @Option(names = "--regime", paramLabel = "2017|2024",
      description = "占补平衡制度 (default: the profile's redline.regime): 2017 counts conversions to construction "
          + "land only, 2024 every conversion of farmland to another class.")
  String regime;

  @Option(names = "--xzq", paramLabel = "XZQ", description = "行政区 layer for township names (XZQDM, XZQMC).")
  String xzq;

  @Option(names = "--area", paramLabel = "MODE", defaultValue = "ellipsoidal",
      description = "ellipsoidal (椭球面积, default) or planar.")
  String area;

  @Option(names = "--grain-table", paramLabel = "CSV",
      description = "耕地等别→粮食产能(公斤/亩) CSV grade,kgPerMu; default: the labelled EXAMPLE table.")
  Path grainTable;

  @Mixin PolicyOption policy;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Mixin InputOptions input;

  @Mixin EngineOptions engineOptions;

  @Mixin ReportOptions report;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    AreaMode mode = AreaMode.parse(area);
    PolicyProfile profile = policy.profile();
    Regime r = Regime.of(profile, regime);
    GrainCapacityTable grain = grainTable == null ? GrainCapacityTable.example() : GrainCapacityTable.load(grainTable);
    List<String> notes = new ArrayList<>();
    Layer afterLayer = Layers.read(after, input.readOptions());
    Layer beforeLayer = LinkageInputs.toCrs(Layers.read(before, input.readOptions()), afterLayer.crs(), "前期调查",
        notes);
    Map<String, String> names = xzq == null ? Map.of() : townshipNames(Layers.read(xzq, input.readOptions()));
    if (grain.isExample()) {
      notes.add("粮食产能按示例等别产能表计算，不可用于审批 (grain capacity from the EXAMPLE grade table: pass "
          + "--grain-table)");
    }
    FarmlandBalance.Result result;
    try (OverlayEngine engine = engineOptions.open()) {
      result = new FarmlandBalance(r, LandUseCodes.standard(), grain, profile.strings("linkage.paddyCodes"))
          .compute(beforeLayer, afterLayer, AreaCalculator.of(afterLayer.crs(), mode), engine, names);
    }
    if (!result.unknownCodes().isEmpty()) {
      notes.add("分类外地类编码 codes not in the classification: " + String.join(", ", result.unknownCodes()));
    }
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("before", before);
    run.put("after", after);
    run.put("crs", afterLayer.crs() == null ? null : afterLayer.crs().toString());
    run.put("areaMode", mode.name().toLowerCase(Locale.ROOT));
    run.put("notes", notes);
    Map<String, Object> json = FarmlandBalanceOutputs.toJson(result, run, profile);
    ReportContext ctx = report.context(spec, afterLayer);
    List<String> reportNotes = new ArrayList<>();
    List<Path> written = FarmlandBalanceOutputs.writeAll(result, run, profile, afterLayer.crs(), out,
        dir -> reportNotes.addAll(ReportFiles.write(FarmlandBalanceReport.build(result, json, notes, ctx), dir,
            report.pdf())));
    print(spec.commandLine().getOut(), result, written);
    reportNotes.forEach(n -> spec.commandLine().getErr().println("注 note: " + n));
    return Main.OK;
  }

  private static Map<String, String> townshipNames(Layer xzq) {
    Map<String, String> m = new TreeMap<>();
    for (Feature f : xzq.features()) {
      String code = f.string("XZQDM");
      String name = f.string("XZQMC");
      if (code != null && name != null) {
        m.putIfAbsent(code.length() > 9 ? code.substring(0, 9) : code, name);
      }
    }
    return m;
  }

  private static void print(PrintWriter w, FarmlandBalance.Result r, List<Path> written) {
    FarmlandBalance.Flows t = r.total();
    w.printf(Locale.ROOT, "耕地进出平衡 farmland balance (%s): 流出 out %.2f m² (%.2f 亩), 流入 in %.2f m², 净增 net %.2f m²%s%n",
        r.regime().code(), t.outflowM2(), Units.m2ToMu(t.outflowM2()), t.inflowM2(), t.netM2(),
        t.balanced() ? "" : " — 不平衡 NOT BALANCED");
    w.println("输出 outputs:");
    written.forEach(p -> w.println("  " + p));
    w.flush();
  }
}
