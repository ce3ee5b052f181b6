package org.landledger.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.GeometryRepair;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.io.ReadOptions;
import org.landledger.landuse.LandUseOverlay;
import org.landledger.samples.SampleCounty;
import org.landledger.samples.Scale;
import org.locationtech.jts.geom.Geometry;

/**
 * The land-use layer read by the Spark tasks in record ranges ({@link LandUseRanges}) gives the same pieces as the
 * local engine over the whole (repaired) layer in memory: on a hand-made fixture and on the small sample county.
 */
class LandUseRangesTest {

  static SparkSession spark;
  static SedonaOverlay sedona;

  @BeforeAll
  static void open() {
    spark = SedonaOverlay.session("local[2]");
    sedona = new SedonaOverlay(spark);
  }

  @AfterAll
  static void close() {
    if (spark != null) {
      spark.stop();
    }
  }

  /** The local engine's pieces: the whole layer read and repaired as the analyses do, one target at a time. */
  static List<List<LandUseOverlay.Piece>> local(String location, List<Geometry> targets, AreaMode mode) {
    Layer read = Layers.read(location);
    GeometryRepair repair = new GeometryRepair(true);
    Layer landUse = read.map(f -> f.geometry() == null ? f : repair.check(location, f));
    LandUseOverlay overlay = new LandUseOverlay(landUse, AreaCalculator.of(landUse.crs(), mode));
    return targets.stream().map(overlay::pieces).toList();
  }

  static void assertSamePieces(List<List<LandUseOverlay.Piece>> distributed, List<List<LandUseOverlay.Piece>> local) {
    assertThat(distributed).hasSameSizeAs(local);
    for (int t = 0; t < local.size(); t++) {
      List<LandUseOverlay.Piece> l = local.get(t);
      List<LandUseOverlay.Piece> d = distributed.get(t);
      assertThat(d).extracting(p -> p.feature().id()).as("target %d", t)
          .containsExactlyElementsOf(l.stream().map(p -> p.feature().id()).toList());
      for (int i = 0; i < l.size(); i++) {
        assertThat(d.get(i).areaM2()).isEqualTo(l.get(i).areaM2());
        assertThat(d.get(i).survey()).isEqualTo(l.get(i).survey());
        assertThat(d.get(i).feature().attributes()).isEqualTo(l.get(i).feature().attributes());
        assertThat(d.get(i).geometry().equalsExact(l.get(i).geometry())).isTrue();
      }
    }
  }

  @Test
  void handMadeFixtureReadInThreeRanges(@TempDir Path dir) {
    // DLTB: L1 [0,100]², 0101 with KCXS 0.1; L2 [100,200]×[0,100] 0201; L3 [200,300]×[0,100] 0301;
    // L4 [0,100]×[100,200] 1001; L5 a bow tie over [400,500]×[0,100] (invalid: repaired into two triangles).
    List<Feature> fs = new ArrayList<>(List.of(
        SedonaEngineTest.dltb("L1", SedonaEngineTest.rect(0, 0, 100, 100), "0101", 0.1, 2),
        SedonaEngineTest.dltb("L2", SedonaEngineTest.rect(100, 0, 200, 100), "0201", 0, null),
        SedonaEngineTest.dltb("L3", SedonaEngineTest.rect(200, 0, 300, 100), "0301", 0, null),
        SedonaEngineTest.dltb("L4", SedonaEngineTest.rect(0, 100, 100, 200), "1001", 0, null)));
    var c = new org.locationtech.jts.geom.Coordinate[] {
        new org.locationtech.jts.geom.Coordinate(SedonaEngineTest.X0 + 400, SedonaEngineTest.Y0),
        new org.locationtech.jts.geom.Coordinate(SedonaEngineTest.X0 + 500, SedonaEngineTest.Y0 + 100),
        new org.locationtech.jts.geom.Coordinate(SedonaEngineTest.X0 + 500, SedonaEngineTest.Y0),
        new org.locationtech.jts.geom.Coordinate(SedonaEngineTest.X0 + 400, SedonaEngineTest.Y0 + 100),
        new org.locationtech.jts.geom.Coordinate(SedonaEngineTest.X0 + 400, SedonaEngineTest.Y0)};
    fs.add(SedonaEngineTest.dltb("L5", SedonaEngineTest.GF.createPolygon(c), "0301", 0, null));
    Path shp = dir.resolve("DLTB.shp");
    Layers.write(SedonaEngineTest.dltbLayer("DLTB", fs), shp);

    // T1 [50,150]²: L1, L2, L4 each 50 × 50 = 2 500 m². T2 [250,350]×[-50,50]: L3 50 × 50 = 2 500 m².
    // T3 [400,500]×[0,50]: the bow tie's lower triangle, ½ × 100 × 50 = 2 500 m². T4 far away: none.
    List<Geometry> targets = List.of(SedonaEngineTest.rect(50, 50, 150, 150), SedonaEngineTest.rect(250, -50, 350, 50),
        SedonaEngineTest.rect(400, 0, 500, 50), SedonaEngineTest.rect(900, 0, 1000, 100));
    LandUseRanges ranges = new LandUseRanges(shp.toString(), ReadOptions.DEFAULT, 2);
    assertThat(ranges.ranges()).extracting(r -> r[0] + "+" + r[1]).containsExactly("0+2", "2+2", "4+1");

    List<List<LandUseOverlay.Piece>> d = sedona.pieces(targets, ranges, AreaMode.PLANAR);
    assertThat(d.get(0)).extracting(p -> p.survey().dlbm()).containsExactly("0101", "0201", "1001");
    assertThat(d.get(0)).extracting(LandUseOverlay.Piece::areaM2).containsExactly(2500.0, 2500.0, 2500.0);
    // 田坎 rule on L1's piece: 2 500 × (1 − 0.1) = 2 250 m² of 0101.
    assertThat(d.get(0).get(0).netAreaM2()).isEqualTo(2250.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(d.get(1)).extracting(LandUseOverlay.Piece::areaM2).containsExactly(2500.0);
    assertThat(d.get(2)).extracting(LandUseOverlay.Piece::areaM2).containsExactly(2500.0);
    assertThat(d.get(3)).isEmpty();
    assertSamePieces(d, local(shp.toString(), targets, AreaMode.PLANAR));
  }

  @Test
  void smallSampleCountyInManyRangesSameAsLocal(@TempDir Path dir) {
    SampleCounty.generate(dir, Scale.SMALL, 1, null);
    String dltb = dir.resolve("DLTB.shp").toString();
    Layer plan = Layers.read(dir.resolve("PLAN.shp").toString());
    Layer pbf = Layers.read(dir.resolve("YJJBNTTB.shp").toString());
    List<Geometry> targets = new ArrayList<>();
    plan.features().forEach(f -> targets.add(f.geometry()));
    pbf.features().forEach(f -> targets.add(f.geometry()));
    LandUseRanges ranges = new LandUseRanges(dltb, ReadOptions.DEFAULT, 300);
    assertThat(ranges.ranges()).hasSizeGreaterThan(2);
    List<List<LandUseOverlay.Piece>> d = sedona.pieces(targets, ranges, AreaMode.ELLIPSOIDAL);
    assertThat(d.stream().mapToInt(List::size).sum()).isGreaterThan(targets.size());
    assertSamePieces(d, local(dltb, targets, AreaMode.ELLIPSOIDAL));
  }
}
