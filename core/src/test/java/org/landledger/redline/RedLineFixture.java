package org.landledger.redline;

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
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * A hand-made county in EPSG:4527 (GK zone 39, on the central meridian) with local coordinates added to
 * X0 = 39 500 000, Y0 = 4 000 000 so planar areas are exact:
 *
 * <pre>
 *  y 200 +-----------------+-----------------+
 *        | T3 0702 宅基地   | T4 0301 林地 ECO |  ECO red line [150,200]×[150,200]
 *        | 130102002       | 130102002  [##]  |
 *    100 +--------PBF------+-----------------+   DEV boundary [0,200]×[50,200]
 *        | T1 0101 水田     | T2 0103 旱地      |   PBF [0,50]×[0,100]
 *        | KCXS .10 GDDB 5 | KCXS .05 GDDB 8 |
 *        | 130102001       | 130102001       |
 *      0 +-----------------+-----------------+
 *        0                100               200
 * </pre>
 */
final class RedLineFixture {

  static final double X0 = 39_500_000;
  static final double Y0 = 4_000_000;
  static final Crs GK = Crs.epsg(4527);
  static final GeometryFactory GF = new GeometryFactory();

  private RedLineFixture() {}

  static Coordinate c(double x, double y) {
    return new Coordinate(X0 + x, Y0 + y);
  }

  static LinearRing ring(double x1, double y1, double x2, double y2) {
    return GF.createLinearRing(new Coordinate[] {c(x1, y1), c(x2, y1), c(x2, y2), c(x1, y2), c(x1, y1)});
  }

  /** Axis-aligned rectangle in local coordinates. */
  static Polygon rect(double x1, double y1, double x2, double y2) {
    return GF.createPolygon(ring(x1, y1, x2, y2));
  }

  static Feature dltb(String id, Polygon g, String dlbm, double kcxs, Integer gddb, String zldwdm) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("BSM", id);
    a.put("DLBM", dlbm);
    a.put("KCDLBM", kcxs > 0 ? "1203" : null);
    a.put("KCXS", kcxs);
    a.put("GDDB", gddb);
    a.put("ZLDWDM", zldwdm);
    return new Feature(id, g, a);
  }

  static Layer landUse() {
    return layer("DLTB", List.of(
        dltb("T1", rect(0, 0, 100, 100), "0101", 0.10, 5, "1301020010010000000"),
        dltb("T2", rect(100, 0, 200, 100), "0103", 0.05, 8, "1301020010020000000"),
        dltb("T3", rect(0, 100, 100, 200), "0702", 0.0, null, "1301020020010000000"),
        dltb("T4", rect(100, 100, 200, 200), "0301", 0.0, null, "1301020020030000000")),
        List.of(new Field("BSM", FieldType.STRING), new Field("DLBM", FieldType.STRING),
            new Field("KCDLBM", FieldType.STRING), new Field("KCXS", FieldType.DOUBLE),
            new Field("GDDB", FieldType.INTEGER), new Field("ZLDWDM", FieldType.STRING)));
  }

  static Layer pbf() {
    return simple("YJJBNTTB", rect(0, 0, 50, 100));
  }

  static Layer eco() {
    return simple("STBHHX", rect(150, 150, 200, 200));
  }

  static Layer dev() {
    return simple("CZKFBJ", rect(0, 50, 200, 200));
  }

  static Layer simple(String name, Geometry... gs) {
    List<Feature> fs = new ArrayList<>();
    for (int i = 0; i < gs.length; i++) {
      fs.add(new Feature(String.valueOf(i + 1), gs[i], Map.of("BSM", String.valueOf(i + 1))));
    }
    return layer(name, fs, List.of(new Field("BSM", FieldType.STRING)));
  }

  static Feature parcel(String xmbh, Geometry g) {
    return new Feature(xmbh, g, Map.of("XMBH", xmbh));
  }

  static Layer plan(Feature... parcels) {
    return layer("PLAN", List.of(parcels), List.of(new Field("XMBH", FieldType.STRING)));
  }

  static Layer layer(String name, List<Feature> fs, List<Field> fields) {
    return new Layer(new LayerSchema(name, fields, "Polygon"), GK, fs, name + ".shp");
  }

  /**
   * The standard plan:
   * A [40,140]×[40,60] on T1/T2, PBF and outside the boundary; B an 80 m square with a 40 m hole in T4 and
   * the eco red line; C a multipolygon on T3 and T2 (part outside the boundary); D a sliver on PBF/T1;
   * E touching the county's east edge, overlapping nothing.
   */
  static Layer standardPlan() {
    Polygon b = GF.createPolygon(ring(110, 110, 190, 190), new LinearRing[] {ring(130, 130, 170, 170)});
    Geometry c = GF.createMultiPolygon(new Polygon[] {rect(10, 110, 40, 130), rect(160, 10, 180, 30)});
    return plan(
        parcel("A", rect(40, 40, 140, 60)),
        parcel("B", b),
        parcel("C", c),
        parcel("D", rect(20, 99.98, 40, 120)),
        parcel("E", rect(200, 100, 220, 120)));
  }
}
