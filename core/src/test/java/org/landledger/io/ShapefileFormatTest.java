package org.landledger.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.Crs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class ShapefileFormatTest {

  static final GeometryFactory GF = new GeometryFactory();

  static Polygon square(double x, double y, double side) {
    return GF.createPolygon(new Coordinate[] {
        new Coordinate(x, y), new Coordinate(x + side, y), new Coordinate(x + side, y + side),
        new Coordinate(x, y + side), new Coordinate(x, y)});
  }

  static Layer dltb() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("BSM", "1");
    a.put("DLBM", "0101");
    a.put("DLMC", "水田");
    a.put("ZLDWMC", "城关镇东关村");
    a.put("KCXS", 0.08);
    a.put("GDDB", 5);
    LayerSchema schema = new LayerSchema("DLTB", List.of(
        new Field("BSM", FieldType.STRING, 18, 0), new Field("DLBM", FieldType.STRING, 5, 0),
        new Field("DLMC", FieldType.STRING, 60, 0), new Field("ZLDWMC", FieldType.STRING, 100, 0),
        new Field("KCXS", FieldType.DOUBLE, 10, 4), new Field("GDDB", FieldType.INTEGER, 2, 0)), "MultiPolygon");
    return new Layer(schema, Crs.epsg(4527), List.of(new Feature("1", square(39_500_000, 4_000_000, 100), a)));
  }

  @Test
  void recordRangesReadTheSameFeaturesAsAFullPass(@TempDir Path dir) {
    Layer one = dltb();
    List<Feature> fs = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      fs.add(new Feature(String.valueOf(i + 1), square(39_500_000 + 200 * i, 4_000_000, 100), one.features().get(0).attributes()));
    }
    Path shp = dir.resolve("DLTB.shp");
    Layers.write(new Layer(one.schema(), one.crs(), fs), shp);
    try (LayerReader r = Layers.open(shp)) {
      List<Feature> all = r.features().toList();
      // Records 2..4 (0-based 1..3): ids "2".."4", the same geometries as the full pass gives there.
      List<Feature> mid = r.features(1, 3).toList();
      assertThat(mid).extracting(Feature::id).containsExactly("2", "3", "4");
      for (int i = 0; i < 3; i++) {
        assertThat(mid.get(i).geometry().equalsExact(all.get(i + 1).geometry())).isTrue();
      }
      // A range running past the end stops at the last record; one past the end is empty.
      assertThat(r.features(3, 10).toList()).extracting(Feature::id).containsExactly("4", "5");
      assertThat(r.features(5, 2).toList()).isEmpty();
      assertThatThrownBy(() -> r.features(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void gbkWithoutCpgIsDetectedAndChineseRoundTrips(@TempDir Path dir) throws Exception {
    Path shp = dir.resolve("DLTB.shp");
    Layers.write(List.of(dltb()), shp, WriteOptions.gbk());
    Files.delete(dir.resolve("DLTB.cpg"));
    // The DBF really holds GBK bytes: "水田" is B3 C2 CC EF in GBK, E6 B0 B4 E7 94 B0 in UTF-8.
    byte[] dbf = Files.readAllBytes(dir.resolve("DLTB.dbf"));
    assertThat(indexOf(dbf, "水田".getBytes(Charset.forName("GBK")))).isPositive();
    assertThat(indexOf(dbf, "水田".getBytes(StandardCharsets.UTF_8))).isNegative();
    try (LayerReader r = Layers.open(shp)) {
      assertThat(r.encoding().name()).isEqualTo("GBK");
      assertThat(r.crs()).isEqualTo(Crs.epsg(4527));
      Feature f = r.readAll().features().get(0);
      assertThat(f.string("DLMC")).isEqualTo("水田");
      assertThat(f.string("ZLDWMC")).isEqualTo("城关镇东关村");
      assertThat(f.number("KCXS")).isEqualTo(0.08);
      assertThat(f.get("GDDB")).isEqualTo(5);
      // 100 m square: 10 000 m² planar, exactly.
      assertThat(f.geometry().getArea()).isEqualTo(10_000.0);
    }
  }

  @Test
  void utf8WithCpgRoundTrips(@TempDir Path dir) {
    Path shp = dir.resolve("DLTB.shp");
    Layers.write(dltb(), shp);
    try (LayerReader r = Layers.open(shp)) {
      assertThat(r.encoding()).isEqualTo(StandardCharsets.UTF_8);
      assertThat(r.readAll().features().get(0).string("DLMC")).isEqualTo("水田");
    }
  }

  @Test
  void missingShxIsBadInputNamingTheFile(@TempDir Path dir) throws Exception {
    Path shp = dir.resolve("DLTB.shp");
    Layers.write(dltb(), shp);
    Files.delete(dir.resolve("DLTB.shx"));
    assertThatThrownBy(() -> Layers.open(shp)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("DLTB.shp").hasMessageContaining("DLTB.shx");
  }

  @Test
  void missingDbfIsBadInput(@TempDir Path dir) throws Exception {
    Path shp = dir.resolve("DLTB.shp");
    Layers.write(dltb(), shp);
    Files.delete(dir.resolve("DLTB.dbf"));
    assertThatThrownBy(() -> Layers.open(shp)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("DLTB.dbf");
  }

  @Test
  void truncatedShpIsBadInput(@TempDir Path dir) throws Exception {
    Path shp = dir.resolve("DLTB.shp");
    Layers.write(dltb(), shp);
    byte[] b = Files.readAllBytes(shp);
    Files.write(shp, java.util.Arrays.copyOf(b, b.length - 20));
    assertThatThrownBy(() -> Layers.open(shp)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void unknownPrjIsBadInputUnlessACrsIsAssumed(@TempDir Path dir) throws Exception {
    Path shp = dir.resolve("DLTB.shp");
    Layers.write(dltb(), shp);
    Files.writeString(dir.resolve("DLTB.prj"), "PROJCS[\"Mystery\",GEOGCS[\"Nowhere\"]]");
    assertThatThrownBy(() -> Layers.open(shp)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("DLTB.prj").hasMessageContaining("unknown coordinate system");
    try (LayerReader r = Layers.open(shp.toString(), ReadOptions.DEFAULT.withAssumedCrs(Crs.epsg(4527)))) {
      assertThat(r.crs()).isEqualTo(Crs.epsg(4527));
    }
  }

  @Test
  void unknownCpgEncodingIsBadInput(@TempDir Path dir) throws Exception {
    Path shp = dir.resolve("DLTB.shp");
    Layers.write(dltb(), shp);
    Files.writeString(dir.resolve("DLTB.cpg"), "KLINGON-9");
    assertThatThrownBy(() -> Layers.open(shp)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("DLTB.cpg").hasMessageContaining("KLINGON-9");
  }

  @Test
  void writingLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
    Layers.write(dltb(), dir.resolve("DLTB.shp"));
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("DLTB.cpg", "DLTB.dbf", "DLTB.prj", "DLTB.shp", "DLTB.shx");
    }
  }

  @Test
  void rewritingWithoutCrsRemovesTheOldPrj(@TempDir Path dir) throws Exception {
    Path shp = dir.resolve("DLTB.shp");
    Layers.write(dltb(), shp);
    assertThat(dir.resolve("DLTB.prj")).exists();
    Layer noCrs = new Layer(dltb().schema(), null, dltb().features());
    Layers.write(noCrs, shp);
    // A stale .prj would claim EPSG:4527 for data that no longer says so.
    assertThat(dir.resolve("DLTB.prj")).doesNotExist();
    try (LayerReader r = Layers.open(shp)) {
      assertThat(r.crs()).isNull();
      assertThat(r.count()).isEqualTo(1);
    }
  }

  @Test
  void relativePathWithoutFolderReads() throws Exception {
    // "DLTB.shp" as typed on the command line: no parent folder in the path.
    String stem = "ll-relative-" + System.nanoTime();
    Path shp = Path.of(stem + ".shp");
    try {
      Layers.write(dltb(), shp);
      try (LayerReader r = Layers.open(shp)) {
        assertThat(r.readAll().features().get(0).string("DLMC")).isEqualTo("水田");
      }
    } finally {
      for (String ext : List.of(".shp", ".shx", ".dbf", ".prj", ".cpg")) {
        Files.deleteIfExists(Path.of(stem + ext));
      }
    }
  }

  @Test
  void hashInAFileNameIsPartOfTheName(@TempDir Path dir) {
    Path shp = dir.resolve("DLTB#2.shp");
    Layers.write(dltb(), shp);
    assertThat(Layers.read(shp.toString()).size()).isEqualTo(1);
  }

  @Test
  void multiPartPolygonBetweenOthersReadsBack(@TempDir Path dir) {
    // H2GIS 2.2.5 declares a wrong record length for multipolygons of ≥ 2 parts, which corrupted every later
    // record. Square (100 m → 10 000 m²), two-part multipolygon (2 × 10 000 = 20 000 m²), square (10 000 m²).
    Polygon a = square(39_500_000, 4_000_000, 100);
    org.locationtech.jts.geom.MultiPolygon two = GF.createMultiPolygon(new Polygon[] {
        square(39_500_200, 4_000_000, 100), square(39_500_400, 4_000_000, 100)});
    Polygon c = square(39_500_600, 4_000_000, 100);
    LayerSchema schema = new LayerSchema("T", List.of(new Field("N", FieldType.INTEGER, 4, 0)), "MultiPolygon");
    Layer layer = new Layer(schema, Crs.epsg(4527), List.of(
        new Feature("1", a, Map.of("N", 1)), new Feature("2", two, Map.of("N", 2)), new Feature("3", c, Map.of("N", 3))));
    Path shp = dir.resolve("T.shp");
    Layers.write(layer, shp);
    List<Feature> back = Layers.read(shp).features();
    assertThat(back).hasSize(3);
    assertThat(back.get(0).geometry().getArea()).isEqualTo(10_000.0);
    assertThat(back.get(1).geometry().getNumGeometries()).isEqualTo(2);
    assertThat(back.get(1).geometry().getArea()).isEqualTo(20_000.0);
    assertThat(back.get(2).geometry().getArea()).isEqualTo(10_000.0);
    assertThat(back.get(2).get("N")).isEqualTo(3);
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
