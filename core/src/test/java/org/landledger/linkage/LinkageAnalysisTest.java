package org.landledger.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.landledger.linkage.LinkageFixtures.GK;
import static org.landledger.linkage.LinkageFixtures.dltb;
import static org.landledger.linkage.LinkageFixtures.plot;
import static org.landledger.linkage.LinkageFixtures.rect;
import static org.landledger.linkage.LinkageFixtures.zone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.GeometryRepair;
import org.landledger.io.Feature;
import org.landledger.io.InputDataException;
import org.landledger.io.Layer;
import org.landledger.landuse.LandUseOverlay;
import org.landledger.linkage.LinkageResult.Project;
import org.landledger.linkage.LinkageResult.Violation;
import org.landledger.policy.PolicyProfile;

class LinkageAnalysisTest {

  static final double EPS = 1e-6;

  static LinkageResult run(List<Feature> demolition, List<Feature> construction, List<Feature> pbf,
      List<Feature> eco, PolicyProfile profile, LinkageAnalysis.Options options, AreaMode mode) {
    Layer base = dltb();
    LandUseOverlay overlay = new LandUseOverlay(base, AreaCalculator.of(GK, mode));
    List<String> notes = new ArrayList<>();
    GeometryRepair repair = new GeometryRepair(true);
    List<LinkagePlot> plots = new ArrayList<>();
    plots.addAll(LinkageInputs.plots(Layer.fromRows("CJQ", GK, "Polygon", demolition),
        LinkagePlot.Role.DEMOLITION, LinkageInputs.Fields.DEFAULT, GK, repair, notes));
    plots.addAll(LinkageInputs.plots(Layer.fromRows("JXQ", GK, "Polygon", construction),
        LinkagePlot.Role.CONSTRUCTION, LinkageInputs.Fields.DEFAULT, GK, repair, notes));
    Layer p = pbf == null ? null : Layer.fromRows("YJJBNTTB", GK, "Polygon", pbf);
    Layer e = eco == null ? null : Layer.fromRows("STBHHX", GK, "Polygon", eco);
    return new LinkageAnalysis(overlay, profile, p, e, options).analyse(LinkageProject.group(plots), notes);
  }

  static LinkageResult run(List<Feature> demolition, List<Feature> construction) {
    return run(demolition, construction, List.of(), List.of(), PolicyProfile.nationalDefault(),
        LinkageAnalysis.Options.DEFAULT, AreaMode.PLANAR);
  }

  static List<String> codes(Project p) {
    return p.violations().stream().map(v -> v.code().name()).toList();
  }

  static LinkageResult runAt(List<Feature> demolition, List<Feature> construction, LinkageAnalysis.Options o) {
    return run(demolition, construction, List.of(), List.of(), PolicyProfile.nationalDefault(), o, AreaMode.PLANAR);
  }

  @Test
  void balancedProjectWithSurplusAndItsValue() {
    // D1 = x 0–100 on T1 (0702): 10 000 m² reclaimable, planned 0101 paddy grade 4, no KCXS given (gross).
    // C1 = x 100–150 on T2 (0101, KCXS 0.1, GDDB 5): 5 000 m² gross farmland, net 5 000 × 0.9 = 4 500, all paddy.
    // Paddy: 10 000 reclaimed ≥ 4 500 occupied.
    // Surplus = 10 000 − 5 000 = 5 000 m² = 5 000 × 15 / 10 000 = 7.5 亩; × 300 000 元/亩 (cross-province 调出,
    // ordinary farmland) = 2 250 000 元.
    LinkageResult r = runAt(List.of(plot("D1", "P1", rect(0, 0, 100, 100), "0101", 4)),
        List.of(plot("C1", "P1", rect(100, 0, 150, 100), null, null)), new LinkageAnalysis.Options(null, LinkageAnalysis.PriceClass.ORDINARY_FARMLAND));
    Project p = r.project("P1");
    assertThat(p.demolitionAreaM2()).isCloseTo(10_000, within(EPS));
    assertThat(p.reclaimableAreaM2()).isCloseTo(10_000, within(EPS));
    assertThat(p.reclaimedFarmlandM2()).isCloseTo(10_000, within(EPS));
    assertThat(p.reclaimedPaddyM2()).isCloseTo(10_000, within(EPS));
    assertThat(p.constructionAreaM2()).isCloseTo(5_000, within(EPS));
    assertThat(p.constructionFarmlandM2()).isCloseTo(5_000, within(EPS));
    assertThat(p.constructionFarmlandNetM2()).isCloseTo(4_500, within(EPS));
    assertThat(p.occupiedPaddyM2()).isCloseTo(4_500, within(EPS));
    assertThat(p.reclaimedQualityGrade()).isCloseTo(4.0, within(EPS));
    assertThat(p.occupiedQualityGrade()).isCloseTo(5.0, within(EPS));
    assertThat(p.surplusQuotaM2()).isCloseTo(5_000, within(EPS));
    assertThat(p.surplusQuotaMu()).isCloseTo(7.5, within(EPS));
    assertThat(p.surplusValueYuan()).isCloseTo(2_250_000, within(1e-3));
    assertThat(p.counties()).containsExactly("130102");
    assertThat(p.violations()).isEmpty();
    assertThat(p.balanced()).isTrue();
    assertThat(p.qualityVerified()).isTrue();
    assertThat(r.priceSource()).contains("linkage.crossProvince.outgoingPricePerMu.ordinaryFarmland");
    assertThat(r.notes()).anyMatch(n -> n.contains("designated counties only"));
    assertThat(p.assumptions()).anyMatch(a -> a.contains("D1") && a.contains("counted gross"));
  }

