package org.landledger.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** The province path in miniature: 2 × 2 tiny counties streamed into one set of layers. */
class ProvinceTilingTest {

  @Test
  void countiesTileWithoutGapsOrOverlaps(@TempDir Path dir) {
    Layout mini = new Layout(2, 2, 36, 32, 2, 1, 12, 5, true);
    SampleSummary s = SampleCounty.generate(dir, mini, "mini", 5, null, line -> { });
    assertThat(s.counties()).hasSize(4);
    Layer dltb = Layers.read(dir.resolve("DLTB.shp"));
    Set<String> counties = new HashSet<>();
    dltb.features().forEach(f -> counties.add(f.string("ZLDWDM").substring(0, 6)));
    assertThat(counties).hasSize(4);
    Geometry[] gs = dltb.features().stream().map(Feature::geometry).toArray(Geometry[]::new);
    // Neighbouring counties share their boundary vertices exactly: the whole province is one coverage.
    assertThat(java.util.Arrays.asList(CoverageValidator.validate(gs))).containsOnlyNulls();
    Geometry union = CoverageUnion.union(gs);
    assertThat(union).isInstanceOf(Polygon.class);
    assertThat(((Polygon) union).getNumInteriorRing()).isZero();
    double sum = 0;
    for (Geometry g : gs) {
      sum += g.getArea();
    }
    assertThat(sum).isCloseTo(union.getArea(), org.assertj.core.data.Offset.offset(union.getArea() * 1e-9));
    // Townships of every county are there, with county-prefixed codes.
    Layer xzq = Layers.read(dir.resolve("XZQ.shp"));
    assertThat(xzq.size()).isEqualTo(4 * 2);
    assertThat(xzq.features()).allSatisfy(f -> assertThat(f.string("XZQDM")).startsWith(f.string("XJDM")));
    assertThat(s.layers().get("DLTB")).isEqualTo(dltb.size());
  }
}
