package org.landledger.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.union.UnaryUnionOp;

class OverlayUnionTest {

  private static Geometry wkt(String s) throws Exception {
    return new WKTReader().read(s);
  }

  @Test
  void aSinglePolygonIsItsOwnUnionExactlyAsJtsComputesIt() throws Exception {
    // 100 m square with a 10 m hole (GK coordinates): area 10 000 − 100 = 9 900 m².
    Geometry holed = wkt("POLYGON ((39500000 4000000, 39500000 4000100, 39500100 4000100, 39500100 4000000,"
        + " 39500000 4000000), (39500010 4000010, 39500020 4000010, 39500020 4000020, 39500010 4000020,"
        + " 39500010 4000010))");
    Geometry multiOfOne = wkt("MULTIPOLYGON (((0 0, 0 10, 10 10, 10 0, 0 0)))");
    for (Geometry g : List.of(holed, multiOfOne)) {
      Geometry ours = Overlay.union(List.of(g));
      Geometry jts = UnaryUnionOp.union(List.of(g));
      assertThat(ours.getGeometryType()).isEqualTo("Polygon").isEqualTo(jts.getGeometryType());
      assertThat(ours.equalsExact(jts)).isTrue();
    }
    assertThat(Overlay.union(List.of(holed)).getArea()).isEqualTo(9_900);
  }

  @Test
  void severalPolygonsAreUnionedSoSharedAreaCountsOnce() throws Exception {
    // Two 10 × 10 squares overlapping by 5 × 10: 100 + 100 − 50 = 150 m².
    Geometry a = wkt("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0))");
    Geometry b = wkt("POLYGON ((5 0, 5 10, 15 10, 15 0, 5 0))");
    assertThat(Overlay.union(List.of(a, b)).getArea()).isEqualTo(150);
    // A multipolygon of two disjoint squares stays two parts: 100 + 100.
    Geometry two = wkt("MULTIPOLYGON (((0 0, 0 10, 10 10, 10 0, 0 0)), ((20 0, 20 10, 30 10, 30 0, 20 0)))");
    Geometry u = Overlay.union(List.of(two));
    assertThat(u.getNumGeometries()).isEqualTo(2);
    assertThat(u.getArea()).isEqualTo(200);
    assertThat(Overlay.union(List.of()).isEmpty()).isTrue();
  }
}
