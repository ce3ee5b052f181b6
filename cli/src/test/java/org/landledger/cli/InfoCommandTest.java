package org.landledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.Layer;
import org.landledger.io.LayerSchema;
import org.landledger.io.Layers;
import org.landledger.io.WriteOptions;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import picocli.CommandLine;

class InfoCommandTest {

  static final GeometryFactory GF = new GeometryFactory();

  /** Exit code, stdout and stderr of one CLI run. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Polygon square(double x, double y, double side) {
    return GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + side, y),
        new Coordinate(x + side, y + side), new Coordinate(x, y + side), new Coordinate(x, y)});
  }

  static Map<String, Object> attrs(String bsm, String dlbm, String dlmc, double kcxs, int gddb) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("BSM", bsm);
    m.put("DLBM", dlbm);
    m.put("DLMC", dlmc);
    m.put("KCXS", kcxs);
    m.put("GDDB", gddb);
    return m;
  }

  /**
   * A GBK shapefile without .cpg, as most 三调 exports are: a 100 m and a 200 m square on zone 39's central
   * meridian (x from 39 500 000), planar areas 10 000 + 40 000 = 50 000 m².
   */
  static Path gbkShapefile(Path dir) throws Exception {
    LayerSchema schema = new LayerSchema("DLTB", List.of(new Field("BSM", FieldType.STRING, 18, 0),
        new Field("DLBM", FieldType.STRING, 5, 0), new Field("DLMC", FieldType.STRING, 60, 0),
        new Field("KCXS", FieldType.DOUBLE, 10, 4), new Field("GDDB", FieldType.INTEGER, 2, 0)), "MultiPolygon");
    Layer layer = new Layer(schema, Crs.epsg(4527), List.of(
        new Feature("1", square(39_500_000, 4_000_000, 100), attrs("1", "0101", "水田", 0.08, 5)),
        new Feature("2", square(39_500_200, 4_000_000, 200), attrs("2", "0702", "农村宅基地", 0, 0))));
    Path shp = dir.resolve("DLTB.shp");
    Layers.write(List.of(layer), shp, WriteOptions.gbk());
    Files.delete(dir.resolve("DLTB.cpg"));
    return shp;
  }

  @Test
  void jsonDescribesAGbkShapefileWithoutCpg(@TempDir Path dir) throws Exception {
    Path shp = gbkShapefile(dir);
    Run r = run("info", shp.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.path("featureCount").asLong()).isEqualTo(2);
    assertThat(j.path("crs").asText()).isEqualTo("EPSG:4527");
    assertThat(j.path("encoding").asText()).isEqualTo("GBK");
    assertThat(j.path("geometryType").asText()).isEqualTo("MultiPolygon");
    assertThat(j.path("fields").findValuesAsText("name")).containsExactly("BSM", "DLBM", "DLMC", "KCXS", "GDDB");
    assertThat(j.path("fields").findValuesAsText("type")).containsExactly("STRING", "STRING", "STRING", "DOUBLE", "INTEGER");
    // x 39 500 000 … 39 500 400 (200 + 200), y 4 000 000 … 4 000 200.
    assertThat(j.path("bounds").toString()).isEqualTo("[3.95E7,4000000.0,3.95004E7,4000200.0]");
    // 100² + 200² = 10 000 + 40 000 = 50 000 m², exact on the plane.
    assertThat(j.path("totals").path("planarAreaM2").asDouble()).isEqualTo(50_000.0);
    // On the central meridian (x ≤ 400 m from it) k² − 1 ≤ (400 m)²/R² ≈ 4e-9, i.e. ≤ 0.0002 m² here.
    assertThat(j.path("totals").path("ellipsoidalAreaM2").asDouble()).isCloseTo(50_000.0, within(0.01));
    JsonNode first = j.path("features").get(0);
    assertThat(first.path("attributes").path("DLMC").asText()).isEqualTo("水田");
    assertThat(first.path("attributes").path("KCXS").asDouble()).isEqualTo(0.08);
    assertThat(first.path("planarAreaM2").asDouble()).isEqualTo(10_000.0);
    assertThat(j.path("features").get(1).path("attributes").path("DLMC").asText()).isEqualTo("农村宅基地");
    assertThat(j.path("features").get(1).path("planarAreaM2").asDouble()).isEqualTo(40_000.0);
    assertThat(j.path("unknownLandUseCodes").size()).isZero();
    assertThat(j.path("invalidGeometries").size()).isZero();
  }

