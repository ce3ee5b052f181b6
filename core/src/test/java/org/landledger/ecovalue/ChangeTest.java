package org.landledger.ecovalue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.landledger.ecovalue.Fixtures.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.landledger.ecovalue.change.EsvChange;
import org.landledger.ecovalue.change.ExtentAccount;
import org.landledger.ecovalue.change.LandUseTransfer;
import org.landledger.ecovalue.esv.EcosystemMapping;
import org.landledger.ecovalue.esv.EquivalentTable;
import org.landledger.ecovalue.esv.EsvModel;
import org.landledger.ecovalue.esv.RegionalAdjustment;
import org.landledger.ecovalue.esv.UnitValue;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Layer;

class ChangeTest {

  static final double EPS = 1e-6;
  static final EsvModel MODEL = new EsvModel(EquivalentTable.xie2015(), EcosystemMapping.standard(),
      UnitValue.given(1000), RegionalAdjustment.NONE);

  /* before: P1 0101 KCXS 0.1 x 0–100 (1 ha), P2 0301 x 100–200 (1 ha)
   * after:  Q1 0103 KCXS 0.2 x 0–150 (1.5 ha), Q2 0702 x 150–200 (0.5 ha) */
  static Layer before() {
    return layer("DLTB2019", GK39,
        tb("P1", rect(0, 0, 100, 100), "0101", 0.1, "110101001001"),
        tb("P2", rect(100, 0, 200, 100), "0301", 0, "110101001001"));
  }

  static Layer after() {
    return layer("DLTB2023", GK39,
        tb("Q1", rect(0, 0, 150, 100), "0103", 0.2, "110101001001"),
        tb("Q2", rect(150, 0, 200, 100), "0702", 0, "110101001001"));
  }

  static double ha(LandUseTransfer t, String from, String to) {
    return t.areaM2(from, to) / 10_000;
  }

  @Test
  void transferMatrixCouplesBothTianKanSplits() {
    LandUseTransfer t = LandUseTransfer.compute(before(), after(), planar());
    // Q1 ∩ P1 = 1 ha: before (0101 .9, 1203 .1), after (0103 .8, 1203 .2): the ridges persist, 1203 → 1203 =
    // min(.1, .2) = .1; the rest of 0101 (.9) goes to 0103 .8 and 1203 .1
    assertThat(ha(t, "1203", "1203")).isCloseTo(0.1, within(EPS));
    assertThat(ha(t, "0101", "0103")).isCloseTo(0.8, within(EPS));
    assertThat(ha(t, "0101", "1203")).isCloseTo(0.1, within(EPS));
    assertThat(ha(t, "1203", "0103")).isZero();
    // Q1 ∩ P2 = 0.5 ha: 0301 × (0103 .8, 1203 .2); Q2 ∩ P2 = 0.5 ha 0301 → 0702
    assertThat(ha(t, "0301", "0103")).isCloseTo(0.4, within(EPS));
    assertThat(ha(t, "0301", "1203")).isCloseTo(0.1, within(EPS));
    assertThat(ha(t, "0301", "0702")).isCloseTo(0.5, within(EPS));
    assertThat(t.areaM2()).hasSize(6);
    // rows = before class areas: 0101 0.9, 1203 0.1, 0301 1.0 ha
    assertThat(t.rowTotals().get("0101")).isCloseTo(9000, within(1e-4));
    assertThat(t.rowTotals().get("1203")).isCloseTo(1000, within(1e-4));
    assertThat(t.rowTotals().get("0301")).isCloseTo(10000, within(1e-4));
    // columns = after class areas: 0103 1.5 × .8 = 1.2, 1203 1.5 × .2 = 0.3, 0702 0.5 ha
    assertThat(t.columnTotals().get("0103")).isCloseTo(12000, within(1e-4));
    assertThat(t.columnTotals().get("1203")).isCloseTo(3000, within(1e-4));
    assertThat(t.columnTotals().get("0702")).isCloseTo(5000, within(1e-4));
    // and they equal each map's own accounting
    assertMapsClose(t.rowTotals(), LandUseAreas.byTownshipCode(before(), planar()).total());
    assertMapsClose(t.columnTotals(), LandUseAreas.byTownshipCode(after(), planar()).total());
    assertThat(t.uncoveredBefore()).isEmpty();
    assertThat(t.uncoveredAfter()).isEmpty();
  }

