package org.landledger.ecovalue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Hand-made 三调 maps on planar GK coordinates (EPSG:4527), where a 100 m × 100 m square is exactly 1 ha. */
public final class Fixtures {

  public static final Crs GK39 = Crs.epsg(4527);
  public static final double X0 = 39_500_000;
  public static final double Y0 = 4_000_000;
  private static final GeometryFactory GF = new GeometryFactory();

  private Fixtures() {}

  public static AreaCalculator planar() {
    return AreaCalculator.of(GK39, AreaMode.PLANAR);
  }

  /** Rectangle from (x1, y1) to (x2, y2) in metres relative to (X0, Y0). */
  public static Geometry rect(double x1, double y1, double x2, double y2) {
    return GF.createPolygon(new Coordinate[] {
        new Coordinate(X0 + x1, Y0 + y1), new Coordinate(X0 + x2, Y0 + y1), new Coordinate(X0 + x2, Y0 + y2),
        new Coordinate(X0 + x1, Y0 + y2), new Coordinate(X0 + x1, Y0 + y1)});
  }

  public static Feature tb(String id, Geometry g, String dlbm, double kcxs, String zldwdm) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("BSM", id);
    a.put("DLBM", dlbm);
    a.put("KCDLBM", kcxs > 0 ? "1203" : null);
    a.put("KCXS", kcxs);
    a.put("ZLDWDM", zldwdm);
    return new Feature(id, g, a);
  }

  public static Layer layer(String name, Crs crs, Feature... fs) {
    return Layer.fromRows(name, crs, "Polygon", new ArrayList<>(List.of(fs)));
  }

  public static Feature region(String id, Geometry g, String code, String name) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("XZQDM", code);
    a.put("XZQMC", name);
    return new Feature(id, g, a);
  }
}
