package org.landledger.homestead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.io.InputDataException;
import org.landledger.io.Layer;
import org.landledger.policy.PolicyProfile;
import org.landledger.quota.QuotaLedger;
import org.landledger.quota.QuotaSource;

class LedgerFeedTest {

  static final LocalDate DAY = LocalDate.of(2026, 11, 22);

  @Test
  void netQuotaBecomesOneSurplusQuotaTraceableToTheExitedParcels(@TempDir Path dir) {
    // exits P2 200 + P3 100 + P5 80 + P7 100 = 480 m²; resettlement 12 × 10 = 120 → net 360 m²
    Layer resettlement = HomesteadFixture.polygons("AZQ", Map.of("NAME", "安置区"), HomesteadFixture.rect(1000, 0, 12, 10));
    HomesteadReport r = HomesteadAnalysisTest.run(HomesteadAnalysisTest.BY_ID_WITH_EXIT, null, resettlement,
        ReclamationTerms.quotaOnly(BigDecimal.ONE));
    try (QuotaLedger ledger = QuotaLedger.open(dir.resolve("quota"), PolicyProfile.nationalDefault())) {
      List<QuotaLedger.Quota> created = LedgerFeed.record(ledger, r.ledgerEntries(), "TC-01", "县土地储备中心", DAY, "验收-01");
      assertThat(created).singleElement().satisfies(q -> {
        assertThat(q.type()).isEqualTo(QuotaLedger.Type.SURPLUS);
        assertThat(q.areaM2()).isEqualByComparingTo("360");
        assertThat(q.createdOn()).isEqualTo(DAY);
      });
      String id = created.get(0).quotaId();
      assertThat(ledger.origin(id)).isEqualTo(new QuotaSource(QuotaSource.HOMESTEAD_PARCEL, List.of("P2", "P3", "P5", "P7")));
      assertThat(ledger.surplusAvailable()).singleElement()
          .satisfies(b -> assertThat(b.balanceM2()).isEqualByComparingTo("360"));
      // recording the same parcels again is refused and adds nothing
      assertThatThrownBy(() -> LedgerFeed.record(ledger, r.ledgerEntries(), "TC-01", "县土地储备中心", DAY, null))
          .isInstanceOf(InputDataException.class).hasMessageContaining(id).hasMessageContaining("P2");
      assertThat(ledger.journal()).hasSize(1);
    }
  }

  @Test
  void noNetQuotaRecordsNothing(@TempDir Path dir) {
    // resettlement 30 × 20 = 600 m² > 480 reclaimed → no surplus
    Layer resettlement = HomesteadFixture.polygons("AZQ", Map.of("NAME", "安置区"), HomesteadFixture.rect(1000, 0, 30, 20));
    HomesteadReport r = HomesteadAnalysisTest.run(HomesteadAnalysisTest.BY_ID_WITH_EXIT, null, resettlement,
        ReclamationTerms.quotaOnly(BigDecimal.ONE));
    try (QuotaLedger ledger = QuotaLedger.open(dir.resolve("quota"), PolicyProfile.nationalDefault())) {
      assertThat(LedgerFeed.record(ledger, r.ledgerEntries(), "TC-01", "县", DAY, null)).isEmpty();
      assertThat(ledger.journal()).isEmpty();
    }
  }
}
