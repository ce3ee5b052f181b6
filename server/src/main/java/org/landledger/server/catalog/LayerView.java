package org.landledger.server.catalog;

import java.util.List;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.render.FeatureSource;
import org.locationtech.jts.geom.Envelope;

/**
 * 图层视图: a layer's features in one CRS with an STR-tree, so a request touches only what is in its bbox.
 * Queries return features in layer order (draw order and paging stay stable). The renderer reads it as a
 * {@link FeatureSource}; {@link ServedLayer} keeps one per CRS.
 */
public final class LayerView implements FeatureSource {

  private final Crs crs;
  private final List<Feature> features;
  private final FeatureSource index;
  private final Envelope bounds = new Envelope();

  public LayerView(Crs crs, List<Feature> features) {
    this.crs = crs;
    this.features = List.copyOf(features);
    this.index = FeatureSource.of(this.features);
    for (Feature f : this.features) {
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
  @Override
  public List<Feature> query(Envelope e) {
    return index.query(e);
  }
}
