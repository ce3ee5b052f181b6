package org.landledger.redline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.landledger.redline.RedLineFixture.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.AreaMode;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.InputDataException;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.io.ReadOptions;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/** Awkward inputs: other CRSs, geographic coordinates, invalid geometries, empty layers, missing fields. */
class RedLineInputsTest {

  static final RedLineOptions PLANAR = RedLineOptions.DEFAULT.withAreaMode(AreaMode.PLANAR);

  static Layer reprojected(Layer l, Crs target) {
    return new Layer(l.schema(), target,
        l.features().stream().map(f -> f.withGeometry(l.crs().transform(f.geometry(), target))).toList(), l.location());
  }

  @Test
  void layersInAnotherCrsAreReprojectedToTheLandUseCrsAndSaidSo() {
    // PBF and eco red line in CGCS2000 geographic (4490); the boundary in EPSG:4548, the same
    // zone named by its central meridian (117°E, no zone prefix on the easting).
    Layer pbf4490 = reprojected(pbf(), Crs.epsg(4490));
    Layer eco4490 = reprojected(eco(), Crs.epsg(4490));
    Layer dev4548 = reprojected(dev(), Crs.epsg(4548));
    RedLineResult r = new RedLineCheck(PLANAR).run(new RedLineInputs(landUse(), pbf4490, eco4490, dev4548,
        standardPlan(), "XMBH", null, List.of()));
    ParcelResult a = RedLineCheckTest.parcel(r, "A");
    // Same numbers as in the land-use CRS (the vertices go there and back): PBF 200, outside 1000.
    assertThat(a.permanentFarmlandM2()).isCloseTo(200, within(1e-3));
    assertThat(a.outsideDevBoundaryM2()).isCloseTo(1000, within(1e-3));
    assertThat(RedLineCheckTest.parcel(r, "B").ecoRedlineM2()).isCloseTo(1200, within(1e-3));
    assertThat(r.crs()).isEqualTo(GK);
    assertThat(r.notes()).filteredOn(n -> n.contains("reprojected")).hasSize(3);
    assertThat(r.notes()).anyMatch(n -> n.contains("EPSG:4490") && n.contains("EPSG:4527"));
  }

  @Test
  void geographicLayersAreMeasuredOnTheEllipsoid() {
    // Everything in EPSG:4490. On the central meridian (x = 39 500 000) the GK scale factor is 1, so the
    // ellipsoidal area of A equals its planar GK area, 2000 m², to well under 0.01 %.
    Crs geo = Crs.epsg(4490);
    RedLineResult r = new RedLineCheck(PLANAR).run(new RedLineInputs(reprojected(landUse(), geo),
        reprojected(pbf(), geo), reprojected(eco(), geo), reprojected(dev(), geo),
        reprojected(standardPlan(), geo), "XMBH", null, List.of()));
    assertThat(r.areaMode()).isEqualTo(AreaMode.ELLIPSOIDAL);
    assertThat(r.notes()).anyMatch(n -> n.contains("ellipsoidal"));
    ParcelResult a = RedLineCheckTest.parcel(r, "A");
    assertThat(a.areaM2()).isCloseTo(2000, within(0.2));
    assertThat(a.farmlandNetM2()).isCloseTo(1840, within(0.2));
    assertThat(a.permanentFarmlandM2()).isCloseTo(200, within(0.02));
    // And the default (ellipsoidal) run in GK agrees with the geographic run.
    RedLineResult gk = RedLineCheckTest.runStandard(RedLineOptions.DEFAULT);
    assertThat(gk.areaMode()).isEqualTo(AreaMode.ELLIPSOIDAL);
    assertThat(RedLineCheckTest.parcel(gk, "A").areaM2()).isCloseTo(a.areaM2(), within(0.01));
  }

