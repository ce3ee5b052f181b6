package org.landledger.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.policy.PolicyProfile;
import org.landledger.quota.QuotaLedger.Balance;
import org.landledger.quota.QuotaLedger.Entry;
import org.landledger.quota.QuotaLedger.Kind;
import org.landledger.quota.QuotaLedger.Quota;

class QuotaLedgerTest {

  static final PolicyProfile NATIONAL = PolicyProfile.nationalDefault();
  static final QuotaSource JX = QuotaSource.of(QuotaSource.LINKAGE_PLOT, "JX-01", "JX-02");
  static final QuotaSource CJ = QuotaSource.of(QuotaSource.LINKAGE_PLOT, "CJ-01");

  static BigDecimal m2(String v) {
    return new BigDecimal(v);
  }

  @Test
  void turnoverDueDateFromTheProfileAndPartialReturns(@TempDir Path dir) {
    try (QuotaLedger l = QuotaLedger.open(dir.resolve("ledger"), NATIONAL)) {
      // linkage.turnoverYears = 3: issued 2024-02-29 → due 2027-02-28 (no 29 Feb in 2027).
      Quota t = l.issueTurnover("XM-01", 5_000, LocalDate.of(2024, 2, 29), JX, "皖国土资〔2024〕1号");
      assertThat(t.quotaId()).isEqualTo("T-000001");
      assertThat(t.dueOn()).isEqualTo(LocalDate.of(2027, 2, 28));
      assertThat(t.policy()).isEqualTo("cn-national-default@2026.1 linkage.turnoverYears=3");
      assertThat(t.areaM2()).isEqualByComparingTo("5000.00");
      // Returns 1 200.004 (→ 1 200.00) and 800: outstanding 5 000 − 1 200 − 800 = 3 000.
      l.returnTurnover(t.quotaId(), 1_200.004, LocalDate.of(2025, 6, 1), CJ, "验收-1");
      l.returnTurnover(t.quotaId(), 800, LocalDate.of(2026, 6, 1), CJ, "验收-2");
      List<Balance> out = l.outstandingTurnover();
      assertThat(out).hasSize(1);
      assertThat(out.get(0).balanceM2()).isEqualByComparingTo("3000.00");
      assertThat(out.get(0).balanceMu()).isEqualTo(4.5);  // 3 000 × 15 / 10 000
    }
  }

  @Test
  void provinceProfileChangesTheTurnoverPeriod(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("p.json");
    Files.writeString(p, """
        {"id": "cn-xx", "version": "1", "extends": "cn-national-default", "parameters": {
          "linkage.turnoverYears": {"value": 2, "source": "某省挂钩管理办法（示例）"}}}""");
    try (QuotaLedger l = QuotaLedger.open(dir.resolve("ledger"), PolicyProfile.load(p))) {
      Quota t = l.issueTurnover("XM-01", 10, LocalDate.of(2025, 3, 15), JX, null);
      assertThat(t.dueOn()).isEqualTo(LocalDate.of(2027, 3, 15));
    }
  }

