package org.landledger.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.Crs;

class ShapefileStreamWriterTest {

  static final LayerSchema SCHEMA = new LayerSchema("DLTB", List.of(
      new Field("DLBM", FieldType.STRING, 5, 0), new Field("DLMC", FieldType.STRING, 60, 0),
      new Field("TBMJ", FieldType.DOUBLE, 15, 2)), "Polygon");

  static Feature feature(int i, String dlbm, String dlmc) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("DLBM", dlbm);
    a.put("DLMC", dlmc);
    // A 100 m square: 10 000 m².
    a.put("TBMJ", 10_000.0);
    return new Feature(String.valueOf(i), ShapefileFormatTest.square(39_500_000 + 100 * i, 4_000_000, 100), a);
  }

  private static void write(Path shp) {
    try (ShapefileStreamWriter w = ShapefileStreamWriter.open(shp, SCHEMA, Crs.epsg(4527), WriteOptions.gbk())) {
      w.write(feature(0, "0101", "水田"));
      w.write(feature(1, "0702", "农村宅基地"));
      w.write(feature(2, "1101", "河流水面"));
      assertThat(w.count()).isEqualTo(3);
    }
  }

  @Test
  void streamsFeaturesThatReadBackWithGbkAndCrs(@TempDir Path dir) throws Exception {
    Path shp = dir.resolve("DLTB.shp");
    write(shp);
    Layer l = Layers.read(shp);
    assertThat(l.size()).isEqualTo(3);
    assertThat(l.features().get(1).string("DLMC")).isEqualTo("农村宅基地");
    assertThat(l.features().get(2).number("TBMJ")).isEqualTo(10_000.0);
    assertThat(l.crs().epsg()).isEqualTo(4527);
    assertThat(Files.readString(dir.resolve("DLTB.cpg"))).isEqualTo("GBK");
    // No temporary folder is left behind.
    try (var s = Files.list(dir)) {
      assertThat(s.filter(Files::isDirectory).toList()).isEmpty();
    }
  }

  @Test
  void sameContentGivesSameBytesWhateverTheDay(@TempDir Path dir) throws Exception {
    write(dir.resolve("a/DLTB.shp"));
    write(dir.resolve("b/DLTB.shp"));
    for (String ext : List.of(".shp", ".shx", ".dbf", ".prj", ".cpg")) {
      assertThat(Files.readAllBytes(dir.resolve("a/DLTB" + ext))).isEqualTo(Files.readAllBytes(dir.resolve("b/DLTB" + ext)));
    }
    byte[] dbf = Files.readAllBytes(dir.resolve("a/DLTB.dbf"));
    // Header date bytes 1–3 = years since 1900, month, day of ShapefileFormat.DBF_DATE (2020-01-01);
    // bytes 4–7 the record count, little-endian.
    assertThat(new int[] {dbf[1], dbf[2], dbf[3], dbf[4]}).containsExactly(120, 1, 1, 3);
  }

  @Test
  void multipolygonsOfSeveralPartsReadBack(@TempDir Path dir) {
    // H2GIS 2.2.5 miscounts the rings of multipolygons with ≥ 2 parts (PolygonRecordLength fixes it):
    // a 3-part multipolygon followed by a polygon must read back, parts and areas intact.
    var gf = new org.locationtech.jts.geom.GeometryFactory();
    var parts = new org.locationtech.jts.geom.Polygon[] {ShapefileFormatTest.square(39_500_000, 4_000_000, 100),
        ShapefileFormatTest.square(39_500_200, 4_000_000, 100), ShapefileFormatTest.square(39_500_400, 4_000_000, 50)};
    Feature multi = new Feature("1", gf.createMultiPolygon(parts), Map.of("DLBM", "0101", "DLMC", "水田", "TBMJ", 22_500.0));
    Feature after = feature(7, "0702", "农村宅基地");
    var before = multi.geometry().copy();
    Layer layer = new Layer(SCHEMA, Crs.epsg(4527), List.of(multi, after));
    Layers.write(List.of(layer), dir.resolve("A.shp"), WriteOptions.gbk());
    try (ShapefileStreamWriter w = ShapefileStreamWriter.open(dir.resolve("B.shp"), SCHEMA, Crs.epsg(4527), WriteOptions.gbk())) {
      w.write(multi);
      w.write(after);
    }
    for (String n : List.of("A.shp", "B.shp")) {
      Layer back = Layers.read(dir.resolve(n));
      assertThat(back.size()).isEqualTo(2);
      // 100² + 100² + 50² = 22 500 m² in three parts; then the 10 000 m² square.
      assertThat(back.features().get(0).geometry().getNumGeometries()).isEqualTo(3);
      assertThat(back.features().get(0).geometry().getArea()).isEqualTo(22_500.0);
      assertThat(back.features().get(1).geometry().getArea()).isEqualTo(10_000.0);
      assertThat(back.features().get(1).string("DLMC")).isEqualTo("农村宅基地");
    }
    // Writing leaves the caller's geometry as it was (H2GIS normalises what it writes).
    assertThat(multi.geometry().equalsExact(before)).isTrue();
  }

  @Test
  void abortLeavesNothing(@TempDir Path dir) throws Exception {
    ShapefileStreamWriter w = ShapefileStreamWriter.open(dir.resolve("X.shp"), SCHEMA, null, WriteOptions.DEFAULT);
    w.write(feature(0, "0101", "水田"));
    w.abort();
    try (var s = Files.list(dir)) {
      assertThat(s.toList()).isEmpty();
    }
  }
}
