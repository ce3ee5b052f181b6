package org.landledger.homestead;

import java.math.BigDecimal;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * 宅基地宗地: one parcel of the register as the analysis sees it — no raw identity, only the salted household
 * key and a masked form for people to recognise the row.
 *
 * @param row 1-based position in the input layer (how errors point at it)
 * @param parcelId ZDDM, or the feature id when the layer has no id field
 * @param householdKey salted hash of the owner identity; null when the parcel has no (valid) owner
 * @param ownerMasked masked ID number or household code (e.g. 220102********1234); null without owner
 * @param areaM2 area from the geometry, rounded to 0.01 m²
 * @param recordedAreaM2 the ZDMJ attribute, null when absent
 * @param attributes the input attributes with identity fields removed and names masked (for the output layer)
 */
public record HomesteadParcel(int row, String parcelId, String householdKey, String ownerMasked, Geometry geometry,
    BigDecimal areaM2, Double recordedAreaM2, boolean idle, boolean exitFlagged, Map<String, Object> attributes) {

  public boolean hasHousehold() {
    return householdKey != null;
  }
}
