package org.landledger.redline;

import java.util.List;
import java.util.Map;
import org.landledger.geo.AreaMode;
import org.landledger.geo.Crs;
import org.landledger.geo.GeometryRepair;
import org.landledger.redline.compensation.CompensationLedger;
import org.landledger.redline.compensation.GrainCapacityTable;

/**
 * 红线检查结果: the parcels in plan order, per-township and run totals, the 占补平衡 ledger and what a report
 * must say about how the numbers were made — CRS and area mode, minimum overlap, which optional layers were
 * checked, notes (reprojections, empty layers, the EXAMPLE grain table…), repaired geometries, land-use
 * codes not in the classification, the grain table used, the policy parameters with their sources and the
 * overlay engine that made it.
 */
public record RedLineResult(
    List<ParcelResult> parcels,
    List<TownshipSummary> townships,
    Totals totals,
    CompensationLedger.Result ledger,
    Crs crs,
    AreaMode areaMode,
    double minOverlapM2,
    boolean ecoRedlineChecked,
    boolean devBoundaryChecked,
    List<String> notes,
    List<GeometryRepair.Issue> repairs,
    Map<String, Double> unknownLandUseCodes,
    GrainCapacityTable grainTable,
    Map<String, Object> policy,
    Map<String, Object> engine) {

  public RedLineResult {
    engine = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
        engine == null ? org.landledger.landuse.LocalOverlayEngine.INSTANCE.describe() : engine));
    parcels = List.copyOf(parcels);
    townships = List.copyOf(townships);
    notes = List.copyOf(notes);
    repairs = List.copyOf(repairs);
    unknownLandUseCodes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(unknownLandUseCodes));
  }
}
