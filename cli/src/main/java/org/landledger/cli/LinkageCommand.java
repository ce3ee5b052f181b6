package org.landledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.GeometryRepair;
import org.landledger.geo.Units;
import org.landledger.io.Feature;
import org.landledger.io.InputDataException;
import org.landledger.io.Json;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.io.StagedOutput;
import org.landledger.io.WriteOptions;
import org.landledger.landuse.LandUseOverlay;
import org.landledger.linkage.LinkageAnalysis;
import org.landledger.linkage.LinkageInputs;
import org.landledger.linkage.LinkagePlot;
import org.landledger.linkage.LinkageProject;
import org.landledger.linkage.LinkageResult;
import org.landledger.linkage.report.LinkageReport;
import org.landledger.policy.PolicyProfile;
import org.landledger.report.ReportContext;
import org.landledger.report.ReportFiles;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * 增减挂钩核算: {@code landledger linkage …} balances every project area by overlay on DLTB and writes
 * {@code linkage.json}, {@code linkage.gpkg} (plots with results, violation geometries) and
 * {@code report.html}/{@code report.pdf} into {@code --out}.
 * Outputs are written to a temporary folder and moved in at the end: bad input writes nothing.
 */
@Command(name = "linkage", mixinStandardHelpOptions = true,
    description = {"城乡建设用地增减挂钩：按项目区核算拆旧复垦与建新平衡、节余指标及其价值、违规。",
        "Linkage balance per project area: reclaimed vs new construction land, farmland, quality, surplus quota."})
public final class LinkageCommand implements Callable<Integer> {

  @Option(names = "--landuse", required = true, paramLabel = "DLTB",
      description = "地类图斑 land-use layer of the approval year (项目批准时；已复垦的项目在新一期调查中已显示复垦后地类).")
  String landuse;

  @Option(names = "--demolition", required = true, paramLabel = "CJQ", description = "拆旧地块 demolition plots.")
  String demolition;

  @Option(names = "--construction", required = true, paramLabel = "JXQ", description = "建新地块 construction plots.")
  String construction;

  @Option(names = "--permanent-farmland", paramLabel = "YJJBNTTB", description = "永久基本农田 (optional).")
  String permanentFarmland;

  @Option(names = "--eco-redline", paramLabel = "STBHHX", description = "生态保护红线 (optional).")
  String ecoRedline;

  @Option(names = "--project-field", defaultValue = "XMBH", paramLabel = "FIELD",
      description = "项目区编号字段 project id field (default ${DEFAULT-VALUE}).")
  String projectField;

  @Option(names = "--reclaimed-class-field", defaultValue = "FKDL", paramLabel = "FIELD",
      description = "复垦地类字段 planned reclaimed class (default ${DEFAULT-VALUE}).")
  String reclaimedClassField;

  @Option(names = "--reclaimed-grade-field", defaultValue = "ZLDB", paramLabel = "FIELD",
      description = "复垦耕地质量等别字段 planned quality grade (default ${DEFAULT-VALUE}).")
  String reclaimedGradeField;

  @Option(names = "--plot-id-field", paramLabel = "FIELD",
      description = "地块编号字段 plot number field (default: DKBH if present, else the feature id).")
  String plotIdField;

  @Option(names = "--reclaimed-kcxs-field", defaultValue = "KCXS", paramLabel = "FIELD",
      description = "复垦耕地田坎系数字段 (default ${DEFAULT-VALUE}; absent: profile linkage.reclaimedKcxs by class/slope).")
  String reclaimedKcxsField;

  @Option(names = "--slope-field", defaultValue = "GDPDJB", paramLabel = "FIELD",
      description = "复垦耕地坡度级别字段 slope grade 1–5 (default ${DEFAULT-VALUE}).")
  String slopeField;

  @Option(names = "--supplementary", paramLabel = "LAYER|CSV",
      description = "已验收补充耕地台账 (以补定占): farmland/paddy shortfalls are drawn on it, as in redline.")
  String supplementary;

  @Option(names = "--price-per-mu", paramLabel = "YUAN",
      description = "节余指标价格 元/亩 (default: the profile price of --price-class).")
  Double pricePerMu;

