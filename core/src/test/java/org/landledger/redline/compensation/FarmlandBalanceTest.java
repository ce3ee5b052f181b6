package org.landledger.redline.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.landledger.ecovalue.Fixtures.GK39;
import static org.landledger.ecovalue.Fixtures.layer;
import static org.landledger.ecovalue.Fixtures.planar;
import static org.landledger.ecovalue.Fixtures.rect;
import static org.landledger.ecovalue.Fixtures.tb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.landledger.ecovalue.Fixtures;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.landuse.LandUseCodes;
import org.landledger.landuse.LocalOverlayEngine;
import org.landledger.policy.PolicyProfile;

/**
 * Hand-made two-survey county on planar GK squares of 100 m × 100 m = 10 000 m². Township A = 341122101,
 * township B = 341122102.
 * <pre>
 *   A1 0103 KCXS 0.1 grade 5 → 0201 orchard          : farmland net 9 000 m² out — counted under 2024 only
 *   A2 0101 KCXS 0   grade 3 → 0702 rural housing    : 10 000 m² paddy out — counted under both
 *   B1 0404 grass            → 0102 KCXS 0.05 grade 4 : 9 500 m² in
 *   B2 0103 KCXS 0.1         → 0103 KCXS 0.2          : 1 000 m² to 田坎, a KCXS change, not a flow
 * </pre>
 * Grain table: grade 3 → 600, 4 → 500, 5 → 400 kg/亩 (1 亩 = 10 000/15 m²).
 */
class FarmlandBalanceTest {

  static final String A = "341122101001";
  static final String B = "341122102001";
  static final GrainCapacityTable GRAIN = GrainCapacityTable.of(Map.of(3, 600.0, 4, 500.0, 5, 400.0), "test");

  static Feature graded(String id, org.locationtech.jts.geom.Geometry g, String dlbm, double kcxs, String zl,
      Integer grade) {
    Feature f = tb(id, g, dlbm, kcxs, zl);
    Map<String, Object> a = new LinkedHashMap<>(f.attributes());
    a.put("GDDB", grade);
    return f.withAttributes(a);
  }

  static final Layer BEFORE = layer("DLTB_BEFORE", GK39,
      graded("A1", rect(0, 0, 100, 100), "0103", 0.1, A, 5),
      graded("A2", rect(100, 0, 200, 100), "0101", 0, A, 3),
      graded("B1", rect(0, 100, 100, 200), "0404", 0, B, null),
      graded("B2", rect(100, 100, 200, 200), "0103", 0.1, B, 4));

  static final Layer AFTER = layer("DLTB", GK39,
      graded("a1", rect(0, 0, 100, 100), "0201", 0, A, null),
      graded("a2", rect(100, 0, 200, 100), "0702", 0, A, null),
      graded("b1", rect(0, 100, 100, 200), "0102", 0.05, B, 4),
      graded("b2", rect(100, 100, 200, 200), "0103", 0.2, B, 4));

  static FarmlandBalance.Result run(Regime regime) {
    return new FarmlandBalance(regime, LandUseCodes.standard(), GRAIN, List.of("0101"))
        .compute(BEFORE, AFTER, planar(), LocalOverlayEngine.INSTANCE, Map.of("341122101", "甲镇", "341122102", "乙镇"));
  }

  static FarmlandBalance.Flows town(FarmlandBalance.Result r, String code) {
    return r.townships().stream().filter(t -> code.equals(t.code())).findFirst().orElseThrow();
  }

  @Test
  void farmlandTurnedOrchardCountsUnderTheReformOnly() {
    FarmlandBalance.Result r17 = run(Regime.R2017);
    FarmlandBalance.Result r24 = run(Regime.R2024);
    // 2017: only A2 → 0702 counts (10 000); A1 → orchard (9 000 = 10 000 × (1 − 0.1)) is listed, not counted
    assertThat(r17.total().outflowM2()).isCloseTo(10_000, within(1e-6));
    assertThat(r17.total().uncountedOutflowM2()).isCloseTo(9_000, within(1e-6));
    // 2024: both: 10 000 + 9 000 = 19 000
    assertThat(r24.total().outflowM2()).isCloseTo(19_000, within(1e-6));
    assertThat(r24.total().uncountedOutflowM2()).isZero();
    // inflow B1: 10 000 × (1 − 0.05) = 9 500 under both; net 9 500 − 10 000 = −500 (2017), 9 500 − 19 000 = −9 500
    assertThat(r17.total().inflowM2()).isCloseTo(9_500, within(1e-6));
    assertThat(r24.total().inflowM2()).isCloseTo(9_500, within(1e-6));
    assertThat(r17.total().netM2()).isCloseTo(-500, within(1e-6));
    assertThat(r24.total().netM2()).isCloseTo(-9_500, within(1e-6));
    // township A: out 10 000 (2017) / 19 000 (2024), in 0; township B: in 9 500, out 0, KCXS change −1 000 apart
    assertThat(town(r17, "341122101").outflowM2()).isCloseTo(10_000, within(1e-6));
    assertThat(town(r24, "341122101").outflowM2()).isCloseTo(19_000, within(1e-6));
    assertThat(town(r24, "341122101").name()).isEqualTo("甲镇");
    FarmlandBalance.Flows b = town(r24, "341122102");
    assertThat(b.inflowM2()).isCloseTo(9_500, within(1e-6));
    assertThat(b.outflowM2()).isZero();
    assertThat(b.kcxsChangeM2()).isCloseTo(-1_000, within(1e-6));
    assertThat(b.quantityBalanced()).isTrue();
    assertThat(town(r24, "341122101").quantityBalanced()).isFalse();
    // the county 341122 sums both townships
    assertThat(r24.counties()).singleElement().satisfies(c -> {
      assertThat(c.code()).isEqualTo("341122");
      assertThat(c.netM2()).isCloseTo(-9_500, within(1e-6));
    });
  }

