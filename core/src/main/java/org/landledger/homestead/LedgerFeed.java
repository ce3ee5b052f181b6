package org.landledger.homestead;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.landledger.io.InputDataException;
import org.landledger.quota.QuotaLedger;
import org.landledger.quota.QuotaSource;

/**
 * 节余指标入账: records the net quota of a homestead reclamation in the quota ledger as a surplus quota
 * (形成节余指标) whose source is the exited parcels ({@code homestead-parcel: ZDDM…}). A parcel can give rise to
 * a quota once: if any source parcel is already the source of a ledger entry, nothing is recorded.
 */
public final class LedgerFeed {

  private LedgerFeed() {}

  /**
   * @param projectId the exit project (e.g. the village or batch)
   * @param holder who holds the quota (e.g. the county's land reserve centre)
   * @param reference the approval/acceptance document, or null
   * @return the surplus quotas created (none when the reclamation left no net quota)
   * @throws InputDataException when a source parcel is already in the ledger
   */
  public static List<QuotaLedger.Quota> record(QuotaLedger ledger, List<ReclaimedQuota> quotas, String projectId,
      String holder, LocalDate date, String reference) {
    Set<String> already = new LinkedHashSet<>();
    Set<String> quotaIds = new LinkedHashSet<>();
    for (ReclaimedQuota q : quotas) {
      for (String id : q.sourceParcelIds()) {
        List<QuotaLedger.Entry> es = ledger.entriesBySource(QuotaSource.HOMESTEAD_PARCEL, id);
        if (!es.isEmpty()) {
          already.add(id);
          es.forEach(e -> quotaIds.add(e.quotaId()));
        }
      }
    }
    if (!already.isEmpty()) {
      throw new InputDataException(ledger.file(), null, null, "宗地已入账，不能重复形成指标 (parcels already recorded as "
          + "the source of quota " + String.join(", ", quotaIds) + "): " + String.join(", ", already));
    }
    List<QuotaLedger.Quota> out = new ArrayList<>();
    for (ReclaimedQuota q : quotas) {
      out.add(ledger.createSurplus(projectId, holder, q.areaM2().doubleValue(), date,
          new QuotaSource(QuotaSource.HOMESTEAD_PARCEL, q.sourceParcelIds()), reference));
    }
    return out;
  }
}