  @Option(names = "--price-class", defaultValue = "intra-county", paramLabel = "CLASS",
      description = "Profile price: intra-county (市县域内使用, linkage.pricePerMu.intraCounty, default), or the "
          + "cross-province outgoing tiers of 国办发〔2018〕16号 for designated counties: ordinary (一般耕地) or "
          + "high-standard (高标准农田).")
  String priceClass;

  @Mixin PolicyOption policy;

  @Option(names = "--area", defaultValue = "ellipsoidal", paramLabel = "MODE",
      description = "ellipsoidal (三调 TBMJ, default) or planar.")
  String area;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Mixin InputOptions input;

  @Mixin ReportOptions report;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PolicyProfile profile = policy.profile();
    AreaMode mode = AreaMode.parse(area);
    LinkageAnalysis.Options options = new LinkageAnalysis.Options(pricePerMu, LinkageAnalysis.PriceClass.parse(priceClass));
    List<String> notes = new ArrayList<>();
    GeometryRepair repair = new GeometryRepair(true);

    Layer raw = Layers.read(landuse, input.readOptions());
    if (raw.crs() == null) {
      throw new InputDataException(raw.location(), null, null,
          "land-use layer has no coordinate system (.prj missing or unknown); pass --crs EPSG:nnnn", null);
    }
    Layer dltb = raw.map(f -> f.geometry() == null ? f : repair.check(raw.name(), f));
    LandUseOverlay base = new LandUseOverlay(dltb, AreaCalculator.of(dltb.crs(), mode));

    LinkageInputs.Fields fields = new LinkageInputs.Fields(projectField, reclaimedClassField, reclaimedGradeField,
        plotIdField, reclaimedKcxsField, slopeField);
    List<LinkagePlot> plots = new ArrayList<>();
    plots.addAll(LinkageInputs.plots(Layers.read(demolition, input.readOptions()), LinkagePlot.Role.DEMOLITION,
        fields, dltb.crs(), repair, notes));
    plots.addAll(LinkageInputs.plots(Layers.read(construction, input.readOptions()), LinkagePlot.Role.CONSTRUCTION,
        fields, dltb.crs(), repair, notes));
    if (plots.isEmpty()) {
      throw new InputDataException(demolition, null, null, "no demolition or construction plots to analyse", null);
    }
    Layer pbf = optional(permanentFarmland, "永久基本农田 permanent farmland", dltb, repair, notes);
    Layer eco = optional(ecoRedline, "生态保护红线 eco red line", dltb, repair, notes);
    repair.issues().forEach(i -> notes.add("几何已修复 geometry repaired: " + i));

