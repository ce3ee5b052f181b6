package org.landledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Json;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import picocli.CommandLine;

/** End to end: shapefiles written to a temp dir, the CLI run in-process, outputs read back. */
class LinkageCommandTest {

  static final GeometryFactory GF = new GeometryFactory();
  static final Crs GK = Crs.epsg(4527);

  record Run(int exit, String out, String err) {}

  static Run cli(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Polygon rect(double x1, double y1, double x2, double y2) {
    double x0 = 39_500_000, y0 = 4_000_000;
    return GF.createPolygon(new Coordinate[] {
        new Coordinate(x0 + x1, y0 + y1), new Coordinate(x0 + x2, y0 + y1), new Coordinate(x0 + x2, y0 + y2),
        new Coordinate(x0 + x1, y0 + y2), new Coordinate(x0 + x1, y0 + y1)});
  }

  static Feature f(String id, Geometry g, Object... kv) {
    Map<String, Object> a = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      a.put((String) kv[i], kv[i + 1]);
    }
    return new Feature(id, g, a);
  }

  /** DLTB: T1 x 0–100 宅基地 0702, T2 x 100–200 水田 0101 (KCXS 0.1, GDDB 5), county 130102. */
  static Path fixtures(Path dir, Crs constructionCrs, boolean missingProject) {
    Layers.write(Layer.fromRows("DLTB", GK, "MultiPolygon", List.of(
        f("1", rect(0, 0, 100, 100), "DLBM", "0702", "ZLDWDM", "130102001001", "KCXS", 0.0, "GDDB", 0),
        f("2", rect(100, 0, 200, 100), "DLBM", "0101", "ZLDWDM", "130102001001", "KCXS", 0.1, "GDDB", 5))),
        dir.resolve("DLTB.shp"));
    Layers.write(Layer.fromRows("CJQ", GK, "MultiPolygon", List.of(
        f("1", rect(0, 0, 100, 100), "XMBH", "XM01", "FKDL", "0101", "ZLDB", 4))), dir.resolve("CJQ.shp"));
    Geometry c = rect(100, 0, 150, 100);
    if (constructionCrs != null) {
      c = GK.transform(c, constructionCrs);
    }
    Layers.write(Layer.fromRows("JXQ", constructionCrs == null ? GK : constructionCrs, "MultiPolygon", List.of(
        f("1", c, "XMBH", missingProject ? "" : "XM01", "YT", "住宅"))), dir.resolve("JXQ.shp"));
    Layers.write(Layer.fromRows("YJJBNTTB", GK, "MultiPolygon", List.of(
        f("1", rect(140, 0, 160, 10), "JBNTTBBH", "J1"))), dir.resolve("YJJBNTTB.shp"));
    return dir;
  }

