package org.landledger.homestead;

import java.math.BigDecimal;
import java.util.List;

/**
 * 宅基地问题: one finding on one parcel.
 *
 * @param excessM2 area above the standard (OVERSIZE only, else null)
 * @param householdParcelIds all parcels of the household (MULTIPLE_HOMESTEADS only, else empty)
 */
public record Finding(String parcelId, String householdKey, FindingType type, BigDecimal excessM2,
    List<String> householdParcelIds) {

  public Finding {
    householdParcelIds = householdParcelIds == null ? List.of() : List.copyOf(householdParcelIds);
  }
}