  @Test
  void overdueDetectionAsOfADate(@TempDir Path dir) {
    try (QuotaLedger l = QuotaLedger.open(dir.resolve("ledger"), NATIONAL)) {
      Quota a = l.issueTurnover("XM-A", 1_000, LocalDate.of(2020, 1, 10), JX, null);   // due 2023-01-10
      Quota b = l.issueTurnover("XM-B", 2_000, LocalDate.of(2021, 5, 1), JX, null);    // due 2024-05-01
      Quota c = l.issueTurnover("XM-C", 3_000, LocalDate.of(2020, 1, 1), JX, null);    // due 2023-01-01
      l.returnTurnover(c.quotaId(), 3_000, LocalDate.of(2022, 12, 1), CJ, null);      // fully returned in time
      l.returnTurnover(a.quotaId(), 400, LocalDate.of(2023, 6, 1), CJ, null);         // late, partial
      // As of 2023-01-10: nothing is overdue (A due that very day; C returned).
      assertThat(l.overdue(LocalDate.of(2023, 1, 10))).isEmpty();
      // As of 2023-03-01: A overdue with 1 000 (the return of 2023-06-01 had not happened yet).
      List<Balance> march = l.overdue(LocalDate.of(2023, 3, 1));
      assertThat(march).extracting(x -> x.quota().quotaId()).containsExactly(a.quotaId());
      assertThat(march.get(0).balanceM2()).isEqualByComparingTo("1000.00");
      // As of 2024-06-01: A with 1 000 − 400 = 600, then B with 2 000 (due 2024-05-01), by due date.
      List<Balance> june = l.overdue(LocalDate.of(2024, 6, 1));
      assertThat(june).extracting(x -> x.quota().quotaId()).containsExactly(a.quotaId(), b.quotaId());
      assertThat(june.get(0).balanceM2()).isEqualByComparingTo("600.00");
      assertThat(june.get(1).balanceM2()).isEqualByComparingTo("2000.00");
    }
  }

  @Test
  void overReturnIsRefusedAndNothingWritten(@TempDir Path dir) {
    try (QuotaLedger l = QuotaLedger.open(dir.resolve("ledger"), NATIONAL)) {
      Quota t = l.issueTurnover("XM-01", 1_000, LocalDate.of(2025, 1, 1), JX, null);
      l.returnTurnover(t.quotaId(), 700, LocalDate.of(2025, 6, 1), CJ, null);
      // 700 + 300.01 > 1 000 → refused.
      assertThatThrownBy(() -> l.returnTurnover(t.quotaId(), 300.01, LocalDate.of(2025, 7, 1), CJ, null))
          .isInstanceOf(QuotaRefusedException.class).hasMessageContaining("300.00 m² outstanding");
      assertThat(l.entries(t.quotaId())).hasSize(2);
      l.returnTurnover(t.quotaId(), 300, LocalDate.of(2025, 7, 1), CJ, null);  // exactly the rest is fine
      assertThat(l.outstandingTurnover()).isEmpty();
    }
  }

  @Test
  void surplusTransferKeepsProvenanceToTheSourcePlots(@TempDir Path dir) {
    try (QuotaLedger l = QuotaLedger.open(dir.resolve("ledger"), NATIONAL)) {
      Quota s = l.createSurplus("XM-01", "341122 来安县", 5_000, LocalDate.of(2025, 3, 1), CJ, "节余-1");
      // Transfer 2 000 to 滁州市, who pass 500 on to 合肥市.
      Quota city = l.transferSurplus(s.quotaId(), 2_000, "滁州市", LocalDate.of(2025, 4, 1), "调剂-1");
      Quota hefei = l.transferSurplus(city.quotaId(), 500, "合肥市", LocalDate.of(2025, 5, 1), "调剂-2");
      assertThat(hefei.parentQuotaId()).isEqualTo(city.quotaId());
      assertThat(l.provenance(hefei.quotaId())).extracting(Quota::quotaId)
          .containsExactly(hefei.quotaId(), city.quotaId(), s.quotaId());
      assertThat(l.origin(hefei.quotaId())).isEqualTo(CJ);
      assertThat(hefei.projectId()).isEqualTo("XM-01");
      // Available: origin 5 000 − 2 000 = 3 000; city 2 000 − 500 = 1 500; 合肥 500.
      assertThat(l.surplusAvailable()).extracting(b -> b.quota().holder() + "=" + b.balanceM2().toPlainString())
          .containsExactlyInAnyOrder("341122 来安县=3000.00", "滁州市=1500.00", "合肥市=500.00");
      List<Entry> cityEntries = l.entries(city.quotaId());
      assertThat(cityEntries).extracting(Entry::kind).containsExactly(Kind.TRANSFER_IN, Kind.TRANSFER_OUT);
      assertThat(cityEntries.get(0).counterpartQuotaId()).isEqualTo(s.quotaId());
      assertThat(l.entriesBySource(QuotaSource.LINKAGE_PLOT, "CJ-01")).extracting(Entry::quotaId)
          .containsExactly(s.quotaId());
    }
  }

