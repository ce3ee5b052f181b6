package org.landledger.io.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.Layer;
import org.landledger.io.LayerReader;
import org.landledger.io.LayerSchema;
import org.landledger.io.Layers;
import org.landledger.io.WriteOptions;

/** DBF values: every type the writer produces reads back as written, nulls as nulls; dates and logicals by hand. */
class DbfFileTest {

  private static Layer layer() {
    LayerSchema schema = new LayerSchema("A", List.of(new Field("名称", FieldType.STRING, 20, 0),
        new Field("N", FieldType.INTEGER, 9, 0), new Field("L", FieldType.LONG, 15, 0),
        new Field("D", FieldType.DOUBLE, 12, 4), new Field("B", FieldType.BOOLEAN)), "Point");
    Map<String, Object> a = new HashMap<>();
    a.put("名称", "城关镇 东关村");
    a.put("N", -123);
    a.put("L", 9_000_000_000L);
    a.put("D", 0.0825);
    a.put("B", true);
    Map<String, Object> nulls = new HashMap<>();
    nulls.put("名称", null);
    nulls.put("N", null);
    nulls.put("L", null);
    nulls.put("D", null);
    nulls.put("B", null);
    return new Layer(schema, Crs.epsg(4527), List.of(
        new Feature("1", ShapefileQueryTest.GF.createPoint(new org.locationtech.jts.geom.Coordinate(1, 2)), a),
        new Feature("2", ShapefileQueryTest.GF.createPoint(new org.locationtech.jts.geom.Coordinate(3, 4)), nulls)));
  }

  @Test
  void everyTypeRoundTripsAndNullsStayNull(@TempDir Path dir) {
    for (Charset cs : List.of(Charset.forName("GBK"), java.nio.charset.StandardCharsets.UTF_8)) {
      Path shp = dir.resolve("A" + cs.name() + ".shp");
      Layers.write(List.of(layer()), shp, new WriteOptions(cs));
      try (LayerReader r = Layers.open(shp)) {
        assertThat(r.schema().fields()).extracting(Field::name).containsExactly("名称", "N", "L", "D", "B");
        assertThat(r.schema().fields()).extracting(Field::type).containsExactly(FieldType.STRING, FieldType.INTEGER,
            FieldType.LONG, FieldType.DOUBLE, FieldType.BOOLEAN);
        List<Feature> fs = r.readAll().features();
        Feature f = fs.get(0);
        assertThat(f.get("名称")).isEqualTo("城关镇 东关村");
        assertThat(f.get("N")).isEqualTo(-123);
        assertThat(f.get("L")).isEqualTo(9_000_000_000L);
        assertThat(f.get("D")).isEqualTo(0.0825);
        assertThat(f.get("B")).isEqualTo(Boolean.TRUE);
        assertThat(fs.get(1).attributes().values()).containsOnlyNulls();
      }
    }
  }

  @Test
  void datesAndLogicalsByHand(@TempDir Path dir) throws Exception {
    // A one-field DBF written byte by byte: D field of width 8, then an L field; three records.
    Path shp = dir.resolve("T.shp");
    ShpBytes.write(shp, 1, List.of(ShpBytes.point(1, 2), ShpBytes.point(3, 4), ShpBytes.point(5, 6)));
    DbfBytes.write(dir.resolve("T.dbf"), List.of(DbfBytes.field("DATE", 'D', 8, 0), DbfBytes.field("OK", 'L', 1, 0)),
        List.of(List.of("20240501", "T"), List.of("        ", "?"), List.of("00000000", "n")));
    try (LayerReader r = Layers.open(shp)) {
      List<Feature> fs = r.readAll().features();
      assertThat(r.schema().fields()).extracting(Field::type).containsExactly(FieldType.DATE, FieldType.BOOLEAN);
      assertThat(fs.get(0).get("DATE")).isEqualTo("2024-05-01");
      assertThat(fs.get(0).get("OK")).isEqualTo(Boolean.TRUE);
      assertThat(fs.get(1).get("DATE")).isNull();
      assertThat(fs.get(1).get("OK")).isNull();
      assertThat(fs.get(2).get("DATE")).isNull();
      assertThat(fs.get(2).get("OK")).isEqualTo(Boolean.FALSE);
    }
    assertThat(Files.exists(dir.resolve("T.dbf"))).isTrue();
  }

  @Test
  void numbersParseExactlyAsParseDouble() {
    for (String s : List.of("0", "-0.0", "12.50", ".5", "1.", "0.0825", "123456789012345", "1234567890.12345",
        "9007199254740993", "1e5", "-2.5E-3", "+7", "0.1", "0.3", "123.456", "99999999999999999999.5")) {
      assertThat(NumberText.parse(s)).as(s).isEqualTo(Double.parseDouble(s));
    }
    for (String s : List.of("", "-", ".", "abc", "1,5", "1.2.3", "NaN", "Infinity", "0x10", "1e", "1e+", "12a",
        "1d", "1 2", "1e400")) {
      assertThat(NumberText.parse(s)).as(s).isNaN();
    }
  }
}