  static void assertMapsClose(Map<String, Double> a, Map<String, Double> b) {
    assertThat(a.keySet()).isEqualTo(b.keySet());
    a.forEach((k, v) -> assertThat(v).as(k).isCloseTo(b.get(k), within(1e-4)));
  }

  @Test
  void unchangedFarmlandIsNoChange() {
    // the same 0102 polygon with KCXS .08 on both dates: purely diagonal (no ridge ↔ field swaps)
    Layer b = layer("B", GK39, tb("P", rect(0, 0, 100, 100), "0102", 0.08, "110101001001"));
    Layer a = layer("A", GK39, tb("Q", rect(0, 0, 100, 100), "0102", 0.08, "110101001001"));
    LandUseTransfer t = LandUseTransfer.compute(b, a, planar());
    assertThat(t.areaM2()).hasSize(2);
    assertThat(ha(t, "0102", "0102")).isCloseTo(0.92, within(EPS));
    assertThat(ha(t, "1203", "1203")).isCloseTo(0.08, within(EPS));
    // KCXS .08 → .05: .03 ha of ridge became field
    LandUseTransfer t2 = LandUseTransfer.compute(b,
        layer("A", GK39, tb("Q", rect(0, 0, 100, 100), "0102", 0.05, "110101001001")), planar());
    assertThat(ha(t2, "1203", "0102")).isCloseTo(0.03, within(EPS));
    assertThat(ha(t2, "0102", "1203")).isZero();
    assertThat(ha(t2, "1203", "1203")).isCloseTo(0.05, within(EPS));
  }

  @Test
  void esvDeltaAndContributions() {
    EsvChange c = new EsvChange(MODEL, LandUseTransfer.compute(before(), after(), planar()), 0.5);
    // before: 0.9 × 3890 + 1 × 23090 = 26591; after: Σ dryland 4.01 → 1.2 × 4010 = 4812
    assertThat(c.before().total()).isCloseTo(26591, within(1e-4));
    assertThat(c.after().total()).isCloseTo(4812, within(1e-4));
    assertThat(c.delta()).isCloseTo(-21779, within(1e-4));
    // contributions: 0101→0103 0.8 × (4010 − 3890) = 96; 0101→1203 0.1 × −3890 = −389; 1203→1203 0;
    // 0301→0103 0.4 × (4010 − 23090) = −7632; 0301→1203 0.1 × −23090 = −2309; 0301→0702 0.5 × −23090 = −11545
    assertThat(c.contribution("0101", "0103")).isCloseTo(96, within(1e-6));
    assertThat(c.contribution("0101", "1203")).isCloseTo(-389, within(1e-6));
    assertThat(c.contribution("1203", "1203")).isZero();
    assertThat(c.contribution("0301", "0103")).isCloseTo(-7632, within(1e-6));
    assertThat(c.contribution("0301", "0702")).isCloseTo(-11545, within(1e-6));
    // Σ = 96 − 389 − 7632 − 2309 − 11545 = −21779
    Map<String, Object> json = c.toJson();
    assertThat((double) json.get("deltaFromTransitions")).isCloseTo(-21779, within(1e-4));
    assertThat((double) json.get("deltaFromUncoveredArea")).isCloseTo(0, within(1e-9));
    // 0301 → 0702 carries −11545 / −21779 = 0.53009… of the net change
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tr = (List<Map<String, Object>>) json.get("transitions");
    Map<String, Object> homestead = tr.stream().filter(x -> x.get("to").equals("0702")).findFirst().orElseThrow();
    assertThat((double) homestead.get("shareOfDelta")).isCloseTo(11545.0 / 21779, within(1e-9));
  }