  @Test
  void areaBalancedButPaddyNotIsAViolation() {
    // The issue's case: D1 reclaims 10 000 m² of 0103 旱地 (area 10 000 ≥ 4 500 occupied), but C1 occupies
    // 4 500 m² of paddy (T2 0101, 5 000 × (1 − 0.1)) and no paddy is reclaimed → PADDY_NOT_BALANCED, 4 500 m²
    // = 6.75 亩, naming C1; FARMLAND_NOT_BALANCED is not raised.
    Project p = run(List.of(plot("D1", "P1", rect(0, 0, 100, 100), "0103", 4)),
        List.of(plot("C1", "P1", rect(100, 0, 150, 100), null, null))).project("P1");
    assertThat(codes(p)).containsExactly("PADDY_NOT_BALANCED");
    Violation v = p.violations().get(0);
    assertThat(v.areaM2()).isCloseTo(4_500, within(EPS));
    assertThat(v.plotIds()).containsExactly("C1");
    assertThat(v.geometry().getArea()).isCloseTo(5_000, within(EPS));
    assertThat(p.balanced()).isFalse();
    // a profile may lift the rule, citing why
    PolicyProfile lifted = PolicyProfile.shipped("example-province-homestead");
    assertThat(lifted.has(LinkageAnalysis.PADDY_KEY)).isTrue();
  }

  @Test
  void reclaimedFarmlandIsNetOfItsTiankanLikeTheOccupiedFarmland() {
    // Same project, D1 planned 0103 with KCXS 0.08 (field): reclaimed net = 10 000 × (1 − 0.08) = 9 200;
    // occupied net 4 500 → farmland surplus 9 200 − 4 500 = 4 700, against 10 000 − 4 500 = 5 500 counted gross:
    // the symmetric rule lowers it by exactly 10 000 × 0.08 = 800 m². Construction-land surplus unchanged (5 000).
    Feature d = plot("D1", "P1", rect(0, 0, 100, 100), "0103", 4);
    Map<String, Object> a = new java.util.LinkedHashMap<>(d.attributes());
    a.put("KCXS", 0.08);
    Project net = run(List.of(d.withAttributes(a)), List.of(plot("C1", "P1", rect(100, 0, 150, 100), null, null)))
        .project("P1");
    Project gross = run(List.of(d), List.of(plot("C1", "P1", rect(100, 0, 150, 100), null, null))).project("P1");
    assertThat(net.reclaimedFarmlandGrossM2()).isCloseTo(10_000, within(EPS));
    assertThat(net.reclaimedFarmlandM2()).isCloseTo(9_200, within(EPS));
    assertThat(net.farmlandSurplusM2()).isCloseTo(4_700, within(EPS));
    assertThat(gross.farmlandSurplusM2()).isCloseTo(5_500, within(EPS));
    assertThat(gross.farmlandSurplusM2() - net.farmlandSurplusM2()).isCloseTo(800, within(EPS));
    assertThat(net.surplusQuotaM2()).isCloseTo(gross.surplusQuotaM2(), within(EPS));
    assertThat(net.assumptions()).noneMatch(x -> x.contains("counted gross"));
  }

  @Test
  void reclaimedKcxsFromTheProfileByClassAndSlope() {
    // Example profile: 0103 slope 3 → 0.1. D1 planned 0103, GDPDJB 3: 10 000 × 0.9 = 9 000 net; intra-county
    // price 200 000 元/亩 (EXAMPLE) × 7.5 亩 = 1 500 000 元.
    Feature d = plot("D1", "P1", rect(0, 0, 100, 100), "0103", 4);
    Map<String, Object> a = new java.util.LinkedHashMap<>(d.attributes());
    a.put("GDPDJB", 3);
    Project p = run(List.of(d.withAttributes(a)), List.of(plot("C1", "P1", rect(100, 0, 150, 100), null, null)),
        List.of(), List.of(), PolicyProfile.shipped("example-province-homestead"), LinkageAnalysis.Options.DEFAULT,
        AreaMode.PLANAR).project("P1");
    assertThat(p.reclaimedFarmlandM2()).isCloseTo(9_000, within(EPS));
    assertThat(p.surplusValueYuan()).isCloseTo(1_500_000, within(1e-3));
  }

