package org.landledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.Layer;
import org.landledger.io.LayerSchema;
import org.landledger.io.Layers;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import picocli.CommandLine;

/**
 * {@code landledger redline} end to end on shapefiles in EPSG:4527: DLTB T1 = [0,100]² 0101 (KCXS 0.1, GDDB 5),
 * T2 = [100,200]×[0,100] 0103 (KCXS 0.05, GDDB 8); PBF [0,50]×[0,100]; boundary [0,200]×[50,100];
 * plan A = [40,140]×[40,60], B = [150,190]×[60,90].
 */
class RedlineCommandTest {

  static final GeometryFactory GF = new GeometryFactory();
  static final double X0 = 39_500_000;
  static final double Y0 = 4_000_000;

  @TempDir Path dir;
  Path dltb;
  Path pbf;
  Path dev;
  Path plan;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  static Polygon rect(double x1, double y1, double x2, double y2) {
    return GF.createPolygon(new Coordinate[] {new Coordinate(X0 + x1, Y0 + y1), new Coordinate(X0 + x2, Y0 + y1),
        new Coordinate(X0 + x2, Y0 + y2), new Coordinate(X0 + x1, Y0 + y2), new Coordinate(X0 + x1, Y0 + y1)});
  }

  static Feature tb(String id, Polygon g, String dlbm, double kcxs, int gddb) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("DLBM", dlbm);
    a.put("KCXS", kcxs);
    a.put("GDDB", gddb);
    a.put("ZLDWDM", "1301020010010000000");
    return new Feature(id, g, a);
  }

  static Layer layer(String name, List<Feature> fs, List<Field> fields) {
    return new Layer(new LayerSchema(name, fields, "Polygon"), Crs.epsg(4527), fs, name);
  }

  @BeforeEach
  void writeInputs() {
    dltb = dir.resolve("DLTB.shp");
    Layers.write(layer("DLTB", List.of(tb("1", rect(0, 0, 100, 100), "0101", 0.1, 5),
        tb("2", rect(100, 0, 200, 100), "0103", 0.05, 8)), List.of(new Field("DLBM", FieldType.STRING),
        new Field("KCXS", FieldType.DOUBLE), new Field("GDDB", FieldType.INTEGER), new Field("ZLDWDM", FieldType.STRING))),
        dltb);
    pbf = dir.resolve("YJJBNTTB.shp");
    Layers.write(layer("YJJBNTTB", List.of(new Feature("1", rect(0, 0, 50, 100), Map.of("BSM", "1"))),
        List.of(new Field("BSM", FieldType.STRING))), pbf);
    dev = dir.resolve("CZKFBJ.shp");
    Layers.write(layer("CZKFBJ", List.of(new Feature("1", rect(0, 50, 200, 100), Map.of("BSM", "1"))),
        List.of(new Field("BSM", FieldType.STRING))), dev);
    plan = dir.resolve("PLAN.shp");
    Layers.write(layer("PLAN", List.of(new Feature("1", rect(40, 40, 140, 60), Map.of("XMBH", "A")),
        new Feature("2", rect(150, 60, 190, 90), Map.of("XMBH", "B"))), List.of(new Field("XMBH", FieldType.STRING))),
        plan);
  }

  int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void writesJsonLayersAndCsv() throws Exception {
    Path res = dir.resolve("out");
    Path supp = dir.resolve("bcgd.csv");
    // S1 covers all of A's area and paddy but only 2000 kg of capacity.
    Files.writeString(supp, "id,areaM2,paddyM2,capacityKg\nS1,5000,2000,2000\n");
    int code = run("redline", "--landuse", dltb.toString(), "--permanent-farmland", pbf.toString(), "--dev-boundary",
        dev.toString(), "--plan", plan.toString(), "--plan-id-field", "XMBH", "--area", "planar", "--supplementary",
        supp.toString(), "--out", res.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(res.resolve("redline.json")).exists();
    assertThat(res.resolve("redline.csv")).exists();
    assertThat(res.resolve("redline.gpkg")).exists();
    assertThat(Layers.layerNames(res.resolve("redline.gpkg"))).contains("parcels", "conflicts");
    Layer parcels = Layers.read(res.resolve("redline.gpkg") + "#parcels");
    assertThat(parcels.features()).extracting(f -> f.string("id")).containsExactly("A", "B");
    assertThat(parcels.features().get(0).string("status")).isEqualTo("FAIL");
    assertThat(parcels.features().get(0).number("farmnet_m2")).isEqualTo(1840.0);
    Layer conflicts = Layers.read(res.resolve("redline.gpkg") + "#conflicts");
    // A: PBF 200, farmland 2000, outside 1000; B: farmland 1200 (gross).
    assertThat(conflicts.features()).extracting(f -> f.string("parcel_id") + ":" + f.string("type") + ":"
        + Math.round(f.number("area_m2"))).containsExactly("A:PERMANENT_FARMLAND:200", "A:FARMLAND_OCCUPIED:2000",
        "A:OUTSIDE_DEV_BOUNDARY:1000", "B:FARMLAND_OCCUPIED:1200");
    assertThat(conflicts.features().get(0).geometry().getArea()).isCloseTo(200, org.assertj.core.api.Assertions.within(1e-6));
    JsonNode json = new ObjectMapper().readTree(res.resolve("redline.json").toFile());
    JsonNode a = json.get("parcels").get(0);
    // A as in RedLineCheckTest: 2000 m², farmland 2000 gross / 1840 net, paddy 1080, PBF 200, outside 1000.
    assertThat(a.get("id").asText()).isEqualTo("A");
    assertThat(a.get("areaM2").asDouble()).isEqualTo(2000.0);
    assertThat(a.get("farmlandM2").asDouble()).isEqualTo(2000.0);
    assertThat(a.get("farmlandNetM2").asDouble()).isEqualTo(1840.0);
    assertThat(a.get("paddyM2").asDouble()).isEqualTo(1080.0);
    assertThat(a.get("permanentFarmlandM2").asDouble()).isEqualTo(200.0);
    assertThat(a.get("outsideDevBoundaryM2").asDouble()).isEqualTo(1000.0);
    assertThat(a.get("ecoRedlineM2").isNull()).isTrue();
    assertThat(a.get("status").asText()).isEqualTo("FAIL");
    assertThat(a.get("reasons").toString())
        .isEqualTo("[\"PERMANENT_FARMLAND\",\"FARMLAND_OCCUPIED\",\"OUTSIDE_DEV_BOUNDARY\"]");
    assertThat(a.get("byLandUse").get("1203").asDouble()).isEqualTo(160.0);
    // B = [150,190]×[60,90] = 1200 m² on T2 (0103, KCXS 0.05), inside the boundary: WARN, net 1140.
    JsonNode b = json.get("parcels").get(1);
    assertThat(b.get("status").asText()).isEqualTo("WARN");
    assertThat(b.get("farmlandNetM2").asDouble()).isEqualTo(1140.0);
    // Capacity owed: A 2694 kg (see RedLineCheckTest), B 1140 m² = 1.71 亩 × 800 = 1368 kg; total 4062.
    // S1 gives 2000 kg: shortfall 2062 kg; area 1840 + 1140 = 2980 ≤ 5000 and paddy 1080 ≤ 2000: none short.
    JsonNode shortfall = json.get("compensation").get("shortfall");
    assertThat(shortfall.get("capacityKg").asDouble()).isEqualTo(2062.0);
    assertThat(shortfall.get("areaM2").asDouble()).isZero();
    assertThat(shortfall.get("paddyM2").asDouble()).isZero();
    assertThat(json.get("summary").get("status").get("FAIL").asInt()).isEqualTo(1);
    assertThat(json.get("summary").get("townships").get(0).get("code").asText()).isEqualTo("130102001");
    assertThat(json.get("summary").get("grainTable").get("example").asBoolean()).isTrue();
    // CSV: UTF-8 with BOM, Chinese headers by default, one row per parcel.
    byte[] csv = Files.readAllBytes(res.resolve("redline.csv"));
    assertThat(csv[0] & 0xff).isEqualTo(0xEF);
    assertThat(csv[1] & 0xff).isEqualTo(0xBB);
    assertThat(csv[2] & 0xff).isEqualTo(0xBF);
    List<String> lines = new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("地块编号,乡镇代码,检查结论,原因");
    assertThat(lines.get(1)).startsWith("A,130102001,不通过,占用永久基本农田；占用耕地；位于城镇开发边界外,2000.00");
    assertThat(out.toString()).contains("redline.json");
    // Nothing left behind but the outputs.
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.filter(p -> p.getFileName().toString().startsWith(".")).toList()).isEmpty();
    }
  }

  @Test
  void englishCsvHeaders() throws Exception {
    Path res = dir.resolve("en");
    int code = run("redline", "--landuse", dltb.toString(), "--permanent-farmland", pbf.toString(), "--plan",
        plan.toString(), "--plan-id-field", "XMBH", "--lang", "en", "--out", res.toString());
    assertThat(code).as(err.toString()).isZero();
    String csv = Files.readString(res.resolve("redline.csv"), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFid,township,status,reasons,areaM2");
    assertThat(csv).contains("\r\nA,130102001,FAIL,PERMANENT_FARMLAND;FARMLAND_OCCUPIED,");
  }

  @Test
  void missingIdFieldExitsTwoAndWritesNothing() throws Exception {
    Path res = dir.resolve("bad");
    int code = run("redline", "--landuse", dltb.toString(), "--permanent-farmland", pbf.toString(), "--plan",
        plan.toString(), "--plan-id-field", "DKBH", "--out", res.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("PLAN.shp").contains("DKBH");
    assertThat(err.toString().lines().count()).isEqualTo(1);
    assertThat(res).doesNotExist();
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.filter(p -> p.getFileName().toString().startsWith(".")).toList()).isEmpty();
    }
  }

  @Test
  void badOptionsExitTwo() {
    assertThat(run("redline", "--landuse", dltb.toString(), "--permanent-farmland", pbf.toString(), "--plan",
        plan.toString(), "--area", "spherical", "--out", dir.resolve("x").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--area");
    assertThat(run("redline", "--landuse", dltb.toString(), "--plan", plan.toString(), "--out",
        dir.resolve("x").toString())).isEqualTo(2);
    assertThat(run("redline", "--landuse", dir.resolve("nope.shp").toString(), "--permanent-farmland",
        pbf.toString(), "--plan", plan.toString(), "--out", dir.resolve("x").toString())).isEqualTo(2);
    assertThat(dir.resolve("x")).doesNotExist();
    // --out naming a file: bad argument, checked before any work.
    assertThat(run("redline", "--landuse", dltb.toString(), "--permanent-farmland", pbf.toString(), "--plan",
        plan.toString(), "--out", dltb.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not a folder");
  }

  @Test
  void emptyPlanLayerWritesEmptyOutputs() throws Exception {
    Path empty = dir.resolve("EMPTY.shp");
    Layers.write(layer("EMPTY", List.of(), List.of(new Field("XMBH", FieldType.STRING))), empty);
    Path res = dir.resolve("empty");
    int code = run("redline", "--landuse", dltb.toString(), "--permanent-farmland", pbf.toString(), "--plan",
        empty.toString(), "--plan-id-field", "XMBH", "--out", res.toString());
    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(res.resolve("redline.json").toFile());
    assertThat(json.get("parcels").size()).isZero();
    assertThat(json.get("summary").get("parcels").asInt()).isZero();
    assertThat(json.get("summary").get("notes").toString()).contains("plan layer has no parcels");
    assertThat(Files.readString(res.resolve("redline.csv")).lines().count()).isEqualTo(1);
    assertThat(Layers.read(res.resolve("redline.gpkg") + "#conflicts").size()).isZero();
  }

  @Test
  void recordsTheLocalEngineByDefault() throws Exception {
    Path res = dir.resolve("out");
    int code = run("redline", "--landuse", dltb.toString(), "--permanent-farmland", pbf.toString(), "--plan",
        plan.toString(), "--area", "planar", "--engine", "local", "--out", res.toString());
    assertThat(code).as(err.toString()).isZero();
    JsonNode summary = new ObjectMapper().readTree(res.resolve("redline.json").toFile()).get("summary");
    assertThat(summary.get("engine").asText()).isEqualTo("local");
    assertThat(summary.has("sparkMaster")).isFalse();
  }

  @Test
  void sedonaWithoutTheSparkModuleExitsTwoSayingHowToGetIt() {
    // cli's tests never have the spark module on the classpath
    Path res = dir.resolve("out");
    int code = run("redline", "--landuse", dltb.toString(), "--permanent-farmland", pbf.toString(), "--plan",
        plan.toString(), "--engine", "sedona", "--spark-master", "local[2]", "--out", res.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("sedona engine is not on the classpath").contains("./landledger")
        .contains("-Pspark").doesNotContain("\tat ");
    assertThat(res).doesNotExist();
    assertThat(run("redline", "--landuse", dltb.toString(), "--permanent-farmland", pbf.toString(), "--plan",
        plan.toString(), "--engine", "hadoop", "--out", res.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("unknown engine 'hadoop'");
  }
}
