package org.landledger.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Hand-made 三调 layers on zone 39 (EPSG:4527), origin on the central meridian (easting 39 500 000). */
public final class Fixtures {

  public static final GeometryFactory GF = new GeometryFactory();
  public static final Crs GK39 = Crs.epsg(4527);
  public static final double X0 = 39_500_000;
  public static final double Y0 = 4_000_000;

  private Fixtures() {}

  /** Rectangle from (x, y) to (x + w, y + h) metres east/north of the origin. */
  public static Polygon rect(double x, double y, double w, double h) {
    double a = X0 + x;
    double b = Y0 + y;
    return GF.createPolygon(new Coordinate[] {new Coordinate(a, b), new Coordinate(a + w, b),
        new Coordinate(a + w, b + h), new Coordinate(a, b + h), new Coordinate(a, b)});
  }

  /** A DLTB 图斑 with the 三调 fields (names from the code list). */
  public static Feature tb(String bsm, Polygon g, String dlbm, String dlmc, double tbmj, double kcxs, double kcmj,
      String village, String gdpdjb, String gdlx, String czcsxm) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("BSM", bsm);
    m.put("DLBM", dlbm);
    m.put("DLMC", dlmc);
    m.put("QSDWDM", village + "0000000");
    m.put("ZLDWDM", village + "0000000");
    m.put("TBMJ", tbmj);
    m.put("KCDLBM", kcxs > 0 ? "1203" : null);
    m.put("KCXS", kcxs);
    m.put("KCMJ", kcmj);
    m.put("TBDLMJ", Math.round((tbmj - kcmj) * 100) / 100.0);
    m.put("GDLX", gdlx);
    m.put("GDPDJB", gdpdjb);
    m.put("CZCSXM", czcsxm);
    m.put("SJNF", 2023);
    return new Feature(bsm, g, m);
  }

  public static Layer layer(String name, List<Feature> fs) {
    return Layer.fromRows(name, GK39, "Polygon", fs);
  }

  /**
   * The 2 km × 2 km county: four 1 km² quadrants at the central meridian — SW 0101 (KCXS 0.05), SE 0103 (KCXS 0.10,
   * grade 3 terraced), NW 0301, NE split into 0702 (村庄 203) and 1101 — in two townships of two villages each.
   */
  public static Layer squareCounty() {
    return layer("DLTB", List.of(
        tb("A", rect(0, 0, 1000, 1000), "0101", "水田", 1_000_000.00, 0.05, 50_000.00, "379981001001", "1", null, null),
        tb("B", rect(1000, 0, 1000, 1000), "0103", "旱地", 1_000_000.00, 0.10, 100_000.00, "379981001002", "3", "TT", null),
        tb("C", rect(0, 1000, 1000, 1000), "0301", "乔木林地", 1_000_000.00, 0, 0, "379981002001", null, null, null),
        tb("D1", rect(1000, 1000, 500, 1000), "0702", "农村宅基地", 500_000.00, 0, 0, "379981002002", null, null, "203"),
        tb("D2", rect(1500, 1000, 500, 1000), "1101", "河流水面", 500_000.00, 0, 0, "379981002002", null, null, null)));
  }

  /** XZQ of the square county: townships 001 (south half, MJ 2 000 000.50) and 002 (north, MJ 2 000 000.00). */
  public static Layer squareXzq() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("XZQDM", "379981001");
    a.put("XZQMC", "南乡");
    a.put("MJ", 2_000_000.50);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("XZQDM", "379981002");
    b.put("XZQMC", "北镇");
    b.put("MJ", 2_000_000.00);
    return Layer.fromRows("XZQ", GK39, "Polygon", List.of(new Feature("1", rect(0, 0, 2000, 1000), a),
        new Feature("2", rect(0, 1000, 2000, 1000), b)));
  }
}
