package org.landledger.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.landledger.io.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class GeometryRepairTest {

  static final GeometryFactory GF = new GeometryFactory();

  /** A bow-tie: the edges (0,0)–(10,10) and (10,0)–(0,10) cross at (5,5). */
  static Polygon bowTie() {
    return GF.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(10, 10),
        new Coordinate(10, 0), new Coordinate(0, 10), new Coordinate(0, 0)});
  }

  @Test
  void bowTieIsRepairedAndReported() {
    GeometryRepair repair = new GeometryRepair(true);
    Feature f = new Feature("42", bowTie(), Map.of("DLBM", "0101"));
    Feature fixed = repair.check("DLTB", f);
    assertThat(fixed.geometry().isValid()).isTrue();
    // Two triangles, each base 10 × height 5 / 2 = 25 m² → 50 m².
    assertThat(fixed.geometry().getArea()).isEqualTo(50.0);
    assertThat(fixed.attributes()).isEqualTo(f.attributes());
    assertThat(repair.issues()).singleElement().satisfies(i -> {
      assertThat(i.layer()).isEqualTo("DLTB");
      assertThat(i.featureId()).isEqualTo("42");
      assertThat(i.reason()).isEqualTo("Self-intersection");
      assertThat(i.x()).isEqualTo(5.0);
      assertThat(i.y()).isEqualTo(5.0);
      assertThat(i.repaired()).isTrue();
      assertThat(i.toString()).contains("feature 42").contains("Self-intersection").contains("repaired");
    });
  }

  @Test
  void detectionWithoutRepairKeepsTheGeometry() {
    GeometryRepair check = new GeometryRepair(false);
    Feature f = new Feature("7", bowTie(), Map.of());
    assertThat(check.check("DLTB", f)).isSameAs(f);
    assertThat(check.issues()).singleElement().satisfies(i -> assertThat(i.repaired()).isFalse());
  }

  @Test
  void validAndNullGeometriesPassUnreported() {
    GeometryRepair repair = new GeometryRepair(true);
    Polygon square = GF.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 0),
        new Coordinate(1, 1), new Coordinate(0, 1), new Coordinate(0, 0)});
    Feature ok = new Feature("1", square, Map.of());
    assertThat(repair.check("DLTB", ok)).isSameAs(ok);
    assertThat(repair.check("DLTB", new Feature("2", null, Map.of())).geometry()).isNull();
    assertThat(repair.issues()).isEmpty();
  }
}
