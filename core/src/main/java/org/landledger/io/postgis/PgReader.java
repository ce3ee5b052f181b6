package org.landledger.io.postgis;

import static org.landledger.io.postgis.PostGisStore.failure;
import static org.landledger.io.postgis.PostGisStore.ident;
import static org.landledger.io.postgis.PostGisStore.qualified;

import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.InputDataException;
import org.landledger.io.LayerReader;
import org.landledger.io.LayerSchema;
import org.landledger.io.ReadOptions;
import org.landledger.io.query.FeatureCursor;
import org.landledger.io.query.JdbcPool;
import org.landledger.io.query.PushDown;
import org.landledger.io.query.Query;
import org.landledger.io.query.ScanQuery;
import org.landledger.io.query.SqlFilter;
import org.landledger.io.query.SqlPlan;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * PostGIS 读取器: streams one PostGIS table through a server-side cursor (read-only transaction,
 * {@code fetch-size} rows per round trip). Columns of other geometry, raster or binary types are not
 * attributes and are skipped.
 */
final class PgReader implements LayerReader {

  private static final Set<String> SKIPPED_TYPES = Set.of("geometry", "geography", "raster", "bytea");

  private final PgLocation loc;
  private final Connection conn;
  private final String table;
  private final String geomColumn;
  private final String idColumn;
  /** Database column names, in schema field order. */
  private final List<String> columns = new ArrayList<>();
  private final List<Boolean> padded = new ArrayList<>();
  private final LayerSchema schema;
  private final Crs crs;
  private final java.util.Set<String> paddedNames = new java.util.HashSet<>();
  private final int srid;
  /** The table's SRID is an EPSG code PostGIS knows, so ST_Transform can reproject in the database. */
  private final boolean sridIsEpsg;
  private final java.util.Map<Integer, Integer> targetSrids = new java.util.concurrent.ConcurrentHashMap<>();
  private final JdbcPool pool;
  private final java.util.Set<Stream<Feature>> open = new java.util.HashSet<>();

