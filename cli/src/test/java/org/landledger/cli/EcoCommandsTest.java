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
import picocli.CommandLine;

class EcoCommandsTest {

  static final GeometryFactory GF = new GeometryFactory();
  static final double X0 = 39_500_000;
  static final double Y0 = 4_000_000;

  static Geometry rect(double x1, double x2) {
    return GF.createPolygon(new Coordinate[] {new Coordinate(X0 + x1, Y0), new Coordinate(X0 + x2, Y0),
        new Coordinate(X0 + x2, Y0 + 100), new Coordinate(X0 + x1, Y0 + 100), new Coordinate(X0 + x1, Y0)});
  }

  static Feature tb(String id, double x1, double x2, String dlbm, double kcxs) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("BSM", id);
    a.put("DLBM", dlbm);
    a.put("KCDLBM", "1203");
    a.put("KCXS", kcxs);
    a.put("ZLDWDM", "110101001001");
    return new Feature(id, rect(x1, x2), a);
  }

  static Path write(Path dir, String name, Feature... fs) {
    Path p = dir.resolve(name + ".shp");
    Layers.write(Layer.fromRows(name, Crs.epsg(4527), "Polygon", List.of(fs)), p);
    return p;
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void esvEndToEnd(@TempDir Path dir) throws Exception {
    // after: 0101 KCXS .1 on 1 ha (0.9 ha paddy), 0301 on 2 ha; before: 0301 on all 3 ha
    Path after = write(dir, "DLTB", tb("1", 0, 100, "0101", 0.1), tb("2", 100, 300, "0301", 0));
    Path before = write(dir, "DLTB2019", tb("9", 0, 300, "0301", 0));
    Path out = dir.resolve("out");
    Run r = run("esv", "--landuse", after.toString(), "--landuse-before", before.toString(), "--unit-value", "1000",
        "--area-mode", "planar", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(out.resolve("esv.json").toFile());
    // 0.9 × 3890 + 2 × 23090 = 49681
    assertThat(j.get("totalValue").asDouble()).isCloseTo(49681, within(1e-6));
    assertThat(j.get("unitValuePerHa").asDouble()).isEqualTo(1000);
    assertThat(j.get("byEcosystem").get("paddy").get("areaHa").asDouble()).isCloseTo(0.9, within(1e-9));
    assertThat(j.get("byService").has("food_production")).isTrue();
    assertThat(j.get("byLandUseCode").get("1203").get("value").asDouble()).isZero();
    assertThat(j.get("byRegion").get(0).get("code").asText()).isEqualTo("110101001");
    // before: 3 ha × 23090 = 69270; delta = 49681 − 69270 = −19589
    JsonNode c = j.get("change");
    assertThat(c.get("totalValueBefore").asDouble()).isCloseTo(69270, within(1e-6));
    assertThat(c.get("delta").asDouble()).isCloseTo(-19589, within(1e-6));
    assertThat(c.get("transitions").size()).isEqualTo(3); // 0301→0101, 0301→1203, 0301→0301
    assertThat(c.get("extentAccount").size()).isGreaterThan(0);
    assertThat(Files.exists(out.resolve(j.get("polygonLayer").asText()))).isTrue();
    assertThat(r.out()).contains("49681.00");
    try (var s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
    }
  }

  @Test
  void esvRecordsItsEngineAndNeedsTheSparkModuleForSedona(@TempDir Path dir) throws Exception {
    Path after = write(dir, "DLTB", tb("1", 0, 100, "0101", 0.1));
    Path before = write(dir, "DLTB2019", tb("9", 0, 100, "0301", 0));
    Run r = run("esv", "--landuse", after.toString(), "--landuse-before", before.toString(), "--unit-value", "1000",
        "--out", dir.resolve("local").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Json.MAPPER.readTree(dir.resolve("local/esv.json").toFile()).get("engine").asText()).isEqualTo("local");
    Run s = run("esv", "--landuse", after.toString(), "--landuse-before", before.toString(), "--unit-value", "1000",
        "--engine", "sedona", "--out", dir.resolve("sedona").toString());
    assertThat(s.code()).isEqualTo(2);
    assertThat(s.err()).contains("sedona engine is not on the classpath").contains("./landledger");
    assertThat(dir.resolve("sedona")).doesNotExist();
  }

  @Test
  void carbonAndGepRun(@TempDir Path dir) throws Exception {
    Path dltb = write(dir, "DLTB", tb("1", 0, 100, "0101", 0.1), tb("2", 100, 300, "0301", 0));
    Run c = run("carbon", "--landuse", dltb.toString(), "--price", "50", "--out", dir.resolve("c").toString());
    assertThat(c.code()).as(c.err()).isZero();
    JsonNode cj = Json.MAPPER.readTree(dir.resolve("c/carbon.json").toFile());
    assertThat(cj.get("warning").asText()).contains("EXAMPLE");
    assertThat(cj.get("totalStockTC").asDouble()).isPositive();
    Run g = run("gep", "--landuse", dltb.toString(), "--out", dir.resolve("g").toString());
    assertThat(g.code()).as(g.err()).isZero();
    JsonNode gj = Json.MAPPER.readTree(dir.resolve("g/gep.json").toFile());
    assertThat(gj.get("account").size()).isEqualTo(3);
    assertThat(gj.get("total").get("regulating").asDouble()).isPositive();
  }

  @Test
  void badInputExitsTwoWithoutOutput(@TempDir Path dir) throws Exception {
    Path dltb = write(dir, "DLTB", tb("1", 0, 100, "0101", 0.1));
    Path out = dir.resolve("out");
    // no D at all
    assertThat(run("esv", "--landuse", dltb.toString(), "--out", out.toString()).code()).isEqualTo(2);
    // a coefficient table with a bad number: names file, line and column
    Path vc = dir.resolve("vc.csv");
    Files.writeString(vc, "ecosystem,name_zh,group_zh,food_production\npaddy,水田,农田,oops\n");
    Run r = run("esv", "--landuse", dltb.toString(), "--unit-value", "1000", "--coefficients", vc.toString(),
        "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("vc.csv").contains("line 2").contains("food_production");
    // missing land-use file
    assertThat(run("esv", "--landuse", dir.resolve("nope.shp").toString(), "--unit-value", "1000",
        "--out", out.toString()).code()).isEqualTo(2);
    // negative D
    assertThat(run("esv", "--landuse", dltb.toString(), "--unit-value", "-5", "--out", out.toString()).code()).isEqualTo(2);
    assertThat(Files.exists(out.resolve("esv.json"))).isFalse();
  }

  @Test
  void esvWithAnNppRaster(@TempDir Path dir) throws Exception {
    Path dltb = write(dir, "DLTB", tb("1", 0, 100, "0101", 0.1), tb("2", 100, 300, "0301", 0));
    Path old = write(dir, "OLD", tb("9", 0, 300, "0301", 0));
    // NPP 2 everywhere over x 0–300, reference mean 1 → every service but water supply, hydrological regulation
    // and soil conservation doubles
    float[][] m = {{2f, 2f, 2f}};
    var cov = new org.geotools.coverage.grid.GridCoverageFactory().create("npp", m,
        new org.geotools.geometry.jts.ReferencedEnvelope(X0, X0 + 300, Y0, Y0 + 100, Crs.epsg(4527).geotools()));
    Path tif = dir.resolve("npp.tif");
    var w = new org.geotools.gce.geotiff.GeoTiffWriter(tif.toFile());
    w.write(cov, null);
    w.dispose();
    Path out = dir.resolve("out");
    assertThat(run("esv", "--landuse", dltb.toString(), "--unit-value", "1000", "--npp-raster", tif.toString(),
        "--out", out.toString()).code()).isEqualTo(2); // --npp-mean missing
    assertThat(run("esv", "--landuse", dltb.toString(), "--landuse-before", old.toString(), "--unit-value", "1000",
        "--npp-raster", tif.toString(), "--npp-mean", "1", "--out", out.toString()).code()).isEqualTo(2);
    Run r = run("esv", "--landuse", dltb.toString(), "--unit-value", "1000", "--npp-raster", tif.toString(),
        "--npp-mean", "1", "--area-mode", "planar", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(out.resolve("esv.json").toFile());
    // paddy 0.9 ha × 1000 × (2 × 3.79 + 0.10) = 6912; mixed forest: non-NPP services 0.37 + 3.51 + 2.86 = 6.74,
    // others 23.09 − 6.74 = 16.35 → 2 ha × 1000 × (2 × 16.35 + 6.74) = 78880; total 85792
    assertThat(j.get("totalValue").asDouble()).isCloseTo(85792, within(1e-6));
    assertThat(j.get("rasterAdjustment").get("npp").get("referenceMean").asDouble()).isEqualTo(1.0);
  }
}
