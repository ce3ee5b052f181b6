package org.landledger.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.landledger.linkage.LinkageFixtures.plot;
import static org.landledger.linkage.LinkageFixtures.rect;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.policy.PolicyProfile;
import org.landledger.quota.QuotaLedger;
import org.landledger.quota.QuotaRefusedException;
import org.landledger.quota.QuotaSource;

class LinkageQuotasTest {

  @Test
  void balancedProjectRecordsTurnoverAndSurplusWithTheirPlots(@TempDir Path dir) {
    // D1 10 000 reclaimable, C1 5 000 (see LinkageAnalysisTest): turnover 5 000 m², surplus 5 000 m².
    LinkageResult r = LinkageAnalysisTest.run(List.of(plot("D1", "P1", rect(0, 0, 100, 100), "0101", 4)),
        List.of(plot("C1", "P1", rect(100, 0, 150, 100), null, null)));
    try (QuotaLedger l = QuotaLedger.open(dir.resolve("ledger"), PolicyProfile.nationalDefault())) {
      QuotaLedger.Quota t = LinkageQuotas.issueTurnover(l, r.project("P1"), LocalDate.of(2025, 1, 1), "批复-1");
      assertThat(t.areaM2()).isEqualByComparingTo("5000.00");
      assertThat(l.origin(t.quotaId())).isEqualTo(QuotaSource.of(QuotaSource.LINKAGE_PLOT, "C1"));
      QuotaLedger.Quota s = LinkageQuotas.createSurplus(l, r.project("P1"), "130102", LocalDate.of(2026, 1, 1), null);
      assertThat(s.areaM2()).isEqualByComparingTo("5000.00");
      assertThat(l.origin(s.quotaId())).isEqualTo(QuotaSource.of(QuotaSource.LINKAGE_PLOT, "D1"));
    }
  }

  @Test
  void unbalancedProjectCreatesNoSurplus(@TempDir Path dir) {
    // P2 of the partial-plots test has DEMOLITION_NOT_CONSTRUCTION_LAND but a 2 000 m² surplus: refused.
    LinkageResult r = LinkageAnalysisTest.run(
        List.of(plot("D2a", "P2", rect(50, 0, 150, 100), "0101", 3)),
        List.of(plot("C2b", "P2", rect(150, 0, 200, 40), null, null)));
    try (QuotaLedger l = QuotaLedger.open(dir.resolve("ledger"), PolicyProfile.nationalDefault())) {
      assertThatThrownBy(() -> LinkageQuotas.createSurplus(l, r.project("P2"), "130102", LocalDate.of(2026, 1, 1), null))
          .isInstanceOf(QuotaRefusedException.class).hasMessageContaining("DEMOLITION_NOT_CONSTRUCTION_LAND");
      assertThat(l.journal()).isEmpty();
    }
  }
}
