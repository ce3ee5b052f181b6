package org.landledger.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.io.InputDataException;
import org.landledger.io.Layers;
import org.landledger.io.WriteOptions;
import org.landledger.server.Fixtures;

/**
 * {@link GeoPackageCheck} on its own: an ordinary GeoPackage (with its R-tree triggers) passes; a feature
 * table that is really an endless recursive VIEW, a foreign trigger, a generated column and a damaged file are
 * refused naming file and table; and the time bound really stops a statement that would never end.
 */
class UploadGeoPackageCheckTest {

  static final Duration BUDGET = Duration.ofSeconds(30);

  @Test
  void anOrdinaryGeoPackagePassesWithItsSpatialIndexTriggers(@TempDir Path dir) throws Exception {
    Path gpkg = gpkg(dir);
    GeoPackageCheck.check(gpkg, BUDGET);
    // The writer's spatial index comes with the spec's R-tree triggers: these are the ones allowed.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg)) {
      assertThat(GeoPackageCheck.column(c, "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
          .allMatch(n -> n.startsWith("rtree_"));
    }
    // A file left in WAL journal mode (some tools do) still opens read-only and passes.
    sql(gpkg, "PRAGMA journal_mode=WAL");
    GeoPackageCheck.check(gpkg, BUDGET);
  }

  @Test
  void aFeatureTableThatIsAnEndlessRecursiveViewIsRefused(@TempDir Path dir) throws Exception {
    Path gpkg = gpkg(dir);
    sql(gpkg, "ALTER TABLE DLTB RENAME TO DLTB_data",
        "CREATE VIEW DLTB AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
            + "SELECT d.* FROM DLTB_data d, n");
    assertThatThrownBy(() -> GeoPackageCheck.check(gpkg, BUDGET)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("county.gpkg").hasMessageContaining("table DLTB is a view");
    // The view really never ends: the bounded connection aborts reading it once its deadline has passed.
    try (Connection c = GeoPackageCheck.open(gpkg, System.nanoTime() + Duration.ofMillis(200).toNanos())) {
      assertThatThrownBy(() -> GeoPackageCheck.column(c, "SELECT count(*) FROM DLTB")).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void aForeignTriggerIsRefused(@TempDir Path dir) throws Exception {
    Path gpkg = gpkg(dir);
    sql(gpkg, "CREATE TRIGGER evil AFTER INSERT ON DLTB BEGIN "
        + "SELECT count(*) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n); END");
    assertThatThrownBy(() -> GeoPackageCheck.check(gpkg, BUDGET)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("table DLTB has trigger evil");
    // A trigger named like a spatial-index one but on another table is not one.
    Path other = gpkg(dir.resolve("b"));
    sql(other, "CREATE TRIGGER rtree_DLTB_geom_insert2 AFTER INSERT ON result BEGIN SELECT 1; END");
    assertThatThrownBy(() -> GeoPackageCheck.check(other, BUDGET)).hasMessageContaining("trigger rtree_DLTB_geom_insert2");
  }

  @Test
  void aGeneratedColumnIsRefused(@TempDir Path dir) throws Exception {
    Path gpkg = gpkg(dir);
    sql(gpkg, "ALTER TABLE result ADD COLUMN big AS (zeroblob(1000000000))");
    assertThatThrownBy(() -> GeoPackageCheck.check(gpkg, BUDGET)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("table result column big is a generated column");
  }

  @Test
  void aDamagedFileIsRefused(@TempDir Path dir) throws Exception {
    Path gpkg = gpkg(dir);
    byte[] b = java.nio.file.Files.readAllBytes(gpkg);
    // Overwrite everything after the first two pages (schema intact, data pages garbage).
    int page = ((b[16] & 0xff) << 8 | (b[17] & 0xff)) == 1 ? 65536 : ((b[16] & 0xff) << 8 | (b[17] & 0xff));
    for (int i = 2 * page; i < b.length; i++) {
      b[i] = (byte) 0xA5;
    }
    java.nio.file.Files.write(gpkg, b);
    assertThatThrownBy(() -> GeoPackageCheck.check(gpkg, BUDGET)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("county.gpkg");
  }

  @Test
  void theBudgetStopsAnyStatement(@TempDir Path dir) throws Exception {
    Path gpkg = gpkg(dir);
    try (Connection c = GeoPackageCheck.open(gpkg, System.nanoTime() + Duration.ofMillis(100).toNanos())) {
      assertThatThrownBy(() -> GeoPackageCheck.column(c,
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"))
          .isInstanceOf(SQLException.class);
    }
  }

  static Path gpkg(Path dir) throws Exception {
    java.nio.file.Files.createDirectories(dir);
    Path gpkg = dir.resolve("county.gpkg");
    Layers.write(List.of(Fixtures.dltb("DLTB"), Fixtures.redline()), gpkg, WriteOptions.DEFAULT);
    return gpkg;
  }

  static void sql(Path gpkg, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement s = c.createStatement()) {
      for (String q : statements) {
        s.execute(q);
      }
    }
  }
}
