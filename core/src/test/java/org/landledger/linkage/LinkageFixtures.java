package org.landledger.linkage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Hand-made GK fixtures (EPSG:4527, planar areas exact on rectangles). Offsets in metres from
 * (39 500 000, 4 000 000). The land-use base, all rows y 0–100:
 * <pre>
 *  T1 x   0–100  0702 农村宅基地   county 130102  KCXS 0
 *  T2 x 100–200  0101 水田         county 130102  KCXS 0.1  GDDB 5
 *  T3 x 200–300  0103 旱地         county 130102  KCXS 0.2  GDDB 8
 *  T4 x 300–400  1201 空闲地       county 130102  KCXS 0
 *  T5 x 400–500  0103 旱地         county 130103  KCXS 0    GDDB 6
 *  T6 x 500–600  0702 农村宅基地   county 130103  KCXS 0
 *  T7 x 600–700  0103 旱地         (no ZLDWDM)    KCXS 0    (no GDDB)
 * </pre>
 */
final class LinkageFixtures {

  static final GeometryFactory GF = new GeometryFactory();
  static final Crs GK = Crs.epsg(4527);
  static final double X0 = 39_500_000;
  static final double Y0 = 4_000_000;

  private LinkageFixtures() {}

  static Polygon rect(double x1, double y1, double x2, double y2) {
    return GF.createPolygon(new Coordinate[] {
        new Coordinate(X0 + x1, Y0 + y1), new Coordinate(X0 + x2, Y0 + y1), new Coordinate(X0 + x2, Y0 + y2),
        new Coordinate(X0 + x1, Y0 + y2), new Coordinate(X0 + x1, Y0 + y1)});
  }

  static Layer dltb() {
    List<Feature> fs = new ArrayList<>();
    fs.add(tb("T1", 0, "0702", "130102001001", 0, null));
    fs.add(tb("T2", 100, "0101", "130102001001", 0.1, 5));
    fs.add(tb("T3", 200, "0103", "130102001002", 0.2, 8));
    fs.add(tb("T4", 300, "1201", "130102001002", 0, null));
    fs.add(tb("T5", 400, "0103", "130103002001", 0, 6));
    fs.add(tb("T6", 500, "0702", "130103002001", 0, null));
    fs.add(tb("T7", 600, "0103", null, 0, null));
    return Layer.fromRows("DLTB", GK, "MultiPolygon", fs);
  }

  private static Feature tb(String id, double x, String dlbm, String zldwdm, double kcxs, Integer gddb) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("BSM", id);
    a.put("DLBM", dlbm);
    a.put("ZLDWDM", zldwdm);
    a.put("KCXS", kcxs);
    a.put("KCDLBM", kcxs > 0 ? "1203" : null);
    a.put("GDDB", gddb);
    return new Feature(id, rect(x, 0, x + 100, 100), a);
  }

  static Feature plot(String id, String project, Polygon g, String fkdl, Integer zldb) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("XMBH", project);
    a.put("FKDL", fkdl);
    a.put("ZLDB", zldb);
    return new Feature(id, g, a);
  }

  static Feature zone(String id, Polygon g) {
    return new Feature(id, g, Map.of("NAME", id));
  }
}
