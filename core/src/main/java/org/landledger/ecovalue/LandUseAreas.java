package org.landledger.ecovalue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.InputDataException;
import org.landledger.io.Layer;
import org.landledger.landuse.LandUseOverlay;
import org.landledger.landuse.LocalOverlayEngine;
import org.landledger.landuse.OverlayEngine;
import org.landledger.landuse.SurveyPolygon;

/**
 * 地类面积核算: the areas every ecological account starts from — each 三调 polygon's area split by the 田坎 rule
 * ({@link SurveyPolygon#split}: × (1 − KCXS) to DLBM, × KCXS to KCDLBM), summed by land-use code for the
 * whole map and per region (township by the first 9 digits of ZLDWDM, or by overlay with an XZQ layer).
 */
public final class LandUseAreas {

  /** Region code for area outside every polygon of the region layer. */
  public static final String OUTSIDE = "(outside)";
  /** Region code for polygons whose ZLDWDM is missing or shorter than 9 digits. */
  public static final String UNKNOWN = "(unknown)";

  /**
   * One land-use polygon with its area: measured, or with {@code --area tbmj} its stored TBMJ, and then its stored KCMJ
   * ({@code kcmjM2}, else null) so that the split ties to the 三调 汇总表 (TBDLMJ = TBMJ − KCMJ) exactly.
   */
  public record PolygonArea(Feature feature, SurveyPolygon survey, double areaM2, Double kcmjM2) {
    public PolygonArea(Feature feature, SurveyPolygon survey, double areaM2) {
      this(feature, survey, areaM2, null);
    }

    /** Area by land-use code, with the 田坎 split. */
    public Map<String, Double> byCode() {
      if (kcmjM2 == null || kcmjM2 == 0) {
        return survey.split(areaM2);
      }
      Map<String, Double> m = new java.util.LinkedHashMap<>();
      m.put(survey.dlbm(), areaM2 - kcmjM2);
      m.merge(survey.kcdlbm() == null ? SurveyPolygon.TIANKAN : survey.kcdlbm(), kcmjM2, Double::sum);
      return m;
    }
  }

  /**
   * A region's areas by land-use code (m²), and the gross area (m², before the 田坎 split) each polygon has in
   * it, keyed by the polygon's index in {@link #polygons()} — for values that vary per polygon.
   */
  public record Region(String code, String name, Map<String, Double> areaM2ByCode, Map<Integer, Double> polygonAreaM2) {
    public double areaM2() {
      return areaM2ByCode.values().stream().mapToDouble(Double::doubleValue).sum();
    }
  }

  private final Layer layer;
  private final List<PolygonArea> polygons;
  private final Map<String, Double> total;
  private final List<Region> regions;
  private final String regionSource;

  private LandUseAreas(Layer layer, List<PolygonArea> polygons, List<Region> regions, String regionSource) {
    this.layer = layer;
    this.polygons = List.copyOf(polygons);
    Map<String, Double> t = new TreeMap<>();
    for (PolygonArea p : polygons) {
      p.byCode().forEach((c, a) -> t.merge(c, a, Double::sum));
    }
    this.total = Collections.unmodifiableMap(t);
    this.regions = List.copyOf(regions);
    this.regionSource = regionSource;
  }

  /** Areas of a land-use layer with regions = townships by ZLDWDM's first 9 digits. */
  public static LandUseAreas byTownshipCode(Layer landUse, AreaCalculator areas) {
    return byTownshipCode(landUse, areas, false);
  }

  /** The same; {@code stored}: each 图斑's area is its TBMJ (split by its KCMJ), as the 三调 汇总 counts it. */
  public static LandUseAreas byTownshipCode(Layer landUse, AreaCalculator areas, boolean stored) {
    List<PolygonArea> polys = measure(landUse, areas, stored);
    Map<String, Region> by = new TreeMap<>();
    for (int i = 0; i < polys.size(); i++) {
      PolygonArea p = polys.get(i);
      String t = p.survey().townshipCode();
      Region r = by.computeIfAbsent(t == null ? UNKNOWN : t, k -> new Region(k, null, new TreeMap<>(), new LinkedHashMap<>()));
      p.byCode().forEach((c, a) -> r.areaM2ByCode().merge(c, a, Double::sum));
      r.polygonAreaM2().merge(i, p.areaM2(), Double::sum);
    }
    List<Region> regions = new ArrayList<>(by.values());
    return new LandUseAreas(landUse, polys, regions, "ZLDWDM[0..9]");
  }

  /**
   * Areas of a land-use layer with regions from a region layer (XZQ): each region polygon is overlaid on the
   * land-use map ({@link LandUseOverlay}), so a 图斑 crossing a boundary is split by area. Land-use area in
   * no region is reported as region {@value #OUTSIDE}. The region layer is reprojected to the land-use CRS
   * when they differ.
   *
   * @param codeField region code field (XZQDM); nameField may be absent from the layer
   */
  public static LandUseAreas byRegionLayer(Layer landUse, AreaCalculator areas, Layer regionLayer,
      String codeField, String nameField) {
    return byRegionLayer(landUse, areas, regionLayer, codeField, nameField, LocalOverlayEngine.INSTANCE);
  }

