package org.landledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.landledger.ecovalue.gep.GepAccount;
import org.landledger.ecovalue.gep.GepParameters;
import org.landledger.ecovalue.gep.StatisticalItems;
import org.landledger.geo.AreaCalculator;
import org.landledger.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** 生态产品总值: {@code landledger gep} — the GEP account by township. */
@Command(name = "gep", mixinStandardHelpOptions = true,
    description = {"生态产品总值（GEP）核算：物质产品 + 调节服务 + 文化服务，按乡镇列示，参数与来源逐项列出。",
        "GEP account (NDRC/NBS 2022 structure): geospatial items per township from land use, statistical items "
            + "from a table; every parameter and source listed. Writes DIR/gep.json."})
public final class GepCommand implements Callable<Integer> {

  @Option(names = "--parameters", paramLabel = "CSV",
      description = "空间核算参数 item,item_zh,category,class,rate_per_ha,quantity_unit,price,price_unit,method,source; default: the shipped EXAMPLE.")
  Path parameters;

  @Option(names = "--statistics", paramLabel = "CSV",
      description = "统计类条目 item,item_zh,category,region,quantity,quantity_unit,price,price_unit,value,source; default: none.")
  Path statistics;

  @Mixin EcoInputs in;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (in.landuseBefore != null) {
      throw new IllegalArgumentException("gep accounts one date: --landuse-before is not used here (see esv, carbon)");
    }
    GepParameters params = parameters == null ? GepParameters.example() : GepParameters.load(parameters);
    StatisticalItems stats = statistics == null ? StatisticalItems.none() : StatisticalItems.load(statistics);
    AreaCalculator areas = in.areas();
    Map<String, Object> result = new LinkedHashMap<>(
        GepAccount.json(params, stats, in.ecosystemMapping(), in.landUseAreas(areas)));
    result.put("inputs", in.describe(areas));
    try (StagedOutput staged = new StagedOutput(in.out, "gep")) {
      Json.write(staged.file("gep.json"), result);
      staged.commit();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("生态产品总值 GEP: %.2f 元/年%n", (double) result.get("totalValue"));
    if (params.isExample()) {
      out.println("注意：使用示例参数（非本地数据） — EXAMPLE parameters; pass --parameters CSV with local rates and prices");
    }
    out.println("输出 outputs: " + in.out.resolve("gep.json"));
    out.flush();
    return Main.OK;
  }
}