  @Test
  void paddyShortfallDrawnOnTheVerifiedLedger() {
    // The paddy shortfall of 4 500 m² (areaBalancedButPaddyNot) drawn on the ledger: unverified S0 offers nothing,
    // S1 has 3 000 m² of paddy, S2 2 000 → 3 000 + 1 500 drawn; the violation is gone, S2 keeps 500.
    List<org.landledger.redline.compensation.SupplementaryProject> ledger = List.of(
        new org.landledger.redline.compensation.SupplementaryProject("S0", null, 9_000, 9_000, 0, false),
        new org.landledger.redline.compensation.SupplementaryProject("S1", null, 3_000, 3_000, 0),
        new org.landledger.redline.compensation.SupplementaryProject("S2", null, 2_000, 2_000, 0));
    Layer base = dltb();
    LandUseOverlay overlay = new LandUseOverlay(base, AreaCalculator.of(GK, AreaMode.PLANAR));
    List<LinkagePlot> plots = new ArrayList<>();
    GeometryRepair repair = new GeometryRepair(true);
    plots.addAll(LinkageInputs.plots(Layer.fromRows("CJQ", GK, "Polygon",
        List.of(plot("D1", "P1", rect(0, 0, 100, 100), "0103", 4))), LinkagePlot.Role.DEMOLITION,
        LinkageInputs.Fields.DEFAULT, GK, repair, new ArrayList<>()));
    plots.addAll(LinkageInputs.plots(Layer.fromRows("JXQ", GK, "Polygon",
        List.of(plot("C1", "P1", rect(100, 0, 150, 100), null, null))), LinkagePlot.Role.CONSTRUCTION,
        LinkageInputs.Fields.DEFAULT, GK, repair, new ArrayList<>()));
    Project p = new LinkageAnalysis(overlay, PolicyProfile.nationalDefault(), null, null, null)
        .withSupplementary(ledger).analyse(LinkageProject.group(plots)).project("P1");
    assertThat(p.violations()).isEmpty();
    assertThat(p.assumptions()).anyMatch(a -> a.contains("S1") && a.contains("3000.00"))
        .anyMatch(a -> a.contains("S2") && a.contains("1500.00")).noneMatch(a -> a.contains("S0"));
    // with S1 alone: 1 500 m² still short
    Project shortP = new LinkageAnalysis(overlay, PolicyProfile.nationalDefault(), null, null, null)
        .withSupplementary(ledger.subList(0, 2)).analyse(LinkageProject.group(plots)).project("P1");
    assertThat(codes(shortP)).containsExactly("PADDY_NOT_BALANCED");
    assertThat(shortP.violations().get(0).areaM2()).isCloseTo(1_500, within(EPS));
  }

  @Test
  void withoutAnIntraCountyPriceTheSurplusIsNotValued() {
    // the national default names no intra-county price (it is local): value null, said in the notes
    LinkageResult r = run(List.of(plot("D1", "P1", rect(0, 0, 100, 100), "0101", 4)),
        List.of(plot("C1", "P1", rect(100, 0, 150, 100), null, null)));
    assertThat(r.project("P1").surplusValueYuan()).isNull();
    assertThat(r.pricePerMu()).isNull();
    assertThat(r.notes()).anyMatch(n -> n.contains("linkage.pricePerMu.intraCounty"));
    assertThat(r.toJson()).containsEntry("regime", "2024");
  }

  @Test
  void highStandardPriceAndExplicitPrice() {
    List<Feature> d = List.of(plot("D1", "P1", rect(0, 0, 100, 100), "0101", 4));
    List<Feature> c = List.of(plot("C1", "P1", rect(100, 0, 150, 100), null, null));
    // 7.5 亩 × 400 000 = 3 000 000 元; × 123 456 = 925 920 元.
    LinkageResult hs = run(d, c, List.of(), List.of(), PolicyProfile.nationalDefault(),
        new LinkageAnalysis.Options(null, LinkageAnalysis.PriceClass.HIGH_STANDARD_FARMLAND), AreaMode.PLANAR);
    assertThat(hs.project("P1").surplusValueYuan()).isCloseTo(3_000_000, within(1e-3));
    LinkageResult ex = run(d, c, List.of(), List.of(), PolicyProfile.nationalDefault(),
        new LinkageAnalysis.Options(123_456.0, null), AreaMode.PLANAR);
    assertThat(ex.project("P1").surplusValueYuan()).isCloseTo(925_920, within(1e-3));
    assertThat(ex.priceSource()).contains("--price-per-mu");
  }

