package org.landledger.io.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.geotools.api.filter.Filter;
import org.landledger.geo.Crs;
import org.landledger.io.Attributes;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.LayerSchema;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * 扫描查询: the parts of a {@link Query} a store did not push down, done over the stream it gives — box,
 * filter, sort, paging, reprojection, generalisation and property selection, in that order. The one in-memory
 * implementation of a query; stores call it with the set of parts they already answered.
 *
 * <p>Sorting (when not pushed down) holds the matching features in memory; everything else streams.
 */
public final class ScanQuery {

  private static final GeometryFactory GF = new GeometryFactory();

  private ScanQuery() {}

  /**
   * Applies to {@code input} (a layer's features in its own CRS, in layer order, already restricted by
   * whatever is in {@code pushed}) the rest of {@code q}.
   */
  public static FeatureCursor apply(Stream<Feature> input, LayerSchema schema, Crs layerCrs, Query q,
      Set<PushDown> pushed) {
    Stream<Feature> s = input;
    Envelope box = boxInLayerCrs(q, layerCrs);
    if (box != null) {
      s = s.filter(envelopeMatch(box));
      if (!q.looseBbox()) {
        PreparedGeometry exact = PreparedGeometryFactory.prepare(GF.toGeometry(box));
        s = s.filter(f -> f.geometry() != null && exact.intersects(f.geometry()));
      }
    }
    if (q.filter() != Filter.INCLUDE && !pushed.contains(PushDown.FILTER)) {
      Filter filter = q.filter();
      s = s.filter(filter::evaluate);
    }
    if (!q.sort().isEmpty() && !pushed.contains(PushDown.SORT)) {
      s = s.sorted(comparator(q.sort()));
    }
    if (q.paged() && !pushed.contains(PushDown.PAGING)) {
      s = s.skip(q.offset());
      if (q.limit() != Query.ALL) {
        s = s.limit(q.limit());
      }
    }
    Crs target = q.targetCrs();
    if (target != null && layerCrs != null && !target.equals(layerCrs) && !pushed.contains(PushDown.REPROJECT)) {
      s = s.map(f -> f.geometry() == null ? f : f.withGeometry(layerCrs.transform(f.geometry(), target)));
    }
    double tolerance = q.generalizeDistance();
    if (tolerance > 0 && !pushed.contains(PushDown.GENERALIZE)) {
      s = s.map(f -> f.geometry() == null ? f : f.withGeometry(DouglasPeuckerSimplifier.simplify(f.geometry(), tolerance)));
    }
    if (!q.geometry()) {
      s = s.map(f -> f.withGeometry(null));
    }
    if (q.properties() != null && !pushed.contains(PushDown.PROPERTIES)) {
      List<String> names = selected(schema, q.properties());
      s = s.map(f -> project(f, names));
    }
    Stream<Feature> out = s;
    return FeatureCursor.of(out.iterator(), pushed, out::close);
  }

  /** The query's box in the layer's CRS (null when the query has none). */
  public static Envelope boxInLayerCrs(Query q, Crs layerCrs) {
    if (q.bbox() == null) {
      return null;
    }
    if (q.bboxCrs() == null || layerCrs == null || q.bboxCrs().equals(layerCrs)) {
      return q.bbox();
    }
    return q.bboxCrs().transform(q.bbox(), layerCrs);
  }

  private static java.util.function.Predicate<Feature> envelopeMatch(Envelope box) {
    return f -> f.geometry() != null && box.intersects(f.geometry().getEnvelopeInternal());
  }

  /** The schema's spelling of each requested property that is a field, in the schema's order. */
  public static List<String> selected(LayerSchema schema, List<String> requested) {
    List<String> out = new ArrayList<>();
    for (Field f : schema.fields()) {
      for (String r : requested) {
        if (r.equalsIgnoreCase(f.name())) {
          out.add(f.name());
          break;
        }
      }
    }
    return out;
  }

  /** The schema restricted to the query's properties (all fields when it names none). */
  public static LayerSchema schemaOf(LayerSchema schema, Query q) {
    if (q.properties() == null) {
      return schema;
    }
    List<String> names = selected(schema, q.properties());
    List<Field> fields = schema.fields().stream().filter(f -> names.contains(f.name())).toList();
    return new LayerSchema(schema.name(), fields, schema.geometryType());
  }

  private static Feature project(Feature f, List<String> names) {
    java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
    for (String n : names) {
      m.put(n, f.get(n));
    }
    return f.withAttributes(Attributes.copyOf(m));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Comparator<Feature> comparator(List<Query.SortKey> keys) {
    Comparator<Feature> c = null;
    for (Query.SortKey k : keys) {
      Comparator<Feature> one;
      if (k.property().equals(Query.SortKey.ID)) {
        one = Comparator.comparing(ScanQuery::idKey, Comparator.nullsFirst(Comparator.<Comparable>naturalOrder()));
      } else {
        one = Comparator.comparing((Feature f) -> (Comparable) f.get(k.property()),
            Comparator.nullsFirst(ScanQuery::compareValues));
      }
      if (!k.ascending()) {
        one = one.reversed();
      }
      c = c == null ? one : c.thenComparing(one);
    }
    return c;
  }

  /**
   * Natural order, text by code point (as SQL stores compare UTF-8 bytes: SQLite's BINARY, PostgreSQL's "C"),
   * not by UTF-16 unit, so a pushed-down sort gives the same order.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compareValues(Comparable a, Comparable b) {
    if (a instanceof String s && b instanceof String t) {
      return codePointCompare(s, t);
    }
    return a.compareTo(b);
  }

  private static int codePointCompare(String s, String t) {
    int i = 0;
    int j = 0;
    while (i < s.length() && j < t.length()) {
      int a = s.codePointAt(i);
      int b = t.codePointAt(j);
      if (a != b) {
        return Integer.compare(a, b);
      }
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    return Boolean.compare(i < s.length(), j < t.length());
  }

  /** Numeric ids sort as numbers (shapefile record numbers, fids), others as text. */
  @SuppressWarnings("rawtypes")
  private static Comparable idKey(Feature f) {
    try {
      return Long.parseLong(f.id());
    } catch (NumberFormatException e) {
      return f.id();
    }
  }

  /** The empty set of pushed-down parts, for stores that push nothing. */
  public static Set<PushDown> none() {
    return EnumSet.noneOf(PushDown.class);
  }
}
