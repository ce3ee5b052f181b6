package org.landledger.io;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.contents.Contents;
import mil.nga.geopackage.db.DateConverter;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.geotools.api.filter.Filter;
import org.landledger.geo.Crs;
import org.landledger.io.query.FeatureCursor;
import org.landledger.io.query.JdbcPool;
import org.landledger.io.query.PushDown;
import org.landledger.io.query.Query;
import org.landledger.io.query.SqlFilter;
import org.landledger.io.query.SqlPlan;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.sqlite.SQLiteConfig;

/**
 * GeoPackage 读取器: one feature table of a GeoPackage, read with SQL on SQLite connections of its own (read-only,
 * a few pooled so that concurrent queries do not wait for each other). NGA's library reads the metadata (tables,
 * columns, SRS, extent) and validates the file when it is opened.
 *
 * <p>A {@link Query} is answered in SQL: the box through the table's R-tree ({@code rtree_<table>_<geom>}, joined
 * on the feature id; its float32 boxes are rounded outwards, so the R-tree gives candidates and the exact test
 * is done on the geometries), the attribute filter as a WHERE with bound parameters ({@link SqlFilter}), the sort
 * as ORDER BY, the properties as the columns selected, paging as LIMIT/OFFSET when no box is asked (the box test
 * ends outside SQL), counts without a box as {@code count(*)}. A table without an R-tree (a file from another
 * writer) is scanned with the same SQL, the box then tested on every geometry. Rows stream through a cursor.
 */
final class GeoPackageReader implements LayerReader {

  private static final int FETCH = 1000;

  private final Path file;
  private final GeoPackage gp;
  private final String table;
  private final String geomColumn;
  private final String idColumn;
  private final int srsId;
  /** The R-tree table name, or null when the table has none. */
  private final String rtree;
  private final LayerSchema schema;
  private final Crs crs;
  private final Map<String, GeoPackageDataType> dataTypes = new HashMap<>();
  private final JdbcPool pool;
  private final Set<Stream<Feature>> open = new HashSet<>();

  GeoPackageReader(Path file, GeoPackage gp, String layer, ReadOptions options) {
    this.file = file;
    this.gp = gp;
    List<String> tables = gp.getFeatureTables();
    if (tables.isEmpty()) {
      throw new InputDataException(file, "the GeoPackage has no feature table");
    }
    if (layer == null || layer.isEmpty()) {
      this.table = tables.get(0);
    } else {
      this.table = tables.stream().filter(t -> t.equals(layer)).findFirst()
          .or(() -> tables.stream().filter(t -> t.equalsIgnoreCase(layer)).findFirst())
          .orElseThrow(() -> new InputDataException(file, "no feature table \"" + layer + "\" (tables: "
              + String.join(", ", tables) + ")"));
    }
    FeatureDao dao = gp.getFeatureDao(table);
    SpatialReferenceSystem srs = dao.getSrs();
    this.srsId = srs == null ? 0 : (int) srs.getSrsId();
    Crs declared = srs == null ? null : GeoPackageFormat.crsOf(srs, file + "#" + table, options.assumeCrs());
    this.crs = declared != null ? declared : options.assumeCrs();
    this.geomColumn = dao.getGeometryColumnName();
    this.idColumn = dao.getTable().getPkColumnName();
    List<Field> fields = new ArrayList<>();
    for (FeatureColumn c : dao.getTable().getColumns()) {
      if (c.isPrimaryKey() || c.getName().equals(geomColumn)) {
        continue;
      }
      FieldType type = GeoPackageFormat.typeOf(c.getDataType());
      if (type == null) {
        continue; // BLOB columns: nothing a land book reads
      }
      fields.add(new Field(c.getName(), type));
      dataTypes.put(c.getName(), c.getDataType());
    }
    this.schema = new LayerSchema(table, fields, GeoPackageFormat.geometryTypeName(dao.getGeometryType()));
    RTreeIndexExtension rtreeExtension = new RTreeIndexExtension(gp);
    this.rtree = rtreeExtension.has(dao.getTable()) ? "rtree_" + table + "_" + geomColumn : null;
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    this.pool = new JdbcPool(() -> {
      SQLiteConfig config = new SQLiteConfig();
      config.setReadOnly(true);
      config.setBusyTimeout(10_000);
      return DriverManager.getConnection(url, config.toProperties());
    }, c -> { }, 4);
  }

  @Override
  public String location() {
    return file + "#" + table;
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
    return null; // SQLite text is UTF-8 by definition
  }

  @Override
  public long count() {
    return SqlPlan.scalar(pool, "SELECT count(*) FROM " + quote(table), List.of(), this::failure);
  }

  @Override
  public Envelope bounds() {
    Contents c = gp.getFeatureDao(table).getGeometryColumns().getContents();
    if (c != null && c.getMinX() != null && c.getMinY() != null && c.getMaxX() != null && c.getMaxY() != null) {
      return new Envelope(c.getMinX(), c.getMaxX(), c.getMinY(), c.getMaxY());
    }
    return scanBounds();
  }