  @Test
  void invalidGeometryIsRepairedAndReportedNotACrash() {
    // A bow-tie (0,110)→(40,150)→(40,110)→(0,150): two triangles of base 40 and height 20 meeting at (20,130),
    // 2 × 40 × 20 / 2 = 800 m², all on T3.
    Polygon bowTie = GF.createPolygon(new Coordinate[] {c(0, 110), c(40, 150), c(40, 110), c(0, 150), c(0, 110)});
    RedLineResult r = new RedLineCheck(PLANAR).run(new RedLineInputs(landUse(), pbf(), eco(), dev(),
        plan(parcel("X", bowTie)), "XMBH", null, List.of()));
    ParcelResult x = r.parcels().get(0);
    assertThat(x.areaM2()).isCloseTo(800, within(1e-6));
    assertThat(x.byLandUse().get("0702")).isCloseTo(800, within(1e-6));
    assertThat(x.geometryIssue()).isNotBlank();
    assertThat(r.repairs()).hasSize(1);
    assertThat(r.repairs().get(0).featureId()).isEqualTo("X");
    assertThat(r.repairs().get(0).layer()).isEqualTo("PLAN.shp");
  }

  @Test
  void emptyPlanAndEmptyOptionalLayers() {
    RedLineResult r = new RedLineCheck(PLANAR).run(new RedLineInputs(landUse(), simple("YJJBNTTB"),
        simple("STBHHX"), dev(), plan(), "XMBH", null, List.of()));
    assertThat(r.parcels()).isEmpty();
    assertThat(r.totals().parcels()).isZero();
    assertThat(r.townships()).isEmpty();
    assertThat(r.ledger().balanced()).isTrue();
    assertThat(r.notes()).anyMatch(n -> n.contains("plan layer has no parcels"))
        .anyMatch(n -> n.contains("permanent farmland layer is empty"));
  }

  @Test
  void emptyPermanentFarmlandLayerMeansNoOverlap() {
    RedLineResult r = new RedLineCheck(PLANAR).run(new RedLineInputs(landUse(), simple("YJJBNTTB"), eco(), dev(),
        RedLineFixture.standardPlan(), "XMBH", null, List.of()));
    ParcelResult a = RedLineCheckTest.parcel(r, "A");
    assertThat(a.permanentFarmlandM2()).isZero();
    assertThat(a.status()).isEqualTo(Status.WARN);
  }

  @Test
  void emptyDevelopmentBoundaryPutsEveryParcelOutside() {
    RedLineResult r = new RedLineCheck(PLANAR).run(new RedLineInputs(landUse(), pbf(), eco(), simple("CZKFBJ"),
        RedLineFixture.standardPlan(), "XMBH", null, List.of()));
    assertThat(RedLineCheckTest.parcel(r, "B").outsideDevBoundaryM2()).isCloseTo(4800, within(1e-6));
    assertThat(r.notes()).anyMatch(n -> n.contains("every parcel lies outside"));
  }

  @Test
  void planLayerWithoutTheIdFieldIsBadInputNamingFileAndField(@TempDir Path dir) {
    Path shp = dir.resolve("PLAN.shp");
    Layers.write(plan(parcel("A", rect(40, 40, 140, 60))), shp);
    Path lu = dir.resolve("DLTB.shp");
    Layers.write(landUse(), lu);
    Path pb = dir.resolve("YJJBNTTB.shp");
    Layers.write(pbf(), pb);
    RedLineInputs in = RedLineInputs.read(lu.toString(), pb.toString(), null, null, shp.toString(), "DKBH", null,
        null, ReadOptions.DEFAULT);
    assertThatThrownBy(() -> new RedLineCheck(PLANAR).run(in))
        .isInstanceOf(InputDataException.class)
        .hasMessageContaining(shp.toString())
        .hasMessageContaining("DKBH")
        .satisfies(e -> assertThat(((InputDataException) e).field()).isEqualTo("DKBH"));
  }

