package org.landledger.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class AreaCalculatorTest {

  static final GeometryFactory GF = new GeometryFactory();
  static final Crs GK39 = Crs.epsg(4527);

  static LinearRing ring(double x, double y, double w, double h) {
    return GF.createLinearRing(new Coordinate[] {
        new Coordinate(x, y), new Coordinate(x + w, y), new Coordinate(x + w, y + h),
        new Coordinate(x, y + h), new Coordinate(x, y)});
  }

  static Polygon rect(double x, double y, double w, double h) {
    return GF.createPolygon(ring(x, y, w, h));
  }

  /** The 2 km square 120–122 km east of zone 39's central meridian (117°E, false easting 39 500 000). */
  static final Polygon FAR_SQUARE = rect(39_620_000, 4_000_000, 2_000, 2_000);

  @Test
  void planarAreaOfTheTwoKilometreSquareIsExact() {
    // 2 000 m × 2 000 m = 4 000 000 m², exactly representable.
    assertThat(AreaCalculator.of(GK39, AreaMode.PLANAR).area(FAR_SQUARE)).isEqualTo(4_000_000.0);
  }

  @Test
  void ellipsoidalAreaIsSmallerByTheGaussKrugerScaleFactor() {
    double ellipsoidal = AreaCalculator.of(GK39, AreaMode.ELLIPSOIDAL).area(FAR_SQUARE);
    // Gauss–Krüger is conformal with k ≈ 1 + x²/(2R²) (x = distance from the central meridian), so areas on the
    // plane are k² ≈ 1 + x²/R² times the areas on the ellipsoid. Over the square, mean x² = 121² + 2²/12
    // = 14 641.33 km². At φ ≈ 36.1° (y ≈ 4 000 km): M ≈ 6 357 545 m, N ≈ 6 385 551 m, R = √(MN) ≈ 6 371.5 km,
    // R² ≈ 40 596 000 km². x²/R² = 14 641.33 / 40 596 000 ≈ 3.6066e-4, i.e. 0.0361 %.
    // Ellipsoidal ≈ 4 000 000 / 1.00036066 ≈ 3 998 557.9 m² (≈ 1 442 m² less). Higher-order terms
    // (x⁴/(3R⁴) ≈ 4e-8, ellipsoidal η² terms ≈ 1.6e-6 relative of the correction) are far below the ±0.0005 %
    // allowed here, which covers the rounding of R.
    double shrink = 1 - ellipsoidal / 4_000_000.0;
    assertThat(shrink).isCloseTo(3.6066e-4, within(0.005e-2));
    assertThat(ellipsoidal).isCloseTo(3_998_558, within(20.0));
  }

  @Test
  void ellipsoidalAreaAgreesWithAnIndependentGeographicLibComputation() throws Exception {
    // Independent path: GeoTools' own EPSG:4527 → EPSG:4490 transform, a boundary sampled every 1 m
    // (8 000 points) and GeographicLib's PolygonArea on the CGCS2000 ellipsoid.
    MathTransform mt = CRS.findMathTransform(CRS.decode("EPSG:4527", true), CRS.decode("EPSG:4490", true), true);
    Geodesic cgcs2000 = new Geodesic(6_378_137.0, 1 / 298.257222101);
    PolygonArea pa = new PolygonArea(cgcs2000, false);
    double[][] corners = {{39_620_000, 4_000_000}, {39_622_000, 4_000_000}, {39_622_000, 4_002_000},
        {39_620_000, 4_002_000}};
    for (int c = 0; c < 4; c++) {
      double[] a = corners[c];
      double[] b = corners[(c + 1) % 4];
      for (int i = 0; i < 2_000; i++) {
        double[] xy = {a[0] + (b[0] - a[0]) * i / 2_000.0, a[1] + (b[1] - a[1]) * i / 2_000.0};
        mt.transform(xy, 0, xy, 0, 1);
        pa.AddPoint(xy[1], xy[0]);
      }
    }
    double independent = Math.abs(pa.Compute(false, true).area);
    double ours = AreaCalculator.of(GK39, AreaMode.ELLIPSOIDAL).area(FAR_SQUARE);
    // Tolerance: ours densifies every 100 m, the reference every 1 m. Between samples a geodesic chord departs
    // from the projected straight edge with curvature κ ≈ x/R² ≈ 121 km / 4.06e13 m² ≈ 3.0e-9 /m on the
    // north–south edges (≈ 0 on east–west ones); the area between chord and edge is κ·s³/12 per segment, so
    // κ·L·s²/12 = 3.0e-9 · 2 000 · 100² / 12 ≈ 0.005 m² per edge, ≤ 0.01 m² for both (they largely cancel).
    // GeographicLib's rounding on these short edges is ~1e-5 m². Hence 0.01 m².
    assertThat(ours).isCloseTo(independent, within(0.01));
  }

  @Test
  void holesAreSubtracted() {
    // Outer 100 × 100 = 10 000 m² minus inner 20 × 20 = 400 m² → 9 600 m².
    Polygon withHole = GF.createPolygon(ring(39_500_000, 4_000_000, 100, 100),
        new LinearRing[] {ring(39_500_040, 4_000_040, 20, 20)});
    assertThat(AreaCalculator.of(GK39, AreaMode.PLANAR).area(withHole)).isEqualTo(9_600.0);
    // On the central meridian the scale factor is 1 (k ≈ 1 + (100 m)²/(2R²) ≈ 1 + 1.2e-10), so the ellipsoidal
    // area is also 9 600 m² to ~1e-6 m².
    assertThat(AreaCalculator.of(GK39, AreaMode.ELLIPSOIDAL).area(withHole)).isCloseTo(9_600.0, within(0.001));
  }

  @Test
  void multiPolygonPartsAreSummed() {
    // 100 × 100 + 50 × 50 = 10 000 + 2 500 = 12 500 m².
    Polygon a = rect(39_500_000, 4_000_000, 100, 100);
    Polygon b = rect(39_500_200, 4_000_000, 50, 50);
    MultiPolygon mp = GF.createMultiPolygon(new Polygon[] {a, b});
    assertThat(AreaCalculator.of(GK39, AreaMode.PLANAR).area(mp)).isEqualTo(12_500.0);
    AreaCalculator e = AreaCalculator.of(GK39, AreaMode.ELLIPSOIDAL);
    assertThat(e.area(mp)).isCloseTo(12_500.0, within(0.001));
    assertThat(e.area(mp)).isCloseTo(e.area(a) + e.area(b), within(1e-6));
    // Collections of collections are summed too; points and lines have no area.
    var gc = GF.createGeometryCollection(new org.locationtech.jts.geom.Geometry[] {mp, GF.createPoint(new Coordinate(0, 0))});
    assertThat(e.area(gc)).isCloseTo(12_500.0, within(0.001));
    assertThat(e.area(null)).isZero();
  }

  @Test
  void geographicLayerIsMeasuredOnTheEllipsoid() {
    // A 0.01° × 0.01° cell at 117°E, 36°N in EPSG:4490. Hand value (Snyder's authalic quadrangle area):
    // A = b²·Δλ/2 · [q(φ2) − q(φ1)], q(φ) = sinφ/(1 − e²sin²φ) + (1/2e)·ln((1 + e sinφ)/(1 − e sinφ)),
    // which gives 1 000 384.948 m²; the simpler M·N·cosφ·Δφ·Δλ at φ = 36.005° (M = 6 357 487.7 m,
    // N = 6 385 527.4 m, cos φ = 0.808983, Δφ = Δλ = 1.745329e-4 rad) gives 1 000 384.949 m².
    // Geodesic edges between 0.001° samples bow poleward off the parallels by s³·tanφ/(12N) ≈ 0.007 m² per
    // segment, opposite in sign on the north and south edges, so they cancel to ≪ 0.01 m².
    Crs cgcs2000 = Crs.epsg(4490);
    Polygon cell = rect(117.0, 36.0, 0.01, 0.01);
    double expected = authalicQuadrangle(36.0, 36.01, 0.01);
    assertThat(expected).isCloseTo(1_000_384.948, within(0.001));
    assertThat(AreaCalculator.of(cgcs2000, AreaMode.ELLIPSOIDAL).area(cell)).isCloseTo(expected, within(0.01));
    // "Planar" on a geographic layer means nothing in degrees: it is measured on the ellipsoid as well.
    assertThat(AreaCalculator.of(cgcs2000, AreaMode.PLANAR).area(cell)).isCloseTo(expected, within(0.01));
  }

  @Test
  void ellipsoidalAreaNeedsACrs() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AreaCalculator.of(null, AreaMode.ELLIPSOIDAL))
        .hasMessageContaining("coordinate system");
    assertThat(AreaCalculator.of(null, AreaMode.PLANAR).area(rect(0, 0, 3, 4))).isEqualTo(12.0);
  }

  static double authalicQuadrangle(double lat1, double lat2, double dLonDeg) {
    double a = 6_378_137.0;
    double f = 1 / 298.257222101;
    double e2 = f * (2 - f);
    double e = Math.sqrt(e2);
    double b = a * (1 - f);
    java.util.function.DoubleUnaryOperator q = phi -> {
      double s = Math.sin(phi);
      return s / (1 - e2 * s * s) + 1 / (2 * e) * Math.log((1 + e * s) / (1 - e * s));
    };
    return b * b * Math.toRadians(dLonDeg) / 2
        * (q.applyAsDouble(Math.toRadians(lat2)) - q.applyAsDouble(Math.toRadians(lat1)));
  }
}
