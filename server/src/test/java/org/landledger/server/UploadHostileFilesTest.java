package org.landledger.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.landledger.server.UploadApiTest.TOKEN;
import static org.landledger.server.UploadApiTest.assertNothingKept;
import static org.landledger.server.UploadApiTest.options;
import static org.landledger.server.UploadApiTest.refused;
import static org.landledger.server.UploadApiTest.refusedAs;
import static org.landledger.server.UploadApiTest.shapefileSet;
import static org.landledger.server.UploadApiTest.upload;
import static org.landledger.server.UploadApiTest.with;
import static org.landledger.server.UploadApiTest.zip;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.io.Layers;
import org.landledger.io.WriteOptions;

/**
 * Hostile files inside well-formed uploads, built in the test from fixture layers: a GeoPackage whose feature
 * table is an endless recursive VIEW or carries a trigger, and shapefiles whose index points past the end of
 * the .shp or whose record headers claim 2^31 bytes or 2^31 − 1 points. Each is refused with 422 before the
 * reader opens it (so at once, not after a hang or a huge allocation), and nothing is left in the state folder.
 */
class UploadHostileFilesTest {

  @Test
  void geoPackagesWithAViewOrATriggerAreRefusedBeforeReading(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("state");
    byte[] view = gpkg(dir.resolve("v"), "ALTER TABLE DLTB RENAME TO DLTB_data",
        "CREATE VIEW DLTB AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT d.* FROM DLTB_data d, n");
    byte[] trigger = gpkg(dir.resolve("t"), "CREATE TRIGGER evil AFTER INSERT ON DLTB BEGIN SELECT 1; END");
    try (LandLedgerServer s = Fixtures.start(dir.resolve("a"), options(state))) {
      Fixtures.Response r = refusedAs(s, state, view, "application/geopackage+sqlite3", 422, "table DLTB is a view");
      assertThat(r.text()).doesNotContain(state.toString());
      refusedAs(s, state, trigger, "application/geopackage+sqlite3", 422, "table DLTB has trigger evil");
      // The same GeoPackage inside a zip is checked too, named by its path in the archive.
      refused(s, state, zip(Map.of("data/county.gpkg", view)), 422, "data/county.gpkg: table DLTB is a view");
      // An untouched GeoPackage (with its spatial-index triggers) still goes through.
      byte[] plain = gpkg(dir.resolve("p"));
      assertThat(upload(s, plain, "application/geopackage+sqlite3", "ok", TOKEN).status()).isEqualTo(201);
    }
  }

  @Test
  void shapefilesWhoseIndexOrRecordHeadersLieAreRefusedBeforeReading(@TempDir Path dir) {
    Path state = dir.resolve("state");
    Map<String, byte[]> set = shapefileSet(dir.resolve("set"), "DLTB", true);
    byte[] shp = set.get("DLTB.shp");
    byte[] shx = set.get("DLTB.shx");
    try (LandLedgerServer s = Fixtures.start(dir.resolve("a"), options(state))) {
      // The first index record points 10 words past the end of the .shp.
      byte[] pastEnd = shx.clone();
      ByteBuffer.wrap(pastEnd).putInt(100, shp.length / 2 + 10);
      refused(s, state, with(set, "DLTB.shx", pastEnd), 422, "DLTB.shp: record 1: the index DLTB.shx points at bytes");
      // The first record's header (in the .shp) claims 2^30 words = 2^31 bytes of content.
      byte[] huge = shp.clone();
      ByteBuffer.wrap(huge).putInt(104, 1 << 30);
      refused(s, state, with(set, "DLTB.shp", huge), 422, "record 1: the record header claims 2147483648 bytes");
      // The index claims the same for its first record.
      byte[] hugeIndex = shx.clone();
      ByteBuffer.wrap(hugeIndex).putInt(104, 1 << 30);
      refused(s, state, with(set, "DLTB.shx", hugeIndex), 422, "record 1: the index DLTB.shx points at bytes");
      // A polygon whose point count is 2^31 − 1 (its lengths untouched).
      byte[] points = shp.clone();
      ByteBuffer.wrap(points).order(ByteOrder.LITTLE_ENDIAN).putInt(100 + 8 + 40, Integer.MAX_VALUE);
      refused(s, state, with(set, "DLTB.shp", points), 422, "points, more than its");
      // An index that is not a header plus whole 8-byte records.
      refused(s, state, with(set, "DLTB.shx", java.util.Arrays.copyOf(shx, shx.length - 3)), 422, "damaged index DLTB.shx");
      // The untouched set still goes through.
      assertThat(upload(s, zip(set), "application/zip", "ok", TOKEN).status()).isEqualTo(201);
      assertThat(state.resolve("uploads")).isDirectoryContaining(p -> p.getFileName().toString().equals("ok"));
    }
  }

  /** The fixture GeoPackage (DLTB and result) with {@code statements} run on it, as bytes. */
  static byte[] gpkg(Path dir, String... statements) throws Exception {
    Files.createDirectories(dir);
    Path gpkg = dir.resolve("county.gpkg");
    Layers.write(List.of(Fixtures.dltb("DLTB"), Fixtures.redline()), gpkg, WriteOptions.DEFAULT);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement st = c.createStatement()) {
      for (String q : statements) {
        st.execute(q);
      }
    }
    return Files.readAllBytes(gpkg);
  }
}
