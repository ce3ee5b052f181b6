package org.landledger.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.io.InputDataException;
import org.landledger.io.Layers;
import org.landledger.io.postgis.PgLocation;
import org.landledger.io.postgis.PgPassword;

/**
 * End to end against a real PostGIS ({@code LANDLEDGER_PG_URL}, as {@code scripts/postgis-up.sh} prints it;
 * skipped without it): the fixture's red-line result layers are copied into a schema of their own, exactly as
 * {@code landledger copy run1/redline.gpkg#parcels pg:…?schema=S#parcels} does, then scanned and published to
 * the recorder. The schema is dropped afterwards.
 */
class PostGisEndToEndTest {

  @TempDir static Path tmp;
  static String base;
  static String schema;
  static String location;

  static String url() {
    String u = System.getProperty("landledger.pg.url");
    if (u == null || u.isBlank()) {
      u = System.getenv("LANDLEDGER_PG_URL");
    }
    return u == null || u.isBlank() ? null : u.trim();
  }

  /** Each test is reported skipped (not silently absent) when there is no PostGIS. */
  @BeforeEach
  void needsPostGis() {
    Assumptions.assumeTrue(base != null, "LANDLEDGER_PG_URL is not set: PostGIS tests skipped"
        + " (scripts/test-all.sh starts PostGIS with scripts/postgis-up.sh and sets it)");
  }

  @BeforeAll
  static void copyResultsToPostGis() throws Exception {
    base = url();
    if (base == null) {
      return;
    }
    schema = "ll_pub_" + Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE);
    location = base + (base.contains("?") ? "&" : "?") + "schema=" + schema;
    Path results = ResultsFixture.write(tmp);
    for (String table : List.of("parcels", "conflicts")) {
      Layers.write(Layers.read(results.resolve("run1/redline.gpkg") + "#" + table), location + "#" + table);
    }
  }

  @AfterAll
  static void dropSchema() throws Exception {
    if (schema == null) {
      return;
    }
    PgLocation loc = PgLocation.parse(base);
    Properties p = new Properties();
    p.setProperty("user", loc.user());
    String pw = PgPassword.resolve(loc);
    if (pw != null) {
      p.setProperty("password", pw);
    }
    try (Connection c = DriverManager.getConnection(loc.jdbcUrl(), p); Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @Test
  void scanReadsTheSchemasTablesLikeTheGeoPackagePath() {
    PublishPlan plan = PostGisScanner.scan(location, null);
    PublishPlan.Run run = plan.runs().get(0);
    assertThat(run.name()).isEqualTo(schema);
    PublishPlan.Store store = run.stores().get(0);
    assertThat(store.name()).isEqualTo(schema + "_postgis");
    PublishPlan.PostGisSchema src = (PublishPlan.PostGisSchema) store.source();
    PgLocation loc = PgLocation.parse(base);
    assertThat(src.serverHost()).isEqualTo(loc.host());
    assertThat(src.serverPort()).isEqualTo(loc.port());
    assertThat(src.location().schema()).isEqualTo(schema);
    assertThat(store.tables()).extracting(PublishPlan.Table::nativeName).containsExactly("conflicts", "parcels");
    PublishPlan.Table parcels = store.tables().get(1);
    assertThat(parcels.count()).isEqualTo(3);
    assertThat(parcels.crs().epsg()).isEqualTo(4527);
    assertThat(parcels.bounds()).isEqualTo(ResultsFixture.run1RedlineExtent());
    assertThat(parcels.style().name()).isEqualTo(PublishStyles.REDLINE_PARCELS);
    // one table by name (found case-insensitively when unambiguous: published under its real name); and
    // GeoServer's own view of the database
    PublishPlan one = PostGisScanner.scan(location + "#PARCELS", "host.docker.internal:6543");
    assertThat(one.runs().get(0).stores().get(0).tables().get(0).nativeName()).isEqualTo("parcels");
    assertThat(one.runs().get(0).stores().get(0).tables()).extracting(PublishPlan.Table::layerName)
        .containsExactly(schema + "_parcels");
    PublishPlan.PostGisSchema moved = (PublishPlan.PostGisSchema) one.runs().get(0).stores().get(0).source();
    assertThat(moved.serverHost()).isEqualTo("host.docker.internal");
    assertThat(moved.serverPort()).isEqualTo(6543);
  }

  @Test
  void publishingTheCopiedLayersSendsTheExpectedRequests() throws Exception {
    PublishPlan plan = PostGisScanner.scan(location, null);
    try (GeoServerRecorder gs = new GeoServerRecorder(PostGisPublishTest.USER, PostGisPublishTest.PASSWORD)) {
      RestTransport http = new HttpRestTransport(gs.url(), PostGisPublishTest.USER,
          Secret.of(PostGisPublishTest.PASSWORD), Duration.ofSeconds(10));
      new GeoServerPublisher(http, "landledger", null, new PrintWriter(new StringWriter())).publish(plan);
      List<GeoServerRecorder.Exchange> ex = gs.exchanges();

      assertThat(PostGisPublishTest.violations(ex)).isEmpty();
      assertThat(PostGisPublishTest.lines(ex)).containsExactlyElementsOf(
          PostGisPublishTest.firstPublish(schema, schema + "_conflicts", schema + "_parcels"));
      JsonNode ds = new ObjectMapper().readTree(ex.stream()
          .filter(e -> e.method().equals("POST") && e.path().endsWith("/datastores")).findFirst().orElseThrow().body());
      List<String> keys = new ArrayList<>();
      ds.at("/dataStore/connectionParameters/entry").forEach(e -> keys.add(e.get("@key").asText() + "="
          + (e.get("@key").asText().equals("passwd") ? "…" : e.get("$").asText())));
      PgLocation loc = PgLocation.parse(base);
      assertThat(keys).contains("dbtype=postgis", "host=" + loc.host(), "port=" + loc.port(),
          "database=" + loc.database(), "schema=" + schema, "user=" + loc.user());
      if (PgPassword.resolve(loc) != null) {
        assertThat(keys).contains("passwd=…");
      }
      JsonNode parcels = new ObjectMapper().readTree(ex.stream().filter(e -> e.method().equals("POST")
          && e.path().endsWith("/featuretypes") && e.body().contains("\"parcels\"")).findFirst().orElseThrow().body());
      assertThat(parcels.at("/featureType/title").asText()).isEqualTo("红线检查地块（" + schema + "）");
      assertThat(parcels.at("/featureType/srs").asText()).isEqualTo("EPSG:4527");
    }
  }

  @Test
  void aTableWithoutGeometryOrAnEmptySchemaIsBadInput() {
    assertThatThrownBy(() -> PostGisScanner.scan(base + (base.contains("?") ? "&" : "?") + "schema=" + schema
        + "_none", null)).isInstanceOf(InputDataException.class).hasMessageContaining("no tables with a geometry column");
    assertThatThrownBy(() -> PostGisScanner.scan("pg:mysql://h/db", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--postgis");
    assertThatThrownBy(() -> PostGisScanner.scan(location, "host:port"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--pg-server-address");
  }
}
