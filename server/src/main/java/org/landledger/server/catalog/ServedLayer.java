package org.landledger.server.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * 发布图层: one layer as served — its unique public name, the features held in memory, and per-CRS views
 * (reprojected copies with their own spatial index, built on first use and kept) so that tiles in
 * EPSG:3857 or 4490 never reproject the whole layer twice.
 */
public final class ServedLayer {

  private final String name;
  private final String source;
  private final Layer layer;
  private final Map<String, Feature> byId = new LinkedHashMap<>();
  private final Map<Integer, LayerView> views = new ConcurrentHashMap<>();
  private final LayerView nativeView;
  private final String group;

  public ServedLayer(String name, String source, Layer layer) {
    this(name, source, layer, null);
  }

  /** A layer in a group (an analysis run's folder), or group null for top-level layers. */
  public ServedLayer(String name, String source, Layer layer, String group) {
    this.name = name;
    this.group = group;
    this.source = source;
    this.layer = layer;
    for (Feature f : layer.features()) {
      byId.putIfAbsent(f.id(), f);
    }
    this.nativeView = new LayerView(layer.crs(), layer.features());
    views.put(layer.crs().epsg(), nativeView);
  }

  /** The public name (unique within the catalog, safe in URLs and XML names). */
  public String name() {
    return name;
  }

  /** Where the layer was read from (file or file#table), for the log and the capabilities abstract. */
  public String source() {
    return source;
  }

  /** The layer group (analysis-run folder) this layer belongs to, or null. */
  public String group() {
    return group;
  }

  public Layer layer() {
    return layer;
  }

  public Crs crs() {
    return layer.crs();
  }

  public List<Feature> features() {
    return layer.features();
  }

  public Feature feature(String id) {
    return byId.get(id);
  }

  /** Bounds in the layer's own CRS (x = east, y = north). */
  public Envelope bounds() {
    return nativeView.bounds();
  }

  /**
   * Bounds in a target CRS (x = east/lon, y = north/lat): the native bounds' outline, densified and
   * reprojected (cheap; does not build a view). Empty when the layer has no geometry.
   */
  public Envelope bounds(Crs target) {
    return Envelopes.transform(bounds(), crs(), target);
  }

  /** The layer reprojected to {@code target}, indexed; cached per CRS. */
  public LayerView view(Crs target) {
    return views.computeIfAbsent(target.epsg(), c -> {
      List<Feature> out = new ArrayList<>(layer.size());
      for (Feature f : layer.features()) {
        Geometry g = f.geometry();
        if (g == null || g.isEmpty()) {
          out.add(f);
          continue;
        }
        try {
          out.add(f.withGeometry(layer.crs().transform(g, target)));
        } catch (RuntimeException outsideDomain) {
          // A feature outside the target projection's domain cannot be drawn there; it stays served natively.
        }
      }
      return new LayerView(target, out);
    });
  }
}
