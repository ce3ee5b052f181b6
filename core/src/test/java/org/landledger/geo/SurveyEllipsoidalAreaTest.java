package org.landledger.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class SurveyEllipsoidalAreaTest {

  static final GeometryFactory GF = new GeometryFactory();
  static final Crs GK39 = Crs.epsg(4527);

  static Polygon rect(double x, double y, double w, double h) {
    return GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + w, y),
        new Coordinate(x + w, y + h), new Coordinate(x, y + h), new Coordinate(x, y)});
  }

  /** A 图斑 with a slanted edge and a notch (8 vertices), its lower-left corner at (x, y). */
  static Polygon parcel(double x, double y) {
    return GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + 180, y + 12),
        new Coordinate(x + 175, y + 140), new Coordinate(x + 110, y + 150), new Coordinate(x + 100, y + 90),
        new Coordinate(x + 60, y + 95), new Coordinate(x + 5, y + 160), new Coordinate(x, y)});
  }

  @Test
  void xian80ConstantsOfTheNoticeAreReproducedByTheDerivation() {
    // The notice prints K0..K4 for Xi'an 1980 (a = 6 378 140, 1/f = 298.257). Our derivation for any ellipsoid
    // must give the same K0 (exact: π/2 ÷ meridian quadrant) and K1 (the only K that matters above 1e-9 rad).
    double f = 1 / 298.257;
    double[] k = SurveyEllipsoidalArea.footpointConstants(6378140, f * (2 - f));
    assertThat(k[0]).isCloseTo(1.57048687472752E-07, within(1e-20));
    assertThat(k[1]).isCloseTo(5.05250559291393E-03, within(1e-12));
    assertThat(k[2]).isCloseTo(2.98473350966158E-05, within(1e-11));
  }

  @Test
  void xian80SecondEccentricityOfTheNoticeFollowsFromItsEllipsoid() {
    // Printed: e² = 6.69438499958795E-03, e'² = 6.73950181947292E-03 for 1/f = 298.257.
    double f = 1 / 298.257;
    double e2 = f * (2 - f);
    assertThat(e2).isCloseTo(6.69438499958795E-03, within(1e-17));
    assertThat(e2 / (1 - e2)).isCloseTo(6.73950181947292E-03, within(1e-17));
  }

  @Test
  void sphereLimitOfTheTrapezoidIsTheZoneArea() {
    // For e = 0, A = 1 and B..E = 0: S = 2R² ΔL sin(ΔB/2) cos Bm = R² ΔL (sin B2 − sin B1).
    SurveyEllipsoidalArea s = SurveyEllipsoidalArea.gaussKruger(6_371_000, Double.POSITIVE_INFINITY, 117, 500_000);
    double b1 = Math.toRadians(36);
    double b2 = Math.toRadians(37);
    double dl = Math.toRadians(1);
    assertThat(s.trapezoid(b1, b2, dl)).isCloseTo(6_371_000.0 * 6_371_000.0 * dl * (Math.sin(b2) - Math.sin(b1)),
        within(1e-3));
  }

  @Test
  void cgcs2000FromTheCrsOfZone39() {
    SurveyEllipsoidalArea s = SurveyEllipsoidalArea.of(GK39);
    assertThat(s.describe()).contains("117.000000").contains("6378137.000");
    // CGCS2000 K0 = π/2 ÷ its meridian quadrant (10 001 965.7293 m): 1.5704876e-7.
    assertThat(s.footpointConstants()[0]).isCloseTo(Math.PI / 2 / 10_001_965.7293, within(1e-17));
  }

  @Test
  void inverseProjectionMatchesGeoTools() throws Exception {
    SurveyEllipsoidalArea s = SurveyEllipsoidalArea.of(GK39);
    Crs geo = Crs.epsg(4490);
    for (double[] p : new double[][] {{39_500_000, 4_040_000}, {39_625_000, 4_000_000}, {39_380_000, 4_400_000}}) {
      double[] bl = new double[2];
      s.geographic(new Coordinate(p[0], p[1]), bl);
      org.locationtech.jts.geom.Point g = (org.locationtech.jts.geom.Point) GK39.transform(
          GF.createPoint(new Coordinate(p[0], p[1])), geo);
      // 1e-9° ≈ 0.1 mm
      assertThat(Math.toDegrees(bl[1])).isCloseTo(g.getX(), within(1e-9));
      assertThat(Math.toDegrees(bl[0])).isCloseTo(g.getY(), within(1e-9));
    }
  }

  @Test
  void agreesWithGeographicLibOnTheCentralMeridianAndOnePointFourDegreesOff() {
    SurveyEllipsoidalArea official = SurveyEllipsoidalArea.of(GK39);
    SurveyEllipsoidalArea split = official.densified(10);
    AreaCalculator geographicLib = AreaCalculator.of(GK39, AreaMode.ELLIPSOIDAL, 1.0);
    // Zone 39: CM 117°E at easting 39 500 000; 1.4° east or west at 36.1°N is ≈ 126 km from it.
    for (double east : new double[] {39_499_950, 39_626_000, 39_374_000}) {
      // Typical 图斑 (edges ≤ 100 m): the stored vertices alone agree within 1e-6. The edge term
      // tan B·d³/(12N) (class comment) is ≤ 0.73 × 90³ / (12 × 6 385 576) ≈ 0.007 m² on the 90 m edge of the half-size
      // parcel (≈ 5 260 m²): 1.3e-6 at most, less after the opposite edges' share: measured below 1e-6.
      for (Polygon p : new Polygon[] {rect(east, 4_000_000, 80, 120), scaled(parcel(east, 4_000_050), 0.5),
          rect(east, 4_001_000, 1_000, 30)}) {
        assertThat(rel(official.area(p), geographicLib.area(p))).as("at %s", east).isLessThan(1e-6);
      }
      // Any size, edges split every 10 m: the edge term falls with the square of the step.
      for (Polygon p : new Polygon[] {parcel(east, 4_000_050), scaled(parcel(east, 4_002_000), 6)}) {
        assertThat(rel(split.area(p), geographicLib.area(p))).as("split at %s", east).isLessThan(1e-7);
      }
    }
  }

  static double rel(double a, double b) {
    return Math.abs(a - b) / b;
  }

  static Polygon scaled(Polygon p, double f) {
    Coordinate[] cs = p.getCoordinates();
    Coordinate o = cs[0];
    Coordinate[] out = new Coordinate[cs.length];
    for (int i = 0; i < cs.length; i++) {
      out[i] = new Coordinate(o.x + (cs[i].x - o.x) * f, o.y + (cs[i].y - o.y) * f);
    }
    return GF.createPolygon(out);
  }
}
