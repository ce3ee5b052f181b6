package org.landledger.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.geo.LayerIndex;
import org.landledger.io.Feature;
import org.locationtech.jts.geom.Envelope;

/**
 * 要素来源: what the renderer needs of a layer — the features whose envelope meets a bbox, already in the
 * map's CRS, in layer order (so draw order is stable). The server adapts its per-CRS cached views to this;
 * reports use {@link #of(List)}.
 */
@FunctionalInterface
public interface FeatureSource {

  /** Features whose envelope meets {@code bbox} (map CRS, x = east, y = north), in layer order. */
  List<Feature> query(Envelope bbox);

  /** An STR-tree ({@link LayerIndex}) over {@code features}, already in the map CRS; queries keep list order. */
  static FeatureSource of(List<Feature> features) {
    List<Feature> copy = List.copyOf(features);
    LayerIndex index = new LayerIndex(copy);
    Map<Feature, Integer> order = new IdentityHashMap<>();
    for (int i = 0; i < copy.size(); i++) {
      order.putIfAbsent(copy.get(i), i);
    }
    return bbox -> {
      List<Feature> c = new ArrayList<>(index.candidates(bbox));
      c.sort(Comparator.comparingInt(order::get));
      return c;
    };
  }
}
