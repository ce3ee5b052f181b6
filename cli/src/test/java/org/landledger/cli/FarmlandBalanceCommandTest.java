package org.landledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.landledger.cli.LinkageCommandTest.GK;
import static org.landledger.cli.LinkageCommandTest.cli;
import static org.landledger.cli.LinkageCommandTest.f;
import static org.landledger.cli.LinkageCommandTest.rect;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.io.Json;
import org.landledger.io.Layer;
import org.landledger.io.Layers;

/**
 * {@code farmland-balance} end to end on shapefiles: township 341122101 where 旱地 (KCXS 0.1) became orchard
 * (9 000 m² net) and paddy became rural housing (10 000 m²); township 341122102 where grass became 水浇地
 * (KCXS 0.05: 9 500 m² in). 100 m squares, planar.
 */
class FarmlandBalanceCommandTest {

  static Path fixtures(Path dir) {
    String a = "341122101001";
    String b = "341122102001";
    Layers.write(Layer.fromRows("DLTB_BEFORE", GK, "MultiPolygon", List.of(
        f("1", rect(0, 0, 100, 100), "DLBM", "0103", "KCXS", 0.1, "ZLDWDM", a, "GDDB", 5),
        f("2", rect(100, 0, 200, 100), "DLBM", "0101", "KCXS", 0.0, "ZLDWDM", a, "GDDB", 3),
        f("3", rect(0, 100, 100, 200), "DLBM", "0404", "KCXS", 0.0, "ZLDWDM", b, "GDDB", 0))),
        dir.resolve("DLTB_2019.shp"));
    Layers.write(Layer.fromRows("DLTB", GK, "MultiPolygon", List.of(
        f("1", rect(0, 0, 100, 100), "DLBM", "0201", "KCXS", 0.0, "ZLDWDM", a, "GDDB", 0),
        f("2", rect(100, 0, 200, 100), "DLBM", "0702", "KCXS", 0.0, "ZLDWDM", a, "GDDB", 0),
        f("3", rect(0, 100, 100, 200), "DLBM", "0102", "KCXS", 0.05, "ZLDWDM", b, "GDDB", 4))),
        dir.resolve("DLTB_2023.shp"));
    Layers.write(Layer.fromRows("XZQ", GK, "MultiPolygon", List.of(
        f("1", rect(0, 0, 200, 100), "XZQDM", "341122101", "XZQMC", "甲镇"),
        f("2", rect(0, 100, 200, 200), "XZQDM", "341122102", "XZQMC", "乙镇"))), dir.resolve("XZQ.shp"));
    return dir;
  }

  static JsonNode run(Path dir, String regime, String name) throws Exception {
    Path out = dir.resolve(name);
    List<String> args = new java.util.ArrayList<>(List.of("farmland-balance", "--before",
        dir.resolve("DLTB_2019.shp").toString(), "--after", dir.resolve("DLTB_2023.shp").toString(), "--xzq",
        dir.resolve("XZQ.shp").toString(), "--area", "planar", "--no-pdf", "--out", out.toString()));
    if (regime != null) {
      args.addAll(List.of("--regime", regime));
    }
    LinkageCommandTest.Run r = cli(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(out.resolve("balance.gpkg")).exists();
    assertThat(out.resolve("report.html")).exists();
    return Json.MAPPER.readTree(out.resolve("balance.json").toFile());
  }

  @Test
  void regimeDecidesWhetherOrchardCounts(@TempDir Path dir) throws Exception {
    fixtures(dir);
    JsonNode def = run(dir, null, "default");
    JsonNode r17 = run(dir, "2017", "r17");
    // default = the profile's redline.regime (2024): out 10 000 + 9 000 = 19 000, in 9 500, net −9 500
    assertThat(def.get("regime").asText()).isEqualTo("2024");
    assertThat(def.get("outflowM2").asDouble()).isCloseTo(19_000, within(0.01));
    assertThat(def.get("inflowM2").asDouble()).isCloseTo(9_500, within(0.01));
    assertThat(def.get("netM2").asDouble()).isCloseTo(-9_500, within(0.01));
    // 2017: the orchard is not counted: out 10 000, net −500
    assertThat(r17.get("regime").asText()).isEqualTo("2017");
    assertThat(r17.get("outflowM2").asDouble()).isCloseTo(10_000, within(0.01));
    assertThat(r17.get("netM2").asDouble()).isCloseTo(-500, within(0.01));
    // by township, named from XZQ
    JsonNode a = def.get("townships").get(0);
    assertThat(a.get("code").asText()).isEqualTo("341122101");
    assertThat(a.get("name").asText()).isEqualTo("甲镇");
    assertThat(a.get("outflowM2").asDouble()).isCloseTo(19_000, within(0.01));
    assertThat(r17.get("townships").get(0).get("outflowM2").asDouble()).isCloseTo(10_000, within(0.01));
    assertThat(def.get("townships").get(1).get("inflowM2").asDouble()).isCloseTo(9_500, within(0.01));
    assertThat(def.get("transitions")).hasSize(3);
    assertThat(def.get("regimeSource").asText()).contains("204号");
    assertThat(def.get("policyProfile").asText()).isEqualTo("cn-national-default@2026.1");
    String html = java.nio.file.Files.readString(dir.resolve("default").resolve("report.html"));
    assertThat(html).contains("耕地进出平衡", "占补平衡制度", "204号", "cn-national-default@2026.1");
    Layer flows = Layers.read(dir.resolve("default").resolve("balance.gpkg") + "#farmland_flows");
    assertThat(flows.size()).isEqualTo(3);
  }

  @Test
  void badRegimeIsBadInput(@TempDir Path dir) {
    fixtures(dir);
    LinkageCommandTest.Run r = cli("farmland-balance", "--before", dir.resolve("DLTB_2019.shp").toString(),
        "--after", dir.resolve("DLTB_2023.shp").toString(), "--regime", "2020", "--out",
        dir.resolve("out").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("2017 or 2024");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
