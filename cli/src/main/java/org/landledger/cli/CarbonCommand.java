package org.landledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.landledger.ecovalue.LandUseAreas;
import org.landledger.ecovalue.carbon.CarbonDensities;
import org.landledger.ecovalue.carbon.CarbonModel;
import org.landledger.ecovalue.carbon.CarbonPrice;
import org.landledger.ecovalue.carbon.CarbonReport;
import org.landledger.geo.AreaCalculator;
import org.landledger.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** 碳储量: {@code landledger carbon} — carbon stock by the InVEST carbon model's method. */
@Command(name = "carbon", mixinStandardHelpOptions = true,
    description = {"碳储量核算（InVEST 碳模型方法：四个碳库 × 面积），可选两期变化与碳价值。",
        "Carbon stock (InVEST carbon model: area × 4 pools) by land-use code, township and polygon; change and value.",
        "Writes DIR/carbon.json and DIR/carbon.gpkg."})
public final class CarbonCommand implements Callable<Integer> {

  @Option(names = "--densities", paramLabel = "CSV",
      description = "碳密度表 class,c_above,c_below,c_soil,c_dead (t C/ha); default: the shipped EXAMPLE table.")
  Path densities;

  @Option(names = "--price", paramLabel = "P", description = "碳价 (元 per --price-unit); omit for no valuation.")
  Double price;

  @Option(names = "--price-unit", defaultValue = "tCO2", paramLabel = "U", description = "tCO2 (default) or tC.")
  String priceUnit;

  @Option(names = "--price-source", defaultValue = "user (--price)", paramLabel = "TEXT", description = "Where the price comes from.")
  String priceSource;

  @Mixin EcoInputs in;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CarbonDensities d = densities == null ? CarbonDensities.example() : CarbonDensities.load(densities);
    CarbonPrice p = price == null ? null : new CarbonPrice(price, priceUnit, priceSource);
    CarbonModel model = new CarbonModel(d, in.ecosystemMapping());
    AreaCalculator areas = in.areas();
    LandUseAreas luAreas = in.landUseAreas(areas);
    Map<String, Object> result = new LinkedHashMap<>(CarbonReport.json(model, luAreas, in.transfer(areas), p));
    result.put("inputs", in.describe(areas));
    try (StagedOutput staged = new StagedOutput(in.out, "carbon")) {
      result.put("polygonLayer", EcoInputs.writePolygons(staged, CarbonReport.polygonLayer(model, luAreas, "carbon"), "carbon"));
      Json.write(staged.file("carbon.json"), result);
      staged.commit();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("碳储量 carbon stock: %.2f t C (%.2f t CO2)%n", (double) result.get("totalStockTC"),
        (double) result.get("totalStockTCO2"));
    if (d.isExample()) {
      out.println("注意：使用示例碳密度表（非本地数据） — EXAMPLE densities; pass --densities CSV with local data");
    }
    out.println("输出 outputs: " + in.out.resolve("carbon.json") + ", " + in.out.resolve((String) result.get("polygonLayer")));
    out.flush();
    return Main.OK;
  }
}