  @Test
  void paddyQualityAndCapacityAreBalancedApart() {
    FarmlandBalance.Result r24 = run(Regime.R2024);
    FarmlandBalance.Flows t = r24.total();
    // paddy: A2 0101 10 000 out, none in
    assertThat(t.paddyOutM2()).isCloseTo(10_000, within(1e-6));
    assertThat(t.paddyInM2()).isZero();
    assertThat(t.paddyBalanced()).isFalse();
    // capacity out: A2 15 亩 × 600 = 9 000 kg + A1 13.5 亩 × 400 = 5 400 kg = 14 400; in: B1 14.25 亩 × 500 = 7 125
    assertThat(t.capacityOutKg()).isCloseTo(14_400, within(1e-6));
    assertThat(t.capacityInKg()).isCloseTo(7_125, within(1e-6));
    // grade out (3 × 10 000 + 5 × 9 000) / 19 000 = 3.947…; in 4 → worse on average: quality not balanced
    assertThat(t.gradeOut()).isCloseTo(75_000.0 / 19_000, within(1e-9));
    assertThat(t.gradeIn()).isCloseTo(4, within(1e-9));
    assertThat(t.qualityBalanced()).isFalse();
    // 2017: capacity out only A2 = 9 000 kg, grade out 3
    FarmlandBalance.Flows t17 = run(Regime.R2017).total();
    assertThat(t17.capacityOutKg()).isCloseTo(9_000, within(1e-6));
    assertThat(t17.gradeOut()).isCloseTo(3, within(1e-9));
  }

  @Test
  void switchingTheRegimeChangesOnlyWhatTheRulesSay() {
    PolicyProfile p = PolicyProfile.nationalDefault();
    Map<String, Object> j17 = FarmlandBalanceOutputs.toJson(run(Regime.R2017), Map.of(), p);
    Map<String, Object> j24 = FarmlandBalanceOutputs.toJson(run(Regime.R2024), Map.of(), p);
    assertThat(j17.get("regime")).isEqualTo("2017");
    assertThat(j24.get("regime")).isEqualTo("2024");
    assertThat(j24.get("policyProfile")).isEqualTo("cn-national-default@2026.1");
    assertThat((String) j24.get("regimeSource")).contains("204号");
    // the keys the rules change: the counted outflow and what follows from it; the rest is identical
    List<String> ruled = List.of("regime", "regimeRule", "regimeSource", "regimeNote", "outflowM2", "netM2",
        "outflowMu", "netMu", "uncountedOutflowM2", "capacityOutflowKg", "gradeOutflow", "ungradedOutflowM2",
        "balance", "counties", "townships", "transitions");
    Map<String, Object> a = new LinkedHashMap<>(j17);
    Map<String, Object> b = new LinkedHashMap<>(j24);
    ruled.forEach(k -> {
      a.remove(k);
      b.remove(k);
    });
    assertThat(a).isEqualTo(b);
    // transitions: same list, only the orchard transition's "counted" flag differs
    @SuppressWarnings("unchecked") List<Map<String, Object>> t17 = (List<Map<String, Object>>) j17.get("transitions");
    @SuppressWarnings("unchecked") List<Map<String, Object>> t24 = (List<Map<String, Object>>) j24.get("transitions");
    assertThat(t17).hasSameSizeAs(t24);
    for (int i = 0; i < t17.size(); i++) {
      Map<String, Object> x = new LinkedHashMap<>(t17.get(i));
      Map<String, Object> y = new LinkedHashMap<>(t24.get(i));
      boolean orchard = "0201".equals(x.get("to"));
      assertThat(x.get("counted")).isEqualTo(!orchard);
      assertThat(y.get("counted")).isEqualTo(true);
      x.remove("counted");
      y.remove("counted");
      assertThat(x).isEqualTo(y);
    }
    // the inflow side of every township is untouched
    @SuppressWarnings("unchecked") List<Map<String, Object>> w17 = (List<Map<String, Object>>) j17.get("townships");
    @SuppressWarnings("unchecked") List<Map<String, Object>> w24 = (List<Map<String, Object>>) j24.get("townships");
    for (int i = 0; i < w17.size(); i++) {
      for (String k : List.of("code", "name", "inflowM2", "paddyInflowM2", "capacityInflowKg", "gradeInflow",
          "kcxsChangeM2", "paddyOutflowM2")) {
        assertThat(w17.get(i).get(k)).as(k).isEqualTo(w24.get(i).get(k));
      }
    }
  }

  @Test
  void layerHoldsEveryFlowPiece() {
    FarmlandBalance.Result r = run(Regime.R2017);
    Layer l = FarmlandBalanceOutputs.layer(r, Fixtures.GK39);
    // A1 → 0201, A2 → 0702, B1 → 0102: three pieces (the KCXS change is not a flow)
    assertThat(l.features()).hasSize(3);
    assertThat(l.features()).filteredOn(f -> ((Integer) f.get("JR")) == 0).singleElement()
        .satisfies(f -> assertThat(f.get("HDLBM")).isEqualTo("0201"));
  }
}
