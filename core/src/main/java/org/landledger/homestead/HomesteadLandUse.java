package org.landledger.homestead;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.LayerIndex;
import org.landledger.geo.Overlay;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.landuse.LandUseClass;
import org.landledger.landuse.LandUseCodes;
import org.landledger.landuse.LandUseOverlay;
import org.locationtech.jts.geom.Geometry;

/**
 * 宅基地三调核查: each homestead parcel overlaid on the 三调 land use (DLTB) and, when given, 永久基本农田 — the
 * area on construction land that can be reclaimed into quota (住宅用地 07xx and the profile's reclaimable classes),
 * the farmland under it net of 田坎, the PBF under it, and the rest by DLTB class. Only the construction-land part
 * of an exited parcel yields quota; a homestead on 耕地 or 永久基本农田 is 违法占用.
 */
public final class HomesteadLandUse {

  /** One parcel on the land use: areas in m² (0.01), the rest of the parcel by DLTB class (m²). */
  public record Check(String parcelId, BigDecimal constructionM2, BigDecimal farmlandM2, BigDecimal permanentFarmlandM2,
      Map<String, BigDecimal> otherByClass, BigDecimal outsideM2) {}

  private final LandUseOverlay overlay;
  private final Layer permanentFarmland;
  private final LayerIndex pbfIndex;
  private final Set<String> reclaimable;
  private final LandUseCodes codes = LandUseCodes.standard();

  /**
   * @param landUse DLTB in the parcels' CRS
   * @param permanentFarmland YJJBNTTB in the parcels' CRS, or null
   * @param reclaimable classes besides 07xx whose land yields quota (the profile's {@code linkage.reclaimableCodes})
   */
  public HomesteadLandUse(Layer landUse, Layer permanentFarmland, AreaCalculator areas, Set<String> reclaimable) {
    this.overlay = new LandUseOverlay(landUse, areas);
    this.permanentFarmland = permanentFarmland;
    this.pbfIndex = permanentFarmland == null ? null : new LayerIndex(permanentFarmland.features());
    this.reclaimable = Set.copyOf(reclaimable);
  }

  /** Whether land of {@code code} yields quota when reclaimed: 住宅用地 07xx or a reclaimable class. */
  public boolean yieldsQuota(String code) {
    return code.startsWith("07") || reclaimable.contains(code);
  }

  public Check check(HomesteadParcel p) {
    Geometry g = p.geometry();
    double construction = 0;
    double farmland = 0;
    double inBase = 0;
    Map<String, Double> other = new LinkedHashMap<>();
    for (LandUseOverlay.Piece pc : overlay.pieces(g)) {
      inBase += pc.areaM2();
      for (Map.Entry<String, Double> e : pc.survey().split(pc.areaM2()).entrySet()) {
        String code = e.getKey();
        if (yieldsQuota(code)) {
          construction += e.getValue();
        } else {
          if (codes.find(code).map(LandUseClass::farmland).orElse(false)) {
            farmland += e.getValue();
          }
          other.merge(code, e.getValue(), Double::sum);
        }
      }
    }
    double pbf = 0;
    if (pbfIndex != null) {
      List<Geometry> parts = new ArrayList<>();
      for (Feature f : pbfIndex.intersecting(g)) {
        Geometry i = Overlay.intersection(g, f.geometry());
        if (!i.isEmpty()) {
          parts.add(i);
        }
      }
      Geometry u = Overlay.union(parts);
      pbf = u.isEmpty() ? 0 : overlay.areas().area(u);
    }
    Map<String, BigDecimal> rest = new LinkedHashMap<>();
    other.forEach((k, v) -> rest.put(k, round2(v)));
    double outside = Math.max(0, overlay.areas().area(g) - inBase);
    return new Check(p.parcelId(), round2(construction), round2(farmland), round2(pbf), rest, round2(outside));
  }

  /** Whether a PBF layer was given. */
  public boolean checksPermanentFarmland() {
    return permanentFarmland != null;
  }

  private static BigDecimal round2(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
  }
}