  @Test
  void provinceProfileOverridesPriceAndIsCited(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("province.json");
    Files.writeString(f, """
        {"id": "cn-34-anhui", "version": "2024.1", "extends": "cn-national-default",
         "parameters": {"linkage.pricePerMu.intraCounty": {"value": 200000, "unit": "元/亩",
           "source": "某省增减挂钩节余指标省内交易指导价（示例）"}}}
        """);
    PolicyProfile profile = PolicyProfile.load(f);
    // 7.5 亩 × 200 000 = 1 500 000 元.
    LinkageResult r = run(List.of(plot("D1", "P1", rect(0, 0, 100, 100), "0103", 4)),
        List.of(plot("C1", "P1", rect(100, 0, 150, 100), null, null)), List.of(), List.of(), profile,
        LinkageAnalysis.Options.DEFAULT, AreaMode.PLANAR);
    assertThat(r.project("P1").surplusValueYuan()).isCloseTo(1_500_000, within(1e-3));
    assertThat(r.policy().get("lineage")).isEqualTo(List.of("cn-national-default@2026.1", "cn-34-anhui@2024.1"));
    @SuppressWarnings("unchecked")
    Map<String, Object> params = (Map<String, Object>) r.policy().get("parameters");
    assertThat(params).containsKeys("linkage.reclaimableCodes", "linkage.turnoverYears",
        "linkage.pricePerMu.intraCounty");
    assertThat(params).doesNotContainKey("redline.minOverlapM2");
  }

  @Test
  void partialPlotsAndQualityWeighting() {
    // D2a = x 50–150: 5 000 on T1 (0702, reclaimable) + 5 000 on T2 (0101 paddy: 4 500 水田 + 500 田坎, not
    //   reclaimable) → reclaimable 5 000; planned 0101 grade 3 → reclaimed farmland 5 000, reclaimed paddy 5 000.
    //   Non-reclaimable 10 000 − 5 000 = 5 000 → DEMOLITION_NOT_CONSTRUCTION_LAND.
    // D2b = x 300–400, y 0–50 on T4 (1201): 5 000 reclaimable, planned 0103 grade 9.
    // Reclaimed farmland 10 000, grade (3 × 5 000 + 9 × 5 000) / 10 000 = 6.
    // C2a = x 200–300, y 0–60 on T3 (0103, KCXS 0.2, GDDB 8): 6 000 gross, 4 800 net.
    // C2b = x 150–200, y 0–40 on T2 (0101, KCXS 0.1, GDDB 5): 2 000 gross, 1 800 net, paddy 1 800.
    // Occupied: gross 8 000, net 6 600, grade (8 × 4 800 + 5 × 1 800) / 6 600 = 47 400 / 6 600 = 7.181818…
    // Surplus 10 000 − 8 000 = 2 000 m² = 3 亩 → 900 000 元.
    LinkageResult r = runAt(
        List.of(plot("D2a", "P2", rect(50, 0, 150, 100), "0101", 3),
            plot("D2b", "P2", rect(300, 0, 400, 50), "0103", 9)),
        List.of(plot("C2a", "P2", rect(200, 0, 300, 60), null, null),
            plot("C2b", "P2", rect(150, 0, 200, 40), null, null)), new LinkageAnalysis.Options(null, LinkageAnalysis.PriceClass.ORDINARY_FARMLAND));
    Project p = r.project("P2");
    assertThat(p.demolitionAreaM2()).isCloseTo(15_000, within(EPS));
    assertThat(p.reclaimableAreaM2()).isCloseTo(10_000, within(EPS));
    assertThat(p.reclaimedFarmlandM2()).isCloseTo(10_000, within(EPS));
    assertThat(p.reclaimedPaddyM2()).isCloseTo(5_000, within(EPS));
    assertThat(p.reclaimedQualityGrade()).isCloseTo(6.0, within(EPS));
    assertThat(p.constructionAreaM2()).isCloseTo(8_000, within(EPS));
    assertThat(p.constructionFarmlandM2()).isCloseTo(8_000, within(EPS));
    assertThat(p.constructionFarmlandNetM2()).isCloseTo(6_600, within(EPS));
    assertThat(p.occupiedPaddyM2()).isCloseTo(1_800, within(EPS));
    assertThat(p.occupiedQualityGrade()).isCloseTo(47_400.0 / 6_600.0, within(EPS));
    assertThat(p.surplusQuotaM2()).isCloseTo(2_000, within(EPS));
    assertThat(p.surplusValueYuan()).isCloseTo(900_000, within(1e-3));
    assertThat(codes(p)).containsExactly("DEMOLITION_NOT_CONSTRUCTION_LAND");
    Violation v = p.violations().get(0);
    assertThat(v.plotIds()).containsExactly("D2a");
    assertThat(v.areaM2()).isCloseTo(5_000, within(EPS));
    assertThat(v.geometry().getArea()).isCloseTo(5_000, within(EPS));  // the x 100–150 half
    assertThat(v.geometry().getEnvelopeInternal().getMinX()).isCloseTo(LinkageFixtures.X0 + 100, within(EPS));
    assertThat(v.detail()).contains("0101 4500.00").contains("1203 500.00");
    assertThat(p.balanced()).isFalse();
    LinkageResult.Plot d2a = p.plots().get(0);
    assertThat(d2a.areaByCode()).containsOnlyKeys("0702", "0101", "1203");
    assertThat(d2a.areaByCode().get("0101")).isCloseTo(4_500, within(EPS));
  }

