package org.landledger.server.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.geo.Crs;
import org.landledger.geo.LayerIndex;
import org.landledger.io.Feature;
import org.locationtech.jts.geom.Envelope;

/**
 * 图层视图: a layer's features in one CRS with an STR-tree, so a request touches only what is in its bbox.
 * Queries return features in layer order (draw order and paging stay stable).
 */
public final class LayerView {

  private final Crs crs;
  private final List<Feature> features;
  private final LayerIndex index;
  private final Map<Feature, Integer> order = new IdentityHashMap<>();
  private final Envelope bounds = new Envelope();

  public LayerView(Crs crs, List<Feature> features) {
    this.crs = crs;
    this.features = List.copyOf(features);
    this.index = new LayerIndex(this.features);
    for (int i = 0; i < this.features.size(); i++) {
      Feature f = this.features.get(i);
      order.put(f, i);
      if (f.geometry() != null && !f.geometry().isEmpty()) {
        bounds.expandToInclude(f.geometry().getEnvelopeInternal());
      }
    }
  }

  public Crs crs() {
    return crs;
  }

  public List<Feature> features() {
    return features;
  }

  public Envelope bounds() {
    return new Envelope(bounds);
  }

  /** Features whose envelope meets {@code e}, in layer order. */
  public List<Feature> query(Envelope e) {
    List<Feature> c = new ArrayList<>(index.candidates(e));
    c.sort(Comparator.comparingInt(order::get));
    return c;
  }
}
