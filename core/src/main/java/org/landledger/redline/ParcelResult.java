package org.landledger.redline;

import java.util.List;
import java.util.Map;
import org.landledger.redline.compensation.CompensationOwed;
import org.locationtech.jts.geom.Geometry;

/**
 * 地块检查结果: the red-line check of one plan parcel. Areas in m² ({@link RedLineResult#areaMode()}):
 * <ul>
 *   <li>{@code farmlandM2}: gross overlap with farmland 图斑 (0101/0102/0103), 田坎 included;
 *   <li>{@code farmlandNetM2}: the same × (1 − KCXS) of each 图斑 — the farmland actually occupied;
 *   <li>{@code paddyM2}: the net part on 0101 水田;
 *   <li>{@code ecoRedlineM2}, {@code outsideDevBoundaryM2}: null when that layer was not given;
 *   <li>{@code byLandUse}: area by land-use code with the 田坎 share under its KCDLBM (sums to the part of the
 *       parcel covered by DLTB).
 * </ul>
 * {@code owed} is the 占补平衡 compensation, zero unless the parcel has {@link Reason#FARMLAND_OCCUPIED}.
 * {@code geometryIssue} says why the parcel's geometry was repaired (null when it was valid).
 */
public record ParcelResult(
    int index,
    String id,
    Geometry geometry,
    String township,
    String townshipName,
    double areaM2,
    double farmlandM2,
    double farmlandNetM2,
    double paddyM2,
    double permanentFarmlandM2,
    Double ecoRedlineM2,
    Double outsideDevBoundaryM2,
    Map<String, Double> byLandUse,
    Status status,
    List<Reason> reasons,
    List<Conflict> conflicts,
    CompensationOwed owed,
    String geometryIssue) {

  public ParcelResult {
    byLandUse = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byLandUse));
    reasons = List.copyOf(reasons);
    conflicts = List.copyOf(conflicts);
  }

  /** Conflicts below the minimum overlap: reported, status unchanged. */
  public List<Conflict> slivers() {
    return conflicts.stream().filter(Conflict::sliver).toList();
  }
}