  @Test
  void constructionExceedsDemolitionFarmlandNotBalancedAndQualityDecreased() {
    // D3 = x 0–100, y 0–20 on T1: 2 000 reclaimable, planned 0103 grade 10.
    // C3 = x 200–300, y 60–100 on T3: 4 000 gross, 3 200 net, grade 8.
    // 4 000 > 2 000 → exceeds by 2 000; reclaimed farmland 2 000 < 3 200 → short 1 200; grade 10 > 8 → worse.
    // Surplus max(0, 2 000 − 4 000) = 0 → value 0.
    LinkageResult r = run(List.of(plot("D3", "P3", rect(0, 0, 100, 20), "0103", 10)),
        List.of(plot("C3", "P3", rect(200, 60, 300, 100), null, null)));
    Project p = r.project("P3");
    assertThat(codes(p)).containsExactly("CONSTRUCTION_EXCEEDS_DEMOLITION", "FARMLAND_NOT_BALANCED",
        "QUALITY_DECREASED");
    assertThat(p.violations().get(0).areaM2()).isCloseTo(2_000, within(EPS));
    assertThat(p.violations().get(0).geometry().getArea()).isCloseTo(4_000, within(EPS));
    assertThat(p.violations().get(1).areaM2()).isCloseTo(1_200, within(EPS));
    assertThat(p.violations().get(1).plotIds()).containsExactly("C3");
    assertThat(p.violations().get(2).plotIds()).containsExactly("D3");
    assertThat(p.surplusQuotaM2()).isZero();
    assertThat(p.surplusValueYuan()).isNull();
    assertThat(p.balanced()).isFalse();
  }

  @Test
  void equalQualityAndEqualAreaStillBalance() {
    // D = x 300–400, y 0–40 on T4 (1201): 4 000 reclaimable, planned 0103 grade 8.
    // C = x 200–300, y 0–40 on T3: 4 000 gross, 3 200 net, grade 8. 4 000 = 4 000 → not exceeding; 8 = 8 → not worse.
    LinkageResult r = run(List.of(plot("D", "P", rect(300, 0, 400, 40), "0103", 8)),
        List.of(plot("C", "P", rect(200, 0, 300, 40), null, null)));
    Project p = r.project("P");
    assertThat(p.violations()).isEmpty();
    assertThat(p.surplusQuotaM2()).isCloseTo(0, within(EPS));
  }

  @Test
  void permanentFarmlandAndEcoRedlineAndSlivers() {
    // D4 = x 0–100 on T1: 10 000 reclaimable. C4 = x 0–100, y 50–100 on T1 (no farmland): 5 000.
    // PBF Z1 x 20–40, y 60–80 → 400 m² overlap → violation. Eco E1 x 80–120, y 90–100 → overlap x 80–100 = 200 m².
    // C4s = x 0–10, y 0–10: PBF sliver Z2 x 9.5–10.5, y 0–1 → overlap 0.5 × 1 = 0.5 m² < 1 m² → reported, no violation.
    LinkageResult r = run(List.of(plot("D4", "P4", rect(0, 0, 100, 100), "0103", 5)),
        List.of(plot("C4", "P4", rect(0, 50, 100, 100), null, null),
            plot("C4s", "P4", rect(0, 0, 10, 10), null, null)),
        List.of(zone("Z1", rect(20, 60, 40, 80)), zone("Z2", rect(9.5, 0, 10.5, 1))),
        List.of(zone("E1", rect(80, 90, 120, 100))), PolicyProfile.nationalDefault(),
        LinkageAnalysis.Options.DEFAULT, AreaMode.PLANAR);
    Project p = r.project("P4");
    assertThat(codes(p)).containsExactly("CONSTRUCTION_IN_PERMANENT_FARMLAND", "CONSTRUCTION_IN_ECO_REDLINE");
    assertThat(p.violations().get(0).areaM2()).isCloseTo(400, within(EPS));
    assertThat(p.violations().get(0).geometry().getArea()).isCloseTo(400, within(EPS));
    assertThat(p.violations().get(1).areaM2()).isCloseTo(200, within(EPS));
    assertThat(p.plots().get(2).permanentFarmlandM2()).isCloseTo(0.5, within(EPS));
    assertThat(p.constructionFarmlandM2()).isZero();
  }