  @Test
  void duplicateOrBlankPlanIdsAreBadInput() {
    Layer dup = plan(parcel("A", rect(0, 0, 10, 10)), parcel("A", rect(20, 0, 30, 10)));
    assertThatThrownBy(() -> new RedLineCheck(PLANAR).run(new RedLineInputs(landUse(), pbf(), null, null, dup,
        "XMBH", null, List.of()))).isInstanceOf(InputDataException.class).hasMessageContaining("not unique");
    Layer blank = plan(new Feature("1", rect(0, 0, 10, 10), Map.of("XMBH", " ")));
    assertThatThrownBy(() -> new RedLineCheck(PLANAR).run(new RedLineInputs(landUse(), pbf(), null, null, blank,
        "XMBH", null, List.of()))).isInstanceOf(InputDataException.class).hasMessageContaining("blank");
  }

  @Test
  void layerWithoutCrsNextToOneWithIsBadInput() {
    Layer noCrs = new Layer(pbf().schema(), null, pbf().features(), "YJJBNTTB.shp");
    assertThatThrownBy(() -> new RedLineCheck(PLANAR).run(new RedLineInputs(landUse(), noCrs, null, null,
        standardPlan(), "XMBH", null, List.of())))
        .isInstanceOf(InputDataException.class).hasMessageContaining("YJJBNTTB.shp").hasMessageContaining("--crs");
  }

  @Test
  void xzqLayerNamesTheTownships() {
    // Two townships split at x = 100: A (x 40..140) has 60 % of its area west → 西镇.
    Layer xzq = layer("XZQ", List.of(
        new Feature("1", rect(0, 0, 100, 200), Map.of("XZQDM", "130102101", "XZQMC", "西镇")),
        new Feature("2", rect(100, 0, 200, 200), Map.of("XZQDM", "130102102", "XZQMC", "东镇"))),
        List.of(new Field("XZQDM", FieldType.STRING), new Field("XZQMC", FieldType.STRING)));
    RedLineResult r = new RedLineCheck(PLANAR).run(new RedLineInputs(landUse(), pbf(), eco(), dev(),
        standardPlan(), "XMBH", xzq, List.of()));
    ParcelResult a = RedLineCheckTest.parcel(r, "A");
    assertThat(a.township()).isEqualTo("130102101");
    assertThat(a.townshipName()).isEqualTo("西镇");
    // B lies in x 110..190: 东镇. E (x 200..220) touches 东镇 only: no township.
    assertThat(RedLineCheckTest.parcel(r, "B").township()).isEqualTo("130102102");
    assertThat(RedLineCheckTest.parcel(r, "E").township()).isNull();
  }

  @Test
  void gradeMissingFromTheLocalGrainTableIsBadInputEvenFromWorkerThreads() {
    // T1 is grade 5, T2 grade 8: a local table listing only grade 5 cannot value A's piece on T2.
    org.landledger.redline.compensation.GrainCapacityTable only5 =
        org.landledger.redline.compensation.GrainCapacityTable.of(Map.of(5, 1000.0), "local.csv");
    assertThatThrownBy(() -> new RedLineCheck(PLANAR.withGrainTable(only5).withParallelism(2)).run(
        new RedLineInputs(landUse(), pbf(), null, null, standardPlan(), "XMBH", null, List.of())))
        .isInstanceOf(InputDataException.class).hasMessageContaining("local.csv").hasMessageContaining("grade 8");
  }

  @Test
  void parcelsWithoutAreaAreNoted() {
    Feature line = new Feature("L", GF.createLineString(new Coordinate[] {c(0, 0), c(10, 10)}), Map.of("XMBH", "L"));
    RedLineResult r = new RedLineCheck(PLANAR).run(new RedLineInputs(landUse(), pbf(), null, null, plan(line),
        "XMBH", null, List.of()));
    assertThat(r.parcels().get(0).areaM2()).isZero();
    assertThat(r.parcels().get(0).status()).isEqualTo(Status.PASS);
    assertThat(r.notes()).anyMatch(n -> n.contains("without area") && n.contains("[L]"));
  }
}