  @Test
  void limitAndTextOutput(@TempDir Path dir) throws Exception {
    Path shp = gbkShapefile(dir);
    Run json = run("info", shp.toString(), "--json", "--limit", "1");
    assertThat(new ObjectMapper().readTree(json.out()).path("features").size()).isEqualTo(1);
    Run text = run("info", shp.toString());
    assertThat(text.code()).isZero();
    // 50 000 m² = 5 公顷 = 75 亩.
    assertThat(text.out()).contains("EPSG:4527").contains("GBK").contains("50000.00 m²").contains("水田")
        .contains("5.0000 公顷").contains("75.00 亩");
  }

  @Test
  void explicitEncodingOverridesDetection(@TempDir Path dir) throws Exception {
    Path shp = gbkShapefile(dir);
    Run r = run("info", shp.toString(), "--json", "--encoding", "GB18030");
    assertThat(new ObjectMapper().readTree(r.out()).path("encoding").asText()).isEqualTo("GB18030");
  }

  @Test
  void readsGeoPackageAndGeoJson(@TempDir Path dir) throws Exception {
    Path shp = gbkShapefile(dir);
    Layer layer = Layers.read(shp);
    Path gpkg = dir.resolve("county.gpkg");
    Layers.write(List.of(layer), gpkg, WriteOptions.DEFAULT);
    Path json = dir.resolve("dltb.geojson");
    Layers.write(layer, json);
    for (String location : new String[] {gpkg + "#DLTB", json.toString()}) {
      Run r = run("info", location, "--json");
      assertThat(r.code()).as(location + ": " + r.err()).isZero();
      JsonNode j = new ObjectMapper().readTree(r.out());
      assertThat(j.path("crs").asText()).isEqualTo("EPSG:4527");
      assertThat(j.path("totals").path("planarAreaM2").asDouble()).as(location + " " + j).isEqualTo(50_000.0);
      assertThat(j.path("features").get(0).path("attributes").path("DLMC").asText()).isEqualTo("水田");
    }
  }

