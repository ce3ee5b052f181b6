package org.landledger.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.GeographicCRS;
import org.geotools.api.referencing.crs.SingleCRS;
import org.geotools.api.referencing.datum.Ellipsoid;
import org.geotools.api.referencing.datum.GeodeticDatum;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.referencing.CRS;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.geotools.referencing.cs.DefaultEllipsoidalCS;
import org.landledger.io.InputDataException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * 面积计算: the one way LandLedger measures areas, in m².
 *
 * <p>Ellipsoidal area (椭球面积, the definition of 三调 TBMJ): each ring is densified in the layer's own
 * plane (so a straight projected edge is followed), inverse-projected to geographic coordinates on the
 * layer's own datum and measured with GeographicLib's geodesic polygon area on that ellipsoid (CGCS2000:
 * a = 6 378 137 m, 1/f = 298.257222101). Planar area is JTS's area in projected units. Holes are
 * subtracted; multi-part geometries and collections are summed; points and lines have zero area.
 * Instances are immutable and thread-safe.
 */
public final class AreaCalculator {

  /** Default densification step along projected edges, in metres. */
  public static final double DEFAULT_DENSIFY_M = 100.0;

  private final Crs crs;
  private final AreaMode mode;
  private final MathTransform toGeographic;
  private final Geodesic geodesic;
  private final double step;

  private AreaCalculator(Crs crs, AreaMode mode, MathTransform toGeographic, Geodesic geodesic, double step) {
    this.crs = crs;
    this.mode = mode;
    this.toGeographic = toGeographic;
    this.geodesic = geodesic;
    this.step = step;
  }

  /** A calculator for geometries in {@code crs}. */
  public static AreaCalculator of(Crs crs, AreaMode mode) {
    return of(crs, mode, DEFAULT_DENSIFY_M);
  }

  public static AreaCalculator of(Crs crs, AreaMode mode, double densifyMetres) {
    if (mode == AreaMode.PLANAR) {
      if (crs != null && crs.isGeographic()) {
        // Planar area in degrees means nothing: measure on the ellipsoid, which is what the user wants.
        return of(crs, AreaMode.ELLIPSOIDAL, densifyMetres);
      }
      return new AreaCalculator(crs, mode, null, null, 0);
    }
    if (crs == null) {
      throw new InputDataException((String) null, null, null,
          "ellipsoidal area needs a coordinate system: the layer has none (add a .prj or pass --crs)", null);
    }
    CoordinateReferenceSystem gt = crs.geotools();
    GeodeticDatum datum = (GeodeticDatum) ((SingleCRS) CRS.getHorizontalCRS(gt)).getDatum();
    Ellipsoid e = datum.getEllipsoid();
    Geodesic geod = new Geodesic(e.getSemiMajorAxis(), 1.0 / e.getInverseFlattening());
    MathTransform mt;
    double stepUnits;
    try {
      GeographicCRS geographic = new DefaultGeographicCRS(datum, DefaultEllipsoidalCS.GEODETIC_2D);
      mt = crs.isGeographic() ? null : CRS.findMathTransform(gt, geographic, true);
    } catch (Exception ex) {
      throw new IllegalArgumentException("cannot inverse-project " + crs + ": " + ex.getMessage(), ex);
    }
    // In a geographic CRS the step is in degrees: ~1e-3° ≈ 100 m.
    stepUnits = crs.isGeographic() ? densifyMetres / 100_000.0 : densifyMetres;
    return new AreaCalculator(crs, AreaMode.ELLIPSOIDAL, mt, geod, stepUnits);
  }

  public Crs crs() {
    return crs;
  }

  public AreaMode mode() {
    return mode;
  }

  /** Area in m². */
  public double area(Geometry g) {
    if (g == null || g.isEmpty()) {
      return 0.0;
    }
    if (mode == AreaMode.PLANAR) {
      return g.getArea();
    }
    double sum = 0;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon p) {
        sum += polygonArea(p);
      } else if (part.getNumGeometries() > 1 || part != g) {
        sum += area(part);
      }
    }
    return sum;
  }

  private double polygonArea(Polygon p) {
    if (p.isEmpty()) {
      return 0;
    }
    double a = ringArea(p.getExteriorRing());
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      a -= ringArea(p.getInteriorRingN(i));
    }
    return a;
  }

  private double ringArea(LineString ring) {
    Coordinate[] cs = ring.getCoordinates();
    int n = cs.length;
    if (n < 4) {
      return 0;
    }
    // Densify: count points first, then fill one array for a single bulk transform.
    int total = 0;
    for (int i = 0; i < n - 1; i++) {
      total += segments(cs[i], cs[i + 1]);
    }
    double[] xy = new double[total * 2];
    int k = 0;
    for (int i = 0; i < n - 1; i++) {
      Coordinate a = cs[i];
      Coordinate b = cs[i + 1];
      int segs = segments(a, b);
      for (int s = 0; s < segs; s++) {
        double t = (double) s / segs;
        xy[k++] = a.x + (b.x - a.x) * t;
        xy[k++] = a.y + (b.y - a.y) * t;
      }
    }
    if (toGeographic != null) {
      try {
        toGeographic.transform(xy, 0, xy, 0, total);
      } catch (TransformException e) {
        throw new IllegalArgumentException("cannot inverse-project a ring in " + crs + ": " + e.getMessage(), e);
      }
    }
    PolygonArea pa = new PolygonArea(geodesic, false);
    for (int i = 0; i < total; i++) {
      pa.AddPoint(xy[2 * i + 1], xy[2 * i]);
    }
    return Math.abs(pa.Compute(false, true).area);
  }

  private int segments(Coordinate a, Coordinate b) {
    double len = Math.hypot(b.x - a.x, b.y - a.y);
    return Math.max(1, (int) Math.ceil(len / step));
  }
}