  @Override
  public Stream<Feature> features() {
    return query(Query.all()).stream();
  }

  @Override
  public Stream<Feature> features(long first, long count) {
    if (first < 0 || count < 0) {
      throw new IllegalArgumentException("record range must not be negative: first " + first + ", count " + count);
    }
    return query(Query.all().withPage(first, count)).stream();
  }

  @Override
  public Set<PushDown> capabilities() {
    Set<PushDown> p = EnumSet.of(PushDown.FILTER, PushDown.SORT, PushDown.PAGING, PushDown.PROPERTIES, PushDown.COUNT);
    if (rtree != null) {
      p.add(PushDown.BBOX);
    }
    return p;
  }

  @Override
  public FeatureCursor query(Query q) {
    SqlPlan plan = SqlPlan.of(q, schema, crs, SqlFilter.Dialect.SQLITE, this::column, "t." + quote(idColumn), false);
    List<Object> params = new ArrayList<>();
    boolean geometry = plan.readsGeometry();
    StringBuilder sql = new StringBuilder("SELECT t.").append(quote(idColumn));
    sql.append(geometry ? ", t." + quote(geomColumn) : ", NULL");
    for (Field f : plan.fields()) {
      sql.append(", t.").append(quote(f.name()));
    }
    boolean indexed = plan.box() != null && rtree != null;
    if (indexed) {
      Envelope b = plan.box();
      sql.append(" FROM ").append(quote(rtree)).append(" r JOIN ").append(quote(table)).append(" t ON t.")
          .append(quote(idColumn)).append(" = r.id WHERE r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ?");
      params.addAll(List.of(b.getMaxX(), b.getMinX(), b.getMaxY(), b.getMinY()));
    } else {
      sql.append(" FROM ").append(quote(table)).append(" t WHERE 1=1");
    }
    sql.append(" AND (").append(plan.where().sql()).append(')');
    params.addAll(plan.where().params());
    sql.append(plan.orderBy()).append(plan.limit(params));
    Set<PushDown> pushed = plan.pushed(indexed ? EnumSet.of(PushDown.BBOX) : EnumSet.noneOf(PushDown.class));
    List<Field> fields = plan.fields();
    ValuePool values = new ValuePool(fields);
    WKBReader wkb = new WKBReader();
    Stream<Feature> rows = SqlPlan.stream(pool, sql.toString(), params, FETCH,
        rs -> read(rs, fields, geometry, wkb, values), this::failure);
    return plan.finish(track(rows), schema, crs, pushed);
  }

  @Override
  public long count(Query q) {
    SqlPlan plan = SqlPlan.of(q, schema, crs, SqlFilter.Dialect.SQLITE, this::column, "t." + quote(idColumn), false);
    if (plan.box() != null || !plan.where().exact()) {
      // The box ends with a test on each candidate's geometry: stream the candidates (ids and geometries only).
      return LayerReader.super.count(q);
    }
    if (q.filter() == Filter.INCLUDE) {
      return count();
    }
    return SqlPlan.scalar(pool, "SELECT count(*) FROM " + quote(table) + " t WHERE " + plan.where().sql(),
        plan.where().params(), this::failure);
  }

  private Feature read(ResultSet rs, List<Field> fields, boolean geometry, WKBReader wkb, ValuePool values)
      throws SQLException {
    String id = String.valueOf(rs.getLong(1));
    Geometry g = geometry ? GpkgGeometry.read(rs.getBytes(2), wkb, srsId, location(), id, geomColumn) : null;
    Object[] row = values.row();
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      try {
        values.set(row, i, value(rs.getObject(i + 3), f));
      } catch (RuntimeException e) {
        throw new InputDataException(location(), id, f.name(), "unreadable value: " + e.getMessage(), e);
      }
    }
    return new Feature(id, g, values.attributes(row));
  }

  /** A column value as the field's Java type; dates as ISO text, as NGA's date conversion reads them. */
  private Object value(Object v, Field f) {
    if (v instanceof String s && f.type() == FieldType.DATE) {
      try {
        java.util.Date d = DateConverter.converter(dataTypes.get(f.name())).dateValue(s);
        return d == null ? s : GeoPackageFormat.toJava(d, FieldType.DATE);
      } catch (RuntimeException e) {
        return s;
      }
    }
    return GeoPackageFormat.toJava(v, f.type());
  }

  private SqlFilter.Column column(String name) {
    return schema.field(name).map(f -> new SqlFilter.Column(f, "t." + quote(f.name()))).orElse(null);
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

  private RuntimeException failure(SQLException e) {
    return new InputDataException(location(), null, null, "cannot read the table: " + e.getMessage(), e);
  }

  private static String quote(String name) {
    return SqlFilter.Dialect.SQLITE.quote(name);
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
    gp.close();
  }
}
