package org.landledger.landuse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.Crs;
import org.landledger.geo.LayerIndex;
import org.landledger.geo.Overlay;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * 地类叠加: overlays any geometry (a plan parcel, a demolition plot, a polygon of another date) on the
 * 三调 land-use layer (DLTB) and returns the pieces it covers, each with its 图斑 attributes and area.
 * Gross, net (× (1 − KCXS)) and by-code areas are all derived from these pieces, so every analysis
 * applies the same 田坎 rule.
 *
 * <p>The geometry must be in the land-use layer's CRS ({@link #crs()}). Thread-safe after construction.
 */
public final class LandUseOverlay {

  /** The part of one land-use polygon inside the queried geometry. */
  public record Piece(Feature feature, SurveyPolygon survey, Geometry geometry, double areaM2) {

    /** Area of the piece that belongs to DLBM: area × (1 − KCXS). */
    public double netAreaM2() {
      return areaM2 * survey.netFactor();
    }

    public String dlbm() {
      return survey.dlbm();
    }
  }

  private final Layer landUse;
  private final LayerIndex index;
  private final AreaCalculator areas;
  private final Map<String, Entry> entries = new HashMap<>();

  /** A land-use polygon's 三调 attributes and its position in the layer (pieces are listed in layer order). */
  private record Entry(SurveyPolygon survey, int position) {}

  /**
   * Indexes the land-use layer and reads every polygon's 三调 attributes up front, so bad attributes
   * (missing DLBM, KCXS out of range) are reported before any result is computed.
   */
  public LandUseOverlay(Layer landUse, AreaCalculator areas) {
    this.landUse = landUse;
    this.areas = areas;
    List<Feature> features = landUse.features();
    for (int i = 0; i < features.size(); i++) {
      Feature f = features.get(i);
      entries.put(f.id(), new Entry(SurveyPolygon.of(f, landUse.location()), i));
    }
    this.index = new LayerIndex(landUse.features());
  }

  public Crs crs() {
    return landUse.crs();
  }

  public Layer layer() {
    return landUse;
  }

  public AreaCalculator areas() {
    return areas;
  }

  public SurveyPolygon survey(Feature f) {
    Entry e = entries.get(f.id());
    return e == null ? null : e.survey();
  }

  /**
   * The pieces of land-use polygons inside {@code g} with positive area, in land-use layer order (not the
   * spatial index's), so that every engine lists them, and sums them, in the same order.
   */
  public List<Piece> pieces(Geometry g) {
    List<Piece> out = new ArrayList<>();
    if (g == null || g.isEmpty()) {
      return out;
    }
    List<Feature> candidates = index.candidates(g.getEnvelopeInternal());
    if (candidates.isEmpty()) {
      return out;
    }
    PreparedGeometry pg = PreparedGeometryFactory.prepare(g);
    for (Feature f : candidates) {
      Geometry piece = pieceOf(pg, f.geometry());
      double a = piece == null ? 0 : areas.area(piece);
      if (a > 0) {
        out.add(new Piece(f, survey(f), piece, a));
      }
    }
    if (out.size() > 1) {
      out.sort(inLayerOrder());
    }
    return out;
  }

  /** Orders pieces as their land-use polygons are in the layer. */
  public java.util.Comparator<Piece> inLayerOrder() {
    return java.util.Comparator.comparingInt(p -> entries.get(p.feature().id()).position());
  }

  /**
   * The per-pair rule: the part of one land-use geometry inside the (prepared) queried geometry, or
   * null when they do not meet. Distributed engines (Sedona) call this same method on the pairs of
   * their spatial join, so their answers are those of {@link #pieces}.
   */
  public static Geometry pieceOf(PreparedGeometry prepared, Geometry landUse) {
    if (landUse == null || landUse.isEmpty()) {
      return null;
    }
    if (prepared.containsProperly(landUse)) {
      return landUse;
    }
    if (!prepared.intersects(landUse)) {
      return null;
    }
    return Overlay.intersection(prepared.getGeometry(), landUse);
  }

  /** Total area of the pieces (gross: the 田坎 share included). */
  public static double grossArea(List<Piece> pieces) {
    return pieces.stream().mapToDouble(Piece::areaM2).sum();
  }

  /** Areas by land-use code with the 田坎 rule applied (DLBM gets × (1 − KCXS), KCDLBM × KCXS). */
  public static Map<String, Double> areaByCode(List<Piece> pieces) {
    Map<String, Double> m = new TreeMap<>();
    for (Piece p : pieces) {
      p.survey().split(p.areaM2()).forEach((code, a) -> m.merge(code, a, Double::sum));
    }
    return m;
  }
}