  @Test
  void writesLinkageJsonWithTheIssueShape(@TempDir Path dir) throws Exception {
    fixtures(dir, null, false);
    Path out = dir.resolve("out");
    Run r = cli("linkage", "--landuse", dir.resolve("DLTB.shp").toString(), "--demolition",
        dir.resolve("CJQ.shp").toString(), "--construction", dir.resolve("JXQ.shp").toString(),
        "--permanent-farmland", dir.resolve("YJJBNTTB.shp").toString(), "--project-field", "XMBH",
        "--area", "planar", "--price-class", "ordinary", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("XM01").contains("linkage.json");
    JsonNode j = Json.MAPPER.readTree(out.resolve("linkage.json").toFile());
    JsonNode p = j.get("projects").get(0);
    // Demolition 10 000 m² of 0702 (reclaimable); construction x 100–150 on 水田: 5 000 gross, 4 500 net.
    // Surplus 10 000 − 5 000 = 5 000 m² = 7.5 亩 × 300 000 (cross-province 调出, ordinary) = 2 250 000 元.
    // Paddy: 10 000 reclaimed (FKDL 0101) ≥ 4 500 occupied.
    // PBF x 140–160, y 0–10 overlaps the construction plot on x 140–150: 10 × 10 = 100 m² → violation.
    assertThat(p.get("projectId").asText()).isEqualTo("XM01");
    assertThat(p.get("demolitionAreaM2").asDouble()).isCloseTo(10_000, within(0.01));
    assertThat(p.get("constructionFarmlandNetM2").asDouble()).isCloseTo(4_500, within(0.01));
    assertThat(p.get("surplusQuotaMu").asDouble()).isCloseTo(7.5, within(1e-6));
    assertThat(p.get("surplusValueYuan").asDouble()).isCloseTo(2_250_000, within(0.01));
    assertThat(p.get("balanced").asBoolean()).isFalse();
    assertThat(p.get("violations").get(0).get("code").asText()).isEqualTo("CONSTRUCTION_IN_PERMANENT_FARMLAND");
    assertThat(p.get("violations").get(0).get("areaM2").asDouble()).isCloseTo(100, within(0.01));
    assertThat(p.get("plots")).hasSize(2);
    assertThat(j.get("summary").get("projectCount").asInt()).isEqualTo(1);
    assertThat(j.get("policy").get("id").asText()).isEqualTo("cn-national-default");
    assertThat(j.get("policy").get("parameters").has("linkage.crossProvince.outgoingPricePerMu.ordinaryFarmland")).isTrue();
    assertThat(j.get("regime").asText()).isEqualTo("2024");
    assertThat(j.get("policyProfile").asText()).isEqualTo("cn-national-default@2026.1");
    Path gpkg = out.resolve("linkage.gpkg");
    assertThat(Layers.layerNames(gpkg)).contains("linkage_plots", "linkage_violations");
    Layer plots = Layers.read(gpkg + "#linkage_plots");
    assertThat(plots.size()).isEqualTo(2);
    assertThat(plots.crs()).isEqualTo(GK);
    Layer violations = Layers.read(gpkg + "#linkage_violations");
    assertThat(violations.size()).isEqualTo(1);
    assertThat(violations.features().get(0).string("CODE")).isEqualTo("CONSTRUCTION_IN_PERMANENT_FARMLAND");
    assertThat(violations.features().get(0).geometry().getArea()).isCloseTo(100, within(1e-6));
    Feature jx = plots.features().stream().filter(x -> "construction".equals(x.string("ROLE"))).findFirst().orElseThrow();
    assertThat(jx.string("WG")).isEqualTo("CONSTRUCTION_IN_PERMANENT_FARMLAND");
    assertThat(jx.number("ZYGDJ_M2")).isCloseTo(4_500, within(0.01));
    // Both layers number their plot "1": the demolition plot does not inherit the construction plot's violation.
    Feature cj = plots.features().stream().filter(x -> "demolition".equals(x.string("ROLE"))).findFirst().orElseThrow();
    assertThat(cj.string("WG")).isNull();
    assertThat(p.get("violations").get(0).get("plots").get(0).get("role").asText()).isEqualTo("construction");
    try (var s = Files.list(dir)) {
      assertThat(s.filter(x -> x.getFileName().toString().startsWith(".out.")).toList()).isEmpty();
    }
  }

  @Test
  void mixedCrsIsReprojectedAndNoted(@TempDir Path dir) throws Exception {
    fixtures(dir, Crs.epsg(4490), false);
    Path out = dir.resolve("out");
    Run r = cli("linkage", "--landuse", dir.resolve("DLTB.shp").toString(), "--demolition",
        dir.resolve("CJQ.shp").toString(), "--construction", dir.resolve("JXQ.shp").toString(),
        "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(out.resolve("linkage.json").toFile());
    assertThat(j.get("notes").toString()).contains("EPSG:4490").contains("EPSG:4527");
    // Ellipsoidal default, on the central meridian: 5 000 m² within a few m² after the round trip.
    assertThat(j.get("projects").get(0).get("constructionAreaM2").asDouble()).isCloseTo(5_000, within(5.0));
    assertThat(j.get("projects").get(0).get("balanced").asBoolean()).isTrue();
  }

  @Test
  void plotWithoutProjectIdIsBadInputAndWritesNothing(@TempDir Path dir) {
    fixtures(dir, null, true);
    Path out = dir.resolve("out");
    Run r = cli("linkage", "--landuse", dir.resolve("DLTB.shp").toString(), "--demolition",
        dir.resolve("CJQ.shp").toString(), "--construction", dir.resolve("JXQ.shp").toString(),
        "--out", out.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("JXQ.shp").contains("feature").contains("field XMBH").contains("no project id");
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void badOptionsExitTwo(@TempDir Path dir) {
    fixtures(dir, null, false);
    Run r = cli("linkage", "--landuse", dir.resolve("DLTB.shp").toString(), "--demolition",
        dir.resolve("CJQ.shp").toString(), "--construction", dir.resolve("JXQ.shp").toString(),
        "--price-class", "luxury", "--out", dir.resolve("out").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("price class");
    assertThat(Files.exists(dir.resolve("out"))).isFalse();
    Run missing = cli("linkage", "--landuse", dir.resolve("nope.shp").toString(), "--demolition",
        dir.resolve("CJQ.shp").toString(), "--construction", dir.resolve("JXQ.shp").toString(),
        "--out", dir.resolve("out").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.shp");
  }
}