  PgReader(PgLocation location, Connection conn, ReadOptions options) throws SQLException {
    this.conn = conn;
    conn.setAutoCommit(false); // a cursor needs a transaction
    conn.setReadOnly(true);
    this.table = resolveTable(location, conn);
    this.loc = location.withTable(table);
    String[] geom = geometryColumn();
    this.geomColumn = geom[0];
    this.idColumn = integerPrimaryKey();
    List<Field> fields = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement(
        "SELECT a.attname, t.typname, a.atttypmod FROM pg_attribute a"
            + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_type t ON t.oid = a.atttypid"
            + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
      ps.setString(1, loc.schema());
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          String type = rs.getString(2);
          if (name.equals(idColumn) || SKIPPED_TYPES.contains(type)) {
            continue;
          }
          fields.add(fieldOf(name, type, rs.getInt(3)));
          columns.add(name);
          padded.add(type.equals("bpchar"));
        }
      }
    }
    this.schema = new LayerSchema(table, fields, geom[1]);
    this.srid = Integer.parseInt(geom[2]);
    this.crs = crsOf(srid, options);
    this.sridIsEpsg = srid > 0 && sridIsEpsg(srid);
    for (int i = 0; i < fields.size(); i++) {
      if (padded.get(i)) {
        paddedNames.add(fields.get(i).name());
      }
    }
    this.pool = new JdbcPool(() -> {
      Connection c = PostGisStore.connect(loc);
      c.setAutoCommit(false); // a cursor needs a transaction
      c.setReadOnly(true);
      return c;
    }, Connection::rollback, 4);
    pool.add(conn); // the connection that read the metadata serves the first query
  }

  private boolean sridIsEpsg(int id) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT auth_name, auth_srid FROM spatial_ref_sys WHERE srid = ?")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && "EPSG".equalsIgnoreCase(rs.getString(1)) && crs != null && rs.getInt(2) == crs.epsg();
      }
    }
  }

  private static String resolveTable(PgLocation loc, Connection c) throws SQLException {
    List<String> tables = PostGisStore.geometryTables(c, loc.schema());
    if (loc.table() == null) {
      if (tables.size() == 1) {
        return tables.get(0);
      }
      throw new InputDataException(loc.toString(), null, null, tables.isEmpty()
          ? "schema " + loc.schema() + " has no table with a geometry column"
          : "several tables have geometry; name one with #table: " + String.join(", ", tables), null);
    }
    if (tables.contains(loc.table())) {
      return loc.table();
    }
    // Unquoted SQL folds names to lower case: accept DLTB for dltb when that is unambiguous.
    List<String> folded = tables.stream().filter(t -> t.equalsIgnoreCase(loc.table())).toList();
    if (folded.size() == 1) {
      return folded.get(0);
    }
    throw new InputDataException(loc.toString(), null, null, "no table " + loc.table() + " with a geometry column in schema "
        + loc.schema() + (tables.isEmpty() ? "" : " (tables with geometry: " + String.join(", ", tables) + ")"), null);
  }

  /** {column, JTS geometry type name, srid}. */
  private String[] geometryColumn() throws SQLException {
    List<String[]> found = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT f_geometry_column, type, srid FROM geometry_columns"
        + " WHERE f_table_schema = ? AND f_table_name = ? ORDER BY f_geometry_column")) {
      ps.setString(1, loc.schema());
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(new String[] {rs.getString(1), jtsTypeName(rs.getString(2)), String.valueOf(rs.getInt(3))});
        }
      }
    }
    String[] chosen = null;
    if (loc.geometryColumn() != null) {
      chosen = found.stream().filter(g -> g[0].equals(loc.geometryColumn())).findFirst().orElseThrow(() ->
          new InputDataException(loc.toString(), null, loc.geometryColumn(), "no such geometry column (have: "
              + String.join(", ", found.stream().map(g -> g[0]).toList()) + ")", null));
    } else if (found.size() == 1) {
      chosen = found.get(0);
    } else {
      throw new InputDataException(loc.toString(), null, null, "several geometry columns; pick one with ?geometry=: "
          + String.join(", ", found.stream().map(g -> g[0]).toList()), null);
    }
    if (chosen[2].equals("0")) {
      // An unconstrained geometry column: the SRID is on the values.
      try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT ST_SRID(" + ident(chosen[0])
          + ") FROM " + qualified(loc.schema(), table) + " WHERE " + ident(chosen[0]) + " IS NOT NULL LIMIT 1")) {
        if (rs.next()) {
          chosen[2] = String.valueOf(rs.getInt(1));
        }
      }
    }
    return chosen;
  }

  private String integerPrimaryKey() throws SQLException {
    List<String[]> keys = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT a.attname, t.typname FROM pg_index i"
        + " JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)"
        + " JOIN pg_type t ON t.oid = a.atttypid WHERE i.indisprimary AND n.nspname = ? AND c.relname = ?")) {
      ps.setString(1, loc.schema());
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    return keys.size() == 1 && Set.of("int2", "int4", "int8").contains(keys.get(0)[1]) ? keys.get(0)[0] : null;
  }

  private Crs crsOf(int srid, ReadOptions options) throws SQLException {
    if (srid <= 0) {
      return options.assumeCrs();
    }
    String authName = null;
    int authSrid = 0;
    String srtext = null;
    try (PreparedStatement ps = conn.prepareStatement("SELECT auth_name, auth_srid, srtext FROM spatial_ref_sys WHERE srid = ?")) {
      ps.setInt(1, srid);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          authName = rs.getString(1);
          authSrid = rs.getInt(2);
          srtext = rs.getString(3);
        }
      }
    }
    if ("EPSG".equalsIgnoreCase(authName)) {
      try {
        return Crs.epsg(authSrid);
      } catch (IllegalArgumentException e) {
        // fall through to the definition
      }
    }
    if (srtext != null && !srtext.isBlank()) {
      try {
        return Crs.fromWkt(srtext);
      } catch (IllegalArgumentException e) {
        // fall through
      }
    }
    if (options.assumeCrs() != null) {
      return options.assumeCrs();
    }
    throw new InputDataException(loc.toString(), null, geomColumn, "unknown coordinate system SRID " + srid
        + "; pass --crs EPSG:nnnn to state it", null);
  }

  static FieldType typeOf(String pgType, int typmod) {
    return switch (pgType) {
      case "int2", "int4" -> FieldType.INTEGER;
      case "int8" -> FieldType.LONG;
      case "float4", "float8" -> FieldType.DOUBLE;
      case "numeric" -> {
        int precision = typmod < 4 ? 0 : ((typmod - 4) >> 16) & 0xffff;
        int scale = typmod < 4 ? 0 : (typmod - 4) & 0xffff;
        // Like DBF 'N' fields: whole numbers of up to 9 or 18 digits are integers.
        yield precision > 0 && scale == 0 ? (precision < 10 ? FieldType.INTEGER : precision < 19 ? FieldType.LONG
            : FieldType.DOUBLE) : FieldType.DOUBLE;
      }
      case "bool" -> FieldType.BOOLEAN;
      case "date", "timestamp", "timestamptz" -> FieldType.DATE;
      default -> FieldType.STRING;
    };
  }

  private static Field fieldOf(String name, String pgType, int typmod) {
    FieldType type = typeOf(pgType, typmod);
    if ((pgType.equals("varchar") || pgType.equals("bpchar")) && typmod > 4) {
      return new Field(name, type, typmod - 4, 0);
    }
    if (pgType.equals("numeric") && typmod >= 4) {
      return new Field(name, type, ((typmod - 4) >> 16) & 0xffff, (typmod - 4) & 0xffff);
    }
    return new Field(name, type);
  }

  static String jtsTypeName(String postgisType) {
    return switch (postgisType == null ? "" : postgisType.toUpperCase(java.util.Locale.ROOT).replaceAll("[ZM]+$", "")) {
      case "POINT" -> "Point";
      case "LINESTRING" -> "LineString";
      case "POLYGON" -> "Polygon";
      case "MULTIPOINT" -> "MultiPoint";
      case "MULTILINESTRING" -> "MultiLineString";
      case "MULTIPOLYGON" -> "MultiPolygon";
      case "GEOMETRYCOLLECTION" -> "GeometryCollection";
      default -> "Geometry";
    };
  }

  @Override
  public String location() {
    return loc.toString();
  }

  @Override
  public LayerSchema schema() {
    return schema;
  }

  @Override
  public Crs crs() {
    return crs;
  }

  @Override
  public Charset encoding() {
    return null;
  }

  @Override
  public long count() {
    return SqlPlan.scalar(pool, "SELECT count(*) FROM " + qualified(loc.schema(), table), List.of(),
        e -> failure(loc, "cannot count rows", e));
  }

  @Override
  public Envelope bounds() {
    String g = ident(geomColumn);
    Connection c = null;
    try {
      c = pool.take();
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT ST_XMin(e), ST_XMax(e), ST_YMin(e), ST_YMax(e) FROM (SELECT ST_Extent("
              + g + ") AS e FROM " + qualified(loc.schema(), table) + ") s")) {
        rs.next();
        double minX = rs.getDouble(1);
        return rs.wasNull() ? new Envelope() : new Envelope(minX, rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
      }
    } catch (SQLException e) {
      throw failure(loc, "cannot compute the extent", e);
    } finally {
      pool.give(c);
    }
  }

  @Override
  public Stream<Feature> features() {
    if (idColumn != null) {
      return query(Query.all()).stream();
    }
    // No integer key: ids are row numbers of a plain scan, so no query can be pushed down (see query()).
    StringBuilder sql = new StringBuilder("SELECT NULL, ST_AsBinary(").append(ident(geomColumn)).append(')');
    for (String c : columns) {
      sql.append(", ").append(ident(c));
    }
    sql.append(" FROM ").append(qualified(loc.schema(), table));
    long[] row = {0};
    return track(SqlPlan.stream(pool, sql.toString(), List.of(), loc.fetchSize(),
        rowReader(schema.fields(), true, () -> String.valueOf(++row[0])), e -> failure(loc, "cannot read table", e)));
  }

  @Override
  public Set<PushDown> capabilities() {
    if (idColumn == null) {
      return ScanQuery.none();
    }
    Set<PushDown> p = EnumSet.of(PushDown.BBOX, PushDown.FILTER, PushDown.SORT, PushDown.PAGING, PushDown.PROPERTIES,
        PushDown.COUNT);
    if (sridIsEpsg) {
      p.add(PushDown.REPROJECT);
    }
    return p;
  }

  /**
   * 查询: answered in SQL — the box with {@code &&} on the GiST index, then exactly ({@code ST_Intersects} for a
   * box on geometries, the geometry's own extent for a loose one: {@code &&} compares float4-rounded boxes), the
   * filter as a WHERE with bound parameters, ORDER BY, LIMIT/OFFSET, {@code ST_Transform} to the target CRS, the
   * columns asked for; rows come through a server-side cursor. A table without an integer key is scanned.
   */
  @Override
  public FeatureCursor query(Query q) {
    if (idColumn == null) {
      return LayerReader.super.query(q);
    }
    SqlPlan plan = SqlPlan.of(q, schema, crs, SqlFilter.Dialect.POSTGRESQL, this::column, "t." + ident(idColumn), true);
    List<Object> params = new ArrayList<>();
    Integer targetSrid = targetSrid(q.targetCrs());
    StringBuilder sql = new StringBuilder("SELECT t.").append(ident(idColumn));
    if (!plan.readsGeometry()) {
      sql.append(", NULL");
    } else if (targetSrid != null) {
      sql.append(", ST_AsBinary(ST_Transform(t.").append(ident(geomColumn)).append(", ?::integer))");
      params.add((long) targetSrid);
    } else {
      sql.append(", ST_AsBinary(t.").append(ident(geomColumn)).append(')');
    }
    for (Field f : plan.fields()) {
      sql.append(", t.").append(ident(f.name()));
    }
    sql.append(" FROM ").append(qualified(loc.schema(), table)).append(" t WHERE ");
    sql.append(where(plan, q, params));
    sql.append(plan.orderBy()).append(plan.limit(params));
    Set<PushDown> pushed = plan.pushed(targetSrid != null ? EnumSet.of(PushDown.BBOX, PushDown.REPROJECT)
        : EnumSet.of(PushDown.BBOX));
    if (plan.box() == null) {
      pushed.remove(PushDown.BBOX);
    }
    Stream<Feature> rows = SqlPlan.stream(pool, sql.toString(), params, loc.fetchSize(),
        rowReader(plan.fields(), plan.readsGeometry(), null), e -> failure(loc, "cannot read table", e));
    return plan.finish(track(rows), schema, crs, pushed);
  }

  @Override
  public long count(Query q) {
    if (idColumn == null) {
      return LayerReader.super.count(q);
    }
    SqlPlan plan = SqlPlan.of(q, schema, crs, SqlFilter.Dialect.POSTGRESQL, this::column, "t." + ident(idColumn), true);
    if (!plan.where().exact()) {
      return LayerReader.super.count(q);
    }
    List<Object> params = new ArrayList<>();
    String sql = "SELECT count(*) FROM " + qualified(loc.schema(), table) + " t WHERE " + where(plan, q, params);
    return SqlPlan.scalar(pool, sql, params, e -> failure(loc, "cannot count rows", e));
  }

  /** The WHERE condition: box (index, then exact) and filter; its values are added to {@code params}. */
  private String where(SqlPlan plan, Query q, List<Object> params) {
    StringBuilder sql = new StringBuilder();
    Envelope b = plan.box();
    if (b != null) {
      String g = "t." + ident(geomColumn);
      String box = "ST_MakeEnvelope(?, ?, ?, ?, ?::integer)";
      sql.append(g).append(" && ").append(box).append(" AND ");
      params.addAll(List.of(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY(), (long) srid));
      if (q.looseBbox()) {
        sql.append("ST_XMin(").append(g).append(") <= ? AND ST_XMax(").append(g).append(") >= ? AND ST_YMin(")
            .append(g).append(") <= ? AND ST_YMax(").append(g).append(") >= ? AND ");
        params.addAll(List.of(b.getMaxX(), b.getMinX(), b.getMaxY(), b.getMinY()));
      } else {
        sql.append("ST_Intersects(").append(g).append(", ").append(box).append(") AND ");
        params.addAll(List.of(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY(), (long) srid));
      }
    }
    sql.append('(').append(plan.where().sql()).append(')');
    params.addAll(plan.where().params());
    return sql.toString();
  }

  /** The SRID to transform to in the database, or null when the query keeps the layer's CRS or PostGIS cannot. */
  private Integer targetSrid(Crs target) {
    if (target == null || target.equals(crs) || !sridIsEpsg) {
      return null;
    }
    int s = targetSrids.computeIfAbsent(target.epsg(), code -> (int) SqlPlan.scalar(pool,
        "SELECT COALESCE(min(srid), -1) FROM spatial_ref_sys WHERE auth_name = 'EPSG' AND auth_srid = ?",
        List.of((long) code), e -> failure(loc, "cannot read spatial_ref_sys", e)));
    return s > 0 ? s : null;
  }

  /** The column of a property name; text padded by the database (char(n)) is not compared in SQL. */
  private SqlFilter.Column column(String name) {
    return schema.field(name).filter(f -> !paddedNames.contains(f.name()))
        .map(f -> new SqlFilter.Column(f, "t." + ident(f.name()))).orElse(null);
  }

  private Stream<Feature> track(Stream<Feature> rows) {
    synchronized (open) {
      open.add(rows);
    }
    return rows.onClose(() -> {
      synchronized (open) {
        open.remove(rows);
      }
    });
  }

  /** Reads rows of (id, WKB or NULL, fields…); {@code ids} numbers rows when the table has no key. */
  private SqlPlan.RowReader rowReader(List<Field> fields, boolean geometry, java.util.function.Supplier<String> ids) {
    WKBReader wkb = new WKBReader();
    org.landledger.io.ValuePool pool = new org.landledger.io.ValuePool(fields);
    return rs -> {
      String id = ids != null ? ids.get() : rs.getString(1);
      String field = geomColumn;
      try {
        byte[] bytes = geometry ? rs.getBytes(2) : null;
        Geometry g = bytes == null ? null : wkb.read(bytes);
        Object[] values = pool.row();
        for (int i = 0; i < fields.size(); i++) {
          Field f = fields.get(i);
          field = f.name();
          pool.set(values, i, value(rs, i + 3, f.type(), paddedNames.contains(f.name())));
        }
        return new Feature(id, g, pool.attributes(values));
      } catch (SQLException e) {
        throw new InputDataException(loc.toString(), id, field, "cannot read row: " + e.getMessage(), e);
      } catch (ParseException e) {
        throw new InputDataException(loc.toString(), id, geomColumn, "unreadable geometry: " + e.getMessage(), e);
      }
    };
  }

  private static Object value(ResultSet rs, int col, FieldType type, boolean padded) throws SQLException {
    Object v = switch (type) {
      case INTEGER -> rs.getInt(col);
      case LONG -> rs.getLong(col);
      case DOUBLE -> rs.getDouble(col);
      case BOOLEAN -> rs.getBoolean(col);
      case DATE, STRING -> {
        String s = rs.getString(col);
        yield s != null && padded ? s.stripTrailing() : s;
      }
    };
    return rs.wasNull() ? null : v;
  }

  @Override
  public void close() {
    List<Stream<Feature>> streams;
    synchronized (open) {
      streams = new ArrayList<>(open);
      open.clear();
    }
    streams.forEach(Stream::close);
    pool.close();
  }
}
