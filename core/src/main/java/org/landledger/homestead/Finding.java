package org.landledger.homestead;

import java.math.BigDecimal;
import java.util.List;

/**
 * 宅基地问题: one finding on one parcel.
 *
 * @param excessM2 area above the standard (OVERSIZE only, else null)
 * @param householdParcelIds all parcels of the household (MULTIPLE_HOMESTEADS, HOUSEHOLD_OVERSIZE, else empty)
 * @param farmlandM2 耕地 under the parcel, net of 田坎 (HOMESTEAD_ON_FARMLAND only, else null)
 * @param permanentFarmlandM2 永久基本农田 under the parcel (HOMESTEAD_ON_FARMLAND only, else null)
 */
public record Finding(String parcelId, String householdKey, FindingType type, BigDecimal excessM2,
    List<String> householdParcelIds, BigDecimal farmlandM2, BigDecimal permanentFarmlandM2) {

  public Finding {
    householdParcelIds = householdParcelIds == null ? List.of() : List.copyOf(householdParcelIds);
  }

  public Finding(String parcelId, String householdKey, FindingType type, BigDecimal excessM2,
      List<String> householdParcelIds) {
    this(parcelId, householdKey, type, excessM2, householdParcelIds, null, null);
  }
}