  @Test
  void crossCounty() {
    // D5 = x 500–600 on T6 (0702, county 130103): 10 000. C5 = x 0–100, y 50–100 on T1 (county 130102): 5 000.
    // Counties 130102: 5 000, 130103: 10 000 → main 130103; outside 5 000 m² on plot C5.
    LinkageResult r = run(List.of(plot("D5", "P5", rect(500, 0, 600, 100), "0103", 5)),
        List.of(plot("C5", "P5", rect(0, 50, 100, 100), null, null)));
    Project p = r.project("P5");
    assertThat(codes(p)).containsExactly("CROSS_COUNTY");
    Violation v = p.violations().get(0);
    assertThat(v.plots()).containsExactly(new LinkageResult.PlotRef(LinkagePlot.Role.CONSTRUCTION, "C5"));
    assertThat(v.areaM2()).isCloseTo(5_000, within(EPS));
    assertThat(v.detail()).contains("130102").contains("130103");
    assertThat(p.counties()).containsExactly("130102", "130103");
    // Plots in one county are not cross-county even when they straddle two 图斑 of it: see partial plots.
  }

  @Test
  void missingGradesAreReportedWithTheAssumption() {
    // D6 = x 300–400, y 50–100 on T4: 5 000 reclaimable, planned 0103, NO grade.
    // C6 = x 200–250 on T3: 5 000 gross, 4 000 net, grade 8. 5 000 = 5 000; 5 000 ≥ 4 000.
    // C6b = x 600–610, y 0–10 on T7 (0103, no GDDB, no ZLDWDM): 100 farmland, ungraded.
    // Reclaimed grade unknown → quality not verified, no QUALITY_DECREASED invented. 5 000 < 5 100 → exceeds by 100.
    LinkageResult r = run(List.of(plot("D6", "P6", rect(300, 50, 400, 100), "0103", null)),
        List.of(plot("C6", "P6", rect(200, 0, 250, 100), null, null),
            plot("C6b", "P6", rect(600, 0, 610, 10), null, null)));
    Project p = r.project("P6");
    assertThat(p.reclaimedQualityGrade()).isNull();
    assertThat(p.occupiedQualityGrade()).isCloseTo(8.0, within(EPS));  // T7's 100 m² excluded
    assertThat(p.qualityVerified()).isFalse();
    assertThat(codes(p)).containsExactly("CONSTRUCTION_EXCEEDS_DEMOLITION");
    assertThat(p.assumptions()).anyMatch(a -> a.contains("D6") && a.contains("未填质量等别"));
    assertThat(p.assumptions()).anyMatch(a -> a.contains("C6b") && a.contains("GDDB"));
    assertThat(p.assumptions()).anyMatch(a -> a.contains("could not be verified"));
    assertThat(p.counties()).containsExactly("130102");  // T7 has no county code: not a second county
    assertThat(p.plots().get(2).areaByCounty()).containsOnlyKeys("unknown");
  }

  @Test
  void demolitionEntirelyOutsideTheBase() {
    // D7 = x 1 000–1 100: no 图斑 → nothing reclaimable; 10 000 m² not construction land; reported.
    LinkageResult r = run(List.of(plot("D7", "P7", rect(1_000, 0, 1_100, 100), "0103", 5)), List.of());
    Project p = r.project("P7");
    assertThat(p.reclaimableAreaM2()).isZero();
    assertThat(codes(p)).containsExactly("DEMOLITION_NOT_CONSTRUCTION_LAND");
    assertThat(p.violations().get(0).areaM2()).isCloseTo(10_000, within(EPS));
    assertThat(p.violations().get(0).detail()).contains("outside base 10000.00");
    assertThat(p.assumptions()).anyMatch(a -> a.contains("D7") && a.contains("entirely outside"));
  }

  @Test
  void ellipsoidalAreasAreCloseToPlanarNearTheCentralMeridian() {
    // At 39 500 000 (the central meridian, scale 1) the ellipsoidal area of a 100 m square differs from the
    // planar 10 000 m² by far less than 0.1 %; the surplus 5 000 m² likewise.
    LinkageResult r = run(List.of(plot("D1", "P1", rect(0, 0, 100, 100), "0101", 4)),
        List.of(plot("C1", "P1", rect(100, 0, 150, 100), null, null)), List.of(), List.of(),
        PolicyProfile.nationalDefault(), LinkageAnalysis.Options.DEFAULT, AreaMode.ELLIPSOIDAL);
    Project p = r.project("P1");
    assertThat(p.demolitionAreaM2()).isCloseTo(10_000, within(10.0)).isNotEqualTo(10_000.0);
    assertThat(p.surplusQuotaM2()).isCloseTo(5_000, within(5.0));
    assertThat(p.violations()).isEmpty();
  }

