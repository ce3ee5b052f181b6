package org.landledger.io.postgis;

import static org.landledger.io.postgis.PostGisStore.failure;
import static org.landledger.io.postgis.PostGisStore.ident;
import static org.landledger.io.postgis.PostGisStore.qualified;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.Layer;
import org.landledger.io.LayerSchema;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostGIS 写出: replaces tables in one transaction. Each layer is loaded by COPY into a new table
 * under a temporary name ({@code ll_new_…}); then the old table is dropped, the new one renamed, its
 * primary key and GiST index added and statistics gathered, and only then is the transaction
 * committed. Any failure (bad value, lost connection, a view depending on the old table) rolls
 * everything back: the old tables stay as they were and no temporary table is left.
 *
 * <p>Columns: STRING → {@code varchar(width)} or {@code text}, INTEGER → {@code integer}, LONG →
 * {@code bigint}, DOUBLE → {@code double precision}, BOOLEAN → {@code boolean}, DATE → {@code date}
 * (or {@code timestamp} when a value has a time). Feature ids become the {@code ogc_fid} key when they
 * are distinct positive integers, else rows are numbered 1…n. Polygons in a layer that also has
 * multipolygons are written as one-part multipolygons (a typed {@code geometry(MultiPolygon, srid)}
 * column).
 */
final class PgWriter {

  private static final GeometryFactory GF = new GeometryFactory();
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final int MAX_IDENT_BYTES = 63;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PgLocation loc;

  PgWriter(PgLocation loc) {
    this.loc = loc;
  }

