package org.landledger.redline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.landledger.redline.RedLineFixture.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.landledger.geo.AreaMode;
import org.landledger.redline.compensation.CompensationOwed;

/** Planar areas on the hand-made county of {@link RedLineFixture}; every number worked out by hand. */
class RedLineCheckTest {

  static final double EPS = 1e-6;
  static final RedLineOptions PLANAR = RedLineOptions.DEFAULT.withAreaMode(AreaMode.PLANAR);

  static RedLineResult runStandard(RedLineOptions options) {
    return new RedLineCheck(options).run(new RedLineInputs(landUse(), pbf(), eco(), dev(), standardPlan(), "XMBH",
        null, List.of()));
  }

  static ParcelResult parcel(RedLineResult r, String id) {
    return r.parcels().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void partialOverlapOnTwoFarmlandPolygonsWithTiankan() {
    ParcelResult a = parcel(runStandard(PLANAR), "A");
    // A = [40,140]×[40,60] = 100 × 20 = 2000 m².
    assertThat(a.areaM2()).isCloseTo(2000, within(EPS));
    // On T1 (0101, KCXS 0.10): [40,100]×[40,60] = 60 × 20 = 1200; on T2 (0103, KCXS 0.05): 40 × 20 = 800.
    // Gross farmland 1200 + 800 = 2000; net 1200 × 0.90 + 800 × 0.95 = 1080 + 760 = 1840; paddy = 1080.
    assertThat(a.farmlandM2()).isCloseTo(2000, within(EPS));
    assertThat(a.farmlandNetM2()).isCloseTo(1840, within(EPS));
    assertThat(a.paddyM2()).isCloseTo(1080, within(EPS));
    // By land use: 0101 1080, 0103 760, 田坎 1203 = 1200 × 0.10 + 800 × 0.05 = 120 + 40 = 160.
    assertThat(a.byLandUse()).containsOnlyKeys("0101", "0103", "1203");
    assertThat(a.byLandUse().get("0101")).isCloseTo(1080, within(EPS));
    assertThat(a.byLandUse().get("0103")).isCloseTo(760, within(EPS));
    assertThat(a.byLandUse().get("1203")).isCloseTo(160, within(EPS));
    // PBF [0,50]×[0,100] ∩ A = [40,50]×[40,60] = 10 × 20 = 200.
    assertThat(a.permanentFarmlandM2()).isCloseTo(200, within(EPS));
    assertThat(a.ecoRedlineM2()).isCloseTo(0, within(EPS));
    // Boundary starts at y = 50: outside is [40,140]×[40,50] = 100 × 10 = 1000.
    assertThat(a.outsideDevBoundaryM2()).isCloseTo(1000, within(EPS));
    assertThat(a.status()).isEqualTo(Status.FAIL);
    assertThat(a.reasons()).containsExactly(Reason.PERMANENT_FARMLAND, Reason.FARMLAND_OCCUPIED,
        Reason.OUTSIDE_DEV_BOUNDARY);
    // Both farmland pieces lie in township 130102001.
    assertThat(a.township()).isEqualTo("130102001");
    // Conflict geometries carry the same areas.
    Map<Reason, Double> conflictAreas = new java.util.EnumMap<>(Reason.class);
    a.conflicts().forEach(c -> conflictAreas.put(c.type(), c.geometry().getArea()));
    assertThat(conflictAreas.get(Reason.PERMANENT_FARMLAND)).isCloseTo(200, within(EPS));
    assertThat(conflictAreas.get(Reason.FARMLAND_OCCUPIED)).isCloseTo(2000, within(EPS));
    assertThat(conflictAreas.get(Reason.OUTSIDE_DEV_BOUNDARY)).isCloseTo(1000, within(EPS));
    // Sources name the polygons hit: the PBF polygon (BSM 1) and DLTB T1, T2; none for the outside part.
    assertThat(a.conflicts()).extracting(c -> c.type() + "=" + c.sources()).containsExactly(
        "PERMANENT_FARMLAND=[1]", "FARMLAND_OCCUPIED=[T1, T2]", "OUTSIDE_DEV_BOUNDARY=[]");
  }

  @Test
  void compensationOwedByThreeIndicatorsWithTheExampleGrainTable() {
    RedLineResult r = runStandard(PLANAR);
    CompensationOwed a = parcel(r, "A").owed();
    // Area = net farmland 1840; paddy = 1080.
    assertThat(a.areaM2()).isCloseTo(1840, within(EPS));
    assertThat(a.paddyM2()).isCloseTo(1080, within(EPS));
    // Capacity, EXAMPLE table (1600 − 100 × grade kg/亩): grade 5 → 1100, grade 8 → 800.
    // 1080 m² = 1080 × 15 / 10000 = 1.62 亩 → 1782 kg; 760 m² = 1.14 亩 → 912 kg; total 2694 kg.
    assertThat(a.capacityKg()).isCloseTo(2694, within(1e-6));
    assertThat(a.netAreaByGrade()).containsOnlyKeys(5, 8);
    assertThat(r.grainTable().isExample()).isTrue();
    assertThat(r.notes()).anyMatch(n -> n.contains("EXAMPLE"));
  }

  @Test
  void parcelWithAHole() {
    ParcelResult b = parcel(runStandard(PLANAR), "B");
    // 80 × 80 − 40 × 40 = 6400 − 1600 = 4800, all on T4 (0301).
    assertThat(b.areaM2()).isCloseTo(4800, within(EPS));
    assertThat(b.byLandUse()).containsOnlyKeys("0301");
    assertThat(b.byLandUse().get("0301")).isCloseTo(4800, within(EPS));
    // Eco [150,200]² ∩ B = [150,190]² minus the hole's [150,170]² = 1600 − 400 = 1200.
    assertThat(b.ecoRedlineM2()).isCloseTo(1200, within(EPS));
    assertThat(b.farmlandM2()).isZero();
    assertThat(b.outsideDevBoundaryM2()).isCloseTo(0, within(EPS));
    assertThat(b.status()).isEqualTo(Status.FAIL);
    assertThat(b.reasons()).containsExactly(Reason.ECO_REDLINE);
    assertThat(b.owed()).isEqualTo(CompensationOwed.NONE);
    assertThat(b.township()).isEqualTo("130102002");
  }

  @Test
  void multipolygonAcrossTownships() {
    ParcelResult c = parcel(runStandard(PLANAR), "C");
    // Parts [10,40]×[110,130] = 600 on T3 (0702) and [160,180]×[10,30] = 400 on T2 (0103, KCXS 0.05).
    assertThat(c.areaM2()).isCloseTo(1000, within(EPS));
    assertThat(c.farmlandM2()).isCloseTo(400, within(EPS));
    assertThat(c.farmlandNetM2()).isCloseTo(380, within(EPS)); // 400 × 0.95
    assertThat(c.paddyM2()).isZero();
    assertThat(c.byLandUse().get("0702")).isCloseTo(600, within(EPS));
    assertThat(c.byLandUse().get("0103")).isCloseTo(380, within(EPS));
    assertThat(c.byLandUse().get("1203")).isCloseTo(20, within(EPS)); // 400 × 0.05
    // The southern part (y 10..30) lies outside the boundary (y ≥ 50): 400.
    assertThat(c.outsideDevBoundaryM2()).isCloseTo(400, within(EPS));
    assertThat(c.status()).isEqualTo(Status.WARN);
    assertThat(c.reasons()).containsExactly(Reason.FARMLAND_OCCUPIED, Reason.OUTSIDE_DEV_BOUNDARY);
    // Most of C (600 of 1000) is in township 130102002.
    assertThat(c.township()).isEqualTo("130102002");
    // Capacity: 380 m² = 0.57 亩 × 800 kg/亩 (grade 8) = 456 kg.
    assertThat(c.owed().capacityKg()).isCloseTo(456, within(1e-6));
  }

  @Test
  void sliverBelowTheMinimumOverlapIsReportedButDoesNotChangeStatus() {
    ParcelResult d = parcel(runStandard(PLANAR), "D");
    // D = [20,40]×[99.98,120] = 20 × 20.02 = 400.4; on T1/PBF only a 20 × 0.02 = 0.4 m² strip.
    assertThat(d.areaM2()).isCloseTo(400.4, within(1e-6));
    assertThat(d.permanentFarmlandM2()).isCloseTo(0.4, within(1e-6));
    assertThat(d.farmlandM2()).isCloseTo(0.4, within(1e-6));
    assertThat(d.status()).isEqualTo(Status.PASS);
    assertThat(d.reasons()).isEmpty();
    assertThat(d.slivers()).extracting(Conflict::type)
        .containsExactly(Reason.PERMANENT_FARMLAND, Reason.FARMLAND_OCCUPIED);
    // A sliver owes nothing.
    assertThat(d.owed()).isEqualTo(CompensationOwed.NONE);
    // With a 0.1 m² minimum the same 0.4 m² counts: FAIL.
    ParcelResult strict = parcel(runStandard(PLANAR.withMinOverlapM2(0.1)), "D");
    assertThat(strict.status()).isEqualTo(Status.FAIL);
    assertThat(strict.reasons()).containsExactly(Reason.PERMANENT_FARMLAND, Reason.FARMLAND_OCCUPIED);
    // Farmland 0.4 × 0.9 = 0.36 net, all paddy.
    assertThat(strict.owed().paddyM2()).isCloseTo(0.36, within(1e-6));
  }

  @Test
  void minimumOverlapDefaultsToThePolicyProfile() {
    RedLineResult r = runStandard(PLANAR);
    // cn-national-default.json: redline.minOverlapM2 = 1.
    assertThat(r.minOverlapM2()).isEqualTo(1.0);
    assertThat(r.policy()).containsKey("parameters");
  }

  @Test
  void touchingButNotOverlappingGivesZero() {
    ParcelResult e = parcel(runStandard(PLANAR), "E");
    // E = [200,220]×[100,120] shares only an edge with T4 and the boundary, a corner with T2.
    assertThat(e.areaM2()).isCloseTo(400, within(EPS));
    assertThat(e.farmlandM2()).isZero();
    assertThat(e.permanentFarmlandM2()).isZero();
    assertThat(e.ecoRedlineM2()).isZero();
    assertThat(e.byLandUse()).isEmpty();
    assertThat(e.township()).isNull();
    // Entirely outside the boundary (touching is not inside): 400.
    assertThat(e.outsideDevBoundaryM2()).isCloseTo(400, within(EPS));
    assertThat(e.conflicts()).extracting(Conflict::type).containsExactly(Reason.OUTSIDE_DEV_BOUNDARY);
    assertThat(e.status()).isEqualTo(Status.WARN);
  }

  @Test
  void resultsComeInPlanOrderWithTotalsAndTownships() {
    RedLineResult r = runStandard(PLANAR.withParallelism(2));
    assertThat(r.parcels()).extracting(ParcelResult::id).containsExactly("A", "B", "C", "D", "E");
    Totals t = r.totals();
    // FAIL: A, B; WARN: C, E; PASS: D.
    assertThat(List.of(t.fail(), t.warn(), t.pass())).containsExactly(2, 2, 1);
    // Area 2000 + 4800 + 1000 + 400.4 + 400 = 8600.4; net farmland 1840 + 380 + 0.36 (D's sliver) = 2220.36.
    assertThat(t.areaM2()).isCloseTo(8600.4, within(1e-6));
    assertThat(t.farmlandNetM2()).isCloseTo(2220.36, within(1e-6));
    // Owed only by A and C: 1840 + 380 = 2220 m², 2694 + 456 = 3150 kg.
    assertThat(t.owed().areaM2()).isCloseTo(2220, within(1e-6));
    assertThat(t.owed().capacityKg()).isCloseTo(3150, within(1e-6));
    // Townships: 130102001 = {A}, 130102002 = {B, C, D}, none = {E}.
    assertThat(r.townships()).extracting(TownshipSummary::code).containsExactly("130102001", "130102002", null);
    assertThat(r.townships()).extracting(s -> s.totals().parcels()).containsExactly(1, 3, 1);
  }

  @Test
  void optionalLayersAbsentAreReportedAsNotChecked() {
    RedLineResult r = new RedLineCheck(PLANAR).run(new RedLineInputs(landUse(), pbf(), null, null, standardPlan(),
        "XMBH", null, List.of()));
    ParcelResult b = parcel(r, "B");
    assertThat(b.ecoRedlineM2()).isNull();
    assertThat(b.outsideDevBoundaryM2()).isNull();
    assertThat(b.status()).isEqualTo(Status.PASS);
    assertThat(r.ecoRedlineChecked()).isFalse();
    assertThat(r.totals().ecoRedlineM2()).isNull();
    // Without the boundary, E (touching everything) has no conflict at all.
    assertThat(parcel(r, "E").conflicts()).isEmpty();
    assertThat(parcel(r, "E").status()).isEqualTo(Status.PASS);
  }

  @Test
  void ledgerSettlesTheParcelsAgainstSupplementaryProjects() {
    // Same numbers as CompensationLedgerTest: A owes 1840 m² / 1080 m² / 2694 kg, C 380 / 0 / 456.
    List<org.landledger.redline.compensation.SupplementaryProject> projects = List.of(
        new org.landledger.redline.compensation.SupplementaryProject("S1", null, 2000, 500, 2000),
        new org.landledger.redline.compensation.SupplementaryProject("S2", null, 100, 0, 1000));
    RedLineResult r = new RedLineCheck(PLANAR).run(new RedLineInputs(landUse(), pbf(), eco(), dev(), standardPlan(),
        "XMBH", null, projects));
    assertThat(r.ledger().claims()).extracting(c -> c.parcelId()).containsExactly("A", "C");
    // Short: area 2220 − 2100 = 120, paddy 1080 − 500 = 580, capacity 3150 − 3000 = 150.
    assertThat(r.ledger().shortfall().areaM2()).isCloseTo(120, within(1e-6));
    assertThat(r.ledger().shortfall().paddyM2()).isCloseTo(580, within(1e-6));
    assertThat(r.ledger().shortfall().capacityKg()).isCloseTo(150, within(1e-6));
  }

  @Test
  void unknownLandUseCodesAndMissingGradesAreReported() {
    // T2 recoded to "9999" (not in the classification); T1 without GDDB.
    org.landledger.io.Layer lu = layer("DLTB", List.of(
        dltb("T1", rect(0, 0, 100, 100), "0101", 0.10, null, "1301020010010000000"),
        dltb("T2", rect(100, 0, 200, 100), "9999", 0.0, null, "1301020010020000000")),
        landUse().schema().fields());
    RedLineResult r = new RedLineCheck(PLANAR).run(new RedLineInputs(lu, pbf(), null, null,
        plan(RedLineFixture.parcel("A", rect(40, 40, 140, 60))), "XMBH", null, List.of()));
    ParcelResult a = r.parcels().get(0);
    // 9999 keeps its 40 × 20 = 800 m² under its own code; only T1's 1200 × 0.9 = 1080 is farmland.
    assertThat(a.byLandUse().get("9999")).isCloseTo(800, within(EPS));
    assertThat(r.unknownLandUseCodes()).containsOnlyKeys("9999");
    assertThat(a.owed().ungradedM2()).isCloseTo(1080, within(EPS));
    assertThat(a.owed().capacityKg()).isZero();
    assertThat(r.notes()).anyMatch(n -> n.contains("9999")).anyMatch(n -> n.contains("capacity not counted"));
  }
}
