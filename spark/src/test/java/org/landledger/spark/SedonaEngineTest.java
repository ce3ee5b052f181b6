package org.landledger.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.ecovalue.LandUseAreas;
import org.landledger.ecovalue.change.LandUseTransfer;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.Layer;
import org.landledger.io.LayerSchema;
import org.landledger.io.Layers;
import org.landledger.io.ReadOptions;
import org.landledger.landuse.LocalOverlayEngine;
import org.landledger.landuse.OverlayEngine;
import org.landledger.landuse.OverlayEngines;
import org.landledger.redline.ParcelResult;
import org.landledger.redline.RedLineCheck;
import org.landledger.redline.RedLineInputs;
import org.landledger.redline.RedLineOptions;
import org.landledger.redline.RedLineOutputs;
import org.landledger.redline.RedLineResult;
import org.landledger.redline.Status;
import org.landledger.samples.SampleCounty;
import org.landledger.samples.Scale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The red-line check, the land-use transfer matrix and the by-region areas give identical results with the local
 * and the Sedona engine (local[2]), on hand-made fixtures (areas worked out below) and on the small sample county.
 */
class SedonaEngineTest {

  static final GeometryFactory GF = new GeometryFactory();
  static final double X0 = 39_500_000;
  static final double Y0 = 4_000_000;
  static final Crs GK = Crs.epsg(4527);

  static OverlayEngine sedona;

  @BeforeAll
  static void open() {
    sedona = OverlayEngines.named("sedona", Map.of("sparkMaster", "local[2]"));
  }

  @AfterAll
  static void close() {
    if (sedona != null) {
      sedona.close();
    }
  }

  static LinearRing ring(double x1, double y1, double x2, double y2) {
    return GF.createLinearRing(new Coordinate[] {new Coordinate(X0 + x1, Y0 + y1), new Coordinate(X0 + x2, Y0 + y1),
        new Coordinate(X0 + x2, Y0 + y2), new Coordinate(X0 + x1, Y0 + y2), new Coordinate(X0 + x1, Y0 + y1)});
  }

  static Polygon rect(double x1, double y1, double x2, double y2) {
    return GF.createPolygon(ring(x1, y1, x2, y2));
  }

