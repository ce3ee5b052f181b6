package org.landledger.server.api;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.landledger.io.InputDataException;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;

/**
 * GeoPackage 上传安全检查: an uploaded GeoPackage is opened read-only with sqlite-jdbc and checked before the
 * GeoPackage reader (which has no time bound) sees it, so a hostile file cannot hang a request thread.
 *
 * <ul>
 *   <li>{@code PRAGMA quick_check} must say {@code ok} (a damaged file is refused, not half-read);
 *   <li>every {@code gpkg_contents} entry must be a plain table: a VIEW (which can hide an endless recursive
 *       query), a virtual table, or a table with generated columns (an expression run on every row read, e.g.
 *       {@code zeroblob(1e9)}) is refused, naming file and table;
 *   <li>no trigger except the GeoPackage spatial-index ones ({@code rtree_<t>_<g>_insert|update1..7|delete} on a
 *       feature table {@code t} with geometry column {@code g}) and the spec's own checks on
 *       {@code gpkg_tile_matrix}, {@code gpkg_metadata} and {@code gpkg_metadata_reference}. Triggers never fire on
 *       the read-only reads done here; they are refused because a bureau's survey data never needs others and a
 *       file carrying them was not written by an ordinary GIS export.
 * </ul>
 *
 * The checks run under a budget: SQLite's progress handler aborts any statement once it has run longer, so
 * {@code quick_check} of a huge or crafted file ends with a refusal too.
 */
final class GeoPackageCheck {

  /** Time allowed for checking one file: quick_check reads every page of a file of up to the upload cap. */
  static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);
  /** SQLite virtual-machine steps between looks at the clock. */
  private static final int STEPS = 10_000;
  private static final List<String> RTREE_TRIGGERS = List.of("insert", "update1", "update2", "update3", "update4",
      "update5", "update6", "update7", "delete");
  private static final Set<String> SPEC_TRIGGER_TABLES = Set.of("gpkg_tile_matrix", "gpkg_metadata",
      "gpkg_metadata_reference");

  private GeoPackageCheck() {}

  /** Checks {@code file}; throws {@link InputDataException} naming the file and, where it applies, the table. */
  static void check(Path file, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    try (Connection c = open(file, deadline)) {
      try {
        run(c, file);
      } catch (SQLException e) {
        if (System.nanoTime() - deadline > 0) {
          throw refused(file, null, "checking it took longer than the " + budget.toSeconds()
              + " s allowed: refused");
        }
        throw refused(file, null, "not a readable GeoPackage (SQLite database): " + e.getMessage());
      }
    } catch (SQLException e) {
      throw refused(file, null, "cannot be opened as a GeoPackage (SQLite database): " + e.getMessage());
    }
  }

  /**
   * A read-only connection whose statements are aborted (SQLException "interrupted") once {@code deadline}
   * ({@link System#nanoTime()}) has passed; package-private so the bound itself can be tested.
   */
  static Connection open(Path file, long deadline) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try {
      ProgressHandler.setHandler(c, STEPS, new ProgressHandler() {
        @Override
        protected int progress() {
          return System.nanoTime() - deadline > 0 ? 1 : 0;
        }
      });
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** The first column of every row {@code sql} returns. */
  static List<String> column(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  private static void run(Connection c, Path file) throws SQLException {
    List<String> quick = column(c, "PRAGMA quick_check");
    if (!(quick.size() == 1 && "ok".equalsIgnoreCase(quick.get(0)))) {
      throw refused(file, null, "damaged database (PRAGMA quick_check: "
          + UploadRefused.printable(String.join("; ", quick.subList(0, Math.min(3, quick.size())))) + ")");
    }
    if (column(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_contents'").isEmpty()) {
      return; // not a GeoPackage: the reader refuses it in its own words
    }
    for (String table : column(c, "SELECT table_name FROM gpkg_contents")) {
      if (table == null) {
        continue;
      }
      String type = null;
      String sql = null;
      try (PreparedStatement p = c.prepareStatement(
          "SELECT type, sql FROM sqlite_master WHERE name = ? COLLATE NOCASE AND type IN ('table', 'view')")) {
        p.setString(1, table);
        try (ResultSet r = p.executeQuery()) {
          if (r.next()) {
            type = r.getString(1);
            sql = r.getString(2);
          }
        }
      }
      if (type == null) {
        continue; // listed but missing: the reader reports it
      }
      if (type.equals("view")) {
        throw refused(file, table, "is a view, not a table: upload the data itself (a view can run any query)");
      }
      if (sql != null && sql.stripLeading().toUpperCase(Locale.ROOT).startsWith("CREATE VIRTUAL TABLE")) {
        throw refused(file, table, "is a virtual table, not a table: upload the data itself");
      }
      try (PreparedStatement p = c.prepareStatement("SELECT name, hidden FROM pragma_table_xinfo(?)")) {
        p.setString(1, table);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            if (r.getInt(2) == 2 || r.getInt(2) == 3) {
              throw refused(file, table, "column " + UploadRefused.printable(r.getString(1))
                  + " is a generated column: upload plain values");
            }
          }
        }
      }
    }
    Set<String> allowed = new HashSet<>();
    if (!column(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_geometry_columns'").isEmpty()) {
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT table_name, column_name FROM gpkg_geometry_columns")) {
        while (r.next()) {
          for (String t : RTREE_TRIGGERS) {
            allowed.add(("rtree_" + r.getString(1) + "_" + r.getString(2) + "_" + t).toLowerCase(Locale.ROOT)
                + "\0" + String.valueOf(r.getString(1)).toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")) {
      while (r.next()) {
        String name = String.valueOf(r.getString(1));
        String table = String.valueOf(r.getString(2));
        String on = table.toLowerCase(Locale.ROOT);
        boolean rtree = allowed.contains(name.toLowerCase(Locale.ROOT) + "\0" + on);
        boolean spec = SPEC_TRIGGER_TABLES.contains(on) && name.toLowerCase(Locale.ROOT).startsWith(on + "_");
        if (!rtree && !spec) {
          throw refused(file, table, "has trigger " + UploadRefused.printable(name)
              + ", which a GeoPackage of survey data never needs: export the data without triggers");
        }
      }
    }
  }

  private static InputDataException refused(Path file, String table, String message) {
    return new InputDataException(file, (table == null ? "" : "table " + UploadRefused.printable(table) + " ") + message);
  }
}
