package org.landledger.qc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.io.InputDataException;
import org.landledger.io.Layer;
import org.landledger.stats.Fixtures;

class QualityCheckTest {

  /**
   * Five 图斑 at the central meridian (areas there equal plane areas to 1e-8): P1 (0..100) and P2 (90..190) overlap
   * by 10 × 100 = 1 000 m²; P3 (200..300) leaves a 10 × 100 = 1 000 m² gap at x 190..200 closed by P4 above and P5
   * below; P3's KCMJ is 990.00 where TBMJ × KCXS = 10 000 × 0.1 = 1 000.00 (diff −10.00 m²).
   */
  static Layer overlapGapFixture() {
    return Fixtures.layer("DLTB", List.of(
        Fixtures.tb("P1", Fixtures.rect(0, 0, 100, 100), "0301", "乔木林地", 10_000.00, 0, 0, "379981001001", null, null, null),
        Fixtures.tb("P2", Fixtures.rect(90, 0, 100, 100), "0301", "乔木林地", 10_000.00, 0, 0, "379981001001", null, null, null),
        Fixtures.tb("P3", Fixtures.rect(200, 0, 100, 100), "0103", "旱地", 10_000.00, 0.1, 990.00, "379981001001", "2", "PD", null),
        Fixtures.tb("P4", Fixtures.rect(0, 100, 300, 100), "0404", "其他草地", 30_000.00, 0, 0, "379981001001", null, null, null),
        Fixtures.tb("P5", Fixtures.rect(0, -100, 300, 100), "0404", "其他草地", 30_000.00, 0, 0, "379981001001", null, null, null)));
  }

  @Test
  void overlapGapAndKcmjFoundWithTheirNumbers() {
    QcResult r = new QualityCheck().run(QcInputs.of(overlapGapFixture()));
    assertThat(r.counts()).containsOnlyKeys(Rule.OVERLAP, Rule.GAP, Rule.KCMJ_INCONSISTENT);
    Finding o = r.of(Rule.OVERLAP).get(0);
    assertThat(o.bsm()).isEqualTo("P1");
    assertThat(o.values().get("otherBsm")).isEqualTo("P2");
    assertThat((double) o.values().get("areaM2")).isCloseTo(1000.0, within(1e-3));
    Finding g = r.of(Rule.GAP).get(0);
    assertThat((double) g.values().get("areaM2")).isCloseTo(1000.0, within(1e-3));
    assertThat(g.values().get("neighbours")).isEqualTo(List.of("P2", "P3", "P4", "P5"));
    Finding k = r.of(Rule.KCMJ_INCONSISTENT).get(0);
    assertThat(k.bsm()).isEqualTo("P3");
    assertThat((double) k.values().get("diffM2")).isCloseTo(-10.0, within(1e-9));
    Map<String, Object> json = k.toJson();
    assertThat(json).containsKeys("rule", "bsm", "detail");
    assertThat(json.get("rule")).isEqualTo("KCMJ_INCONSISTENT");
  }

  @Test
  void theSquareCountyIsClean() {
    QcResult r = new QualityCheck().run(new QcInputs(Fixtures.squareCounty(), Fixtures.squareXzq(), null, null, null,
        null));
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void analysesRefuseOverlapsUnlessAllowed() {
    Layer l = overlapGapFixture();
    AreaCalculator areas = AreaCalculator.of(l.crs(), AreaMode.ELLIPSOIDAL);
    assertThatThrownBy(() -> CoverageSanity.check(l, areas, 0.01, false)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("OVERLAP").hasMessageContaining("P1").hasMessageContaining("P2");
    CoverageSanity.Outcome w = CoverageSanity.check(l, areas, 0.01, true);
    assertThat(w.pairs()).isEqualTo(1);
    assertThat(w.areaM2()).isCloseTo(1000.0, within(1e-3));
    // Above the pair's area, the overlap is tolerated.
    assertThat(CoverageSanity.check(l, areas, 1001, false).clean()).isTrue();
  }

  @Test
  void attributeRulesByHand() {
    Layer l = Fixtures.layer("DLTB", List.of(
        Fixtures.tb("X1", Fixtures.rect(0, 0, 100, 100), "0301", "旱地", 10_000.00, 0, 0, "379981001001", "2", null, null),
        Fixtures.tb("X1", Fixtures.rect(100, 0, 100, 100), "9999", "?", 10_000.00, 0, 0, "3799810010", null, null, null),
        Fixtures.tb("X3", Fixtures.rect(200, 0, 100, 100), "0102", "水浇地", 10_000.00, 0.05, 500.00, "379981001001", null, null, null)));
    QcResult r = new QualityCheck().run(QcInputs.of(l));
    assertThat(r.of(Rule.DLMC_MISMATCH)).extracting(Finding::bsm).containsExactly("X1");
    assertThat(r.of(Rule.FARMLAND_FIELD_ON_NON_FARMLAND)).extracting(Finding::bsm).containsExactly("X1");
    assertThat(r.of(Rule.BSM_DUPLICATE)).extracting(Finding::bsm).containsExactly("X1");
    assertThat(r.of(Rule.DLBM_UNKNOWN)).extracting(Finding::bsm).containsExactly("X1");
    assertThat(r.of(Rule.ZLDWDM_FORMAT)).hasSize(1);
    assertThat(r.of(Rule.GDPDJB_MISSING)).extracting(Finding::bsm).containsExactly("X3");
  }
}
