package org.landledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.landledger.geo.Crs;
import org.landledger.geo.Units;
import org.landledger.samples.SampleCounty;
import org.landledger.samples.SampleSummary;
import org.landledger.samples.Scale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** 样例数据: {@code landledger samples --out DIR} writes a synthetic county in the 三调 schema. */
@Command(name = "samples", mixinStandardHelpOptions = true,
    description = {"生成三调结构的合成样例数据（确定性：同一种子得到逐字节相同的文件）。",
        "Generate a realistic synthetic county in the 三调 schema (deterministic: same seed, same bytes)."})
public final class SamplesCommand implements Callable<Integer> {

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
  Path out;

  @Option(names = "--scale", defaultValue = "small", paramLabel = "SCALE",
      description = "small (≥2 000 图斑, seconds), county (≈200 000), province (≈5 million, streamed). Default: ${DEFAULT-VALUE}.")
  String scale;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--crs", defaultValue = "EPSG:4527", paramLabel = "EPSG:N",
      description = "Output CRS (default ${DEFAULT-VALUE}, CGCS2000 GK zone 39); data are generated in EPSG:4527 and reprojected.")
  String crs;

  @Option(names = "--gpkg", description = "Also write all layers into DIR/samples.gpkg (small and county scales).")
  boolean gpkg;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Scale s = Scale.parse(scale);
    Crs target = Crs.parse(crs);
    if (gpkg && s == Scale.PROVINCE) {
      throw new IllegalArgumentException("--gpkg is for the small and county scales (the province is streamed to shapefiles)");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    out.printf("生成样例数据 generating %s sample, seed %d, %s → %s%n", s.name().toLowerCase(java.util.Locale.ROOT),
        seed, target, this.out);
    out.flush();
    SampleSummary sum = SampleCounty.generate(this.out, s, seed, target, line -> {
      err.println(line);
      err.flush();
    });
    if (gpkg) {
      Path file = this.out.resolve("samples.gpkg");
      SampleCounty.writeGeoPackage(this.out, file);
      out.printf("GeoPackage: %s%n", file);
    }
    print(out, sum);
    out.flush();
    return Main.OK;
  }

  /** Pads to a terminal width, counting a Chinese character as two columns. */
  static String padded(String s, int width) {
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      w += Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN ? 2 : 1;
    }
    return s + " ".repeat(Math.max(0, width - w));
  }

  static void print(PrintWriter out, SampleSummary sum) {
    out.printf("县 counties: %s%n", String.join(", ", sum.counties()));
    out.println("图层 layers (要素数 features):");
    for (Map.Entry<String, Long> e : sum.layers().entrySet()) {
      out.printf("  %-12s %,12d%n", e.getKey(), e.getValue());
    }
    out.println("地类图斑面积 DLTB area (TBMJ) by level-1 class:");
    for (Map.Entry<String, Double> e : sum.areaByGroupM2().entrySet()) {
      out.printf("  %s %14.2f 公顷 ha  %6.2f %%%n", padded(e.getKey(), 26), Units.m2ToHa(e.getValue()),
          100 * e.getValue() / sum.totalAreaM2());
    }
    out.printf("  %s %14.2f 公顷 ha%n", padded("合计 total", 26), Units.m2ToHa(sum.totalAreaM2()));
    out.printf("耕地 farmland (TBDLMJ, net of 田坎): %.2f 公顷 ha = %.2f 亩; 田坎 (KCMJ): %.2f 公顷 ha%n",
        Units.m2ToHa(sum.farmlandNetM2()), Units.m2ToMu(sum.farmlandNetM2()), Units.m2ToHa(sum.tiankanM2()));
    out.printf("用时 elapsed: %.1f s%n", sum.millis() / 1000.0);
  }
}
