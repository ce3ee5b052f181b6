package org.landledger.io.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.geotools.api.filter.Filter;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.LayerSchema;
import org.locationtech.jts.geom.Envelope;

/**
 * SQL 查询计划: what of a {@link Query} a SQL store (GeoPackage, PostGIS) answers itself — the attribute filter
 * as a WHERE with bound parameters ({@link SqlFilter}), the sort as ORDER BY, the properties as the columns
 * selected, paging as LIMIT/OFFSET when everything before it is exact in SQL — and what is left for
 * {@link ScanQuery} over the rows. The store adds its own box test (R-tree, GiST) and says whether that test is
 * exact.
 */
public final class SqlPlan {

  private final Query query;
  private final Envelope box;
  private final SqlFilter.Where where;
  private final boolean boxExact;
  private final List<Field> fields;
  private final boolean propertiesPushed;
  private final String orderBy;
  private final boolean sortPushed;

  private SqlPlan(Query query, Envelope box, SqlFilter.Where where, boolean boxExact, List<Field> fields,
      boolean propertiesPushed, String orderBy, boolean sortPushed) {
    this.query = query;
    this.box = box;
    this.where = where;
    this.boxExact = boxExact;
    this.fields = fields;
    this.propertiesPushed = propertiesPushed;
    this.orderBy = orderBy;
    this.sortPushed = sortPushed;
  }

  /**
   * Plans {@code q} on a layer: {@code columns} maps a property name to its column (null when it is not a field
   * or cannot be compared in SQL), {@code idSql} is the feature-id column (layer order), {@code boxExact} says
   * whether the store's box test selects exactly what {@link ScanQuery} would (else it gives candidates).
   */
  public static SqlPlan of(Query q, LayerSchema schema, Crs layerCrs, SqlFilter.Dialect d,
      Function<String, SqlFilter.Column> columns, String idSql, boolean boxExact) {
    Envelope box = ScanQuery.boxInLayerCrs(q, layerCrs);
    SqlFilter.Where where = SqlFilter.translate(q.filter(), d, columns);
    String orderBy = orderBy(q.sort(), schema, d, columns, idSql);
    boolean sortPushed = orderBy != null;
    boolean propertiesPushed = q.properties() != null && where.exact() && (q.sort().isEmpty() || sortPushed);
    List<Field> fields = propertiesPushed ? ScanQuery.schemaOf(schema, q).fields() : schema.fields();
    return new SqlPlan(q, box, where, boxExact || box == null, fields, propertiesPushed,
        orderBy != null ? orderBy : " ORDER BY " + idSql, sortPushed);
  }

  /** ORDER BY for the sort keys (unknown names sort as constants and are dropped), ties by id; null if not SQL. */
  private static String orderBy(List<Query.SortKey> keys, LayerSchema schema, SqlFilter.Dialect d,
      Function<String, SqlFilter.Column> columns, String idSql) {
    StringBuilder sb = new StringBuilder(" ORDER BY ");
    for (Query.SortKey k : keys) {
      String dir = k.ascending() ? " ASC NULLS FIRST, " : " DESC NULLS LAST, "; // ScanQuery: nulls first, reversed
      if (k.property().equals(Query.SortKey.ID)) {
        sb.append(idSql).append(k.ascending() ? " ASC, " : " DESC, ");
        continue;
      }
      Optional<Field> f = schema.field(k.property());
      if (f.isEmpty()) {
        continue;
      }
      SqlFilter.Column c = columns.apply(k.property());
      if (c == null || f.get().type() == FieldType.DATE) {
        return null; // dates are compared as they are read, not as stored
      }
      sb.append(f.get().type() == FieldType.STRING ? d.text(c.sql()) : c.sql()).append(dir);
    }
    return sb.append(idSql).append(" ASC").toString();
  }

  /** The box in the layer's CRS, or null. */
  public Envelope box() {
    return box;
  }

  public SqlFilter.Where where() {
    return where;
  }

  /** " ORDER BY …" (the query's sort when pushed, else layer order). */
  public String orderBy() {
    return orderBy;
  }

  /** The fields to read, in schema order. */
  public List<Field> fields() {
    return fields;
  }

  /** Whether the geometry has to be read (wanted, or needed to finish the box test). */
  public boolean readsGeometry() {
    return query.geometry() || !boxExact;
  }

