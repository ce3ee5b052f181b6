package org.landledger.io.postgis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.landledger.io.InputDataException;
import org.landledger.io.Layer;
import org.landledger.io.LayerReader;
import org.landledger.io.LayerStore;
import org.landledger.io.ReadOptions;
import org.landledger.io.WriteOptions;

/**
 * PostGIS 存储: layers kept as PostGIS tables, addressed as
 * {@code pg:postgresql://user@host:port/db?schema=public#table} (see {@link PgLocation}).
 *
 * <p>Reading streams rows through a server-side cursor (fetch size 2000 by default), geometry as WKB
 * ({@code ST_AsBinary}); the column's SRID becomes the layer's {@link org.landledger.geo.Crs}; a
 * single-column integer primary key gives the feature ids. Writing creates each table under a
 * temporary name with typed columns and a {@code geometry(type, srid)} column, loads it with COPY,
 * then drops the old table and renames the new one in the same transaction: readers see the old
 * table or the new one, never a half-written one. Passwords come from {@link PgPassword}.
 */
public final class PostGisStore implements LayerStore {

  @Override
  public String name() {
    return "PostGIS";
  }

  @Override
  public boolean handles(String location) {
    return PgLocation.isPostGis(location);
  }

  @Override
  public List<String> layerNames(String location) {
    PgLocation loc = PgLocation.parse(location);
    try (Connection c = connect(loc)) {
      return geometryTables(c, loc.schema());
    } catch (SQLException e) {
      throw failure(loc, "cannot list tables", e);
    }
  }

  @Override
  public LayerReader open(String location, ReadOptions options) {
    PgLocation loc = PgLocation.parse(location);
    Connection c = connect(loc);
    try {
      return new PgReader(loc, c, options);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw failure(loc, "cannot read table", (SQLException) e);
    }
  }

  @Override
  public void write(String location, List<Layer> layers, WriteOptions options) {
    PgLocation loc = PgLocation.parse(location);
    new PgWriter(loc).write(layers);
  }

  /** Opens a connection (password from {@link PgPassword}); failures are bad input naming the location. */
  static Connection connect(PgLocation loc) {
    Properties p = new Properties();
    p.setProperty("user", loc.user());
    String pw = PgPassword.resolve(loc);
    if (pw != null) {
      p.setProperty("password", pw);
    }
    p.setProperty("ApplicationName", "landledger");
    p.setProperty("connectTimeout", "15");
    if (loc.sslmode() != null) {
      p.setProperty("sslmode", loc.sslmode());
    }
    try {
      return DriverManager.getConnection(loc.jdbcUrl(), p);
    } catch (SQLException e) {
      throw failure(loc, "cannot connect", e);
    }
  }

  /** Tables of a schema that have a geometry column, sorted. */
  static List<String> geometryTables(Connection c, String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT DISTINCT f_table_name FROM geometry_columns WHERE f_table_schema = ? ORDER BY 1")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  /** A database error as bad input naming the location (message from the server, never a password). */
  static InputDataException failure(PgLocation loc, String what, SQLException e) {
    String msg = e.getMessage() == null ? e.toString() : e.getMessage().replace('\n', ' ').trim();
    return new InputDataException(loc.toString(), null, null, what + ": " + msg, e);
  }

  /** Quotes an identifier the way PostgreSQL's quote_ident does. */
  static String ident(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String qualified(String schema, String table) {
    return ident(schema) + "." + ident(table);
  }

  static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing after a failure: the first error is the one to report
      }
    }
  }
}
