package org.landledger.qc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.Overlay;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.landuse.StoredAreas;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * 图斑缝隙: area inside the county that no 图斑 covers. The DLTB are unioned as a coverage (JTS
 * {@link CoverageUnion}, which joins a coverage by its shared edges; a general union where the layer is not a
 * coverage); every hole of that union is a gap, and with XZQ the county's area outside the union as well. Each gap
 * is reported once, with its area and the BSMs of the 图斑 around it. JTS's {@code CoverageGapFinder} only returns
 * the outlines of gaps narrower than a given width; the union gives every enclosed gap with its area.
 */
final class CoverageGaps {

  private static final GeometryFactory GF = new GeometryFactory();

  private CoverageGaps() {}

  static List<Finding> find(Layer dltb, Layer xzq, AreaCalculator areas, double toleranceM2) {
    List<Feature> fs = dltb.features().stream().filter(f -> f.geometry() != null && !f.geometry().isEmpty()).toList();
    if (fs.isEmpty()) {
      return List.of();
    }
    Geometry union = union(fs.stream().map(Feature::geometry).toList());
    List<Geometry> gaps = new ArrayList<>();
    if (xzq != null && !xzq.features().isEmpty()) {
      Geometry county = union(xzq.features().stream().map(Feature::geometry)
          .filter(g -> g != null && !g.isEmpty())
          .map(g -> xzq.crs() != null && dltb.crs() != null && !xzq.crs().equals(dltb.crs())
              ? xzq.crs().transform(g, dltb.crs()) : g).toList());
      Geometry d = Overlay.difference(county, union);
      for (int i = 0; i < d.getNumGeometries(); i++) {
        gaps.add(d.getGeometryN(i));
      }
    } else {
      for (int i = 0; i < union.getNumGeometries(); i++) {
        Polygon p = (Polygon) union.getGeometryN(i);
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          Polygon hole = GF.createPolygon(p.getInteriorRingN(h).getCoordinates());
          gaps.add(Overlay.difference(hole, union));
        }
      }
    }
    STRtree tree = new STRtree();
    fs.forEach(f -> tree.insert(f.geometry().getEnvelopeInternal(), f));
    List<Finding> out = new ArrayList<>();
    for (Geometry g : gaps) {
      double a = areas.area(g);
      if (a <= toleranceM2) {
        continue;
      }
      List<String> around = new ArrayList<>();
      @SuppressWarnings("unchecked")
      List<Feature> near = tree.query(g.getEnvelopeInternal());
      for (Feature f : near) {
        if (f.geometry().distance(g) < 1e-6) {
          around.add(StoredAreas.bsm(f));
        }
      }
      around.sort(null);
      String first = around.isEmpty() ? null : around.get(0);
      out.add(Finding.of(Rule.GAP, first, String.format(Locale.ROOT, "缝隙 %.4f m²，相邻图斑 %s (gap, neighbours)",
          a, String.join(",", around)), g, "areaM2", QualityCheck.round4(a), "neighbours", around));
    }
    return out;
  }

  /** The union of a coverage; a general union when the polygons are not one (overlaps). */
  static Geometry union(List<Geometry> geoms) {
    try {
      Geometry u = CoverageUnion.union(geoms.toArray(new Geometry[0]));
      if (u != null && u.isValid()) {
        return Overlay.polygonal(u);
      }
    } catch (RuntimeException e) {
      // not a valid coverage: fall through to the general union
    }
    return Overlay.union(geoms);
  }
}
