package org.landledger.server.catalog;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.FilterFactory;
import org.geotools.factory.CommonFactoryFinder;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.LayerSchema;
import org.landledger.io.query.FeatureCursor;
import org.landledger.io.query.FeatureProperties;
import org.landledger.io.query.PushDown;
import org.landledger.io.query.Query;
import org.landledger.render.FeatureSource;
import org.locationtech.jts.geom.Envelope;

/**
 * 发布图层: one layer as served — its unique public name, where it comes from, its group, and its
 * {@link LayerSource} (metadata read at startup; features only through queries). No copy of the features and
 * none per CRS: requests reproject what they read.
 */
public final class ServedLayer implements AutoCloseable {

  private static final AtomicLong VERSIONS = new AtomicLong();
  private static final FilterFactory FF = CommonFactoryFinder.getFilterFactory();

  private final String name;
  private final String source;
  private final LayerSource data;
  private final String group;
  private final LayerSchema schema;
  private final long version = VERSIONS.incrementAndGet();

  /** A layer in a group (an analysis run's folder or an upload), or group null for top-level layers. */
  public ServedLayer(String name, String source, LayerSource data, String group) {
    this.name = name;
    this.group = group;
    this.source = source;
    this.data = data;
    this.schema = data.schema().withName(name);
  }

  /** The public name (unique within the catalog, safe in URLs and XML names). */
  public String name() {
    return name;
  }

  /** Where the layer is read from (file or file#table), for the log and analysis runs. */
  public String source() {
    return source;
  }

  /** The layer group (analysis-run folder) this layer belongs to, or null. */
  public String group() {
    return group;
  }

  /** Differs between any two layers ever served (a re-published layer gets a new one): a cache key. */
  public long version() {
    return version;
  }

  /** The schema, named by the public name. */
  public LayerSchema schema() {
    return schema;
  }

  public Crs crs() {
    return data.crs();
  }

  /** Number of features (from the store's metadata). */
  public long count() {
    return data.count();
  }

  /** Bounds in the layer's own CRS (x = east, y = north); a null envelope when the layer is empty. */
  public Envelope bounds() {
    return data.bounds();
  }

  /**
   * Bounds in a target CRS (x = east/lon, y = north/lat): the native bounds' outline, densified and
   * reprojected. Empty when the layer has no geometry.
   */
  public Envelope bounds(Crs target) {
    return Envelopes.transform(bounds(), crs(), target);
  }

  /** The one query path: what the store and ScanQuery answer for {@code q}; close the cursor. */
  public FeatureCursor query(Query q) {
    return data.query(q);
  }

  /** How many features {@code q} selects, paging ignored. */
  public long count(Query q) {
    return data.count(q);
  }

  /** The features with these ids, in layer order. */
  public FeatureCursor byId(Collection<String> ids) {
    return query(Query.all().withFilter(idFilter(ids)));
  }

  /** One feature by id, or null. */
  public Feature feature(String id) {
    try (FeatureCursor c = byId(List.of(id))) {
      return c.hasNext() ? c.next() : null;
    }
  }

  /** A filter on the feature id ({@value FeatureProperties#ID}), which stores map to their natural key. */
  public static Filter idFilter(Collection<String> ids) {
    List<Filter> one = ids.stream().map(id -> (Filter) FF.equals(FF.property(FeatureProperties.ID), FF.literal(id))).toList();
    return one.isEmpty() ? Filter.EXCLUDE : one.size() == 1 ? one.get(0) : FF.or(one);
  }

  /**
   * The layer for the renderer: loose-bbox queries with only the attributes the style reads, generalised by the
   * store when it can do that while reading (else the renderer generalises in screen space itself).
   */
  public FeatureSource mapSource() {
    boolean generalise = data.capabilities().contains(PushDown.GENERALIZE);
    return new FeatureSource() {
      @Override
      public Crs crs() {
        return data.crs();
      }

      @Override
      public FeatureCursor features(Envelope bbox, List<String> properties, double tolerance) {
        return query(Query.bbox(bbox).withProperties(properties).withGeneralizeDistance(generalise ? tolerance : 0));
      }
    };
  }

  /** Stops serving: closes the pooled readers (borrowed ones as they come back). */
  @Override
  public void close() {
    data.close();
  }
}
