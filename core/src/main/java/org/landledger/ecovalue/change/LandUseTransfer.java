package org.landledger.ecovalue.change;

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
 * 土地利用转移矩阵: area (m²) that went from land-use code {@code from} (before) to {@code to} (after), from an
 * overlay of the two 三调 maps — each after-polygon is overlaid on the before map ({@link LandUseOverlay}).
 *
 * <p>田坎 on both sides: KCXS says what share of a polygon is 田坎, not where it is. A piece of area A lies in a
 * before-polygon split (c1: 1 − x1, k1: x1) and an after-polygon split (c2: 1 − x2, k2: x2); its area is allocated
 * over from × to by the coupling of the two splits that keeps as much as possible on the diagonal: first each code
 * present on both sides keeps min(share before, share after) (field ridges persist: 1203 → 1203 gets A·min(x1, x2),
 * and an unchanged polygon with an unchanged KCXS gives a purely diagonal, "no change" result); the remaining shares
 * are then spread proportionally (product of the residual shares / the residual total). Rows still add up to the
 * before split and columns to the after split, so the matrix's rows and columns sum to each map's class areas under
 * the same rule every other analysis uses. The simpler product of the two splits (1203 of one date spread evenly
 * over the other date's classes) was rejected: on unchanged farmland it reports ridge ↔ field swaps that did not
 * happen (on the sample county, 42 ha of 0102 → 1203 and as much back, with nothing changed).
 *
 * <p>The before map is reprojected to the after map's CRS when they differ. Area of one map not covered by
 * the other is not forced into the matrix: it is reported per code as {@link #uncoveredBefore()} (before
 * area outside the after map) and {@link #uncoveredAfter()} (after area outside the before map).
 */
public final class LandUseTransfer {

  /** A from → to pair of land-use codes. */
  public record Transition(String from, String to) implements Comparable<Transition> {
    @Override
    public int compareTo(Transition o) {
      int c = from.compareTo(o.from);
      return c != 0 ? c : to.compareTo(o.to);
    }
  }

  private final Map<Transition, Double> areaM2;
  private final Map<String, Double> uncoveredBefore;
  private final Map<String, Double> uncoveredAfter;
  private final Crs crs;
  private final Crs beforeCrs;
  private double beforeSelfOverlapM2;
  private double afterSelfOverlapM2;

  private LandUseTransfer(Map<Transition, Double> areaM2, Map<String, Double> uncoveredBefore,
      Map<String, Double> uncoveredAfter, Crs crs, Crs beforeCrs) {
    this.areaM2 = areaM2;
    this.uncoveredBefore = uncoveredBefore;
    this.uncoveredAfter = uncoveredAfter;
    this.crs = crs;
    this.beforeCrs = beforeCrs;
  }

  /**
   * Overlays {@code before} and {@code after}; {@code areas} measures in the after map's CRS.
   */
  public static LandUseTransfer compute(Layer before, Layer after, AreaCalculator areas) {
    return compute(before, after, areas, LocalOverlayEngine.INSTANCE);
  }

  /**
   * The same, with the after polygons' pieces on the before map from {@code engine} (local: one polygon at a
   * time; Sedona: all in one batch); the allocation rules are the same, so is the matrix.
   */
  public static LandUseTransfer compute(Layer before, Layer after, AreaCalculator areas, OverlayEngine engine) {
    return compute(before, after, areas, engine, org.landledger.io.Progress.NONE);
  }

  /** The same, reporting each after polygon allocated to {@code progress}. */
  public static LandUseTransfer compute(Layer before, Layer after, AreaCalculator areas, OverlayEngine engine,
      org.landledger.io.Progress progress) {
    Layer b = inCrsOf(before, after);
    LandUseOverlay overlay = new LandUseOverlay(b, areas);
    List<Feature> afterFeatures = after.features();
    OverlayEngine.Pieces pieces = engine.pieces(OverlayEngine.targets(afterFeatures, Feature::geometry), overlay);
    Map<Transition, Double> t = new TreeMap<>();
    Map<String, Double> covered = new HashMap<>();
    Map<String, Double> uncoveredAfter = new TreeMap<>();
    // [0]: before-map polygons overlapping each other under an after polygon; [1]: the reverse
    double[] overlaps = new double[2];
    for (int i = 0; i < afterFeatures.size(); i++) {
      Feature f = afterFeatures.get(i);
      SurveyPolygon sa = SurveyPolygon.of(f, after.location());
      if (f.geometry() == null || f.geometry().isEmpty()) {
        progress.step();
        continue;
      }
      Map<String, Double> toShares = sa.split(1.0);
      double area = areas.area(f.geometry());
      double inBefore = 0;
      for (LandUseOverlay.Piece p : pieces.of(i)) {
        inBefore += p.areaM2();
        covered.merge(p.feature().id(), p.areaM2(), Double::sum);
        couple(p.survey().split(1.0), toShares).forEach((tr, share) ->
            t.merge(tr, p.areaM2() * share, Double::sum));
      }
      addRest(uncoveredAfter, sa, area - inBefore, area);
      overlaps[0] += excess(area - inBefore, area);
      progress.step();
    }
    progress.finish();
    Map<String, Double> uncoveredBefore = new TreeMap<>();
    for (Feature f : b.features()) {
      if (f.geometry() == null || f.geometry().isEmpty()) {
        continue;
      }
      double area = areas.area(f.geometry());
      double rest = area - covered.getOrDefault(f.id(), 0.0);
      addRest(uncoveredBefore, overlay.survey(f), rest, area);
      overlaps[1] += excess(rest, area);
    }
    LandUseTransfer result = new LandUseTransfer(t, uncoveredBefore, uncoveredAfter, after.crs(), before.crs());
    result.beforeSelfOverlapM2 = overlaps[0];
    result.afterSelfOverlapM2 = overlaps[1];
    return result;
  }

  private static void addRest(Map<String, Double> into, SurveyPolygon s, double rest, double area) {
    // Overlay noise (≈1e-9 of the area) is not uncovered land.
    if (rest > Math.max(1e-6, area * 1e-9)) {
      s.split(rest).forEach((c, a) -> into.merge(c, a, Double::sum));
    }
  }

  /**
   * The coupling of two splits of one piece (shares summing to 1 on each side) that keeps the most on the diagonal:
   * codes on both sides keep min(before, after); the residuals are spread proportionally.
   */
  static Map<Transition, Double> couple(Map<String, Double> from, Map<String, Double> to) {
    Map<Transition, Double> out = new LinkedHashMap<>();
    SurveyPolygon.couple(from, to).forEach((a, row) -> row.forEach((b, x) -> out.put(new Transition(a, b), x)));
    return out;
  }

  /** Area counted twice because a map's polygons overlap each other (negative rest beyond noise). */
  private static double excess(double rest, double area) {
    return rest < -Math.max(1e-6, area * 1e-9) ? -rest : 0.0;
  }

  private static Layer inCrsOf(Layer before, Layer after) {
    if (before.crs() == null || after.crs() == null) {
      if (before.crs() != after.crs()) {
        throw new InputDataException(before.crs() == null ? before.location() : after.location(), null, null,
            "the layer has no coordinate system, the other has one: add a .prj or pass --crs", null);
      }
      return before;
    }
    if (before.crs().equals(after.crs())) {
      return before;
    }
    Crs target = after.crs();
    return new Layer(before.schema(), target,
        before.features().stream().map(f -> f.geometry() == null ? f
            : f.withGeometry(before.crs().transform(f.geometry(), target))).toList(),
        before.location());
  }

  /** Area (m²) by transition, including unchanged land (from = to). */
  public Map<Transition, Double> areaM2() {
    return areaM2;
  }

  public double areaM2(String from, String to) {
    return areaM2.getOrDefault(new Transition(from, to), 0.0);
  }

  /** Before-map area outside the after map, by before code (m²). */
  public Map<String, Double> uncoveredBefore() {
    return uncoveredBefore;
  }

  /** After-map area outside the before map, by after code (m²). */
  public Map<String, Double> uncoveredAfter() {
    return uncoveredAfter;
  }

  /** Row totals (area by before code inside the common extent, m²). */
  public Map<String, Double> rowTotals() {
    Map<String, Double> m = new TreeMap<>();
    areaM2.forEach((k, a) -> m.merge(k.from(), a, Double::sum));
    return m;
  }

  /** Column totals (area by after code inside the common extent, m²). */
  public Map<String, Double> columnTotals() {
    Map<String, Double> m = new TreeMap<>();
    areaM2.forEach((k, a) -> m.merge(k.to(), a, Double::sum));
    return m;
  }

  /** Before map's area by code = row totals + uncovered before (m²). */
  public Map<String, Double> beforeByCode() {
    Map<String, Double> m = new TreeMap<>(rowTotals());
    uncoveredBefore.forEach((c, a) -> m.merge(c, a, Double::sum));
    return m;
  }

  /** After map's area by code = column totals + uncovered after (m²). */
  public Map<String, Double> afterByCode() {
    Map<String, Double> m = new TreeMap<>(columnTotals());
    uncoveredAfter.forEach((c, a) -> m.merge(c, a, Double::sum));
    return m;
  }

  /** The CRS the overlay was computed in (the after map's). */
  public Crs crs() {
    return crs;
  }

  public boolean reprojected() {
    return beforeCrs != null && crs != null && !beforeCrs.equals(crs);
  }

  /**
   * Area (m²) counted more than once because the before map's polygons overlap each other; such overlaps break
   * the row/column identities and should be fixed in the data (三调 图斑 must not overlap).
   */
  public double beforeSelfOverlapM2() {
    return beforeSelfOverlapM2;
  }

  /** The same for the after map. */
  public double afterSelfOverlapM2() {
    return afterSelfOverlapM2;
  }

  public Map<String, Object> describeOverlay() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (beforeSelfOverlapM2 > 0 || afterSelfOverlapM2 > 0) {
      m.put("warning", "图层内部存在相互重叠的图斑，重叠面积被重复计入转移矩阵 (self-overlapping polygons counted twice)");
      m.put("beforeSelfOverlapM2", beforeSelfOverlapM2);
      m.put("afterSelfOverlapM2", afterSelfOverlapM2);
    }
    m.put("crs", String.valueOf(crs));
    m.put("beforeCrs", String.valueOf(beforeCrs));
    m.put("reprojected", reprojected());
    if (reprojected()) {
      m.put("note", "前期图层已从 " + beforeCrs + " 重投影到 " + crs + " 后叠加 (before map reprojected to the after map's CRS)");
    }
    return m;
  }
}
