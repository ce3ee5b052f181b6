package org.landledger.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.io.Layers;
import org.landledger.io.WriteOptions;

/**
 * {@code /api/uploads}: the token, real zipped shapefile and GeoPackage uploads served at once, every kind of
 * hostile or broken upload refused with 4xx and nothing left behind, and uploads served again after a restart.
 * Archives are built in the test from fixture layers written with {@code Layers.write}.
 */
class UploadApiTest {

  static final String TOKEN = "s3cret";
  static final ObjectMapper JSON = new ObjectMapper();

  // ---- the token ----

  @Test
  void uploadsNeedTheTokenAndAStateFolder(@TempDir Path dir) {
    byte[] zip = zip(shapefileSet(dir.resolve("set"), "DLTB", true));
    Path state = dir.resolve("state");
    try (LandLedgerServer s = Fixtures.start(dir.resolve("a"), options(state))) {
      assertThat(upload(s, zip, "application/zip", null, null).status()).isEqualTo(401);
      Fixtures.Response wrong = upload(s, zip, "application/zip", null, "s3cret-not");
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(wrong.text()).contains("\"code\"", "access token required");
      assertThat(Fixtures.send(s, HttpRequest.newBuilder(Fixtures.uri(s, "/api/uploads/x")).DELETE().build()).status())
          .isEqualTo(401);
      assertNothingKept(state);
    }
    // No token configured: the write API is off (403), whatever token the client sends.
    try (LandLedgerServer s = Fixtures.start(dir.resolve("b"), ServerOptions.loopback(0).withStateDir(state))) {
      assertThat(upload(s, zip, "application/zip", null, TOKEN).status()).isEqualTo(403);
    }
    // A token but no --state: nowhere to keep uploads (403, saying so).
    try (LandLedgerServer s = Fixtures.start(dir.resolve("c"), ServerOptions.loopback(0).withToken(TOKEN))) {
      Fixtures.Response r = upload(s, zip, "application/zip", null, TOKEN);
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.text()).contains("--state");
    }
    assertNothingKept(state);
  }

  // ---- uploads that work ----

  @Test
  void aZippedShapefileIsServedAtOnceAndCanBeDeleted(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("state");
    byte[] zip = zip(shapefileSet(dir.resolve("set"), "DLTB", true));
    try (LandLedgerServer s = Fixtures.start(dir.resolve("a"), options(state))) {
      Fixtures.Response r = upload(s, zip, "application/zip", "county", TOKEN);
      assertThat(r.status()).as(r.text()).isEqualTo(201);
      JsonNode j = JSON.readTree(r.text());
      assertThat(j.get("dataset").asText()).isEqualTo("county");
      JsonNode layer = j.get("layers").get(0);
      assertThat(j.get("layers")).hasSize(1);
      assertThat(layer.get("name").asText()).isEqualTo("county_DLTB");
      assertThat(layer.get("title").asText()).isEqualTo("DLTB");
      assertThat(layer.get("features").asInt()).isEqualTo(3);
      assertThat(layer.get("crs").asText()).isEqualTo("EPSG:4527");
      assertThat(layer.get("geometryType").asText()).containsIgnoringCase("Polygon");
      assertThat(layer.get("file").asText()).isEqualTo("DLTB.shp");

      // Served at once: WFS capabilities list it and GetFeature returns its features.
      assertThat(Fixtures.get(s, "/ows?SERVICE=WFS&REQUEST=GetCapabilities").text()).contains("<wfs:Name>ll:county_DLTB</wfs:Name>");
      JsonNode fc = JSON.readTree(Fixtures.get(s,
          "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ll:county_DLTB&OUTPUTFORMAT=application/json").text());
      assertThat(fc.get("features")).hasSize(3);
      assertThat(fc.get("features").findValuesAsText("DLMC")).containsExactlyInAnyOrder("水田", "乔木林地", "农村宅基地");
      assertThat(Files.isRegularFile(state.resolve("uploads/county/DLTB.dbf"))).isTrue();
      assertThat(Fixtures.get(s, "/viewer/layers.json").text()).contains("\"county_DLTB\"");

      JsonNode list = JSON.readTree(Fixtures.get(s, "/api/uploads").text());
      assertThat(list.get("datasets").findValuesAsText("dataset")).containsExactly("county");
      assertThat(Fixtures.get(s, "/api/uploads/county").status()).isEqualTo(200);
      assertThat(Fixtures.get(s, "/api/uploads/nope").status()).isEqualTo(404);

      // The same name again: 409, and the first upload is untouched.
      Fixtures.Response again = upload(s, zip, "application/zip", "county", TOKEN);
      assertThat(again.status()).isEqualTo(409);
      // A name that is already a layer or a layer group of the --data folders: 409 too (deleting it would take them).
      assertThat(upload(s, zip, "application/zip", "redline", TOKEN).status()).isEqualTo(409);
      assertThat(upload(s, zip, "application/zip", "dltb", TOKEN).status()).isEqualTo(409);
      assertThat(Files.list(state.resolve("uploads")).map(p -> p.getFileName().toString())).containsExactly("county");

      Fixtures.Response del = Fixtures.send(s, HttpRequest.newBuilder(Fixtures.uri(s, "/api/uploads/county"))
          .header("Authorization", "Bearer " + TOKEN).DELETE().build());
      assertThat(del.status()).isEqualTo(200);
      assertThat(del.text()).contains("county_DLTB");
      assertThat(Fixtures.get(s, "/ows?SERVICE=WFS&REQUEST=GetCapabilities").text()).doesNotContain("county_DLTB");
      assertThat(s.catalog().layer("DLTB")).isPresent();
      assertNothingKept(state);
      assertThat(Fixtures.send(s, HttpRequest.newBuilder(Fixtures.uri(s, "/api/uploads/county"))
          .header("Authorization", "Bearer " + TOKEN).DELETE().build()).status()).isEqualTo(404);
    }
  }

  @Test
  void chineseNamesFromAWindowsArchiverAndAGeneratedDatasetName(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("state");
    // GB18030 entry names without the UTF-8 flag, as Chinese Windows archivers write them.
    byte[] zip = zip(shapefileSet(dir.resolve("set"), "地类图斑", true), Charset.forName("GB18030"));
    try (LandLedgerServer s = Fixtures.start(dir.resolve("a"), options(state))) {
      Fixtures.Response r = upload(s, zip, "application/octet-stream", null, TOKEN);
      assertThat(r.status()).as(r.text()).isEqualTo(201);
      JsonNode j = JSON.readTree(r.text());
      String name = j.get("dataset").asText();
      assertThat(name).matches("upload_[0-9a-f]{10}");
      assertThat(j.get("layers").get(0).get("name").asText()).isEqualTo(name + "_地类图斑");
      assertThat(j.get("layers").get(0).get("title").asText()).isEqualTo("地类图斑");
    }
  }

  @Test
  void aGeoPackageIsServedTableByTable(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("state");
    Path gpkg = dir.resolve("county.gpkg");
    Layers.write(List.of(Fixtures.dltb("DLTB"), Fixtures.redline()), gpkg, WriteOptions.DEFAULT);
    byte[] body = Files.readAllBytes(gpkg);
    try (LandLedgerServer s = Fixtures.start(dir.resolve("a"), options(state))) {
      Fixtures.Response r = upload(s, body, "application/geopackage+sqlite3", "gp", TOKEN);
      assertThat(r.status()).as(r.text()).isEqualTo(201);
      JsonNode j = JSON.readTree(r.text());
      assertThat(j.get("layers").findValuesAsText("name")).containsExactly("gp_DLTB", "gp_result");
      assertThat(j.get("layers").findValuesAsText("title")).containsExactly("DLTB", "result");
      JsonNode fc = JSON.readTree(Fixtures.get(s,
          "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ll:gp_result&OUTPUTFORMAT=application/json").text());
      assertThat(fc.get("features").findValuesAsText("status")).containsExactlyInAnyOrder("PASS", "WARN", "FAIL");
      // Recognised by its bytes when the client does not say what it sends.
      assertThat(upload(s, body, null, "gp2", TOKEN).status()).isEqualTo(201);
      assertThat(Files.list(state.resolve("uploads")).map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("gp", "gp2");
    }
  }

  @Test
  void uploadsAreServedAgainAfterARestart(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("state");
    byte[] zip = zip(shapefileSet(dir.resolve("set"), "DLTB", true));
    try (LandLedgerServer s = Fixtures.start(dir.resolve("a"), options(state))) {
      assertThat(upload(s, zip, "application/zip", "county", TOKEN).status()).isEqualTo(201);
    }
    // What a killed server could leave: a half-received upload and a half-deleted dataset.
    Files.createDirectories(state.resolve("uploads/.tmp-0123456789/data")).resolve("x.shp").toFile().createNewFile();
    Files.createDirectories(state.resolve("uploads/.trash-0123456789"));
    // Folders an operator emptied or made by hand: not served (and not in the way).
    Files.createDirectories(state.resolve("uploads/emptied"));
    Files.createDirectories(state.resolve("uploads/by.hand"));
    try (LandLedgerServer s = Fixtures.start(dir.resolve("b"), options(state))) {
      assertThat(Fixtures.get(s, "/ows?SERVICE=WFS&REQUEST=GetCapabilities").text()).contains("ll:county_DLTB");
      assertThat(s.catalog().layer("county_DLTB").orElseThrow().group()).isEqualTo("county");
      assertThat(JSON.readTree(Fixtures.get(s, "/api/uploads").text()).get("datasets").findValuesAsText("dataset"))
          .containsExactly("county");
      assertThat(Files.list(state.resolve("uploads")).map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("county", "emptied", "by.hand");
      assertThat(upload(s, zip, "application/zip", "county", TOKEN).status()).isEqualTo(409);
    }
  }

  // ---- uploads that are refused, leaving nothing behind ----

  @Test
  void hostileArchivesAreRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("state");
    Map<String, byte[]> set = shapefileSet(dir.resolve("set"), "DLTB", true);
    String outside = "/tmp/landledger-evil-" + UUID.randomUUID() + ".shp";
    try (LandLedgerServer s = Fixtures.start(dir.resolve("a"), options(state))) {
      refused(s, state, with(set, "../evil.shp", bytes("x")), 400, "'..' path segments");
      refused(s, state, with(set, "sub/../../evil.shp", bytes("x")), 400, "'..' path segments");
      refused(s, state, with(set, outside, bytes("x")), 400, "absolute paths");
      refused(s, state, with(set, "..\\evil.shp", bytes("x")), 400, "backslashes");
      refused(s, state, with(set, "C:/evil.shp", bytes("x")), 400, "drive letters");
      refused(s, state, symlink(zip(with(set, "link.prj", bytes("/etc/passwd"))), "link.prj"), 400, "symbolic links");
      refused(s, state, zip(with(set, "dltb.SHP", bytes("x"))), 400, "appears twice");
      refused(s, state, zip(with(set, "run.sh", bytes("#!/bin/sh"))), 400, "not part of a shapefile set");
    }
    assertThat(Path.of(outside)).doesNotExist();
    try (Stream<Path> all = Files.walk(dir)) {
      assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("evil") || n.contains("link"));
    }
  }

  @Test
  void zipBombsAreRefusedByCountingTheBytesInflated(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("state");
    Map<String, byte[]> set = shapefileSet(dir.resolve("set"), "DLTB", true);
    // 3 MiB of zeros deflate to about 3 KB: a ratio near 1000.
    byte[] zeros = new byte[3 * 1024 * 1024];
    Map<String, byte[]> bomb = new LinkedHashMap<>();
    bomb.put("big.dbf", zeros);
    bomb.put("big.shp", bytes("x"));
    bomb.put("big.shx", bytes("x"));
    byte[] bombZip = zip(bomb);
    assertThat(bombZip.length).isLessThan(20_000);
    Limits small = Limits.DEFAULT.withUploadCaps(1024 * 1024, 10, 64 * 1024 * 1024, 200);
    try (LandLedgerServer s = Fixtures.start(dir.resolve("a"), options(state).withLimits(small))) {
      // Ratio cap (200): once past the first MiB, the bytes inflated exceed 200 × the compressed bytes read.
      refused(s, state, bombZip, 413, "compression ratio above 200");
      // Entry count cap (10): 11 entries.
      Map<String, byte[]> many = new LinkedHashMap<>(set);
      for (int i = 0; many.size() < 11; i++) {
        many.put("d" + i + "/", new byte[0]);
      }
      refused(s, state, zip(many), 413, "11 entries");
      // Body cap (1 MiB), with and without a Content-Length.
      byte[] big = new byte[1024 * 1024 + 10];
      big[0] = 'P';
      big[1] = 'K';
      big[2] = 3;
      big[3] = 4;
      refused(s, state, big, 413, "more than the 1048576");
      Fixtures.Response chunked = Fixtures.send(s, HttpRequest.newBuilder(Fixtures.uri(s, "/api/uploads"))
          .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/zip")
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build());
      assertThat(chunked.status()).isEqualTo(413);
      assertNothingKept(state);
    }
    // Size cap (2 MiB, ratio cap out of the way): honest headers are refused before anything is inflated
    // (3 MiB + 1 + 1 bytes declared); with the central directory lying that the entry has 100 bytes, the count
    // of bytes actually inflated trips instead.
    try (LandLedgerServer s = Fixtures.start(dir.resolve("b"), options(state)
        .withLimits(small.withUploadCaps(1024 * 1024, 10, 2 * 1024 * 1024, 1_000_000)))) {
      refused(s, state, bombZip, 413, "declares 3145730 bytes uncompressed");
      refused(s, state, declaredSize(bombZip, "big.dbf", 100), 413, "inflates to more than 2097152 bytes");
    }
  }

  @Test
  void wrongOrBrokenContentIsRefusedNamingTheProblem(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("state");
    Map<String, byte[]> set = shapefileSet(dir.resolve("set"), "DLTB", true);
    try (LandLedgerServer s = Fixtures.start(dir.resolve("a"), options(state))) {
      // Not what it claims.
      refusedAs(s, state, bytes("hello, I am a zip file"), "application/zip", 415, "not a zip archive");
      refusedAs(s, state, bytes("hello"), "application/geopackage+sqlite3", 415, "not a GeoPackage");
      refusedAs(s, state, zip(set), "application/geopackage+sqlite3", 415, "body is a zip archive");
      refusedAs(s, state, zip(set), "text/plain", 415, "Content-Type text/plain not accepted");
      refusedAs(s, state, new byte[0], "application/zip", 400, "empty request body");
      byte[] sqlite = new byte[100];
      System.arraycopy(bytes("SQLite format 3\0"), 0, sqlite, 0, 16);
      System.arraycopy(bytes("FOSS"), 0, sqlite, 68, 4);
      refusedAs(s, state, sqlite, "application/geopackage+sqlite3", 415, "not a GeoPackage");
      // A plain SQLite file (application_id 0) gets as far as the GeoPackage reader, which refuses it.
      byte[] plain = new byte[4096];
      System.arraycopy(bytes("SQLite format 3\0"), 0, plain, 0, 16);
      refusedAs(s, state, plain, "application/geopackage+sqlite3", 422, "GeoPackage");

      // Zips without a complete shapefile.
      Map<String, byte[]> noShp = new LinkedHashMap<>();
      noShp.put("DLTB.prj", set.get("DLTB.prj"));
      noShp.put("DLTB.cpg", bytes("UTF-8"));
      refused(s, state, zip(noShp), 422, "missing DLTB.shp");
      Map<String, byte[]> noDbf = new LinkedHashMap<>(set);
      noDbf.remove("DLTB.dbf");
      refused(s, state, zip(noDbf), 422, "missing DLTB.dbf");
      refused(s, state, zip(Map.of("folder/", new byte[0])), 422, "no shapefile");

      // Complete but unreadable or unservable: named by file, no server path in the message.
      Fixtures.Response noPrj = refused(s, state, zip(shapefileSet(dir.resolve("noprj"), "DLTB", false)), 422,
          "DLTB.shp: no coordinate system");
      assertThat(noPrj.text()).doesNotContain(state.toString());
      refused(s, state, zip(with(set, "DLTB.shp", bytes("not a shapefile at all, but long enough to have a header"))),
          422, "DLTB.shp");
      byte[] dbf = set.get("DLTB.dbf").clone();
      Map<String, byte[]> shortDbf = with(set, "DLTB.dbf", java.util.Arrays.copyOf(dbf, dbf.length - 40));
      Fixtures.Response truncated = refused(s, state, zip(shortDbf), 422, "DLTB");
      assertThat(truncated.text()).doesNotContain(state.toString());

      // Bad dataset names.
      assertThat(upload(s, zip(set), "application/zip", "../x", TOKEN).status()).isEqualTo(400);
      assertThat(upload(s, zip(set), "application/zip", "a.b", TOKEN).status()).isEqualTo(400);
      assertThat(upload(s, zip(set), "application/zip", "NUL", TOKEN).status()).isEqualTo(400);
      assertNothingKept(state);
      assertThat(JSON.readTree(Fixtures.get(s, "/api/uploads").text()).get("datasets")).isEmpty();
    }
  }

  // ---- helpers ----

  static ServerOptions options(Path state) {
    return ServerOptions.loopback(0).withToken(TOKEN).withStateDir(state);
  }

  static Fixtures.Response upload(LandLedgerServer s, byte[] body, String type, String name, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(Fixtures.uri(s, "/api/uploads" + (name == null ? "" : "?name=" + Fixtures.enc(name))))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return Fixtures.send(s, b.build());
  }

  static Fixtures.Response refused(LandLedgerServer s, Path state, Object zipOrSet, int status, String message) {
    byte[] body = zipOrSet instanceof byte[] b ? b : zip(cast(zipOrSet));
    return refusedAs(s, state, body, "application/zip", status, message);
  }

  static Fixtures.Response refusedAs(LandLedgerServer s, Path state, byte[] body, String type, int status, String message) {
    Fixtures.Response r = upload(s, body, type, null, TOKEN);
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.text()).contains(message).doesNotContain("at org.");
    assertNothingKept(state);
    return r;
  }

  @SuppressWarnings("unchecked")
  static Map<String, byte[]> cast(Object o) {
    return (Map<String, byte[]>) o;
  }

  /** The upload folder exists and is empty: no dataset, no temporary folder left. */
  static void assertNothingKept(Path state) {
    Path uploads = state.resolve("uploads");
    if (Files.exists(uploads)) {
      try (Stream<Path> s = Files.list(uploads)) {
        assertThat(s.map(p -> p.getFileName().toString()).toList()).isEmpty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (Files.exists(state)) {
      try (Stream<Path> s = Files.list(state)) {
        assertThat(s.map(p -> p.getFileName().toString()).toList()).allMatch(n -> n.equals("uploads"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The fixture DLTB layer written as a shapefile set (with or without its .prj), file name → bytes. */
  static Map<String, byte[]> shapefileSet(Path folder, String stem, boolean prj) {
    try {
      Files.createDirectories(folder);
      Layers.write(Fixtures.dltb(stem), folder.resolve(stem + ".shp"));
      if (!prj) {
        Files.delete(folder.resolve(stem + ".prj"));
      }
      Map<String, byte[]> m = new LinkedHashMap<>();
      try (Stream<Path> s = Files.list(folder)) {
        for (Path p : s.sorted().toList()) {
          m.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
      }
      assertThat(m).containsKeys(stem + ".shp", stem + ".shx", stem + ".dbf");
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, byte[]> with(Map<String, byte[]> set, String name, byte[] content) {
    Map<String, byte[]> m = new LinkedHashMap<>(set);
    m.put(name, content);
    return m;
  }

  static byte[] zip(Map<String, byte[]> entries) {
    return zip(entries, StandardCharsets.UTF_8);
  }

  static byte[] zip(Map<String, byte[]> entries, Charset names) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes, names)) {
      for (var e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Marks an entry as a Unix symlink in the central directory (made by Unix, mode 0120777). */
  static byte[] symlink(byte[] zip, String name) {
    byte[] out = zip.clone();
    int at = centralRecord(out, name);
    out[at + 5] = 3;
    ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 38, 0120777 << 16);
    return out;
  }

  /** Rewrites the uncompressed size the central directory declares for an entry. */
  static byte[] declaredSize(byte[] zip, String name, int size) {
    byte[] out = zip.clone();
    ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(centralRecord(out, name) + 24, size);
    return out;
  }

  private static int centralRecord(byte[] zip, String name) {
    ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    byte[] n = bytes(name);
    for (int i = 0; i + 46 + n.length <= zip.length; i++) {
      if (b.getInt(i) == 0x02014b50 && (b.getShort(i + 28) & 0xffff) == n.length
          && java.util.Arrays.equals(zip, i + 46, i + 46 + n.length, n, 0, n.length)) {
        return i;
      }
    }
    throw new AssertionError("no central directory record for " + name);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
