package org.landledger.homestead;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.Layer;
import org.landledger.io.LayerSchema;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Hand-made homestead register in EPSG:4527 (planar areas exact on rectangles).
 *
 * <pre>
 * row ZDDM  ZJH (owner)                    rectangle  area  TC (exit)
 *  1  P1    A 220102198001011234           15 × 15    225
 *  2  P2    A as legacy 220102800101123    10 × 20    200   1
 *  3  P3    B 220102197512314566           10 × 10    100   1
 *  4  P4    C 220102199006157894           20 × 12    240
 *  5  P5    C 220102199006157894            8 × 10     80   1
 *  6  P6    D 220102196203030127           10 × 15    150
 *  7  P7    (blank)                        10 × 10    100   1
 * </pre>
 */
final class HomesteadFixture {

  static final GeometryFactory GF = new GeometryFactory();
  static final double X0 = 39_500_000;
  static final double Y0 = 4_000_000;
  static final String A = "220102198001011234";
  static final String A15 = "220102800101123";
  static final String B = "220102197512314566";
  static final String C = "220102199006157894";
  static final String D = "220102196203030127";
  /** Every raw ID number of the fixture (and of the malformed rows some tests add). */
  static final List<String> RAW_IDS = List.of(A, A15, B, C, D, "220102198001011235", "2201021980");

  private HomesteadFixture() {}

  static Polygon rect(double x, double y, double w, double h) {
    return GF.createPolygon(new Coordinate[] {new Coordinate(X0 + x, Y0 + y), new Coordinate(X0 + x + w, Y0 + y),
        new Coordinate(X0 + x + w, Y0 + y + h), new Coordinate(X0 + x, Y0 + y + h), new Coordinate(X0 + x, Y0 + y)});
  }

  record Row(String zddm, String zjh, String name, double w, double h, String exit) {}

  static List<Row> rows() {
    return new ArrayList<>(List.of(
        new Row("P1", A, "张三", 15, 15, "0"),
        new Row("P2", A15, "张三", 10, 20, "1"),
        new Row("P3", B, "李四", 10, 10, "1"),
        new Row("P4", C, "王五", 20, 12, "0"),
        new Row("P5", C, "王五", 8, 10, "1"),
        new Row("P6", D, "赵六", 10, 15, "0"),
        new Row("P7", null, null, 10, 10, "1")));
  }

  static Layer layer(List<Row> rows) {
    List<Feature> fs = new ArrayList<>();
    int i = 0;
    for (Row r : rows) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("ZDDM", r.zddm());
      a.put("QLRMC", r.name());
      a.put("ZJH", r.zjh());
      a.put("ZDMJ", r.w() * r.h());
      a.put("TC", r.exit());
      // rectangles 50 m apart along x so none touch
      fs.add(new Feature(String.valueOf(i + 1), rect(i * 50.0, 0, r.w(), r.h()), a));
      i++;
    }
    LayerSchema schema = new LayerSchema("ZJD", List.of(new Field("ZDDM", FieldType.STRING, 19, 0),
        new Field("QLRMC", FieldType.STRING, 60, 0), new Field("ZJH", FieldType.STRING, 18, 0),
        new Field("ZDMJ", FieldType.DOUBLE, 12, 2), new Field("TC", FieldType.STRING, 2, 0)), "Polygon");
    return new Layer(schema, Crs.epsg(4527), fs, "ZJD.shp");
  }

  static Layer layer() {
    return layer(rows());
  }

  /** A layer of plain polygons (exits or resettlement). */
  static Layer polygons(String name, Map<String, Object> attrs, Polygon... ps) {
    List<Feature> fs = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    attrs.forEach((k, v) -> fields.add(new Field(k, FieldType.of(v))));
    for (int i = 0; i < ps.length; i++) {
      fs.add(new Feature(String.valueOf(i + 1), ps[i], attrs));
    }
    return new Layer(new LayerSchema(name, fields, "Polygon"), Crs.epsg(4527), fs, name + ".shp");
  }
}