  static Feature dltb(String id, Polygon g, String dlbm, double kcxs, Integer gddb) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("BSM", id);
    a.put("DLBM", dlbm);
    a.put("KCDLBM", kcxs > 0 ? "1203" : null);
    a.put("KCXS", kcxs);
    a.put("GDDB", gddb);
    a.put("ZLDWDM", "1301020010010000000");
    return new Feature(id, g, a);
  }

  static Layer dltbLayer(String name, List<Feature> fs) {
    return new Layer(new LayerSchema(name, List.of(new Field("BSM", FieldType.STRING), new Field("DLBM", FieldType.STRING),
        new Field("KCDLBM", FieldType.STRING), new Field("KCXS", FieldType.DOUBLE), new Field("GDDB", FieldType.INTEGER),
        new Field("ZLDWDM", FieldType.STRING)), "Polygon"), GK, fs, name + ".shp");
  }

  static Layer simple(String name, Polygon... gs) {
    List<Feature> fs = new ArrayList<>();
    for (int i = 0; i < gs.length; i++) {
      fs.add(new Feature(name + (i + 1), gs[i], Map.of("BSM", name + (i + 1))));
    }
    return new Layer(new LayerSchema(name, List.of(new Field("BSM", FieldType.STRING)), "Polygon"), GK, fs, name + ".shp");
  }

  /** The run's JSON without the lines that name the engine. */
  static Map<String, Object> json(RedLineResult r) {
    Map<String, Object> j = RedLineOutputs.toJson(r);
    @SuppressWarnings("unchecked")
    Map<String, Object> summary = (Map<String, Object>) j.get("summary");
    summary.remove("engine");
    summary.remove("sparkMaster");
    return j;
  }

  static void assertSameRedLine(RedLineResult local, RedLineResult distributed) {
    // Records compare every number exactly, and geometries (conflict areas) with equalsExact.
    assertThat(distributed.parcels()).isEqualTo(local.parcels());
    assertThat(distributed.townships()).isEqualTo(local.townships());
    assertThat(distributed.totals()).isEqualTo(local.totals());
    assertThat(distributed.ledger()).isEqualTo(local.ledger());
    assertThat(json(distributed)).isEqualTo(json(local));
    assertThat(local.engine()).containsEntry("engine", "local");
    assertThat(distributed.engine()).containsEntry("engine", "sedona").containsEntry("sparkMaster", "local[2]");
  }

  @Test
  void theLookupFindsSedonaOnTheClasspath() {
    assertThat(sedona).isInstanceOf(SedonaOverlayEngine.class);
    assertThat(sedona.describe()).containsExactly(Map.entry("engine", "sedona"), Map.entry("sparkMaster", "local[2]"));
    assertThat(OverlayEngines.named("SEDONA", Map.of()).describe()).containsEntry("sparkMaster", "local[*]");
    for (String ok : List.of("local", "local[*]", "local[4]", "local[2,3]", "spark://host:7077", "yarn", "k8s://https://h:443")) {
      assertThat(new SedonaOverlayEngine(ok).master()).isEqualTo(ok);
    }
    for (String bad : List.of("", "local[", "lokal[*]", "host:7077", "spark:/h")) {
      assertThatThrownBy(() -> new SedonaOverlayEngine(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--spark-master");
    }
  }

  /**
   * A 10 × 10 grid of 10 m cells listed in a shuffled order and one target over all of it: both engines list the 100
   * pieces in layer order (sums then run in the same order), each 100 m².
   */
  @Test
  void piecesComeInLandUseLayerOrder() {
    List<Feature> cells = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      int k = (i * 37) % 100; // a fixed permutation of 0…99 (37 is coprime with 100)
      cells.add(dltb("G" + k, rect(10 * (k % 10), 10 * (k / 10), 10 * (k % 10) + 10, 10 * (k / 10) + 10), "0101", 0.1, 5));
    }
    org.landledger.landuse.LandUseOverlay lu = new org.landledger.landuse.LandUseOverlay(dltbLayer("DLTB", cells),
        AreaCalculator.of(GK, AreaMode.PLANAR));
    List<org.locationtech.jts.geom.Geometry> targets = List.of(rect(-5, -5, 105, 105));
    List<String> layerOrder = cells.stream().map(Feature::id).toList();
    for (OverlayEngine e : List.of(LocalOverlayEngine.INSTANCE, sedona)) {
      List<org.landledger.landuse.LandUseOverlay.Piece> pieces = e.pieces(targets, lu).of(0);
      assertThat(pieces).extracting(p -> p.feature().id()).as(e.name()).containsExactlyElementsOf(layerOrder);
      assertThat(pieces).allSatisfy(p -> assertThat(p.areaM2()).isCloseTo(100, within(1e-9)));
    }
  }

  /**
   * DLTB (local m, EPSG:4527 planar): T1 [0,100]×[0,100] 0101 KCXS .10 GDDB 5; T2 [100,200]×[0,100] 0103 KCXS .05
   * GDDB 8; T3 [0,100]×[100,200] 0702; T4 [100,200]×[100,200] 0301. PBF [0,50]×[0,100], eco [150,200]×[150,200],
   * development boundary [0,200]×[50,200]. Plans:
   * <ul>
   *   <li>A [40,140]×[40,60], 2 000 m²: T1 60×20 = 1 200, T2 40×20 = 800 → farmland gross 2 000, net
   *       1 200×0.9 + 800×0.95 = 1 080 + 760 = 1 840, paddy (0101) 1 080; PBF 10×20 = 200; outside the boundary
   *       100×10 = 1 000 → FAIL.
   *   <li>B [110,190]² with a hole [130,170]²: 6 400 − 1 600 = 4 800 m² of 0301; eco [150,190]² = 1 600 minus the
   *       hole's [150,170]² = 400 → 1 200 → FAIL.
   *   <li>C [5000,5010]×[60,70], far away: 100 m², no land use, inside nothing; outside the boundary 100 → WARN.
   * </ul>
   */
  @Test
  void redLineCheckOnAHandMadeCounty() {
    Layer landUse = dltbLayer("DLTB", List.of(
        dltb("T1", rect(0, 0, 100, 100), "0101", 0.10, 5),
        dltb("T2", rect(100, 0, 200, 100), "0103", 0.05, 8),
        dltb("T3", rect(0, 100, 100, 200), "0702", 0.0, null),
        dltb("T4", rect(100, 100, 200, 200), "0301", 0.0, null)));
    Polygon b = GF.createPolygon(ring(110, 110, 190, 190), new LinearRing[] {ring(130, 130, 170, 170)});
    Layer plan = simple("PLAN", rect(40, 40, 140, 60), b, rect(5000, 60, 5010, 70));
    RedLineInputs in = new RedLineInputs(landUse, simple("YJJBNTTB", rect(0, 0, 50, 100)),
        simple("STBHHX", rect(150, 150, 200, 200)), simple("CZKFBJ", rect(0, 50, 200, 200)), plan, null, null, null);
    RedLineOptions options = RedLineOptions.DEFAULT.withAreaMode(AreaMode.PLANAR);
    RedLineResult local = new RedLineCheck(options).run(in);
    RedLineResult distributed = new RedLineCheck(options.withEngine(sedona)).run(in);
    assertSameRedLine(local, distributed);

    for (RedLineResult r : List.of(local, distributed)) {
      ParcelResult pa = r.parcels().get(0);
      assertThat(pa.areaM2()).isCloseTo(2_000, within(1e-6));
      assertThat(pa.farmlandM2()).isCloseTo(2_000, within(1e-6));
      assertThat(pa.farmlandNetM2()).isCloseTo(1_840, within(1e-6));
      assertThat(pa.paddyM2()).isCloseTo(1_080, within(1e-6));
      assertThat(pa.permanentFarmlandM2()).isCloseTo(200, within(1e-6));
      assertThat(pa.outsideDevBoundaryM2()).isCloseTo(1_000, within(1e-6));
      assertThat(pa.status()).isEqualTo(Status.FAIL);
      ParcelResult pb = r.parcels().get(1);
      assertThat(pb.areaM2()).isCloseTo(4_800, within(1e-6));
      assertThat(pb.byLandUse()).containsOnlyKeys("0301");
      assertThat(pb.byLandUse().get("0301")).isCloseTo(4_800, within(1e-6));
      assertThat(pb.ecoRedlineM2()).isCloseTo(1_200, within(1e-6));
      assertThat(pb.status()).isEqualTo(Status.FAIL);
      ParcelResult pc = r.parcels().get(2);
      assertThat(pc.byLandUse()).isEmpty();
      assertThat(pc.outsideDevBoundaryM2()).isCloseTo(100, within(1e-6));
      assertThat(pc.status()).isEqualTo(Status.WARN);
    }
  }

  /**
   * Before: B1 [0,100]×[0,100] 0101 KCXS .1, B2 [100,200]×[0,100] 0301. After: A1 [0,150]×[0,100] 0103 KCXS .2,
   * A2 [150,200]×[0,100] 0702, A3 [300,400]×[0,100] 0702 (outside the before map).
   * A1∩B1 = 10 000 m², splits {0101 .9, 1203 .1} → {0103 .8, 1203 .2}: 1203→1203 keeps min(.1, .2) = .1 (1 000),
   * the rest spreads .9 × (.8, .1) / .9: 0101→0103 8 000, 0101→1203 1 000. A1∩B2 = 5 000: 0301→0103 4 000,
   * 0301→1203 1 000. A2∩B2 = 5 000: 0301→0702 5 000. A3: 10 000 m² of 0702 uncovered after.
   */
  @Test
  void transferMatrixOnHandMadeMaps() {
    Layer before = dltbLayer("DLTB_BEFORE", List.of(
        dltb("B1", rect(0, 0, 100, 100), "0101", 0.1, 5), dltb("B2", rect(100, 0, 200, 100), "0301", 0, null)));
    Layer after = dltbLayer("DLTB", List.of(dltb("A1", rect(0, 0, 150, 100), "0103", 0.2, 5),
        dltb("A2", rect(150, 0, 200, 100), "0702", 0, null), dltb("A3", rect(300, 0, 400, 100), "0702", 0, null)));
    AreaCalculator areas = AreaCalculator.of(GK, AreaMode.PLANAR);
    LandUseTransfer local = LandUseTransfer.compute(before, after, areas, LocalOverlayEngine.INSTANCE);
    LandUseTransfer distributed = LandUseTransfer.compute(before, after, areas, sedona);
    assertSameTransfer(local, distributed);
    for (LandUseTransfer t : List.of(local, distributed)) {
      assertThat(t.areaM2()).hasSize(6);
      assertThat(t.areaM2("1203", "1203")).isCloseTo(1_000, within(1e-6));
      assertThat(t.areaM2("0101", "0103")).isCloseTo(8_000, within(1e-6));
      assertThat(t.areaM2("0101", "1203")).isCloseTo(1_000, within(1e-6));
      assertThat(t.areaM2("0301", "0103")).isCloseTo(4_000, within(1e-6));
      assertThat(t.areaM2("0301", "1203")).isCloseTo(1_000, within(1e-6));
      assertThat(t.areaM2("0301", "0702")).isCloseTo(5_000, within(1e-6));
      assertThat(t.uncoveredBefore()).isEmpty();
      assertThat(t.uncoveredAfter()).containsOnlyKeys("0702");
      assertThat(t.uncoveredAfter().get("0702")).isCloseTo(10_000, within(1e-6));
    }
  }

  static void assertSameTransfer(LandUseTransfer local, LandUseTransfer distributed) {
    assertThat(distributed.areaM2()).isEqualTo(local.areaM2());
    assertThat(distributed.uncoveredBefore()).isEqualTo(local.uncoveredBefore());
    assertThat(distributed.uncoveredAfter()).isEqualTo(local.uncoveredAfter());
    assertThat(distributed.describeOverlay()).isEqualTo(local.describeOverlay());
  }

  static void assertSameRegions(LandUseAreas local, LandUseAreas distributed) {
    assertThat(distributed.regions()).isEqualTo(local.regions());
  }

  @Test
  void sameResultsOnTheSmallSampleCounty(@TempDir Path dir) {
    SampleCounty.generate(dir, Scale.SMALL, 1, null);
    String d = dir + "/";
    RedLineInputs in = RedLineInputs.read(d + "DLTB.shp", d + "YJJBNTTB.shp", d + "STBHHX.shp", d + "CZKFBJ.shp",
        d + "PLAN.shp", "BSM", d + "XZQ.shp", null, ReadOptions.DEFAULT);
    RedLineResult local = new RedLineCheck(RedLineOptions.DEFAULT).run(in);
    RedLineResult distributed = new RedLineCheck(RedLineOptions.DEFAULT.withEngine(sedona)).run(in);
    assertSameRedLine(local, distributed);
    assertThat(local.totals().farmlandNetM2()).isPositive();

    Layer after = Layers.read(d + "DLTB.shp");
    Layer before = Layers.read(d + "DLTB_BEFORE.shp");
    AreaCalculator areas = AreaCalculator.of(after.crs(), AreaMode.ELLIPSOIDAL);
    LandUseTransfer t = LandUseTransfer.compute(before, after, areas, LocalOverlayEngine.INSTANCE);
    assertSameTransfer(t, LandUseTransfer.compute(before, after, areas, sedona));
    assertThat(t.areaM2().size()).isGreaterThan(1);

    Layer xzq = Layers.read(d + "XZQ.shp");
    LandUseAreas regions = LandUseAreas.byRegionLayer(after, areas, xzq, "XZQDM", "XZQMC", LocalOverlayEngine.INSTANCE);
    assertSameRegions(regions, LandUseAreas.byRegionLayer(after, areas, xzq, "XZQDM", "XZQMC", sedona));
    assertThat(regions.regions()).hasSizeGreaterThan(1);
  }
}
