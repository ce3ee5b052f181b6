package org.landledger.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.landledger.geo.Crs;
import org.landledger.geo.LayerIndex;
import org.landledger.io.Feature;
import org.landledger.io.query.FeatureCursor;
import org.landledger.io.query.PushDown;
import org.locationtech.jts.geom.Envelope;

/**
 * 要素来源: what the renderer needs of a layer — the features whose envelope meets a box, in the source's own
 * CRS (the renderer reprojects per vertex, see {@link ScreenTransform}), in layer order (draw order is stable),
 * streamed. The map server adapts a layer's {@code LayerReader.query} to this; reports use {@link #of(List)}.
 */
public interface FeatureSource {

  /** The CRS the features come in; null when they are already in the map's CRS. */
  default Crs crs() {
    return null;
  }

  /**
   * Features whose envelope meets {@code bbox} (in {@link #crs()}, x = east, y = north), in layer order, with at
   * least the attributes {@code properties} (what the style reads); geometries may be generalised by up to
   * {@code tolerance} (source units) where the store can do that while reading. Close the cursor.
   */
  FeatureCursor features(Envelope bbox, List<String> properties, double tolerance);

  /** An STR-tree ({@link LayerIndex}) over features already in the map's CRS; answers keep list order. */
  static FeatureSource of(List<Feature> features) {
    return of(features, null);
  }

  /** An STR-tree over features in {@code crs} (null: the map's CRS). */
  static FeatureSource of(List<Feature> features, Crs crs) {
    List<Feature> copy = List.copyOf(features);
    LayerIndex index = new LayerIndex(copy);
    Map<Feature, Integer> order = new IdentityHashMap<>();
    for (int i = 0; i < copy.size(); i++) {
      order.putIfAbsent(copy.get(i), i);
    }
    return new FeatureSource() {
      @Override
      public Crs crs() {
        return crs;
      }

      @Override
      public FeatureCursor features(Envelope bbox, List<String> properties, double tolerance) {
        List<Feature> c = new ArrayList<>(index.candidates(bbox));
        c.sort(Comparator.comparingInt(order::get));
        return FeatureCursor.of(c.iterator(), Set.of(PushDown.BBOX), null);
      }
    };
  }
}