  @Test
  void homesteadParcelsAreTraceable(@TempDir Path dir) {
    try (QuotaLedger l = QuotaLedger.open(dir.resolve("ledger"), NATIONAL)) {
      QuotaSource parcels = QuotaSource.of(QuotaSource.HOMESTEAD_PARCEL, "341122001001JC00001", "341122001001JC00002");
      Quota s = l.createSurplus("ZJD-2025-01", "341122 来安县", 420.5, LocalDate.of(2025, 9, 1), parcels, null);
      assertThat(l.entriesBySource(QuotaSource.HOMESTEAD_PARCEL, "341122001001JC00002"))
          .extracting(Entry::quotaId).containsExactly(s.quotaId());
      assertThat(l.origin(s.quotaId()).ids()).containsExactly("341122001001JC00001", "341122001001JC00002");
    }
  }

  @Test
  void overUseAndDoubleUseAreRefused(@TempDir Path dir) {
    try (QuotaLedger l = QuotaLedger.open(dir.resolve("ledger"), NATIONAL)) {
      Quota s = l.createSurplus("XM-01", "来安县", 1_000, LocalDate.of(2025, 3, 1), CJ, null);
      QuotaSource plots = QuotaSource.of(QuotaSource.LINKAGE_PLOT, "GD-2025-07");
      l.useSurplus(s.quotaId(), 600, LocalDate.of(2025, 5, 1), plots, "供地-7");
      // Same approval recorded again → double use, even though 400 would still be available.
      assertThatThrownBy(() -> l.useSurplus(s.quotaId(), 100, LocalDate.of(2025, 5, 2), plots, "供地-7"))
          .isInstanceOf(QuotaRefusedException.class).hasMessageContaining("already recorded");
      // 600 + 500 > 1 000 → more than available.
      assertThatThrownBy(() -> l.useSurplus(s.quotaId(), 500, LocalDate.of(2025, 5, 2), plots, "供地-8"))
          .isInstanceOf(QuotaRefusedException.class).hasMessageContaining("400.00 m² available");
      // Transfer beyond availability too.
      assertThatThrownBy(() -> l.transferSurplus(s.quotaId(), 400.01, "滁州市", LocalDate.of(2025, 6, 1), null))
          .isInstanceOf(QuotaRefusedException.class);
      assertThatThrownBy(() -> l.transferSurplus(s.quotaId(), 10, "来安县", LocalDate.of(2025, 6, 1), null))
          .isInstanceOf(QuotaRefusedException.class).hasMessageContaining("already held");
      assertThat(l.surplusAvailable().get(0).balanceM2()).isEqualByComparingTo("400.00");
      assertThat(l.journal()).hasSize(2);
    }
  }

  @Test
  void unknownAndWrongTypeAndMalformedAreRefused(@TempDir Path dir) {
    try (QuotaLedger l = QuotaLedger.open(dir.resolve("ledger"), NATIONAL)) {
      Quota t = l.issueTurnover("XM-01", 1_000, LocalDate.of(2025, 1, 1), JX, null);
      assertThatThrownBy(() -> l.transferSurplus("S-999999", 1, "x", LocalDate.of(2025, 2, 1), null))
          .isInstanceOf(QuotaRefusedException.class).hasMessageContaining("unknown quota S-999999");
      assertThatThrownBy(() -> l.useSurplus(t.quotaId(), 1, LocalDate.of(2025, 2, 1), JX, "r"))
          .hasMessageContaining("TURNOVER");
      assertThatThrownBy(() -> l.issueTurnover("XM-01", Double.NaN, LocalDate.of(2025, 1, 1), JX, null))
          .isInstanceOf(QuotaRefusedException.class);
      assertThatThrownBy(() -> l.issueTurnover("XM-01", -5, LocalDate.of(2025, 1, 1), JX, null))
          .isInstanceOf(QuotaRefusedException.class);
      assertThatThrownBy(() -> l.issueTurnover(" ", 5, LocalDate.of(2025, 1, 1), JX, null))
          .isInstanceOf(QuotaRefusedException.class);
      assertThatThrownBy(() -> l.issueTurnover("XM-01", 5, LocalDate.of(2025, 1, 1), null, null))
          .hasMessageContaining("traceable");
      assertThatThrownBy(() -> QuotaSource.parse("linkage-plot:"))
          .isInstanceOf(QuotaRefusedException.class);
      assertThatThrownBy(() -> l.returnTurnover(t.quotaId(), 1, LocalDate.of(2024, 12, 31), CJ, null))
          .hasMessageContaining("before quota");
      assertThat(l.journal()).hasSize(1);
    }
  }

