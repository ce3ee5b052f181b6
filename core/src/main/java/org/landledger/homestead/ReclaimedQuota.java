package org.landledger.homestead;

import java.math.BigDecimal;
import java.util.List;

/**
 * 复垦节余指标: a surplus construction-land quota created by homestead reclamation, with the parcels it came
 * from — what the quota ledger records as one entry.
 *
 * @param areaM2 net quota (reclaimed minus resettlement), m², 0.01 precision
 * @param sourceParcelIds ZDDM of the exited parcels
 * @param origin "homestead-reclamation"
 */
public record ReclaimedQuota(BigDecimal areaM2, BigDecimal areaMu, List<String> sourceParcelIds, String origin,
    String note) {

  public static final String ORIGIN = "homestead-reclamation";

  public ReclaimedQuota {
    sourceParcelIds = List.copyOf(sourceParcelIds);
  }
}