  /** Whether LIMIT/OFFSET can be done in SQL: everything before paging is exact there. */
  public boolean pages() {
    return query.paged() && where.exact() && boxExact && (query.sort().isEmpty() || sortPushed);
  }

  /** " LIMIT ? OFFSET ?" when {@link #pages()}, with its two values added to {@code params}. */
  public String limit(List<Object> params) {
    if (!pages()) {
      return "";
    }
    params.add(query.limit() == Query.ALL ? Long.MAX_VALUE : query.limit());
    params.add(query.offset());
    return " LIMIT ? OFFSET ?";
  }

  /** What this plan pushes down, plus the store's own parts ({@code extra}: BBOX, REPROJECT). */
  public Set<PushDown> pushed(Set<PushDown> extra) {
    Set<PushDown> p = EnumSet.noneOf(PushDown.class);
    p.addAll(extra);
    if (where.exact() && query.filter() != Filter.INCLUDE) {
      p.add(PushDown.FILTER);
    }
    if (sortPushed && !query.sort().isEmpty()) {
      p.add(PushDown.SORT);
    }
    if (pages()) {
      p.add(PushDown.PAGING);
    }
    if (propertiesPushed) {
      p.add(PushDown.PROPERTIES);
    }
    return p;
  }

  /** The rows finished by {@link ScanQuery} (whatever was not pushed down), as the query's cursor. */
  public FeatureCursor finish(Stream<Feature> rows, LayerSchema schema, Crs layerCrs, Set<PushDown> pushed) {
    Query rest = boxExact ? query.withBbox(null, null, query.looseBbox()) : query;
    return ScanQuery.apply(rows, schema, layerCrs, rest, pushed);
  }

  /** Binds parameters in order (numbers as long/double, the rest as text). */
  public static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object v = params.get(i);
      if (v instanceof Long || v instanceof Integer) {
        ps.setLong(i + 1, ((Number) v).longValue());
      } else if (v instanceof Double d) {
        ps.setDouble(i + 1, d);
      } else {
        ps.setString(i + 1, v.toString());
      }
    }
  }

  /** Reads one row into a feature. */
  @FunctionalInterface
  public interface RowReader {
    Feature read(ResultSet rs) throws SQLException;
  }

  /**
   * Runs a statement on a pooled connection and streams its rows; closing the stream closes the statement and
   * gives the connection back. {@code failure} turns a database error into the store's exception.
   */
  public static Stream<Feature> stream(JdbcPool pool, String sql, List<Object> params, int fetchSize, RowReader reader,
      Function<SQLException, RuntimeException> failure) {
    Connection c = null;
    PreparedStatement ps = null;
    ResultSet rs;
    try {
      c = pool.take();
      ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      ps.setFetchSize(fetchSize);
      bind(ps, params);
      rs = ps.executeQuery();
    } catch (SQLException e) {
      close(ps);
      pool.give(c);
      throw failure.apply(e);
    }
    Connection conn = c;
    PreparedStatement st = ps;
    Iterator<Feature> it = new Iterator<>() {
      Feature next;
      boolean done;

      @Override
      public boolean hasNext() {
        if (next == null && !done) {
          try {
            if (rs.next()) {
              next = reader.read(rs);
            } else {
              done = true;
            }
          } catch (SQLException e) {
            throw failure.apply(e);
          }
        }
        return next != null;
      }

      @Override
      public Feature next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Feature f = next;
        next = null;
        return f;
      }
    };
    boolean[] closed = {false};
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(() -> {
          synchronized (closed) {
            if (closed[0]) {
              return;
            }
            closed[0] = true;
          }
          close(st);
          pool.give(conn);
        });
  }

  /** Runs a statement returning one number (a count). */
  public static long scalar(JdbcPool pool, String sql, List<Object> params, Function<SQLException, RuntimeException> failure) {
    Connection c = null;
    try {
      c = pool.take();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind(ps, params);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    } catch (SQLException e) {
      throw failure.apply(e);
    } finally {
      pool.give(c);
    }
  }

  private static void close(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // the first error is the one reported
      }
    }
  }

  /** Columns for the fields, in order, as "alias"."column". */
  public static List<String> columnList(List<Field> fields, Function<Field, String> sql) {
    List<String> out = new ArrayList<>();
    for (Field f : fields) {
      out.add(sql.apply(f));
    }
    return out;
  }
}