  @Test
  void extentAccountIdentities() {
    EsvChange c = new EsvChange(MODEL, LandUseTransfer.compute(before(), after(), planar()), 0.5);
    Map<String, ExtentAccount.Entry> e = byType(c.extentAccount());
    // paddy: 0.9 → 0; mixed_forest 1 → 0; dryland 0 → 1.2 (from paddy .8, forest .4)
    check(e.get("paddy"), 0.9, 0, 0.9, 0);
    check(e.get("mixed_forest"), 1.0, 0, 1.0, 0);
    check(e.get("dryland"), 0, 1.2, 0, 1.2);
    // none (田坎, homestead): opening 0.1 (stays); additions .1 (paddy) + .1 + .5 (forest) = .7; closing .8
    check(e.get("none"), 0.1, 0.7, 0, 0.8);
    for (ExtentAccount.Entry x : e.values()) {
      assertThat(x.opening() + x.additions() - x.reductions()).as(x.ecosystem()).isCloseTo(x.closing(), within(1e-9));
      assertThat(x.netChange()).isCloseTo(x.closing() - x.opening(), within(1e-9));
    }
  }

  static void check(ExtentAccount.Entry e, double opening, double add, double red, double closing) {
    assertThat(e.opening()).as(e.ecosystem() + " opening").isCloseTo(opening, within(EPS));
    assertThat(e.additions()).as(e.ecosystem() + " additions").isCloseTo(add, within(EPS));
    assertThat(e.reductions()).as(e.ecosystem() + " reductions").isCloseTo(red, within(EPS));
    assertThat(e.closing()).as(e.ecosystem() + " closing").isCloseTo(closing, within(EPS));
  }

  static Map<String, ExtentAccount.Entry> byType(List<ExtentAccount.Entry> es) {
    Map<String, ExtentAccount.Entry> m = new java.util.LinkedHashMap<>();
    es.forEach(x -> m.put(x.ecosystem(), x));
    return m;
  }

  @Test
  void uncoveredExtentIsReportedAndKeepsTheIdentities() {
    // after map extends 1 ha east (Q3 0103 KCXS .2, x 200–300); before map has P3 0404 at x −100–0 the after map lacks
    Layer b = layer("B", GK39, before().features().get(0), before().features().get(1),
        tb("P3", rect(-100, 0, 0, 100), "0404", 0, "110101001001"));
    Layer a = layer("A", GK39, after().features().get(0), after().features().get(1),
        tb("Q3", rect(200, 0, 300, 100), "0103", 0.2, "110101001001"));
    LandUseTransfer t = LandUseTransfer.compute(b, a, planar());
    assertThat(t.uncoveredBefore()).containsOnlyKeys("0404");
    assertThat(t.uncoveredBefore().get("0404")).isCloseTo(10000, within(1e-4));
    // Q3 outside the before map: 0103 0.8 ha, 1203 0.2 ha
    assertThat(t.uncoveredAfter().get("0103")).isCloseTo(8000, within(1e-4));
    assertThat(t.uncoveredAfter().get("1203")).isCloseTo(2000, within(1e-4));
    EsvChange c = new EsvChange(MODEL, t, 0.5);
    // shrub_grassland Σ = 0.38+0.56+0.31+1.97+5.21+1.72+3.82+2.40+0.18+2.18+0.96 = 19.69 → 19690 lost;
    // dryland 0.8 ha × 4010 = 3208 gained outside the common extent: −19690 + 3208 = −16482
    Map<String, Object> json = c.toJson();
    assertThat((double) json.get("deltaFromUncoveredArea")).isCloseTo(-16482, within(1e-4));
    assertThat((double) json.get("deltaFromTransitions") + (double) json.get("deltaFromUncoveredArea"))
        .isCloseTo(c.delta(), within(1e-6));
    Map<String, ExtentAccount.Entry> e = byType(c.extentAccount());
    check(e.get("shrub_grassland"), 1.0, 0, 1.0, 0);
    assertThat(e.get("shrub_grassland").reductionsUncovered()).isCloseTo(1.0, within(EPS));
    check(e.get("dryland"), 0, 2.0, 0, 2.0);
    assertThat(e.get("dryland").additionsUncovered()).isCloseTo(0.8, within(EPS));
    @SuppressWarnings("unchecked")
    Map<String, Object> unc = (Map<String, Object>) json.get("uncovered");
    assertThat((double) unc.get("beforeOutsideAfterHa")).isCloseTo(1.0, within(EPS));
    assertThat((double) unc.get("afterOutsideBeforeHa")).isCloseTo(1.0, within(EPS));
  }

