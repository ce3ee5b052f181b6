package org.landledger.io;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.landledger.geo.Crs;
import org.landledger.io.query.FeatureCursor;
import org.landledger.io.query.PushDown;
import org.landledger.io.query.Query;
import org.landledger.io.query.ScanQuery;
import org.locationtech.jts.geom.Envelope;

/**
 * 图层读取器: a streaming reader over one layer of a data store (shapefile, GeoPackage table, GeoJSON, …).
 *
 * <p>Geometries come with x = easting/longitude and y = northing/latitude whatever the CRS's EPSG axis
 * order; axis order only matters at the OGC service boundary. {@link #features()} may be called more
 * than once; each call streams the layer from the start.
 */
public interface LayerReader extends AutoCloseable {

  /** The file (or table location) read, for messages. */
  String location();

  LayerSchema schema();

  /** The layer's CRS, or null when the source declares none (e.g. a shapefile without .prj). */
  Crs crs();

  /** The attribute encoding used (DBF), or null where the format fixes it. */
  Charset encoding();

  /** Number of features. */
  long count();

  /** The extent from the header where the format keeps one, else computed by a pass over the data. */
  Envelope bounds();

  /** The extent by one pass over the features, for formats that keep none. */
  default Envelope scanBounds() {
    Envelope e = new Envelope();
    try (Stream<Feature> s = features()) {
      s.forEach(f -> {
        if (f.geometry() != null) {
          e.expandToInclude(f.geometry().getEnvelopeInternal());
        }
      });
    }
    return e;
  }

  /** Streams the features; close the stream (or the reader) when done. */
  Stream<Feature> features();

  /**
   * Streams the records {@code [first, first + count)} (0-based, layer order; fewer at the end of the layer):
   * the same features, ids included, as {@link #features()} gives at those positions. Lets several readers
   * (e.g. Spark tasks) each read a disjoint range of one layer. Formats with random access (shapefile, by the
   * .shx offsets) seek to {@code first}; the others skip to it.
   */
  default Stream<Feature> features(long first, long count) {
    if (first < 0 || count < 0) {
      throw new IllegalArgumentException("record range must not be negative: first " + first + ", count " + count);
    }
    return features().skip(first).limit(count);
  }

  /**
   * The parts of a {@link Query} this reader answers itself (index, SQL, …); the default, a plain scan,
   * answers none of them.
   */
  default Set<PushDown> capabilities() {
    return ScanQuery.none();
  }

  /**
   * 查询: the features a query selects, streamed. The default scans the layer and does everything with
   * {@link ScanQuery}; stores override it to push down what {@link #capabilities()} says.
   */
  default FeatureCursor query(Query q) {
    return ScanQuery.apply(features(), schema(), crs(), q, ScanQuery.none());
  }

  /** How many features a query selects, ignoring its paging ({@code resultType=hits}). */
  default long count(Query q) {
    if (q.bbox() == null && q.filter() == org.geotools.api.filter.Filter.INCLUDE) {
      return count();
    }
    Query all = q.withPage(0, Query.ALL).withSort(java.util.List.of()).withGeometry(q.bbox() != null && !q.looseBbox())
        .withProperties(java.util.List.of()).withTargetCrs(null).withGeneralizeDistance(0);
    long n = 0;
    try (FeatureCursor c = query(all)) {
      while (c.hasNext()) {
        c.next();
        n++;
      }
    }
    return n;
  }

  @Override
  void close();

  /** Reads everything into memory. */
  default Layer readAll() {
    try (Stream<Feature> s = features()) {
      return new Layer(schema(), crs(), s.toList(), location());
    }
  }

  static Path pathOf(String location) {
    int hash = location.indexOf('#');
    return Path.of(hash >= 0 ? location.substring(0, hash) : location);
  }
}
