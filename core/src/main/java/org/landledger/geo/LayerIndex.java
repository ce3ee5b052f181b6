package org.landledger.geo;

import java.util.ArrayList;
import java.util.List;
import org.landledger.io.Feature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * 空间索引: an STR-tree over a layer's features, answering "which features meet this geometry".
 * Built once; queries are thread-safe.
 */
public final class LayerIndex {

  private final STRtree tree = new STRtree();
  private final int size;

  public LayerIndex(List<Feature> features) {
    int n = 0;
    for (Feature f : features) {
      if (f.geometry() != null && !f.geometry().isEmpty()) {
        tree.insert(f.geometry().getEnvelopeInternal(), f);
        n++;
      }
    }
    tree.build();
    this.size = n;
  }

  public int size() {
    return size;
  }

  /** Features whose envelope meets {@code e}. */
  @SuppressWarnings("unchecked")
  public List<Feature> candidates(Envelope e) {
    return size == 0 ? List.of() : (List<Feature>) tree.query(e);
  }

  /** Features whose geometry intersects {@code g} (touching included; use {@link Overlay} for areas). */
  public List<Feature> intersecting(Geometry g) {
    List<Feature> c = candidates(g.getEnvelopeInternal());
    if (c.isEmpty()) {
      return c;
    }
    PreparedGeometry pg = PreparedGeometryFactory.prepare(g);
    List<Feature> out = new ArrayList<>(c.size());
    for (Feature f : c) {
      if (pg.intersects(f.geometry())) {
        out.add(f);
      }
    }
    return out;
  }
}
