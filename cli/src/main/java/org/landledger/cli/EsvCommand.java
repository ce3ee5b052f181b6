package org.landledger.cli;

import org.landledger.io.Layer;
import org.landledger.io.StagedOutput;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.landledger.ecovalue.LandUseAreas;
import org.landledger.ecovalue.change.EsvChange;
import org.landledger.ecovalue.change.LandUseTransfer;
import org.landledger.ecovalue.esv.EquivalentTable;
import org.landledger.ecovalue.esv.EsvModel;
import org.landledger.ecovalue.esv.EsvReport;
import org.landledger.ecovalue.esv.RasterAdjustment;
import org.landledger.ecovalue.esv.RasterZonalMean;
import org.landledger.ecovalue.esv.RegionalAdjustment;
import org.landledger.ecovalue.esv.UnitValue;
import org.landledger.geo.AreaCalculator;
import org.landledger.io.Json;
import org.landledger.landuse.OverlayEngine;
import org.landledger.policy.PolicyProfile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import org.landledger.ecovalue.report.EsvReportPage;
import org.landledger.report.ReportContext;
import org.landledger.report.ReportFiles;
import org.landledger.report.SurveyMeta;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** 生态系统服务价值: {@code landledger esv} — ESV by the equivalent-factor method, optionally with change. */
@Command(name = "esv", mixinStandardHelpOptions = true,
    description = {"生态系统服务价值核算（当量因子法，谢高地等 2015），可选两期变化分析。",
        "Ecosystem service value (equivalent-factor method), by ecosystem, service, land-use code, township and "
            + "polygon; with --landuse-before: transfer matrix, ESV change, sensitivity, SEEA extent account.",
        "Writes DIR/esv.json and DIR/esv.gpkg (per-polygon values)."})
public final class EsvCommand implements Callable<Integer> {

  static final class UnitValueSource {
    @Option(names = "--unit-value", paramLabel = "D", description = "标准当量价值 D, 元/ha/yr.")
    Double unitValue;

    @Option(names = "--grain-table", paramLabel = "CSV",
        description = "粮食统计表 (crop,sown_area_ha,yield_kg_per_ha,price_yuan_per_kg,cost_yuan_per_ha | net_profit_yuan_per_ha) to compute D.")
    Path grainTable;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  UnitValueSource d;

  @Option(names = "--grain-convention", paramLabel = "C",
      description = "net-profit (Xie 2015: net profit of grain per ha) or one-seventh (1/7 of grain output value per ha); "
          + "default: policy ecovalue.esv.grainConvention (net profit).")
  String grainConvention;

  @Mixin PolicyOption policy;

  @Option(names = "--coefficients", paramLabel = "CSV",
      description = "当量因子表 (layout of esv-xie2015.csv); default: Xie et al. 2015.")
  Path coefficients;

  @Option(names = "--npp-factor", defaultValue = "1", paramLabel = "K", description = "区域 NPP 修正系数 (regional/national mean).")
  double npp;

  @Option(names = "--precipitation-factor", defaultValue = "1", paramLabel = "K", description = "降水修正系数 (water supply, hydrological regulation).")
  double precipitation;

  @Option(names = "--soil-factor", defaultValue = "1", paramLabel = "K", description = "土壤保持修正系数 (soil conservation).")
  double soil;

  @Option(names = "--npp-raster", paramLabel = "TIF", description = "NPP GeoTIFF: per-polygon factor = zonal mean / --npp-mean.")
  Path nppRaster;

  @Option(names = "--npp-mean", paramLabel = "M", description = "Reference (national) mean NPP for --npp-raster.")
  Double nppMean;

  @Option(names = "--precipitation-raster", paramLabel = "TIF", description = "Precipitation GeoTIFF (÷ --precipitation-mean).")
  Path precipitationRaster;

  @Option(names = "--precipitation-mean", paramLabel = "M", description = "Reference mean precipitation.")
  Double precipitationMean;

  @Option(names = "--soil-raster", paramLabel = "TIF", description = "Soil-conservation GeoTIFF (÷ --soil-mean).")
  Path soilRaster;

  @Option(names = "--soil-mean", paramLabel = "M", description = "Reference mean soil conservation.")
  Double soilMean;

  @Mixin EcoInputs in;

  @Mixin EngineOptions engineOptions;

  @Mixin ReportOptions report;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  private static RasterAdjustment.Source source(String rasterOpt, Path raster, String meanOpt, Double mean) {
    if (raster == null && mean == null) {
      return null;
    }
    if (raster == null || mean == null) {
      throw new IllegalArgumentException(rasterOpt + " and " + meanOpt + " go together");
    }
    return new RasterAdjustment.Source(RasterZonalMean.read(raster), mean);
  }

