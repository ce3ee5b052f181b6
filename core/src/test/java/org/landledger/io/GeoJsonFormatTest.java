package org.landledger.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.landledger.io.GeoPackageFormatTest.attrs;
import static org.landledger.io.GeoPackageFormatTest.square;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.Crs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class GeoJsonFormatTest {

  static final GeometryFactory GF = new GeometryFactory();

  @Test
  void projectedLayerRoundTripsWithLegacyCrsMember(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("dltb.geojson");
    Layers.write(GeoPackageFormatTest.dltb(), json);
    JsonNode doc = new ObjectMapper().readTree(json.toFile());
    assertThat(doc.path("type").asText()).isEqualTo("FeatureCollection");
    assertThat(doc.path("crs").path("properties").path("name").asText()).isEqualTo("urn:ogc:def:crs:EPSG::4527");
    // The file is UTF-8 text holding the Chinese value itself.
    assertThat(Files.readString(json, StandardCharsets.UTF_8)).contains("城关镇东关村");

    assertThat(Layers.layerNames(json)).containsExactly("DLTB");
    try (LayerReader r = Layers.open(json)) {
      assertThat(r.crs()).isEqualTo(Crs.epsg(4527));
      assertThat(r.schema().name()).isEqualTo("DLTB");
      assertThat(r.count()).isEqualTo(2);
      assertThat(r.schema().fields()).extracting(Field::name).containsExactly(
          "BSM", "DLBM", "DLMC", "ZLDWMC", "KCXS", "GDDB", "TBMJ_L", "SFJBNT", "GXSJ");
      assertThat(r.schema().field("KCXS").orElseThrow().type()).isEqualTo(FieldType.DOUBLE);
      assertThat(r.schema().field("GDDB").orElseThrow().type()).isEqualTo(FieldType.INTEGER);
      // 10 000 000 000 > 2^31 − 1 = 2 147 483 647: a LONG.
      assertThat(r.schema().field("TBMJ_L").orElseThrow().type()).isEqualTo(FieldType.LONG);
      assertThat(r.schema().field("SFJBNT").orElseThrow().type()).isEqualTo(FieldType.BOOLEAN);
      // x 39 500 000 … 39 500 350, y 4 000 000 … 4 000 100
      assertThat(r.bounds()).isEqualTo(new org.locationtech.jts.geom.Envelope(39_500_000, 39_500_350, 4_000_000, 4_000_100));
      List<Feature> fs = r.readAll().features();
      Feature a = fs.get(0);
      assertThat(a.id()).isEqualTo("1");
      assertThat(a.string("DLMC")).isEqualTo("水田");
      assertThat(a.string("ZLDWMC")).isEqualTo("城关镇东关村");
      assertThat(a.get("KCXS")).isEqualTo(0.08);
      assertThat(a.get("GDDB")).isEqualTo(5);
      assertThat(a.get("SFJBNT")).isEqualTo(true);
      assertThat(a.get("GXSJ")).isEqualTo("2024-05-01");
      // Same coordinates back: 100 m square → 10 000 m²; two 50 m squares → 5 000 m².
      assertThat(a.geometry().equalsExact(square(39_500_000, 4_000_000, 100).norm())
          || a.geometry().norm().equalsExact(square(39_500_000, 4_000_000, 100).norm())).isTrue();
      assertThat(a.geometry().getArea()).isEqualTo(10_000.0);
      assertThat(fs.get(1).geometry().getNumGeometries()).isEqualTo(2);
      assertThat(fs.get(1).geometry().getArea()).isEqualTo(5_000.0);
      assertThat(fs.get(1).get("KCXS")).isNull();
    }
  }

  @Test
  void wgs84LayerHasNoCrsMemberAndCounterClockwiseShells(@TempDir Path dir) throws Exception {
    // Clockwise shell on input; RFC 7946 wants exterior rings counter-clockwise.
    Polygon cw = GF.createPolygon(new Coordinate[] {new Coordinate(117, 36), new Coordinate(117, 36.01),
        new Coordinate(117.01, 36.01), new Coordinate(117.01, 36), new Coordinate(117, 36)});
    Layer l = new Layer(new LayerSchema("pts", List.of(new Field("名称", FieldType.STRING)), "Polygon"),
        Crs.epsg(4326), List.of(new Feature("a-1", cw, attrs("名称", "东关村"))));
    Path json = dir.resolve("wgs.json");
    Layers.write(l, json);
    JsonNode doc = new ObjectMapper().readTree(json.toFile());
    assertThat(doc.has("crs")).isFalse();
    Feature f = Layers.read(json).features().get(0);
    assertThat(f.id()).isEqualTo("a-1");
    assertThat(f.string("名称")).isEqualTo("东关村");
    assertThat(org.locationtech.jts.algorithm.Orientation.isCCW(((Polygon) f.geometry()).getExteriorRing().getCoordinates()))
        .isTrue();
    assertThat(Layers.read(json).crs()).isEqualTo(Crs.epsg(4326));
  }

  @Test
  void readsHandWrittenGeoJsonWithCrsAfterFeaturesAndMixedTypes(@TempDir Path dir) throws Exception {
    // crs comes after features (legal JSON member order); "n" mixes 1 and 2.5 → DOUBLE; "c" mixes 1 and "x" → STRING.
    String text = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"n":1,"c":1,"o":{"k":"v"}},
           "geometry":{"type":"Polygon","coordinates":[[[0,0],[20,0],[20,20],[0,20],[0,0]]]}},
          {"type":"Feature","id":"x9","properties":{"n":2.5,"c":"x","o":null},"geometry":null}
        ],"crs":{"type":"name","properties":{"name":"EPSG:4527"}}}
        """;
    Path json = dir.resolve("hand.geojson");
    Files.writeString(json, text);
    try (LayerReader r = Layers.open(json)) {
      assertThat(r.crs()).isEqualTo(Crs.epsg(4527));
      assertThat(r.schema().geometryType()).isEqualTo("Polygon");
      assertThat(r.schema().field("n").orElseThrow().type()).isEqualTo(FieldType.DOUBLE);
      assertThat(r.schema().field("c").orElseThrow().type()).isEqualTo(FieldType.STRING);
      List<Feature> fs = r.readAll().features();
      assertThat(fs.get(0).id()).isEqualTo("1");
      assertThat(fs.get(0).get("n")).isEqualTo(1.0);
      assertThat(fs.get(0).get("c")).isEqualTo("1");
      assertThat(fs.get(0).get("o")).isEqualTo("{\"k\":\"v\"}");
      // 20 m × 20 m = 400 m²
      assertThat(AreaCalculator.of(r.crs(), AreaMode.PLANAR).area(fs.get(0).geometry())).isEqualTo(400.0);
      assertThat(fs.get(1).id()).isEqualTo("x9");
      assertThat(fs.get(1).geometry()).isNull();
      assertThat(fs.get(1).get("n")).isEqualTo(2.5);
    }
  }

  @Test
  void loneFeatureAndBareGeometryDocuments(@TempDir Path dir) throws Exception {
    Path feature = dir.resolve("f.geojson");
    Files.writeString(feature, "{\"properties\":{\"DLBM\":\"0101\"},\"type\":\"Feature\","
        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[117,36]}}");
    Layer l = Layers.read(feature);
    assertThat(l.features()).singleElement().satisfies(f -> {
      assertThat(f.string("DLBM")).isEqualTo("0101");
      assertThat(f.geometry().getCoordinate()).isEqualTo(new Coordinate(117, 36));
    });
    Path geometry = dir.resolve("g.geojson");
    Files.writeString(geometry, "{\"type\":\"LineString\",\"coordinates\":[[0,0],[3,4]]}");
    Geometry line = Layers.read(geometry).features().get(0).geometry();
    assertThat(line.getLength()).isEqualTo(5.0); // 3-4-5 triangle
  }

  @Test
  void coordinatesRoundTripBitForBit(@TempDir Path dir) throws Exception {
    // Full-precision doubles at Gauss–Krüger and degree magnitudes, a hole, and a clockwise shell.
    double x = 39_500_123.456789012;
    double y = 4_000_200.000000001;
    Polygon withHole = GF.createPolygon(
        GF.createLinearRing(new Coordinate[] {new Coordinate(x, y), new Coordinate(x, y + 200.1),
            new Coordinate(x + 200.3, y + 200.1), new Coordinate(x + 200.3, y), new Coordinate(x, y)}),
        new org.locationtech.jts.geom.LinearRing[] {GF.createLinearRing(new Coordinate[] {
            new Coordinate(x + 10, y + 10), new Coordinate(x + 20, y + 10), new Coordinate(x + 20, y + 20),
            new Coordinate(x + 10, y + 20), new Coordinate(x + 10, y + 10)})});
    Layer l = new Layer(new LayerSchema("T", List.of(), "Polygon"), Crs.epsg(4527),
        List.of(new Feature("1", withHole, attrs())));
    Path json = dir.resolve("t.geojson");
    Layers.write(l, json);
    String text = Files.readString(json);
    // The shortest decimal that reads back as the same double (Double.toString: 3.950012345678901E7), no exponent.
    assertThat(text).contains("39500123.45678901,").doesNotContain("E7");
    Geometry back = Layers.read(json).features().get(0).geometry();
    assertThat(back.norm().equalsExact(withHole.norm(), 0.0)).isTrue();
    assertThat(back.getArea()).isEqualTo(withHole.getArea());
    Polygon p = (Polygon) back;
    assertThat(org.locationtech.jts.algorithm.Orientation.isCCW(p.getExteriorRing().getCoordinates())).isTrue();
    assertThat(org.locationtech.jts.algorithm.Orientation.isCCW(p.getInteriorRingN(0).getCoordinates())).isFalse();
  }

  @Test
  void streamsFeaturesLazily(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("dltb.geojson");
    Layers.write(GeoPackageFormatTest.dltb(), json);
    try (LayerReader r = Layers.open(json); Stream<Feature> s = r.features()) {
      assertThat(s.limit(1).map(f -> f.string("DLBM")).toList()).containsExactly("0101");
    }
  }

  @Test
  void legacyCrsMemberForms(@TempDir Path dir) throws Exception {
    String[][] cases = {
        {"{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:OGC:1.3:CRS84\"}}", "EPSG:4326"},
        {"{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG:6.6:4490\"}}", "EPSG:4490"},
        {"{\"type\":\"name\",\"properties\":{\"name\":\"http://www.opengis.net/def/crs/EPSG/0/4548\"}}", "EPSG:4548"},
        {"{\"type\":\"EPSG\",\"properties\":{\"code\":4527}}", "EPSG:4527"}};
    for (String[] c : cases) {
      Path json = dir.resolve("c.geojson");
      Files.writeString(json, "{\"type\":\"FeatureCollection\",\"crs\":" + c[0] + ",\"features\":[]}");
      assertThat(Layers.open(json).crs()).as(c[0]).hasToString(c[1]);
    }
  }

  @Test
  void assumedCrsAppliesWhenTheFileDeclaresNone(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("cgcs.geojson");
    Files.writeString(json, "{\"type\":\"FeatureCollection\",\"features\":[]}");
    assertThat(Layers.open(json.toString(), ReadOptions.DEFAULT.withAssumedCrs(Crs.epsg(4490))).crs())
        .isEqualTo(Crs.epsg(4490));
  }

  @Test
  void badDocumentsAreBadInputNamingTheFile(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("broken.geojson");
    Files.writeString(broken, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",");
    assertThatThrownBy(() -> Layers.open(broken)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("broken.geojson").hasMessageContaining("unreadable GeoJSON");
    Path unknownCrs = dir.resolve("crs.geojson");
    Files.writeString(unknownCrs, "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
        + "{\"name\":\"urn:ogc:def:crs:LOCAL::mine\"}},\"features\":[]}");
    assertThatThrownBy(() -> Layers.open(unknownCrs)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("crs.geojson").hasMessageContaining("unknown coordinate system");
    Path notGeo = dir.resolve("config.json");
    Files.writeString(notGeo, "{\"port\":8080}");
    assertThatThrownBy(() -> Layers.open(notGeo)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("config.json").hasMessageContaining("type");
    Path badGeometry = dir.resolve("geom.geojson");
    Files.writeString(badGeometry, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":7,"
        + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\"oops\"}}]}");
    assertThatThrownBy(() -> Layers.read(badGeometry)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("geom.geojson").hasMessageContaining("feature 7");
  }

  @Test
  void failedWriteLeavesThePreviousFileIntact(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("dltb.geojson");
    Layers.write(GeoPackageFormatTest.dltb(), json);
    byte[] before = Files.readAllBytes(json);
    Layer bad = new Layer(new LayerSchema("DLTB", List.of(new Field("GDDB", FieldType.INTEGER)), "Polygon"),
        Crs.epsg(4527), List.of(new Feature("1", square(0, 0, 1), attrs("GDDB", 3)),
            new Feature("2", square(2, 0, 1), attrs("GDDB", "三等"))));
    assertThatThrownBy(() -> Layers.write(bad, json)).hasMessageContaining("feature 2").hasMessageContaining("GDDB");
    assertThat(Files.readAllBytes(json)).isEqualTo(before);
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("dltb.geojson");
    }
  }
}
