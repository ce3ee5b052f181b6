package org.landledger.io.postgis;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostGIS the tests run against: {@code LANDLEDGER_PG_URL} (or {@code -Dlandledger.pg.url}), as
 * printed by {@code scripts/postgis-up.sh}. Each test class works in a schema of its own, dropped at
 * the end. Without the variable the PostGIS tests are skipped with a message saying so.
 */
public final class PgTestDatabase implements AutoCloseable {

  static final String SKIP_MESSAGE = "LANDLEDGER_PG_URL is not set: PostGIS tests skipped"
      + " (scripts/test-all.sh starts PostGIS with scripts/postgis-up.sh and sets it)";

  final String base;
  final String schema;

  private PgTestDatabase(String base, String schema) {
    this.base = base;
    this.schema = schema;
  }

  public static String url() {
    String u = System.getProperty("landledger.pg.url");
    if (u == null || u.isBlank()) {
      u = System.getenv("LANDLEDGER_PG_URL");
    }
    return u == null || u.isBlank() ? null : u.trim();
  }

  /** A fresh schema in the test database; skips the calling test when there is no database. */
  public static PgTestDatabase create() throws SQLException {
    String u = url();
    Assumptions.assumeTrue(u != null, SKIP_MESSAGE);
    String schema = "ll_test_" + Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE);
    PgTestDatabase db = new PgTestDatabase(u, schema);
    db.sql("CREATE SCHEMA " + schema);
    return db;
  }

  /** The location of a table in this test's schema. */
  public String location(String table) {
    return base + (base.contains("?") ? "&" : "?") + "schema=" + schema + (table == null ? "" : "#" + table);
  }

  Connection connect() {
    return PostGisStore.connect(PgLocation.parse(base));
  }

  void sql(String... statements) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute("SET search_path TO " + schema + ", public");
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  /** The first column of the first row of a query. */
  Object query(String sql) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute("SET search_path TO " + schema + ", public");
      try (ResultSet rs = st.executeQuery(sql)) {
        return rs.next() ? rs.getObject(1) : null;
      }
    }
  }

  @Override
  public void close() throws SQLException {
    sql("DROP SCHEMA " + schema + " CASCADE");
  }
}
