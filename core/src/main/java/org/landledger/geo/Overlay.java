package org.landledger.geo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * 叠加分析: the overlay operations every analysis uses — robust OverlayNG (snapping and precision
 * fallbacks built in) with polygonal results only, so that touching polygons give empty, not a line.
 */
public final class Overlay {

  private static final GeometryFactory GF = new GeometryFactory();

  private Overlay() {}

  /** Area-bearing part of a ∩ b (empty polygon when they only touch or do not meet). */
  public static Geometry intersection(Geometry a, Geometry b) {
    if (a == null || b == null || a.isEmpty() || b.isEmpty()
        || !a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
      return GF.createPolygon();
    }
    return polygonal(OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION));
  }

  /** Area-bearing part of a − b. */
  public static Geometry difference(Geometry a, Geometry b) {
    if (a == null || a.isEmpty()) {
      return GF.createPolygon();
    }
    if (b == null || b.isEmpty() || !a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
      return polygonal(a);
    }
    return polygonal(OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE));
  }

  /**
   * Union of polygons (empty polygon for none). A single polygon (alone or as the one part of a multipolygon) is
   * returned as it is: its union is itself (JTS would return a copy of that polygon), and the union is often
   * of one piece (the farmland a parcel occupies, the permanent farmland it overlaps).
   */
  @SuppressWarnings("unchecked")
  public static Geometry union(Collection<Geometry> geometries) {
    List<Geometry> gs = geometries.stream().filter(g -> g != null && !g.isEmpty()).toList();
    if (gs.isEmpty()) {
      return GF.createPolygon();
    }
    if (gs.size() == 1 && gs.get(0).getNumGeometries() == 1) {
      List<Polygon> polys = PolygonExtracter.getPolygons(gs.get(0));
      if (polys.size() == 1 && !polys.get(0).isEmpty()) {
        return polys.get(0);
      }
    }
    return polygonal(UnaryUnionOp.union(gs));
  }

  /** The polygons of a geometry as one Polygon/MultiPolygon (drops points and lines). */
  @SuppressWarnings("unchecked")
  public static Geometry polygonal(Geometry g) {
    if (g == null || g.isEmpty()) {
      return GF.createPolygon();
    }
    if (g instanceof Polygon || g instanceof org.locationtech.jts.geom.MultiPolygon) {
      return g;
    }
    List<Polygon> polys = new ArrayList<>();
    PolygonExtracter.getPolygons(g, polys);
    if (polys.isEmpty()) {
      return GF.createPolygon();
    }
    return polys.size() == 1 ? polys.get(0) : GF.createMultiPolygon(polys.toArray(new Polygon[0]));
  }
}