  @Test
  void geographicLayerIsMeasuredOnTheEllipsoidAndInvalidGeometriesAreListed(@TempDir Path dir) throws Exception {
    // A 0.01° cell at 117°E 36°N in CGCS2000 lon/lat: b²·Δλ/2·[q(36.01°) − q(36°)] = 1 000 384.948 m²
    // (see AreaCalculatorTest); no planar area for degrees. Plus a bow-tie crossing itself at (117.5, 36.5).
    Path json = dir.resolve("xzq.geojson");
    Files.writeString(json, """
        {"type":"FeatureCollection","name":"XZQ","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4490"}},
         "features":[
          {"type":"Feature","id":1,"properties":{"XZQMC":"城关镇"},"geometry":{"type":"Polygon",
           "coordinates":[[[117,36],[117.01,36],[117.01,36.01],[117,36.01],[117,36]]]}},
          {"type":"Feature","id":9,"properties":{"XZQMC":"坏图斑"},"geometry":{"type":"Polygon",
           "coordinates":[[[117,36],[118,37],[118,36],[117,37],[117,36]]]}}]}
        """);
    Run r = run("info", json.toString(), "--json", "--limit", "1");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.path("crs").asText()).isEqualTo("EPSG:4490");
    assertThat(j.path("totals").path("planarAreaM2").isNull()).isTrue();
    assertThat(j.path("features").get(0).path("ellipsoidalAreaM2").asDouble()).isCloseTo(1_000_384.948, within(0.01));
    assertThat(j.path("features").get(0).path("attributes").path("XZQMC").asText()).isEqualTo("城关镇");
    assertThat(j.path("invalidGeometries")).hasSize(1);
    assertThat(j.path("invalidGeometries").get(0).asText()).contains("feature 9").contains("Self-intersection");
  }

  /** Bad input: exit 2, one line on stderr naming the file, no stack trace, nothing on stdout. */
  static void assertBadInput(Run r, String fileName) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    List<String> lines = Arrays.stream(r.err().split("\\R")).filter(l -> !l.isBlank()).toList();
    assertThat(lines).as(r.err()).hasSize(1);
    assertThat(lines.get(0)).startsWith("landledger: ").contains(fileName);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void missingShx(@TempDir Path dir) throws Exception {
    Path shp = gbkShapefile(dir);
    Files.delete(dir.resolve("DLTB.shx"));
    assertBadInput(run("info", shp.toString()), "DLTB.shx");
  }

  @Test
  void missingDbf(@TempDir Path dir) throws Exception {
    Path shp = gbkShapefile(dir);
    Files.delete(dir.resolve("DLTB.dbf"));
    assertBadInput(run("info", shp.toString(), "--json"), "DLTB.dbf");
  }

  @Test
  void truncatedShp(@TempDir Path dir) throws Exception {
    Path shp = gbkShapefile(dir);
    byte[] b = Files.readAllBytes(shp);
    Files.write(shp, Arrays.copyOf(b, b.length - 30));
    Run r = run("info", shp.toString());
    assertBadInput(r, "DLTB.shp");
    assertThat(r.err()).contains("truncated");
  }

  @Test
  void unknownPrj(@TempDir Path dir) throws Exception {
    Path shp = gbkShapefile(dir);
    Files.writeString(dir.resolve("DLTB.prj"), "PROJCS[\"Mystery\",GEOGCS[\"Nowhere\"]]");
    assertBadInput(run("info", shp.toString()), "DLTB.prj");
    // Stating the CRS gets past it.
    assertThat(run("info", shp.toString(), "--crs", "EPSG:4527").code()).isZero();
  }

  @Test
  void unknownCpgEncoding(@TempDir Path dir) throws Exception {
    Path shp = gbkShapefile(dir);
    Files.writeString(dir.resolve("DLTB.cpg"), "KLINGON-9");
    Run r = run("info", shp.toString());
    assertBadInput(r, "DLTB.cpg");
    assertThat(r.err()).contains("KLINGON-9");
  }

  @Test
  void nonexistentFile(@TempDir Path dir) {
    assertBadInput(run("info", dir.resolve("nope.shp").toString()), "nope.shp");
  }

  @Test
  void unsupportedFormatAndBadOptions(@TempDir Path dir) throws Exception {
    Path txt = dir.resolve("notes.txt");
    Files.writeString(txt, "hello");
    assertBadInput(run("info", txt.toString()), "notes.txt");
    Path shp = gbkShapefile(dir);
    assertThat(run("info", shp.toString(), "--limit", "-1").code()).isEqualTo(2);
    Run enc = run("info", shp.toString(), "--encoding", "KLINGON-9");
    assertThat(enc.code()).isEqualTo(2);
    assertThat(enc.err()).contains("KLINGON-9").doesNotContain(".cpg");
    assertThat(run("info", shp.toString(), "--crs", "EPSG:abc").code()).isEqualTo(2);
    assertThat(run("info").code()).isEqualTo(2);
  }

  @Test
  void versionAndHelp() {
    Run v = run("--version");
    assertThat(v.code()).isZero();
    assertThat(v.out()).contains("LandLedger");
    Run h = run("--help");
    assertThat(h.code()).isZero();
    assertThat(h.out()).contains("info");
    Run ih = run("info", "--help");
    assertThat(ih.code()).isZero();
    assertThat(ih.out()).contains("--json").contains("--encoding");
  }
}
