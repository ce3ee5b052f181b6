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
  void abortLeavesNothing(@TempDir Path dir) throws Exception {
    ShapefileStreamWriter w = ShapefileStreamWriter.open(dir.resolve("X.shp"), SCHEMA, null, WriteOptions.DEFAULT);
    w.write(feature(0, "0101", "水田"));
    w.abort();
    try (var s = Files.list(dir)) {
      assertThat(s.toList()).isEmpty();
    }
  }
}
