package org.landledger.geo;

import java.util.Locale;
import org.geotools.api.parameter.ParameterValueGroup;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.ProjectedCRS;
import org.geotools.api.referencing.crs.SingleCRS;
import org.geotools.api.referencing.datum.Ellipsoid;
import org.geotools.api.referencing.datum.GeodeticDatum;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * 图斑椭球面积 (official formula): the area of a 图斑 as the land surveys define it in 国土调查办发〔2008〕32号
 * 《图幅理论面积与图斑椭球面积计算公式及要求》 (second survey; TD/T 1055-2019 keeps the 椭球面积 for TBMJ).
 *
 * <p>Each ring vertex is inverse-projected from Gauss–Krüger (x north, y east) to (B, L) by the notice's series
 * (§三: footpoint latitude Bf = E + cos E (K1 sin E − K2 sin³E + K3 sin⁵E − K4 sin⁷E), E = K0·x; then B and L in
 * powers of y'/N); every edge i → i+1 adds the ellipsoidal trapezoid between it and the reference meridian
 * (§二, formula (2)): S = 2 b² ΔL [A sin(ΔB/2) cos Bm − B sin(3ΔB/2) cos 3Bm + C sin(5ΔB/2) cos 5Bm
 * − D sin(7ΔB/2) cos 7Bm + E sin(9ΔB/2) cos 9Bm], with ΔL the mean longitude of the edge (radians from a
 * reference meridian), ΔB = B(i+1) − B(i), Bm their mean latitude and A–E
 * the series in the first eccentricity e² of the notice. The signed sum over a ring is its area; holes are
 * subtracted. Only the stored vertices are used (no densification), as in the notice.
 *
 * <p>Reference meridian: the notice's sample code measures ΔL from the prime meridian. Formula (2) is a difference
 * F(B2) − F(B1) times ΔL, so over a closed ring any reference meridian gives the same sum; the zone's central
 * meridian (the ring's first vertex for geographic input) keeps the products small.
 *
 * <p>Edges: the trapezoid series takes each edge as a chord in (L, F(B)); a straight Gauss–Krüger edge bulges
 * poleward from that chord by ≈ tan B·d²/(8N) (d its east–west length), i.e. ≈ tan B·d³/(12N) m² per edge, which
 * cancels between opposite edges of a rectangle but not in general (≈ 0.04 m², 1.8e-6, on an irregular 2 ha
 * 图斑 with a 180 m edge). {@link #densified} splits the edges in the plane first (a step of 10 m makes the
 * term 1/1000 of that at 100 m), which converges to the area of the polygon the plane coordinates describe —
 * what GeographicLib measures in {@link AreaCalculator}.
 *
 * <p>Constants: the notice prints K0–K4 for the Xi'an 1980 ellipsoid only. For any other ellipsoid (CGCS2000)
 * K0 is computed exactly (π/2 over the meridian quadrant) and K1–K4 by a least-squares fit of the notice's
 * footpoint form to the exact footpoint latitude; done for Xi'an 1980 this reproduces the printed K0 to 15
 * digits and K1 to 1e-10 (the K3, K4 terms, below 3e-10 rad, differ slightly because the notice truncated
 * its series). Two readings of secondary copies were not followed: their sample code puts the second
 * eccentricity e'² into A–E and into η² (the formula text says e²; e'² in A–E would be off by ≈ 2e-5
 * relative, which GeographicLib rules out), and B, L are kept at full precision (the notice rounds them to
 * seconds with a number of decimals not legible in the copies found).
 *
 * <p>Immutable and thread-safe.
 */
public final class SurveyEllipsoidalArea {

  /** Published constants of the notice for the Xi'an 1980 ellipsoid (a = 6 378 140, 1/f = 298.257). */
  static final double[] XIAN80_K = {1.57048687472752E-07, 5.05250559291393E-03, 2.98473350966158E-05,
      2.41627215981336E-07, 2.22241909461273E-09};

  private final double a;
  private final double b;
  private final double e2;
  private final double ep2;
  private final double[] k;
  private final double ca;
  private final double cb;
  private final double cc;
  private final double cd;
  private final double ce;
  /** Central meridian (radians), false easting and northing (m); NaN meridian = geographic input. */
  private final double centralMeridian;
  private final double falseEasting;
  private final double falseNorthing;
  private final String description;
  /** Densification step along plane edges (m); 0 = the stored vertices only, as in the notice. */
  private final double step;

  private SurveyEllipsoidalArea(double a, double invFlattening, double centralMeridian, double falseEasting,
      double falseNorthing, String description) {
    this.a = a;
    double f = 1 / invFlattening;
    this.b = a * (1 - f);
    this.e2 = f * (2 - f);
    this.ep2 = e2 / (1 - e2);
    this.k = Math.abs(a - 6378140) < 1e-6 && Math.abs(invFlattening - 298.257) < 1e-9 ? XIAN80_K.clone()
        : footpointConstants(a, e2);
    double e4 = e2 * e2;
    double e6 = e4 * e2;
    double e8 = e6 * e2;
    this.ca = 1 + 3.0 / 6 * e2 + 30.0 / 80 * e4 + 35.0 / 112 * e6 + 630.0 / 2304 * e8;
    this.cb = 1.0 / 6 * e2 + 15.0 / 80 * e4 + 21.0 / 112 * e6 + 420.0 / 2304 * e8;
    this.cc = 3.0 / 80 * e4 + 7.0 / 112 * e6 + 180.0 / 2304 * e8;
    this.cd = 1.0 / 112 * e6 + 45.0 / 2304 * e8;
    this.ce = 5.0 / 2304 * e8;
    this.centralMeridian = centralMeridian;
    this.falseEasting = falseEasting;
    this.falseNorthing = falseNorthing;
    this.description = description;
    this.step = 0;
  }

  private SurveyEllipsoidalArea(SurveyEllipsoidalArea o, double step) {
    this.a = o.a;
    this.b = o.b;
    this.e2 = o.e2;
    this.ep2 = o.ep2;
    this.k = o.k;
    this.ca = o.ca;
    this.cb = o.cb;
    this.cc = o.cc;
    this.cd = o.cd;
    this.ce = o.ce;
    this.centralMeridian = o.centralMeridian;
    this.falseEasting = o.falseEasting;
    this.falseNorthing = o.falseNorthing;
    this.description = o.description + (step > 0 ? String.format(Locale.ROOT, ", edges split every %.3f", step) : "");
    this.step = step;
  }

  /**
   * The same formula on rings whose edges are first split every {@code stepMetres} in the plane (in degrees ÷
   * 100 000 for geographic input); 0 = the stored vertices only.
   */
  public SurveyEllipsoidalArea densified(double stepMetres) {
    if (!(stepMetres >= 0) || Double.isInfinite(stepMetres)) {
      throw new IllegalArgumentException("densification step must be ≥ 0 m, got " + stepMetres);
    }
    return new SurveyEllipsoidalArea(this, Double.isNaN(centralMeridian) ? stepMetres / 100_000 : stepMetres);
  }

  /** For a Gauss–Krüger zone on an ellipsoid (a, 1/f); {@code falseEasting} includes any zone prefix. */
  public static SurveyEllipsoidalArea gaussKruger(double a, double invFlattening, double centralMeridianDeg,
      double falseEasting) {
    return new SurveyEllipsoidalArea(a, invFlattening, Math.toRadians(centralMeridianDeg), falseEasting, 0,
        String.format(Locale.ROOT, "Gauss–Krüger CM %.6f°, FE %.1f m", centralMeridianDeg, falseEasting));
  }

  /**
   * For a layer's CRS: a Gauss–Krüger (transverse Mercator, scale 1 on the central meridian, origin on the equator)
   * zone, or a geographic CRS (degrees, no projection to undo).
   *
   * @throws IllegalArgumentException for any other projection (the official formula does not apply)
   */
  public static SurveyEllipsoidalArea of(Crs crs) {
    if (crs == null) {
      throw new IllegalArgumentException("the official ellipsoidal area needs a coordinate system (add a .prj or pass --crs)");
    }
    CoordinateReferenceSystem gt = crs.geotools();
    GeodeticDatum datum = (GeodeticDatum) ((SingleCRS) CRS.getHorizontalCRS(gt)).getDatum();
    Ellipsoid el = datum.getEllipsoid();
    if (crs.isGeographic()) {
      return new SurveyEllipsoidalArea(el.getSemiMajorAxis(), el.getInverseFlattening(), Double.NaN, 0, 0,
          "geographic " + crs);
    }
    ProjectedCRS p = CRS.getProjectedCRS(gt);
    String method = p.getConversionFromBase().getMethod().getName().getCode().toLowerCase(Locale.ROOT);
    ParameterValueGroup params = p.getConversionFromBase().getParameterValues();
    double scale = param(params, "scale_factor", 1);
    double lat0 = param(params, "latitude_of_origin", 0);
    if (!method.contains("transverse") || method.contains("south") || Math.abs(scale - 1) > 1e-12
        || Math.abs(lat0) > 1e-12) {
      throw new IllegalArgumentException("the official ellipsoidal area (国土调查办发〔2008〕32号) is defined for "
          + "Gauss–Krüger coordinates (transverse Mercator, scale 1, origin on the equator); " + crs + " is "
          + method + " with scale " + scale);
    }
    double cm = param(params, "central_meridian", 0);
    return new SurveyEllipsoidalArea(el.getSemiMajorAxis(), el.getInverseFlattening(), Math.toRadians(cm),
        param(params, "false_easting", 0), param(params, "false_northing", 0),
        String.format(Locale.ROOT, "%s: Gauss–Krüger CM %.6f°, a = %.3f m, 1/f = %.9f", crs, cm,
            el.getSemiMajorAxis(), el.getInverseFlattening()));
  }

  private static double param(ParameterValueGroup g, String name, double dflt) {
    try {
      return g.parameter(name).doubleValue();
    } catch (RuntimeException e) {
      return dflt;
    }
  }

  /** What the areas are computed for (CRS, central meridian, ellipsoid). */
  public String describe() {
    return description;
  }

  /** K0–K4 in use (for the record and tests). */
  public double[] footpointConstants() {
    return k.clone();
  }

  /** Area in m² (polygons and multipolygons; anything else 0). */
  public double area(Geometry g) {
    if (g == null || g.isEmpty()) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon p) {
        sum += Math.abs(ringArea(p.getExteriorRing()));
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          sum -= Math.abs(ringArea(p.getInteriorRingN(h)));
        }
      } else if (part != g) {
        sum += area(part);
      }
    }
    return sum;
  }

  /** Signed area of one ring (m²). */
  double ringArea(LineString ring) {
    Coordinate[] cs = ring.getCoordinates();
    if (cs.length < 4) {
      return 0;
    }
    double[] bl = new double[2];
    geographic(cs[0], bl);
    double ref = Double.isNaN(centralMeridian) ? bl[1] : centralMeridian;
    double b0 = bl[0];
    double l0 = bl[1] - ref;
    double sum = 0;
    Coordinate p = new Coordinate();
    for (int i = 1; i < cs.length; i++) {
      Coordinate from = cs[i - 1];
      Coordinate to = cs[i];
      int segs = step > 0 ? Math.max(1, (int) Math.ceil(Math.hypot(to.x - from.x, to.y - from.y) / step)) : 1;
      for (int s = 1; s <= segs; s++) {
        if (s == segs) {
          geographic(to, bl);
        } else {
          double f = (double) s / segs;
          p.x = from.x + (to.x - from.x) * f;
          p.y = from.y + (to.y - from.y) * f;
          geographic(p, bl);
        }
        double l1 = bl[1] - ref;
        sum += trapezoid(b0, bl[0], (l0 + l1) / 2);
        b0 = bl[0];
        l0 = l1;
      }
    }
    return sum;
  }

  /** The notice's formula (2): the ellipsoidal trapezoid of longitude span dl from latitude b1 to b2 (radians). */
  double trapezoid(double b1, double b2, double dl) {
    double db = b2 - b1;
    double bm = (b1 + b2) / 2;
    double s = ca * Math.sin(db / 2) * Math.cos(bm)
        - cb * Math.sin(3 * db / 2) * Math.cos(3 * bm)
        + cc * Math.sin(5 * db / 2) * Math.cos(5 * bm)
        - cd * Math.sin(7 * db / 2) * Math.cos(7 * bm)
        + ce * Math.sin(9 * db / 2) * Math.cos(9 * bm);
    return 2 * b * b * dl * s;
  }

  /** (B, L) in radians of a coordinate (x = easting, y = northing as JTS holds them), into {@code out}. */
  void geographic(Coordinate c, double[] out) {
    if (Double.isNaN(centralMeridian)) {
      out[0] = Math.toRadians(c.y);
      out[1] = Math.toRadians(c.x);
      return;
    }
    inverse(c.y - falseNorthing, c.x - falseEasting, out);
  }

  /** The notice's Gauss inverse (§三): northing x, easting y' (false easting removed) → (B, L) radians. */
  void inverse(double x, double y, double[] out) {
    double e = k[0] * x;
    double se = Math.sin(e);
    double se2 = se * se;
    double bf = e + Math.cos(e) * se * (k[1] - se2 * (k[2] - se2 * (k[3] - se2 * k[4])));
    double t = Math.tan(bf);
    double t2 = t * t;
    double cosBf = Math.cos(bf);
    double n2 = ep2 * cosBf * cosBf;
    double v2 = 1 + n2;
    double c = a * a / b;
    double n = c / Math.sqrt(v2);
    double yn = y / n;
    double yn2 = yn * yn;
    double vt = v2 * t;
    double lat = bf - vt * yn2 / 2
        + (5 + 3 * t2 + n2 - 9 * n2 * t2) * vt * yn2 * yn2 / 24
        - (61 + 90 * t2 + 45 * t2 * t2) * vt * yn2 * yn2 * yn2 / 720;
    double lon = yn / cosBf
        - (1 + 2 * t2 + n2) * yn * yn2 / (6 * cosBf)
        + (5 + 28 * t2 + 24 * t2 * t2 + 6 * n2 + 8 * n2 * t2) * yn * yn2 * yn2 / (120 * cosBf);
    out[0] = lat;
    out[1] = lon + centralMeridian;
  }

  /**
   * K0–K4 of the notice's footpoint series for an ellipsoid: K0 = (π/2) / meridian quadrant; K1–K4 by least squares
   * of (Bf − E)/cos E = K1 s − K2 s³ + K3 s⁵ − K4 s⁷ (s = sin E) against the exact footpoint latitude at 400
   * latitudes (meridian arc by 64-point Gauss–Legendre quadrature).
   */
  static double[] footpointConstants(double a, double e2) {
    double quadrant = meridianArc(a, e2, Math.PI / 2);
    double k0 = (Math.PI / 2) / quadrant;
    int m = 400;
    double[][] ata = new double[4][4];
    double[] atb = new double[4];
    for (int i = 1; i < m; i++) {
      double bf = Math.PI / 2 * i / m * 0.999;
      double e = k0 * meridianArc(a, e2, bf);
      double s = Math.sin(e);
      double[] row = {s, -s * s * s, Math.pow(s, 5), -Math.pow(s, 7)};
      double rhs = (bf - e) / Math.cos(e);
      for (int r = 0; r < 4; r++) {
        atb[r] += row[r] * rhs;
        for (int q = 0; q < 4; q++) {
          ata[r][q] += row[r] * row[q];
        }
      }
    }
    double[] sol = new org.apache.commons.math3.linear.LUDecomposition(
        new org.apache.commons.math3.linear.Array2DRowRealMatrix(ata)).getSolver()
        .solve(new org.apache.commons.math3.linear.ArrayRealVector(atb)).toArray();
    return new double[] {k0, sol[0], sol[1], sol[2], sol[3]};
  }

  /** Meridian arc from the equator to latitude {@code lat} (radians). */
  static double meridianArc(double a, double e2, double lat) {
    org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator gi =
        new org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory().legendre(64, 0, lat);
    return gi.integrate(t -> a * (1 - e2) / Math.pow(1 - e2 * Math.sin(t) * Math.sin(t), 1.5));
  }
}
