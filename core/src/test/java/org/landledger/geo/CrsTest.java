package org.landledger.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.geotools.referencing.CRS;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

class CrsTest {

  static final GeometryFactory GF = new GeometryFactory();

  static final String GCS = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
      + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

  /** What ArcGIS writes into a .prj for 三调 data, parameters as given. */
  static String esriGk(String name, double falseEasting, double cm) {
    return "PROJCS[\"" + name + "\"," + GCS + ",PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\","
        + falseEasting + "],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\"," + cm
        + "],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
  }

  @Test
  void esriPrjTextsResolveToEpsgCodes() {
    // Zone 39 with zone prefix: FE = 39·1 000 000 + 500 000, CM = 39·3 = 117°E → EPSG:4513 + (39 − 25) = 4527.
    assertThat(Crs.fromWkt(esriGk("CGCS2000_3_Degree_GK_Zone_39", 39_500_000, 117)).epsg()).isEqualTo(4527);
    // Same meridian without prefix: FE 500 000 → EPSG:4534 + (39 − 25) = 4548.
    assertThat(Crs.fromWkt(esriGk("CGCS2000_3_Degree_GK_CM_117E", 500_000, 117)).epsg()).isEqualTo(4548);
    // 6° zone 20 (CM = 20·6 − 3 = 117°E) with prefix → 4491 + (20 − 13) = 4498; without → 4502 + 7 = 4509.
    assertThat(Crs.fromWkt(esriGk("CGCS2000_GK_Zone_20", 20_500_000, 117)).epsg()).isEqualTo(4498);
    assertThat(Crs.fromWkt(esriGk("CGCS2000_GK_CM_117E", 500_000, 117)).epsg()).isEqualTo(4509);
    // Same parameters, told apart by name only (EPSG-style names, no AUTHORITY).
    assertThat(Crs.fromWkt(esriGk("CGCS2000 / Gauss-Kruger CM 117E", 500_000, 117)).epsg()).isEqualTo(4509);
    assertThat(Crs.fromWkt(esriGk("CGCS2000 / 3-degree Gauss-Kruger CM 117E", 500_000, 117)).epsg()).isEqualTo(4548);
    assertThat(Crs.fromWkt(GCS).epsg()).isEqualTo(4490);
    assertThat(Crs.fromWkt(GCS).isGeographic()).isTrue();
    assertThat(Crs.fromWkt(esriGk("CGCS2000_3_Degree_GK_Zone_39", 39_500_000, 117)).isGeographic()).isFalse();
  }

  @Test
  void wktWithEpsgAuthorityUsesIt() throws Exception {
    String wkt = CRS.decode("EPSG:4527").toWKT();
    assertThat(wkt).contains("AUTHORITY[\"EPSG\",\"4527\"]");
    assertThat(Crs.fromWkt(wkt).epsg()).isEqualTo(4527);
    assertThat(Crs.fromWkt(CRS.decode("EPSG:3857").toWKT()).epsg()).isEqualTo(3857);
  }

  @Test
  void unknownWktIsRejected() {
    assertThatThrownBy(() -> Crs.fromWkt("PROJCS[\"Mystery\",GEOGCS[\"Nowhere\"]]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Crs.parse("EPSG:abc")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toPrjRoundTripsForEveryCgcs2000GaussKrugerCode() {
    // 4491–4512: 6° zones 13–23 (with prefix, then by CM); 4513–4554: 3° zones 25–45 (with prefix, then by CM).
    for (int code = 4491; code <= 4554; code++) {
      String prj = Crs.epsg(code).toPrj();
      assertThat(Crs.fromWkt(prj).epsg()).as("EPSG:%d via %s", code, prj).isEqualTo(code);
    }
    assertThat(Crs.fromWkt(Crs.epsg(4490).toPrj()).epsg()).isEqualTo(4490);
    assertThat(Crs.epsg(4527).toPrj()).startsWith("PROJCS[\"CGCS2000_3_Degree_GK_Zone_39\"");
    assertThat(Crs.epsg(4548).toPrj()).startsWith("PROJCS[\"CGCS2000_3_Degree_GK_CM_117E\"");
  }

  @Test
  void parseAcceptsCodeForms() {
    assertThat(Crs.parse("EPSG:4527")).isEqualTo(Crs.epsg(4527));
    assertThat(Crs.parse("epsg:4527")).isEqualTo(Crs.epsg(4527));
    assertThat(Crs.parse(" 4527 ")).isEqualTo(Crs.epsg(4527));
    assertThat(Crs.epsg(4527).toString()).isEqualTo("EPSG:4527");
  }

  @Test
  void reprojectionThereAndBackReturnsTheInputWithinAMillimetre() {
    Crs gk = Crs.epsg(4527);
    Crs geo = Crs.epsg(4490);
    Polygon p = GF.createPolygon(new Coordinate[] {new Coordinate(39_620_000, 4_000_000),
        new Coordinate(39_622_000, 4_000_000), new Coordinate(39_622_000, 4_002_000),
        new Coordinate(39_620_000, 4_002_000), new Coordinate(39_620_000, 4_000_000)});
    Geometry lonLat = gk.transform(p, geo);
    // x stays longitude: 120 km east of 117°E at ~36°N is 117° + 120 / (111.3·cos 36.1° ≈ 90.0 km/°) ≈ 118.33°E.
    assertThat(lonLat.getCoordinates()[0].x).isCloseTo(118.33, within(0.01));
    assertThat(lonLat.getCoordinates()[0].y).isCloseTo(36.1, within(0.1));
    Geometry back = geo.transform(lonLat, gk);
    Coordinate[] in = p.getCoordinates();
    Coordinate[] out = back.getCoordinates();
    for (int i = 0; i < in.length; i++) {
      assertThat(out[i].distance(in[i])).as("vertex %d", i).isLessThan(0.001);
    }
    // A point on the central meridian has longitude exactly 117°.
    Point onCm = (Point) gk.transform(GF.createPoint(new Coordinate(39_500_000, 4_000_000)), geo);
    assertThat(onCm.getX()).isCloseTo(117.0, within(1e-9));
  }

  @Test
  void epsgAxisOrder() {
    assertThat(Crs.epsg(4490).epsgAxisOrderNorthFirst()).isTrue();
    assertThat(Crs.epsg(4527).epsgAxisOrderNorthFirst()).isTrue();
    assertThat(Crs.epsg(3857).epsgAxisOrderNorthFirst()).isFalse();
  }

  @Test
  void gaussKrugerZoneForLongitude() {
    // 117.4°E / 3 = 39.13 → zone 39 → EPSG:4527; 118.6 / 3 = 39.53 → zone 40 → 4528.
    assertThat(Crs.gaussKruger3DegreeZoneFor(117.4).epsg()).isEqualTo(4527);
    assertThat(Crs.gaussKruger3DegreeZoneFor(118.6).epsg()).isEqualTo(4528);
  }
}
