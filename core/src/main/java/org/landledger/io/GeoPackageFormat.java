package org.landledger.io;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TimeZone;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.contents.Contents;
import mil.nga.geopackage.db.CoreSQLUtils;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.geopackage.srs.SpatialReferenceSystemDao;
import mil.nga.sf.GeometryType;
import org.geotools.referencing.CRS;
import org.landledger.geo.Crs;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * GeoPackage 格式: an OGC GeoPackage (.gpkg, SQLite) read and written through NGA's GeoPackage library.
 * One feature table per layer; {@code file.gpkg#TABLE} picks a table, the first feature table is the
 * default. The table's spatial reference system becomes a {@link Crs}: its EPSG code when the
 * organization is EPSG, else its WKT definition resolved like a .prj.
 *
 * <p>Reading streams rows through a database cursor. Writing builds a whole new GeoPackage in a
 * temporary file next to the target and moves it into place, so the target is replaced whole or not
 * at all; each table gets the standard R-tree spatial index. A layer mixing Polygon and MultiPolygon
 * (common after overlay) is written as a MULTIPOLYGON table with the polygons promoted, which GDAL and
 * QGIS read without complaint. Feature ids that are distinct positive integers are kept as fid.
 */
public final class GeoPackageFormat implements LayerFormat {

  static final String FID = "fid";
  static final String GEOM = "geom";
  /** GeoPackage 1.3.0 as SQLite user_version (major·10000 + minor·100). */
  static final int USER_VERSION_1_3 = 10300;
  private static final GeometryFactory GF = new GeometryFactory();

  @Override
  public String name() {
    return "GeoPackage";
  }

  @Override
  public boolean handles(Path file) {
    return Layers.extension(file).equals("gpkg");
  }

  @Override
  public List<String> layerNames(Path file) {
    GeoPackage gp = openFile(file);
    try {
      return List.copyOf(gp.getFeatureTables());
    } catch (RuntimeException e) {
      throw new InputDataException(file, "unreadable GeoPackage: " + e.getMessage(), e);
    } finally {
      gp.close();
    }
  }

  @Override
  public LayerReader open(Path file, String layer, ReadOptions options) {
    GeoPackage gp = openFile(file);
    try {
      return new GeoPackageReader(file, gp, layer, options);
    } catch (RuntimeException e) {
      gp.close();
      if (e instanceof InputDataException) {
        throw e;
      }
      throw new InputDataException(file, "unreadable GeoPackage: " + e.getMessage(), e);
    }
  }

  private static GeoPackage openFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputDataException(file, "file not found");
    }
    try {
      // Read-only, validated: a file that is not a GeoPackage is reported here rather than half-read.
      return GeoPackageManager.open(true, file.toFile(), true);
    } catch (RuntimeException e) {
      throw new InputDataException(file, "not a readable GeoPackage: " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  // ---------------------------------------------------------------- reading

  /**
   * The CRS of a GeoPackage SRS: EPSG organization → the code; otherwise the WKT definition resolved
   * like a .prj; "undefined" systems (srs_id −1/0) → null (the caller may assume one).
   */
  static Crs crsOf(SpatialReferenceSystem srs, String location, Crs assumed) {
    String org = srs.getOrganization() == null ? "" : srs.getOrganization().trim();
    long code = srs.getOrganizationCoordsysId();
    if (srs.getSrsId() <= 0 || code <= 0 && org.equalsIgnoreCase("NONE")) {
      return null;
    }
    if (org.equalsIgnoreCase("EPSG") && code > 0) {
      try {
        return Crs.epsg((int) code);
      } catch (IllegalArgumentException e) {
        // fall through to the definition
      }
    }
    String wkt = srs.getDefinition();
    if (wkt != null && !wkt.isBlank() && !wkt.trim().equalsIgnoreCase("undefined")) {
      try {
        return Crs.fromWkt(wkt.trim());
      } catch (IllegalArgumentException e) {
        if (assumed != null) {
          return assumed;
        }
        throw new InputDataException(location, null, null, "unknown coordinate system " + org + ":" + code
            + " (" + e.getMessage() + "); pass --crs EPSG:nnnn to state it", null);
      }
    }
    if (assumed != null) {
      return assumed;
    }
    throw new InputDataException(location, null, null, "unknown coordinate system " + org + ":" + code
        + " without a definition; pass --crs EPSG:nnnn to state it", null);
  }

  static FieldType typeOf(GeoPackageDataType t) {
    if (t == null) {
      return FieldType.STRING;
    }
    return switch (t) {
      case BOOLEAN -> FieldType.BOOLEAN;
      case TINYINT, SMALLINT, MEDIUMINT -> FieldType.INTEGER;
      case INT, INTEGER -> FieldType.LONG;
      case FLOAT, DOUBLE, REAL -> FieldType.DOUBLE;
      case TEXT -> FieldType.STRING;
      case DATE, DATETIME -> FieldType.DATE;
      case BLOB -> null;
    };
  }

  static Object toJava(Object v, FieldType type) {
    if (v == null) {
      return null;
    }
    return switch (type) {
      case STRING -> v.toString();
      case INTEGER -> v instanceof Number n ? n.intValue() : Integer.valueOf(v.toString().trim());
      case LONG -> v instanceof Number n ? n.longValue() : Long.valueOf(v.toString().trim());
      case DOUBLE -> v instanceof Number n ? n.doubleValue() : Double.valueOf(v.toString().trim());
      case BOOLEAN -> v instanceof Boolean b ? b : v instanceof Number n ? n.intValue() != 0 : Boolean.valueOf(v.toString());
      case DATE -> v instanceof Date d ? isoDate(d) : v.toString();
    };
  }

  private static String isoDate(Date d) {
    SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);
    f.setTimeZone(TimeZone.getTimeZone("UTC"));
    String s = f.format(d);
    return s.endsWith("T00:00:00.000Z") ? s.substring(0, 10) : s;
  }

  static String geometryTypeName(GeometryType t) {
    if (t == null) {
      return "Geometry";
    }
    return switch (t) {
      case POINT -> "Point";
      case LINESTRING -> "LineString";
      case POLYGON -> "Polygon";
      case MULTIPOINT -> "MultiPoint";
      case MULTILINESTRING -> "MultiLineString";
      case MULTIPOLYGON -> "MultiPolygon";
      case GEOMETRYCOLLECTION -> "GeometryCollection";
      default -> "Geometry";
    };
  }

  // ---------------------------------------------------------------- writing

  @Override
  public void write(Path file, List<Layer> layers, WriteOptions options) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("nothing to write to " + file + ": no layers");
    }
    Set<String> names = new HashSet<>();
    for (Layer l : layers) {
      if (l.name() == null || l.name().isBlank()) {
        throw new IllegalArgumentException("a GeoPackage table needs a name (layer without one for " + file + ")");
      }
      if (!names.add(l.name().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("two layers named " + l.name() + " for " + file);
      }
    }
    AtomicFiles.write(file, tmp -> {
      // NGA insists on a .gpkg name: build the database under one, then hand it over as the temp file.
      Path db = tmp.resolveSibling(tmp.getFileName() + ".gpkg");
      try {
        GeoPackageManager.create(db.toFile());
        GeoPackage gp = GeoPackageManager.open(db.toFile());
        try {
          // We use nothing newer than GeoPackage 1.3; saying so keeps GDAL < 3.7 (Debian 12) from warning.
          gp.execSQL("PRAGMA user_version = " + USER_VERSION_1_3);
          for (Layer l : layers) {
            writeLayer(gp, l);
          }
        } catch (SQLException e) {
          throw new IOException(e.getMessage(), e);
        } finally {
          gp.close();
        }
        Files.move(db, tmp);
      } finally {
        Files.deleteIfExists(db);
        deleteSidecars(db);
      }
    });
  }

  /** SQLite journal files that a failed write may leave next to the temporary database. */
  private static void deleteSidecars(Path tmp) throws IOException {
    for (String suffix : new String[] {"-journal", "-wal", "-shm"}) {
      Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + suffix));
    }
  }

  private static void writeLayer(GeoPackage gp, Layer layer) throws SQLException, IOException {
    String table = layer.name();
    SpatialReferenceSystem srs = srsFor(gp, layer.crs());
    GeometryType declared = declaredType(layer);
    GeometryColumns gc = new GeometryColumns();
    String geomName = layer.schema().uniqueFieldName(GEOM);
    String fidName = layer.schema().uniqueFieldName(FID);
    gc.setId(new TableColumnKey(table, geomName));
    gc.setGeometryType(declared);
    gc.setZ((byte) 0);
    gc.setM((byte) 0);
    gc.setSrs(srs);
    List<FeatureColumn> columns = new ArrayList<>();
    for (Field f : layer.schema().fields()) {
      columns.add(FeatureColumn.createColumn(f.name(), dataTypeOf(f.type())));
    }
    Envelope env = layer.bounds();
    BoundingBox bbox = env.isNull() ? null : new BoundingBox(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY());
    gp.createFeatureTable(new FeatureTableMetadata(gc, fidName, columns, bbox));
    FeatureDao dao = gp.getFeatureDao(table);
    boolean keepIds = layer.idsAreKeys();
    List<Field> fields = layer.schema().fields();
    // One prepared INSERT per table (NGA's row-by-row insert re-prepares its SQL for every feature).
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(CoreSQLUtils.quoteWrap(table)).append(" (")
        .append(CoreSQLUtils.quoteWrap(fidName)).append(", ").append(CoreSQLUtils.quoteWrap(geomName));
    for (Field f : fields) {
      sql.append(", ").append(CoreSQLUtils.quoteWrap(f.name()));
    }
    sql.append(") VALUES (?, ?").append(", ?".repeat(fields.size())).append(')');
    WKBWriter wkb = new WKBWriter(2);
    Connection c = gp.getConnection().getConnection();
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    boolean ok = false;
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int pending = 0;
      for (Feature f : layer.features()) {
        if (keepIds) {
          ps.setLong(1, Long.parseLong(f.id()));
        } else {
          ps.setNull(1, Types.INTEGER);
        }
        Geometry g = promote(f.geometry(), declared);
        if (g != null) {
          ps.setBytes(2, GeoPackageGeometryData.createFromWkbAndBuildEnvelope(srs.getSrsId(), wkb.write(g)).toBytes());
        } else {
          ps.setNull(2, Types.BLOB);
        }
        for (int i = 0; i < fields.size(); i++) {
          Field field = fields.get(i);
          Object v;
          try {
            v = gpkgValue(f.get(field.name()), field.type());
          } catch (RuntimeException e) {
            throw new IllegalArgumentException("layer " + table + ", feature " + f.id() + ", field " + field.name()
                + ": cannot store " + f.get(field.name()) + " as " + field.type(), e);
          }
          bind(ps, i + 3, v);
        }
        // Batches: sqlite-jdbc's executeUpdate also queries last_insert_rowid() for every row.
        ps.addBatch();
        if (++pending == 1000) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
      ok = true;
    } finally {
      if (ok) {
        c.commit();
      } else {
        c.rollback();
      }
      c.setAutoCommit(autoCommit);
    }
    // The standard R-tree spatial index (gpkg_rtree_index), as GDAL writes it: QGIS, GDAL and map servers
    // use it for bounding-box queries on big 三调 layers.
    new RTreeIndexExtension(gp).create(dao.getTable());
  }

  private static void bind(PreparedStatement ps, int index, Object v) throws SQLException {
    if (v == null) {
      ps.setNull(index, Types.NULL);
    } else if (v instanceof Boolean b) {
      ps.setInt(index, b ? 1 : 0); // GeoPackage BOOLEAN is an integer 0/1
    } else if (v instanceof Integer n) {
      ps.setInt(index, n);
    } else if (v instanceof Long n) {
      ps.setLong(index, n);
    } else if (v instanceof Double d) {
      ps.setDouble(index, d);
    } else {
      ps.setString(index, v.toString());
    }
  }



  /** The SRS row for a CRS: srs_id = EPSG code, organization EPSG, OGC WKT definition from EPSG. */
  private static SpatialReferenceSystem srsFor(GeoPackage gp, Crs crs) throws SQLException {
    SpatialReferenceSystemDao dao = gp.getSpatialReferenceSystemDao();
    if (crs == null) {
      return dao.createUndefinedCartesian();
    }
    SpatialReferenceSystem existing = dao.queryForOrganizationCoordsysId("EPSG", crs.epsg());
    if (existing != null) {
      return existing;
    }
    SpatialReferenceSystem srs = new SpatialReferenceSystem();
    srs.setSrsId(crs.epsg());
    srs.setOrganization("EPSG");
    srs.setOrganizationCoordsysId(crs.epsg());
    String wkt;
    String name;
    try {
      var epsg = CRS.decode("EPSG:" + crs.epsg(), false);
      wkt = epsg.toWKT().replaceAll("\\s*\\n\\s*", "");
      name = epsg.getName().getCode();
    } catch (Exception e) {
      wkt = crs.toPrj();
      name = crs.toString();
    }
    srs.setSrsName(name);
    srs.setDefinition(wkt);
    srs.setDescription(crs.toString());
    dao.create(srs);
    return srs;
  }

  private static GeometryType declaredType(Layer layer) {
    Set<String> types = new HashSet<>();
    for (Feature f : layer.features()) {
      if (f.geometry() != null) {
        types.add(f.geometry().getGeometryType());
      }
    }
    if (types.isEmpty()) {
      types.add(layer.schema().geometryType() == null ? "Geometry" : layer.schema().geometryType());
    }
    String hint = layer.schema().geometryType();
    if (types.size() == 1) {
      String t = types.iterator().next();
      // A layer declared Multi* keeps its declared type even when every part is single.
      if (hint != null && hint.equals("Multi" + t)) {
        t = hint;
      }
      return typeOf(t);
    }
    for (String family : new String[] {"Polygon", "LineString", "Point"}) {
      if (types.stream().allMatch(t -> t.equals(family) || t.equals("Multi" + family))) {
        return typeOf("Multi" + family);
      }
    }
    return GeometryType.GEOMETRY;
  }

  private static GeometryType typeOf(String jtsName) {
    return switch (jtsName) {
      case "Point" -> GeometryType.POINT;
      case "LineString", "LinearRing" -> GeometryType.LINESTRING;
      case "Polygon" -> GeometryType.POLYGON;
      case "MultiPoint" -> GeometryType.MULTIPOINT;
      case "MultiLineString" -> GeometryType.MULTILINESTRING;
      case "MultiPolygon" -> GeometryType.MULTIPOLYGON;
      case "GeometryCollection" -> GeometryType.GEOMETRYCOLLECTION;
      default -> GeometryType.GEOMETRY;
    };
  }

  /** Single parts in a Multi* table become one-part multis. */
  private static Geometry promote(Geometry g, GeometryType declared) {
    if (g == null) {
      return null;
    }
    if (declared == GeometryType.MULTIPOLYGON && g instanceof Polygon p) {
      return GF.createMultiPolygon(new Polygon[] {p});
    }
    if (declared == GeometryType.MULTILINESTRING && g instanceof LineString l && !(g instanceof MultiLineString)) {
      return GF.createMultiLineString(new LineString[] {l});
    }
    if (declared == GeometryType.MULTIPOINT && g instanceof Point p && !(g instanceof MultiPoint)) {
      return GF.createMultiPoint(new Point[] {p});
    }
    if (declared == GeometryType.MULTIPOLYGON && !(g instanceof MultiPolygon)) {
      throw new IllegalArgumentException("cannot write " + g.getGeometryType() + " into a MultiPolygon table");
    }
    return g;
  }

  private static GeoPackageDataType dataTypeOf(FieldType t) {
    return switch (t) {
      case STRING -> GeoPackageDataType.TEXT;
      case INTEGER -> GeoPackageDataType.MEDIUMINT; // 32-bit; GDAL reads it as Integer
      case LONG -> GeoPackageDataType.INTEGER; // 64-bit
      case DOUBLE -> GeoPackageDataType.DOUBLE;
      case BOOLEAN -> GeoPackageDataType.BOOLEAN;
      case DATE -> GeoPackageDataType.DATE;
    };
  }

  private static Object gpkgValue(Object v, FieldType t) {
    if (v == null) {
      return null;
    }
    return switch (t) {
      case STRING -> v.toString();
      case INTEGER -> v instanceof Number n ? Integer.valueOf(Math.toIntExact(n.longValue()))
          : Integer.valueOf(v.toString().trim());
      case LONG -> v instanceof Number n ? Long.valueOf(n.longValue()) : Long.valueOf(v.toString().trim());
      case DOUBLE -> v instanceof Number n ? Double.valueOf(n.doubleValue()) : Double.valueOf(v.toString().trim());
      case BOOLEAN -> v instanceof Boolean b ? b : Boolean.valueOf(parseBoolean(v.toString()));
      case DATE -> dateText(v);
    };
  }

  private static boolean parseBoolean(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "true", "t", "y", "yes", "1" -> true;
      case "false", "f", "n", "no", "0" -> false;
      default -> throw new IllegalArgumentException("not a boolean: " + s);
    };
  }

  /** Dates are stored as ISO text ("2024-05-01"), which is how GeoPackage defines DATE. */
  private static String dateText(Object v) {
    if (v instanceof Date d) {
      return isoDate(d);
    }
    if (v instanceof LocalDate || v instanceof LocalDateTime || v instanceof TemporalAccessor) {
      return v.toString();
    }
    String s = v.toString().trim();
    // DBF dates come as yyyyMMdd.
    if (s.matches("\\d{8}")) {
      return s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6);
    }
    return s;
  }
}