  @Test
  void selfOverlappingPolygonsAreFlagged() {
    // after map: Q1 x 0–150 and a duplicate Q1b over x 100–150 (0.5 ha counted twice)
    Layer a = layer("A", GK39, after().features().get(0), after().features().get(1),
        tb("Q1b", rect(100, 0, 150, 100), "0103", 0, "110101001001"));
    LandUseTransfer t = LandUseTransfer.compute(before(), a, planar());
    assertThat(t.afterSelfOverlapM2()).isCloseTo(5000, within(1e-4));
    assertThat(t.beforeSelfOverlapM2()).isZero();
    assertThat(t.describeOverlay()).containsKey("warning");
  }

  @Test
  void differentCrsIsReprojected() {
    // the before map delivered in CGCS2000 geographic (EPSG:4490); areas measured on the ellipsoid in both
    Crs geo = Crs.epsg(4490);
    Layer b = before();
    Layer b4490 = new Layer(b.schema(), geo,
        b.features().stream().map(f -> f.withGeometry(GK39.transform(densify(f), geo))).toList(), "B4490");
    AreaCalculator ell = AreaCalculator.of(GK39, AreaMode.ELLIPSOIDAL);
    LandUseTransfer t = LandUseTransfer.compute(b4490, after(), ell);
    assertThat(t.reprojected()).isTrue();
    assertThat(t.describeOverlay()).containsEntry("reprojected", true).containsEntry("beforeCrs", "EPSG:4490");
    LandUseTransfer same = LandUseTransfer.compute(b, after(), ell);
    // the same allocation as with both maps in EPSG:4527, to a tenth of a mm² per ha-scale cell
    same.areaM2().forEach((k, v) -> assertThat(t.areaM2(k.from(), k.to())).as(k.toString()).isCloseTo(v, within(1e-3)));
    assertThat(t.uncoveredBefore().values().stream().mapToDouble(Double::doubleValue).sum()).isLessThan(1e-2);
    assertThat(t.uncoveredAfter().values().stream().mapToDouble(Double::doubleValue).sum()).isLessThan(1e-2);
  }

  private static org.locationtech.jts.geom.Geometry densify(Feature f) {
    return org.locationtech.jts.densify.Densifier.densify(f.geometry(), 10);
  }

  @Test
  void transferReportsProgressPerAfterPolygonAndGivesTheSameMatrix() {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    org.landledger.io.Progress p = org.landledger.io.Progress.lines(new java.io.PrintStream(buf, true), "t", after().size());
    LandUseTransfer t = LandUseTransfer.compute(before(), after(), planar(),
        org.landledger.landuse.LocalOverlayEngine.INSTANCE, p);
    assertThat(p.done()).isEqualTo(after().size());
    assertThat(buf.toString()).contains("progress " + after().size() + " " + after().size());
    assertThat(t.areaM2()).isEqualTo(LandUseTransfer.compute(before(), after(), planar()).areaM2());
  }
}