  @Test
  void jsonHasTheIssueShape() {
    LinkageResult r = runAt(List.of(plot("D1", "P1", rect(0, 0, 100, 100), "0103", 4)),
        List.of(plot("C1", "P1", rect(100, 0, 150, 100), null, null)), new LinkageAnalysis.Options(null, LinkageAnalysis.PriceClass.ORDINARY_FARMLAND));
    Map<String, Object> json = r.toJson();
    assertThat(json).containsKeys("projects", "summary", "policy", "notes");
    @SuppressWarnings("unchecked")
    Map<String, Object> p = ((List<Map<String, Object>>) json.get("projects")).get(0);
    assertThat(p).containsKeys("projectId", "demolitionAreaM2", "reclaimedFarmlandM2", "constructionAreaM2",
        "constructionFarmlandM2", "constructionFarmlandNetM2", "surplusQuotaM2", "surplusQuotaMu",
        "surplusValueYuan", "reclaimedQualityGrade", "occupiedQualityGrade", "balanced", "violations", "plots");
    assertThat(p.get("surplusQuotaMu")).isEqualTo(7.5);
    assertThat(p.get("surplusValueYuan")).isEqualTo(2_250_000.0);
    assertThat(json).containsKeys("regime", "regimeSource", "policyProfile");
    // the paddy violation has the same object shape as the others
    @SuppressWarnings("unchecked")
    Map<String, Object> v = ((List<Map<String, Object>>) p.get("violations")).get(0);
    assertThat(v).containsOnlyKeys("code", "messageZh", "message", "detail", "plots", "areaM2", "areaMu");
    assertThat(v.get("code")).isEqualTo("PADDY_NOT_BALANCED");
  }

  @Test
  void overlappingPlotsOfOneRoleAreBadInput() {
    // D1 x 0–100 and D2 x 90–190 (another project) share x 90–100: 1 000 m² would be reclaimed twice.
    assertThatThrownBy(() -> run(List.of(plot("D1", "P1", rect(0, 0, 100, 100), "0103", 4),
        plot("D2", "P2", rect(90, 0, 190, 100), "0103", 4)), List.of()))
        .isInstanceOf(InputDataException.class).hasMessageContaining("D1").hasMessageContaining("D2")
        .hasMessageContaining("1000.00 m²");
    // Touching plots (and slivers under 1 m²: here 0.5 × 1 = 0.5 m²) are fine.
    LinkageResult r = run(List.of(plot("D1", "P1", rect(0, 0, 100, 100), "0103", 4),
        plot("D2", "P1", rect(100, 0, 200, 100), "0103", 4)),
        List.of(plot("C1", "P1", rect(200, 0, 210, 10), null, null),
            plot("C2", "P1", rect(209.5, 9, 220, 20), null, null)));
    assertThat(r.project("P1").plots()).hasSize(4);
  }

  @Test
  void unsupportedQualityRuleIsRefused(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("p.json");
    Files.writeString(f, """
        {"id": "x", "version": "1", "extends": "cn-national-default", "parameters": {
          "linkage.qualityRule": {"value": "productivityNotLower", "source": "test"}}}""");
    assertThatThrownBy(() -> run(List.of(), List.of(), null, null, PolicyProfile.load(f), null, AreaMode.PLANAR))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("productivityNotLower");
  }

  @Test
  void overlappingBasePolygonsNeverReclaimMoreThanThePlot() {
    // Two 0702 图斑 both covering x 0–100: the pieces sum to 20 000 m² under a 10 000 m² plot → capped, reported.
    Layer base = Layer.fromRows("DLTB", GK, "MultiPolygon", List.of(
        new Feature("A", rect(0, 0, 100, 100), Map.of("DLBM", "0702", "ZLDWDM", "130102001001")),
        new Feature("B", rect(0, 0, 100, 100), Map.of("DLBM", "0702", "ZLDWDM", "130102001001"))));
    LandUseOverlay overlay = new LandUseOverlay(base, AreaCalculator.of(GK, AreaMode.PLANAR));
    LinkageResult r = new LinkageAnalysis(overlay, PolicyProfile.nationalDefault(), null, null, null)
        .analyse(List.of(new LinkageProject("P", List.of(LinkagePlot.demolition("D", "P", rect(0, 0, 100, 100),
            "01", 5)), List.of())));
    Project p = r.project("P");
    assertThat(p.reclaimableAreaM2()).isCloseTo(10_000, within(EPS));
    assertThat(p.surplusQuotaM2()).isCloseTo(10_000, within(EPS));
    assertThat(p.assumptions()).anyMatch(a -> a.contains("overlap under the plot by 10000.00"));
    // "01" is the level-1 group, not a class: not counted as farmland, and said so.
    assertThat(p.reclaimedFarmlandM2()).isZero();
    assertThat(p.assumptions()).anyMatch(a -> a.contains("not a 三调 code"));
  }

