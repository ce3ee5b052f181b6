package org.landledger.qc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.Overlay;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.landuse.LandUseClass;
import org.landledger.landuse.LandUseCodes;
import org.landledger.landuse.LandUseOverlay;
import org.landledger.landuse.StoredAreas;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * 跨图层规则: 永久基本农田 (YJJBNTTB) lies on farmland — on DLTB of 耕地 0101–0103 or an adjustable class (可调整地类,
 * code ending in K, which the 三调 kept inside permanent farmland) — and the three control lines do not cross:
 * 城镇开发边界 (CZKFBJ) neither overlaps 生态保护红线 (STBHHX) nor permanent farmland. Pieces below the cross-layer
 * minimum area or mean width are registration slivers between separately digitised layers, not findings.
 */
final class CrossLayerRules {

  private CrossLayerRules() {}

  static List<Finding> check(QcInputs in, AreaCalculator areas, LandUseCodes codes, QcOptions o,
      List<String> notApplied) {
    List<Finding> out = new ArrayList<>();
    Layer dltb = in.landUse();
    if (in.permanentFarmland() == null) {
      notApplied.add("PBF_ON_NON_FARMLAND, PBF_CZKFBJ_OVERLAP: 未给出永久基本农田图层 (--permanent-farmland)");
    } else {
      LandUseOverlay overlay = new LandUseOverlay(dltb, areas);
      for (Feature p : inCrs(in.permanentFarmland(), dltb).features()) {
        List<String> where = new ArrayList<>();
        List<Geometry> pieces = new ArrayList<>();
        double area = 0;
        for (LandUseOverlay.Piece piece : overlay.pieces(p.geometry())) {
          LandUseClass c = codes.find(piece.dlbm()).orElse(null);
          boolean ok = c != null && (c.farmland() || c.adjustable());
          if (!ok && significant(piece.geometry(), piece.areaM2(), o)) {
            area += piece.areaM2();
            pieces.add(piece.geometry());
            where.add(StoredAreas.bsm(piece.feature()) + "(" + piece.dlbm() + ")");
          }
        }
        if (!pieces.isEmpty()) {
          String bsm = StoredAreas.bsm(p);
          out.add(Finding.of(Rule.PBF_ON_NON_FARMLAND, bsm, String.format(Locale.ROOT,
              "永久基本农田 %s 有 %.2f m² 落在非耕地图斑 %s 上", bsm, area, String.join(",", where)),
              Overlay.union(pieces), "areaM2", QualityCheck.round2(area), "dltb", where));
        }
      }
    }
    if (in.devBoundary() == null) {
      notApplied.add("CZKFBJ_STBHHX_OVERLAP, PBF_CZKFBJ_OVERLAP: 未给出城镇开发边界图层 (--dev-boundary)");
    } else {
      Layer dev = inCrs(in.devBoundary(), dltb);
      if (in.ecoRedline() == null) {
        notApplied.add("CZKFBJ_STBHHX_OVERLAP: 未给出生态保护红线图层 (--eco-redline)");
      } else {
        out.addAll(between(Rule.CZKFBJ_STBHHX_OVERLAP, dev, inCrs(in.ecoRedline(), dltb), areas, o, "城镇开发边界",
            "生态保护红线"));
      }
      if (in.permanentFarmland() != null) {
        out.addAll(between(Rule.PBF_CZKFBJ_OVERLAP, inCrs(in.permanentFarmland(), dltb), dev, areas, o, "永久基本农田",
            "城镇开发边界"));
      }
    }
    return out;
  }

  /** Overlaps of polygons of {@code a} with polygons of {@code b}, one finding per pair, on a's BSM. */
  private static List<Finding> between(Rule rule, Layer a, Layer b, AreaCalculator areas, QcOptions o, String aZh,
      String bZh) {
    STRtree tree = new STRtree();
    b.features().stream().filter(f -> f.geometry() != null && !f.geometry().isEmpty())
        .forEach(f -> tree.insert(f.geometry().getEnvelopeInternal(), f));
    List<Finding> out = new ArrayList<>();
    for (Feature fa : a.features()) {
      if (fa.geometry() == null || fa.geometry().isEmpty()) {
        continue;
      }
      @SuppressWarnings("unchecked")
      List<Feature> near = tree.query(fa.geometry().getEnvelopeInternal());
      near.sort(java.util.Comparator.comparing(Feature::id));
      for (Feature fb : near) {
        Geometry x = Overlay.intersection(fa.geometry(), fb.geometry());
        double area = areas.area(x);
        if (significant(x, area, o)) {
          String ba = StoredAreas.bsm(fa);
          String bb = StoredAreas.bsm(fb);
          out.add(Finding.of(rule, ba, String.format(Locale.ROOT, "%s %s 与%s %s 重叠 %.2f m²", aZh, ba, bZh, bb, area),
              x, "otherBsm", bb, "areaM2", QualityCheck.round2(area)));
        }
      }
    }
    return out;
  }

  private static boolean significant(Geometry g, double area, QcOptions o) {
    double width = g.getLength() > 0 ? 2 * g.getArea() / g.getLength() : 0;
    return area >= o.crossLayerMinAreaM2() && width >= o.crossLayerMinWidthM();
  }

  private static Layer inCrs(Layer l, Layer target) {
    if (l.crs() == null || target.crs() == null || l.crs().equals(target.crs())) {
      return l;
    }
    return l.map(f -> f.geometry() == null ? f : f.withGeometry(l.crs().transform(f.geometry(), target.crs())));
  }
}