  /** The same, with the region polygons' pieces from {@code engine} (local or Sedona: the same areas). */
  public static LandUseAreas byRegionLayer(Layer landUse, AreaCalculator areas, Layer regionLayer,
      String codeField, String nameField, OverlayEngine engine) {
    return byRegionLayer(landUse, areas, regionLayer, codeField, nameField, engine, false);
  }

  /**
   * The same; {@code stored}: a 图斑 wholly inside one region counts with its TBMJ (split by its KCMJ), a 图斑 cut by a
   * region boundary with its measured pieces.
   */
  public static LandUseAreas byRegionLayer(Layer landUse, AreaCalculator areas, Layer regionLayer,
      String codeField, String nameField, OverlayEngine engine, boolean stored) {
    List<PolygonArea> polys = measure(landUse, areas, stored);
    LandUseOverlay overlay = new LandUseOverlay(landUse, areas);
    Crs target = landUse.crs();
    boolean reproject = regionLayer.crs() != null && target != null && !regionLayer.crs().equals(target);
    List<Feature> regionFeatures = regionLayer.features();
    OverlayEngine.Pieces pieces = engine.pieces(OverlayEngine.targets(regionFeatures,
        r -> reproject && r.geometry() != null ? regionLayer.crs().transform(r.geometry(), target) : r.geometry()), overlay);
    Map<String, Double> covered = new HashMap<>();
    Map<String, Integer> indexOf = new HashMap<>();
    for (int i = 0; i < polys.size(); i++) {
      indexOf.put(polys.get(i).feature().id(), i);
    }
    Map<String, Region> merged = new LinkedHashMap<>();
    for (Feature r : regionFeatures) {
      if (r.string(codeField) == null) {
        throw new InputDataException(regionLayer.location(), r.id(), codeField, "missing region code", null);
      }
    }
    for (int i = 0; i < regionFeatures.size(); i++) {
      Feature r = regionFeatures.get(i);
      String code = r.string(codeField);
      Region region = merged.computeIfAbsent(code,
          k -> new Region(k, r.string(nameField), new TreeMap<>(), new LinkedHashMap<>()));
      for (LandUseOverlay.Piece piece : pieces.of(i)) {
        PolygonArea whole = polys.get(indexOf.get(piece.feature().id()));
        boolean asStored = stored && piece.geometry() == piece.feature().geometry();
        double a = asStored ? whole.areaM2() : piece.areaM2();
        covered.merge(piece.feature().id(), a, Double::sum);
        region.polygonAreaM2().merge(indexOf.get(piece.feature().id()), a, Double::sum);
        (asStored ? whole.byCode() : piece.survey().split(a))
            .forEach((c, x) -> region.areaM2ByCode().merge(c, x, Double::sum));
      }
    }
    Region outside = new Region(OUTSIDE, "区划范围外", new TreeMap<>(), new LinkedHashMap<>());
    for (int i = 0; i < polys.size(); i++) {
      PolygonArea p = polys.get(i);
      double rest = p.areaM2() - covered.getOrDefault(p.feature().id(), 0.0);
      // Overlay noise (≈1e-9 of the area) is not "outside".
      if (rest > Math.max(1e-6, p.areaM2() * 1e-9)) {
        p.survey().split(rest).forEach((c, a) -> outside.areaM2ByCode().merge(c, a, Double::sum));
        outside.polygonAreaM2().put(i, rest);
      }
    }
    List<Region> regions = new ArrayList<>(merged.values());
    if (!outside.areaM2ByCode().isEmpty()) {
      regions.add(outside);
    }
    return new LandUseAreas(landUse, polys, regions, regionLayer.location() + "#" + codeField);
  }

  private static List<PolygonArea> measure(Layer landUse, AreaCalculator areas, boolean stored) {
    List<PolygonArea> out = new ArrayList<>(landUse.size());
    for (Feature f : landUse.features()) {
      SurveyPolygon s = SurveyPolygon.of(f, landUse.location());
      if (stored) {
        org.landledger.landuse.StoredAreas st = org.landledger.landuse.StoredAreas.of(f, landUse.location());
        double tbmj = st.requireTbmj(landUse.location());
        out.add(new PolygonArea(f, s, tbmj, st.kcmj() == null ? tbmj * s.kcxs() : st.kcmj()));
      } else {
        out.add(new PolygonArea(f, s, f.geometry() == null ? 0.0 : areas.area(f.geometry())));
      }
    }
    return out;
  }

  public Layer layer() {
    return layer;
  }

  public List<PolygonArea> polygons() {
    return polygons;
  }

  /** Whole-map area by land-use code (m²). */
  public Map<String, Double> total() {
    return total;
  }

  public List<Region> regions() {
    return regions;
  }

  /** Where the regions come from ("ZLDWDM[0..9]" or "XZQ.shp#XZQDM"). */
  public String regionSource() {
    return regionSource;
  }
}