    LinkageResult result = new LinkageAnalysis(base, profile, pbf, eco, options)
        .withSupplementary(supplementary == null ? List.of()
            : org.landledger.redline.compensation.SupplementaryProjects.read(supplementary, input.readOptions()))
        .analyse(LinkageProject.group(plots), notes);
    ReportContext ctx = report.context(spec, dltb);
    List<String> reportNotes = new ArrayList<>();
    write(result.toJson(), layers(result, dltb),
        dir -> reportNotes.addAll(ReportFiles.write(LinkageReport.build(result, ctx), dir, report.pdf())));
    printSummary(result);
    reportNotes.forEach(n -> spec.commandLine().getErr().println("注 note: " + n));
    return Main.OK;
  }

  private Layer optional(String location, String label, Layer dltb, GeometryRepair repair, List<String> notes) {
    if (location == null) {
      return null;
    }
    Layer l = LinkageInputs.toCrs(Layers.read(location, input.readOptions()), dltb.crs(), label, notes);
    return l.map(f -> f.geometry() == null ? f : repair.check(l.name(), f));
  }

  /** Result layers: the plots with their project's results, and the violations with their geometries. */
  static List<Layer> layers(LinkageResult result, Layer dltb) {
    List<Feature> plots = new ArrayList<>();
    List<Feature> violations = new ArrayList<>();
    int n = 0;
    for (LinkageResult.Project p : result.projects()) {
      for (LinkageResult.Plot pl : p.plots()) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("XMBH", p.projectId());
        a.put("DKBH", pl.plotId());
        a.put("DKLX", pl.role().zh);
        a.put("ROLE", pl.role().en);
        a.put("MJ_M2", round(pl.areaM2()));
        a.put("MJ_MU", round(Units.m2ToMu(pl.areaM2())));
        a.put("KFK_M2", round(pl.reclaimableM2()));
        a.put("FKGD_M2", round(pl.reclaimedFarmlandM2()));
        a.put("FKDL", pl.plannedClass() == null ? "" : pl.plannedClass());
        a.put("ZYGD_M2", round(pl.farmlandM2()));
        a.put("ZYGDJ_M2", round(pl.farmlandNetM2()));
        a.put("ZYST_M2", round(pl.paddyNetM2()));
        a.put("YJJBNT_M2", round(pl.permanentFarmlandM2()));
        a.put("STHX_M2", round(pl.ecoRedlineM2()));
        a.put("PH", p.balanced() ? "平衡" : "不平衡");
        a.put("BALANCED", p.balanced() ? 1 : 0);
        a.put("WG", String.join(",", p.violations().stream()
            .filter(v -> v.plots().contains(new LinkageResult.PlotRef(pl.role(), pl.plotId()))).map(v -> v.code().name()).distinct().toList()));
        plots.add(new Feature(pl.role().en + "-" + pl.plotId(), multi(pl.geometry()), a));
      }
      for (LinkageResult.Violation v : p.violations()) {
        if (v.geometry() == null || v.geometry().isEmpty()) {
          continue;
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("XMBH", p.projectId());
        a.put("CODE", v.code().name());
        a.put("WGLX", v.code().zh);
        a.put("PLOTS", String.join(",", v.plots().stream().map(r -> r.role().en + " " + r.plotId()).toList()));
        a.put("MJ_M2", round(v.areaM2()));
        a.put("DETAIL", v.detail());
        violations.add(new Feature(String.valueOf(++n), multi(v.geometry()), a));
      }
    }
    List<Layer> out = new ArrayList<>();
    out.add(Layer.fromRows("linkage_plots", dltb.crs(), "MultiPolygon", plots));
    out.add(Layer.fromRows("linkage_violations", dltb.crs(), "MultiPolygon", violations));
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static Geometry multi(Geometry g) {
    if (g instanceof MultiPolygon) {
      return g;
    }
    GeometryFactory gf = g.getFactory();
    if (g instanceof Polygon p) {
      return gf.createMultiPolygon(new Polygon[] {p});
    }
    return g;
  }

  /** Writes everything into a temporary sibling folder, then moves each file into {@code --out}. */
  private void write(Map<String, Object> json, List<Layer> layers, StagedOutput.Writer extra) {
    StagedOutput.write(out, "linkage", tmp -> {
      Json.write(tmp.resolve("linkage.json"), json);
      Layers.write(layers, tmp.resolve("linkage.gpkg"), WriteOptions.DEFAULT);
      extra.write(tmp);
    });
  }

  private void printSummary(LinkageResult r) {
    PrintWriter o = spec.commandLine().getOut();
    o.printf("增减挂钩核算 linkage: %d 个项目区 projects, %d 平衡 balanced%n", r.projects().size(),
        r.projects().stream().filter(LinkageResult.Project::balanced).count());
    for (LinkageResult.Project p : r.projects()) {
      o.printf("  %s  拆旧 %.2f m², 可复垦 %.2f m², 建新 %.2f m², 节余 %.2f m² = %.4f 亩, 价值 %s 元  %s%s%n",
          p.projectId(), p.demolitionAreaM2(), p.reclaimableAreaM2(), p.constructionAreaM2(), p.surplusQuotaM2(),
          p.surplusQuotaMu(), p.surplusValueYuan() == null ? "—" : String.format(java.util.Locale.ROOT, "%.2f",
              p.surplusValueYuan()), p.balanced() ? "平衡 balanced" : "不平衡 NOT balanced",
          p.violations().isEmpty() ? "" : " " + p.violations().stream().map(v -> v.code().name()).distinct().toList());
    }
    o.printf("输出 outputs: %s, %s, %s%n", out.resolve("linkage.json"), out.resolve("linkage.gpkg"),
        out.resolve(ReportFiles.HTML));
    o.flush();
  }
}