  @Test
  void aBaseSurveyedAfterReclamationIsPointedOut() {
    // D on T3 (0103) planned 0103: the base already shows the reclaimed class → 10 000 m² not reclaimable, with a hint.
    LinkageResult r = run(List.of(plot("D", "P", rect(200, 0, 300, 100), "0103", 5)), List.of());
    Violation v = r.project("P").violations().get(0);
    assertThat(v.code()).isEqualTo(ViolationCode.DEMOLITION_NOT_CONSTRUCTION_LAND);
    assertThat(v.detail()).contains("approval year");
    // Planned 0101 on the same 旱地: no such hint.
    LinkageResult r2 = run(List.of(plot("D", "P", rect(200, 0, 300, 100), "0101", 5)), List.of());
    assertThat(r2.project("P").violations().get(0).detail()).doesNotContain("approval year");
  }

  @Test
  void plotNumbersFromDkbhWhenPresent() {
    Map<String, Object> a = new java.util.LinkedHashMap<>();
    a.put("XMBH", "P");
    a.put("DKBH", "P-CJ01");
    Layer l = Layer.fromRows("CJQ", GK, "Polygon", List.of(new Feature("7", rect(0, 0, 10, 10), a)));
    List<LinkagePlot> ps = LinkageInputs.plots(l, LinkagePlot.Role.DEMOLITION, LinkageInputs.Fields.DEFAULT, GK,
        new GeometryRepair(true), new ArrayList<>());
    assertThat(ps.get(0).id()).isEqualTo("P-CJ01");
    Layer twice = Layer.fromRows("CJQ", GK, "Polygon", List.of(new Feature("7", rect(0, 0, 10, 10), a),
        new Feature("8", rect(20, 0, 30, 10), a)));
    assertThatThrownBy(() -> LinkageInputs.plots(twice, LinkagePlot.Role.DEMOLITION, LinkageInputs.Fields.DEFAULT,
        GK, new GeometryRepair(true), new ArrayList<>()))
        .isInstanceOf(InputDataException.class).hasMessageContaining("feature 8").hasMessageContaining("DKBH")
        .hasMessageContaining("twice");
  }

  @Test
  void nonPolygonPlotsAreBadInput() {
    Feature line = new Feature("L1", LinkageFixtures.GF.createLineString(rect(0, 0, 10, 10).getCoordinates()),
        Map.of("XMBH", "P"));
    assertThatThrownBy(() -> run(List.of(line), List.of()))
        .isInstanceOf(InputDataException.class).hasMessageContaining("L1").hasMessageContaining("polygon");
  }

  @Test
  void badGradeIsBadInputNamingTheField() {
    assertThatThrownBy(() -> run(List.of(plot("D", "P", rect(0, 0, 10, 10), "0103", 16)), List.of()))
        .isInstanceOf(InputDataException.class).hasMessageContaining("ZLDB").hasMessageContaining("1–15");
  }

  @Test
  void unknownCodesAreReported() {
    // A 图斑 coded 9999 under half of the demolition plot: 5 000 m² not reclaimable, and the code reported.
    Layer base = Layer.fromRows("DLTB", GK, "MultiPolygon", List.of(
        new Feature("U", rect(0, 0, 50, 100), Map.of("DLBM", "9999", "ZLDWDM", "130102001001")),
        new Feature("V", rect(50, 0, 100, 100), Map.of("DLBM", "0702", "ZLDWDM", "130102001001"))));
    LandUseOverlay overlay = new LandUseOverlay(base, AreaCalculator.of(GK, AreaMode.PLANAR));
    LinkageResult r = new LinkageAnalysis(overlay, PolicyProfile.nationalDefault(), null, null, null)
        .analyse(List.of(new LinkageProject("P", List.of(LinkagePlot.demolition("D", "P", rect(0, 0, 100, 100),
            "0103", 5)), List.of())));
    Project p = r.project("P");
    assertThat(p.reclaimableAreaM2()).isCloseTo(5_000, within(EPS));
    assertThat(p.assumptions()).anyMatch(a -> a.contains("9999") && a.contains("5000.00"));
    assertThat(r.notes()).anyMatch(n -> n.contains("permanent-farmland layer: not checked"));
  }
}