  void write(List<Layer> layers) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException(loc + ": no layer to write");
    }
    if (loc.table() != null && layers.size() != 1) {
      throw new IllegalArgumentException(loc + ": the location names one table but " + layers.size()
          + " layers are to be written; drop #table to write each layer to a table of its name");
    }
    List<String> tables = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Layer l : layers) {
      String t = loc.table() != null ? loc.table() : l.name();
      if (t == null || t.isBlank()) {
        throw new IllegalArgumentException(loc + ": a layer has no name to use as table name");
      }
      if (t.getBytes(StandardCharsets.UTF_8).length > MAX_IDENT_BYTES) {
        throw new IllegalArgumentException(loc + ": table name " + t + " is longer than PostgreSQL's 63 bytes");
      }
      if (!seen.add(t)) {
        throw new IllegalArgumentException(loc + ": two layers would both be written to table " + t);
      }
      tables.add(t);
    }
    try (Connection c = PostGisStore.connect(loc)) {
      c.setAutoCommit(false);
      try {
        ensureSchema(c);
        for (int i = 0; i < layers.size(); i++) {
          writeTable(c, layers.get(i), tables.get(i));
        }
        c.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // the connection is broken: the server rolls back on its own
        }
        if (e instanceof SQLException se) {
          throw failure(loc, "cannot write (nothing was changed)", se);
        }
        if (e instanceof IOException) {
          throw new java.io.UncheckedIOException(loc + ": cannot write (nothing was changed): " + e.getMessage(),
              (IOException) e);
        }
        throw (RuntimeException) e;
      }
    } catch (SQLException e) {
      throw failure(loc, "cannot write", e);
    }
  }

  private void ensureSchema(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      ps.setString(1, loc.schema());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
    }
    try (Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + ident(loc.schema()));
    }
  }

  private void writeTable(Connection c, Layer layer, String table) throws SQLException, IOException {
    LayerSchema schema = layer.schema();
    String declared = declaredType(layer);
    int srid = layer.crs() == null ? 0 : layer.crs().epsg();
    if (srid > 0) {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM spatial_ref_sys WHERE srid = ?")) {
        ps.setInt(1, srid);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalArgumentException(loc.withTable(table) + ": SRID " + srid + " (" + layer.crs()
                + ") is not in the database's spatial_ref_sys");
          }
        }
      }
    }
    String fid = schema.uniqueFieldName("ogc_fid");
    String geom = schema.uniqueFieldName("geom");
    boolean keepIds = layer.idsAreKeys();
    List<String> pgTypes = new ArrayList<>();
    for (Field f : schema.fields()) {
      pgTypes.add(pgType(f, layer));
    }
    String tmp = "ll_new_" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(qualified(loc.schema(), tmp)).append(" (")
        .append(ident(fid)).append(" bigint NOT NULL, ").append(ident(geom)).append(" geometry(")
        .append(declared).append(", ").append(srid).append(')');
    StringBuilder cols = new StringBuilder(ident(fid)).append(", ").append(ident(geom));
    for (int i = 0; i < schema.fields().size(); i++) {
      String name = ident(schema.fields().get(i).name());
      ddl.append(", ").append(name).append(' ').append(pgTypes.get(i));
      cols.append(", ").append(name);
    }
    ddl.append(')');
    try (Statement st = c.createStatement()) {
      st.execute(ddl.toString());
    }
    copy(c, layer, table, tmp, cols.toString(), declared, srid, keepIds);
    String q = qualified(loc.schema(), table);
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + q);
      st.execute("ALTER TABLE " + qualified(loc.schema(), tmp) + " RENAME TO " + ident(table));
      st.execute("ALTER TABLE " + q + " ADD CONSTRAINT " + ident(derivedName(table, "_pkey")) + " PRIMARY KEY ("
          + ident(fid) + ")");
      st.execute("CREATE INDEX " + ident(derivedName(table, "_geom_gist")) + " ON " + q + " USING GIST (" + ident(geom) + ")");
      st.execute("ANALYZE " + q);
    }
  }

  private void copy(Connection c, Layer layer, String table, String tmp, String cols, String declared, int srid,
      boolean keepIds) throws SQLException, IOException {
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI()
        .copyIn("COPY " + qualified(loc.schema(), tmp) + " (" + cols + ") FROM STDIN");
    try {
      WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
      List<Field> fields = layer.schema().fields();
      StringBuilder sb = new StringBuilder(1 << 16);
      long n = 0;
      for (Feature f : layer.features()) {
        n++;
        sb.append(keepIds ? Long.parseLong(f.id()) : n).append('\t');
        Geometry g = promote(f.geometry(), declared, layer, table, f);
        if (g == null) {
          sb.append("\\N");
        } else {
          sb.append(WKBWriter.toHex(withSrid(wkb.write(g), srid)));
        }
        for (Field field : fields) {
          sb.append('\t');
          Object v = f.get(field.name());
          String text;
          try {
            text = v == null ? null : text(v, field.type());
          } catch (RuntimeException e) {
            throw new IllegalArgumentException("layer " + table + ", feature " + f.id() + ", field " + field.name()
                + ": cannot store " + v + " as " + field.type(), e);
          }
          if (text == null) {
            sb.append("\\N");
          } else {
            if (text.indexOf('\0') >= 0) {
              throw new IllegalArgumentException("layer " + table + ", feature " + f.id() + ", field " + field.name()
                  + ": text contains a NUL character, which PostgreSQL cannot store");
            }
            escape(sb, text);
          }
        }
        sb.append('\n');
        if (sb.length() > (1 << 16)) {
          flush(in, sb);
        }
      }
      flush(in, sb);
      in.endCopy();
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  private static void flush(CopyIn in, StringBuilder sb) throws SQLException {
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    in.writeToCopy(bytes, 0, bytes.length);
    sb.setLength(0);
  }

  /** COPY text format: backslash, tab, newline and carriage return escaped. */
  private static void escape(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(ch);
      }
    }
  }

  /** Little-endian WKB → EWKB with the SRID flag and value after the type word (PostGIS's input). */
  static byte[] withSrid(byte[] wkb, int srid) {
    byte[] out = new byte[wkb.length + 4];
    out[0] = wkb[0];
    int type = (wkb[1] & 0xff) | (wkb[2] & 0xff) << 8 | (wkb[3] & 0xff) << 16 | (wkb[4] & 0xff) << 24;
    type |= 0x20000000;
    for (int i = 0; i < 4; i++) {
      out[1 + i] = (byte) (type >>> (8 * i));
      out[5 + i] = (byte) (srid >>> (8 * i));
    }
    System.arraycopy(wkb, 5, out, 9, wkb.length - 5);
    return out;
  }

  private String pgType(Field f, Layer layer) {
    return switch (f.type()) {
      case STRING -> f.width() > 0 && f.width() <= 10_485_760 ? "varchar(" + f.width() + ")" : "text";
      case INTEGER -> "integer";
      case LONG -> "bigint";
      case DOUBLE -> "double precision";
      case BOOLEAN -> "boolean";
      case DATE -> allPlainDates(layer, f.name()) ? "date" : "timestamp";
    };
  }

  private static boolean allPlainDates(Layer layer, String field) {
    for (Feature f : layer.features()) {
      Object v = f.get(field);
      if (v != null && !(v instanceof LocalDate) && !ISO_DATE.matcher(dateText(v)).matches()) {
        return false;
      }
    }
    return true;
  }

  private static String text(Object v, FieldType t) {
    return switch (t) {
      case STRING -> v.toString();
      case INTEGER -> String.valueOf(v instanceof Number n ? Math.toIntExact(n.longValue()) : Integer.parseInt(v.toString().trim()));
      case LONG -> String.valueOf(v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim()));
      case DOUBLE -> String.valueOf(v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim()));
      case BOOLEAN -> v instanceof Boolean b ? (b ? "t" : "f") : parseBoolean(v.toString()) ? "t" : "f";
      case DATE -> {
        String s = dateText(v);
        yield s.isEmpty() ? null : s;
      }
    };
  }

  private static boolean parseBoolean(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "true", "t", "y", "yes", "1" -> true;
      case "false", "f", "n", "no", "0" -> false;
      default -> throw new IllegalArgumentException("not a boolean: " + s);
    };
  }

  private static String dateText(Object v) {
    if (v instanceof Date d) {
      return d.toInstant().toString();
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

  /** The PostGIS type of the geometry column: the one type all features share, Multi* for mixes. */
  static String declaredType(Layer layer) {
    Set<String> types = new LinkedHashSet<>();
    for (Feature f : layer.features()) {
      if (f.geometry() != null) {
        types.add(f.geometry().getGeometryType());
      }
    }
    if (types.isEmpty()) {
      types.add(layer.schema().geometryType() == null ? "Geometry" : layer.schema().geometryType());
    }
    if (types.size() == 1) {
      return postgisType(types.iterator().next());
    }
    for (String family : new String[] {"Polygon", "LineString", "Point"}) {
      if (types.stream().allMatch(t -> t.equals(family) || t.equals("Multi" + family))) {
        return postgisType("Multi" + family);
      }
    }
    return "GEOMETRY";
  }

  private static String postgisType(String jts) {
    return switch (jts) {
      case "Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon", "GeometryCollection" ->
          jts.toUpperCase(Locale.ROOT);
      case "LinearRing" -> "LINESTRING";
      default -> "GEOMETRY";
    };
  }

  private Geometry promote(Geometry g, String declared, Layer layer, String table, Feature f) {
    if (g == null) {
      return null;
    }
    if (g instanceof org.locationtech.jts.geom.LinearRing r) {
      g = GF.createLineString(r.getCoordinateSequence());
    }
    return switch (declared) {
      case "MULTIPOLYGON" -> g instanceof Polygon p ? GF.createMultiPolygon(new Polygon[] {p}) : g;
      case "MULTILINESTRING" -> g instanceof LineString l && !(g instanceof MultiLineString)
          ? GF.createMultiLineString(new LineString[] {l}) : g;
      case "MULTIPOINT" -> g instanceof Point p && !(g instanceof MultiPoint) ? GF.createMultiPoint(new Point[] {p}) : g;
      default -> g;
    };
  }



  /** table + suffix, the table part shortened so the whole stays within 63 bytes. */
  static String derivedName(String table, String suffix) {
    String t = table;
    while ((t + suffix).getBytes(StandardCharsets.UTF_8).length > MAX_IDENT_BYTES) {
      t = t.substring(0, t.length() - 1);
    }
    return t + suffix;
  }
}