  @Override
  public Integer call() {
    PolicyProfile profile = policy.profile();
    double sensitivityChange = profile.number("ecovalue.esv.sensitivityChange");
    UnitValue unit = d.unitValue != null ? UnitValue.given(d.unitValue)
        : UnitValue.fromGrainTable(d.grainTable, UnitValue.Convention.parse(
            grainConvention != null ? grainConvention : profile.text("ecovalue.esv.grainConvention")));
    EquivalentTable table = coefficients == null ? EquivalentTable.xie2015() : EquivalentTable.load(coefficients);
    RegionalAdjustment scalar = new RegionalAdjustment(npp, precipitation, soil);
    EsvModel model = new EsvModel(table, in.ecosystemMapping(), unit, scalar);
    RasterAdjustment.Source nppSrc = source("--npp-raster", nppRaster, "--npp-mean", nppMean);
    RasterAdjustment.Source precSrc = source("--precipitation-raster", precipitationRaster, "--precipitation-mean", precipitationMean);
    RasterAdjustment.Source soilSrc = source("--soil-raster", soilRaster, "--soil-mean", soilMean);
    boolean rasters = nppSrc != null || precSrc != null || soilSrc != null;
    if (rasters && in.landuseBefore != null) {
      throw new IllegalArgumentException("raster adjustment applies to one date; the change analysis (--landuse-before) "
          + "uses scalar factors (--npp-factor …) so that transitions have one value per ha");
    }
    AreaCalculator areas = in.areas();
    LandUseAreas luAreas;
    LandUseTransfer transfer;
    Map<String, Object> engineUsed;
    // The engine overlays the --by regions and the two dates (the heavy part); per-polygon ESV needs no overlay.
    try (OverlayEngine engine = engineOptions.open()) {
      luAreas = in.landUseAreas(areas, engine);
      transfer = in.transfer(areas, engine, report.progress);
      engineUsed = engine.describe();
    }
    RasterAdjustment ra = null;
    if (rasters) {
      ra = RasterAdjustment.compute(luAreas, scalar, nppSrc, precSrc, soilSrc);
      model = model.withPolygonAdjustments(ra.byPolygon());
    }
    EsvChange change = transfer == null ? null : new EsvChange(model, transfer, sensitivityChange);
    Map<String, Object> json = EsvReport.json(model, luAreas, change, sensitivityChange);
    Map<String, Object> result = new LinkedHashMap<>(json);
    result.put("policy", profile.describe("ecovalue."));
    result.put("inputs", in.describe(areas));
    result.putAll(engineUsed);
    if (ra != null) {
      result.put("rasterAdjustment", ra.describe());
    }
    java.util.List<String> reportNotes = new java.util.ArrayList<>();
    Layer polygons = EsvReport.polygonLayer(model, luAreas, "esv");
    StagedOutput.write(in.out, "esv", dir -> {
      String layer = EcoInputs.writePolygons(dir, polygons, "esv");
      result.put("polygonLayer", layer);
      Json.write(dir.resolve("esv.json"), result);
      // The report shows the land-use layer's region and date; no map (ESV is a table-and-chart account).
      ReportContext ctx = new ReportContext(report.lang(), SurveyMeta.of(in.landUse()),
          ReportOptions.parameters(spec), null, null);
      reportNotes.addAll(ReportFiles.write(EsvReportPage.build(result, ctx), dir, report.pdf()));
    });
    Path written = in.out.resolve("esv.json");
    PrintWriter out = spec.commandLine().getOut();
    out.printf("生态系统服务价值 ESV: %.2f 元/年 (%.2f 万元)，面积 %.4f 公顷；D = %.2f 元/ha (%s)%n",
        (double) json.get("totalValue"), (double) json.get("totalValue") / 10_000, (double) json.get("areaHa"),
        unit.perHa(), unit.convention());
    if (json.get("unvaluedCodes") instanceof Map<?, ?> u && !u.isEmpty()) {
      out.println("未赋值地类 (valued 0, see unvaluedCodes): " + String.join(", ", u.keySet().stream().map(Object::toString).toList()));
    }
    if (change != null) {
      out.printf("变化 change: %.2f → %.2f 元/年 (Δ %.2f)%n", change.before().total(), change.after().total(), change.delta());
    }
    out.println("输出 outputs: " + written + ", " + in.out.resolve((String) result.get("polygonLayer")) + ", "
        + in.out.resolve(ReportFiles.HTML));
    out.flush();
    reportNotes.forEach(n -> spec.commandLine().getErr().println("注 note: " + n));
    return Main.OK;
  }
}
