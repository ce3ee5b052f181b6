package org.landledger.io.query;

import java.util.List;
import java.util.Objects;
import org.geotools.api.filter.Filter;
import org.landledger.geo.Crs;
import org.locationtech.jts.geom.Envelope;

/**
 * 查询: what a caller wants of a layer, in the spirit of GeoTools' {@code Query}: a box (in {@code bboxCrs}, or
 * the layer's CRS when null; x = east, y = north), an attribute filter (GeoTools {@link Filter} over field
 * names; {@link Filter#INCLUDE} for all), the properties wanted (null for all fields, empty for none), whether
 * the geometry is wanted, a sort, an offset and limit, the CRS to return geometries in (null = the layer's),
 * and a generalisation distance (in target-CRS units; 0 = full detail) a store may apply while reading.
 *
 * <p>The box matches on envelopes when {@code looseBbox} (what an index answers; enough to draw a map), else on
 * the geometry itself (WFS {@code BBOX}). Stores answer with push-down where they can; the rest is done by
 * {@link ScanQuery} over what they stream, so every store gives the same features for the same query.
 */
public record Query(
    Envelope bbox,
    Crs bboxCrs,
    boolean looseBbox,
    Filter filter,
    List<String> properties,
    boolean geometry,
    List<SortKey> sort,
    long offset,
    long limit,
    Crs targetCrs,
    double generalizeDistance) {

  /** No limit. */
  public static final long ALL = Long.MAX_VALUE;

  public Query {
    filter = filter == null ? Filter.INCLUDE : filter;
    properties = properties == null ? null : List.copyOf(properties);
    sort = sort == null ? List.of() : List.copyOf(sort);
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
    }
    if (!(generalizeDistance >= 0) || Double.isInfinite(generalizeDistance)) {
      throw new IllegalArgumentException("generalizeDistance must be finite and >= 0: " + generalizeDistance);
    }
    if (bbox != null && bbox.isNull()) {
      throw new IllegalArgumentException("bbox must not be a null envelope");
    }
  }

  /** Every feature, all fields, with geometry, in layer order and CRS. */
  public static Query all() {
    return new Query(null, null, false, Filter.INCLUDE, null, true, List.of(), 0, ALL, null, 0);
  }

  /** Features whose envelope meets {@code bbox} (layer CRS). */
  public static Query bbox(Envelope bbox) {
    return all().withBbox(bbox, null, true);
  }

  public Query withBbox(Envelope box, Crs crs, boolean loose) {
    return new Query(box, crs, loose, filter, properties, geometry, sort, offset, limit, targetCrs, generalizeDistance);
  }

  public Query withFilter(Filter f) {
    return new Query(bbox, bboxCrs, looseBbox, f, properties, geometry, sort, offset, limit, targetCrs, generalizeDistance);
  }

  public Query withProperties(List<String> props) {
    return new Query(bbox, bboxCrs, looseBbox, filter, props, geometry, sort, offset, limit, targetCrs, generalizeDistance);
  }

  public Query withGeometry(boolean g) {
    return new Query(bbox, bboxCrs, looseBbox, filter, properties, g, sort, offset, limit, targetCrs, generalizeDistance);
  }

  public Query withSort(List<SortKey> s) {
    return new Query(bbox, bboxCrs, looseBbox, filter, properties, geometry, s, offset, limit, targetCrs, generalizeDistance);
  }

  public Query withPage(long off, long lim) {
    return new Query(bbox, bboxCrs, looseBbox, filter, properties, geometry, sort, off, lim, targetCrs, generalizeDistance);
  }

  public Query withTargetCrs(Crs crs) {
    return new Query(bbox, bboxCrs, looseBbox, filter, properties, geometry, sort, offset, limit, crs, generalizeDistance);
  }

  public Query withGeneralizeDistance(double d) {
    return new Query(bbox, bboxCrs, looseBbox, filter, properties, geometry, sort, offset, limit, targetCrs, d);
  }

  /** Whether the query asks for every feature (no box, no filter, no paging). */
  public boolean selectsAll() {
    return bbox == null && filter == Filter.INCLUDE && offset == 0 && limit == ALL;
  }

  /** Whether paging is asked for. */
  public boolean paged() {
    return offset > 0 || limit != ALL;
  }

  /** One sort key: a field name (or {@link #ID} for the feature id) and a direction. */
  public record SortKey(String property, boolean ascending) {
    /** The feature id as a sort property (stores' natural key: record number, fid, primary key). */
    public static final String ID = "@id";

    public SortKey {
      Objects.requireNonNull(property, "property");
    }
  }
}