  @Test
  void aFailureMidTransactionLeavesNothing(@TempDir Path dir) {
    try (QuotaLedger l = QuotaLedger.open(dir.resolve("ledger"), NATIONAL)) {
      Quota s = l.createSurplus("XM-01", "来安县", 1_000, LocalDate.of(2025, 3, 1), CJ, null);
      l.transferSurplus(s.quotaId(), 100, "滁州市", LocalDate.of(2025, 4, 1), "调剂-1");
      // The second transfer writes the new quota and its TRANSFER_IN before its TRANSFER_OUT collides with
      // "调剂-1" (unique per quota and kind): the whole transfer must be rolled back.
      assertThatThrownBy(() -> l.transferSurplus(s.quotaId(), 50, "合肥市", LocalDate.of(2025, 4, 2), "调剂-1"))
          .isInstanceOf(QuotaRefusedException.class);
      assertThat(l.balances()).hasSize(2);
      assertThat(l.journal()).hasSize(3);  // CREATE, TRANSFER_IN, TRANSFER_OUT of the first transfer
      assertThat(l.surplusAvailable()).extracting(b -> b.balanceM2().toPlainString())
          .containsExactlyInAnyOrder("900.00", "100.00");
    }
  }

  @Test
  void theDatabaseItselfRefusesUpdatesAndDeletes(@TempDir Path dir) throws Exception {
    try (QuotaLedger l = QuotaLedger.open(dir.resolve("ledger"), NATIONAL)) {
      l.issueTurnover("XM-01", 1_000, LocalDate.of(2025, 1, 1), JX, null);
      try (Statement st = l.connection().createStatement()) {
        assertThatThrownBy(() -> st.executeUpdate("UPDATE quota_entry SET area_m2 = 1"))
            .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> st.executeUpdate("DELETE FROM quota"))
            .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> st.executeUpdate("INSERT INTO quota_entry (quota_id, kind, area_m2, entry_date, "
            + "source_kind) VALUES ('T-000001', 'RETURN', -5, DATE '2025-02-01', 'x')"))
            .isInstanceOf(SQLException.class);
      }
      l.connection().rollback();
      assertThat(l.outstandingTurnover().get(0).balanceM2()).isEqualByComparingTo("1000.00");
    }
  }

  @Test
  void survivesReopening(@TempDir Path dir) {
    Path f = dir.resolve("county-ledger.mv.db");
    try (QuotaLedger l = QuotaLedger.open(f, NATIONAL)) {
      l.issueTurnover("XM-01", 1_000, LocalDate.of(2025, 1, 1), JX, null);
    }
    assertThat(QuotaLedger.exists(f)).isTrue();
    assertThat(Files.exists(f)).isTrue();
    try (QuotaLedger l = QuotaLedger.open(f, NATIONAL)) {
      Quota t2 = l.issueTurnover("XM-02", 10, LocalDate.of(2025, 1, 1), JX, null);
      assertThat(t2.quotaId()).isEqualTo("T-000002");
      assertThat(l.outstandingTurnover()).extracting(b -> b.quota().projectId()).containsExactly("XM-01", "XM-02");
    }
  }
}
