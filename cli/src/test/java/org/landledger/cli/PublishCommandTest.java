package org.landledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.io.Layers;

class PublishCommandTest {

  static final String PASSWORD = "Ab-9?secret";

  @TempDir static Path tmp;
  static Path results;
  static Path passwordFile;

  @BeforeAll
  static void setUp() throws Exception {
    results = tmp.resolve("results");
    Files.createDirectories(results.resolve("run1"));
    Layers.write(Layer.fromRows("parcels", Crs.epsg(4527), "Polygon", List.of(new Feature("P1",
            InfoCommandTest.square(39_500_000, 4_000_000, 100), Map.of("id", "P1", "status", "PASS")))),
        results.resolve("run1/redline.gpkg"));
    passwordFile = tmp.resolve("geoserver.pass");
    Files.writeString(passwordFile, PASSWORD + "\n");
  }

  private static InfoCommandTest.Run publish(String url, String... extra) {
    List<String> args = new ArrayList<>(List.of("publish", "--geoserver", url, "--user", "admin",
        "--password-file", passwordFile.toString(), "--workspace", "landledger"));
    args.addAll(List.of(extra));
    return InfoCommandTest.run(args.toArray(String[]::new));
  }

  @Test
  void dryRunPrintsRequestsAndNeverThePassword() {
    InfoCommandTest.Run r = publish("http://localhost:8080/geoserver", "--dry-run", results.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("POST http://localhost:8080/geoserver/rest/workspaces\n",
        "POST http://localhost:8080/geoserver/rest/workspaces/landledger/datastores\n",
        "file:/opt/geoserver_data/landledger/run1/redline.gpkg", "红线检查地块（run1）", "dry run");
    assertThat(r.out() + r.err()).doesNotContain(PASSWORD)
        .doesNotContain(Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void publishesToAServerWithBasicCredentials() throws Exception {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    String expected = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      boolean authorised = expected.equals(ex.getRequestHeaders().getFirst("Authorization"));
      seen.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + (authorised ? "" : " (no auth)"));
      int status = !authorised ? 401 : switch (ex.getRequestMethod()) {
        case "GET" -> 404;
        case "POST" -> 201;
        default -> 200;
      };
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    server.start();
    try {
      InfoCommandTest.Run r = publish("http://127.0.0.1:" + server.getAddress().getPort() + "/geoserver",
          "--store-path-prefix", "/data/results", results.toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(seen).isNotEmpty().noneMatch(s -> s.endsWith("(no auth)"))
          .contains("POST /geoserver/rest/workspaces", "PUT /geoserver/rest/layers/landledger:run1_redline_parcels",
              "POST /geoserver/rest/workspaces/landledger/layergroups");
      assertThat(r.out()).contains("published 1 layers in 1 layer group(s)").doesNotContain(PASSWORD);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void unreachableServerExitsOneWithAClearMessage() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    InfoCommandTest.Run r = publish("http://127.0.0.1:" + port + "/geoserver", "--timeout", "5", results.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("cannot reach GeoServer at http://127.0.0.1:" + port + "/geoserver/rest")
        .doesNotContain(PASSWORD);
  }

  @Test
  void badInputsExitTwo() throws Exception {
    InfoCommandTest.Run missing = publish("http://localhost:8080/geoserver", tmp.resolve("nowhere").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nowhere").contains("results folder not found");

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    InfoCommandTest.Run none = publish("http://localhost:8080/geoserver", empty.toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("no GeoPackage");

    InfoCommandTest.Run noPassword = InfoCommandTest.run("publish", "--geoserver", "http://localhost:8080/geoserver",
        "--user", "admin", "--password-file", tmp.resolve("missing.pass").toString(), "--workspace", "w",
        results.toString());
    assertThat(noPassword.code()).isEqualTo(2);
    assertThat(noPassword.err()).contains("password file not found");

    InfoCommandTest.Run badWs = InfoCommandTest.run("publish", "--geoserver", "http://localhost:8080/geoserver",
        "--user", "admin", "--password-file", passwordFile.toString(), "--workspace", "工作区", "--dry-run",
        results.toString());
    assertThat(badWs.code()).isEqualTo(2);
    assertThat(badWs.err()).contains("--workspace");

    InfoCommandTest.Run badUrl = publish("ftp://example.org/geoserver", "--dry-run", results.toString());
    assertThat(badUrl.code()).isEqualTo(2);
    assertThat(badUrl.err()).contains("--geoserver");

    InfoCommandTest.Run nothing = publish("http://localhost:8080/geoserver", "--dry-run");
    assertThat(nothing.code()).isEqualTo(2);
    assertThat(nothing.err()).contains("nothing to publish");

    InfoCommandTest.Run badPg = publish("http://localhost:8080/geoserver", "--dry-run", "--postgis",
        "pg:mysql://h/db");
    assertThat(badPg.code()).isEqualTo(2);
    assertThat(badPg.err()).contains("--postgis").contains("pg:postgresql://");
  }

  /**
   * Results copied into PostGIS with {@code landledger copy}, then published together with the GeoPackage
   * folder in one dry run: a PostGIS store with the connection, the database password masked. Needs
   * LANDLEDGER_PG_URL (scripts/postgis-up.sh); skipped without it.
   */
  @Test
  void postGisResultsPublishedInADryRunWithTheDatabasePasswordMasked() throws Exception {
    String base = InfoPostGisTest.url();
    String schema = "cli_pub_" + Long.toHexString(new java.security.SecureRandom().nextLong() & Long.MAX_VALUE);
    String location = base + (base.contains("?") ? "&" : "?") + "schema=" + schema;
    org.landledger.io.postgis.PgLocation loc = org.landledger.io.postgis.PgLocation.parse(base);
    try {
      InfoCommandTest.Run copy = InfoCommandTest.run("copy", results.resolve("run1/redline.gpkg") + "#parcels",
          location + "#parcels");
      assertThat(copy.code()).as(copy.err()).isZero();

      InfoCommandTest.Run r = publish("http://localhost:8080/geoserver", "--dry-run", "--postgis", location,
          "--pg-server-address", "host.docker.internal", results.toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("\"$\" : \"postgis\"", "\"$\" : \"host.docker.internal\"",
          "\"$\" : \"" + loc.port() + "\"", "\"$\" : \"" + schema + "\"",
          "POST http://localhost:8080/geoserver/rest/workspaces/landledger/datastores/" + schema
              + "_postgis/featuretypes",
          "红线检查地块（" + schema + "）", "红线检查地块（run1）", "2 layers in 2 run(s)");
      String dbPassword = org.landledger.io.postgis.PgPassword.resolve(loc);
      if (dbPassword != null) {
        assertThat(r.out()).contains("\"@key\" : \"passwd\"").contains("\"$\" : \"********\"");
        assertThat(r.out() + r.err()).doesNotContain(dbPassword);
      }
      assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
    } finally {
      java.util.Properties p = new java.util.Properties();
      p.setProperty("user", loc.user());
      String pw = org.landledger.io.postgis.PgPassword.resolve(loc);
      if (pw != null) {
        p.setProperty("password", pw);
      }
      try (java.sql.Connection c = java.sql.DriverManager.getConnection(loc.jdbcUrl(), p);
          java.sql.Statement st = c.createStatement()) {
        st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }
}
