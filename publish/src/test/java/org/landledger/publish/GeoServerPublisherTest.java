package org.landledger.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract and behaviour tests of the publisher against a local recorder playing GeoServer: every request it
 * sends must be a documented GeoServer REST operation with a valid body, and publishing twice must update
 * (PUT) what the first run created (POST) without creating anything again.
 */
class GeoServerPublisherTest {

  static final String USER = "admin";
  static final String PASSWORD = "s3cret-Pa55";
  static final GeoServerContract CONTRACT = new GeoServerContract();
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static PublishPlan plan;

  @BeforeAll
  static void results() throws Exception {
    plan = ResultsScanner.scan(ResultsFixture.write(tmp));
  }

  private static List<GeoServerPublisher.Outcome> publish(GeoServerRecorder gs, StringWriter log) {
    RestTransport http = new HttpRestTransport(gs.url(), USER, Secret.of(PASSWORD), Duration.ofSeconds(10));
    return new GeoServerPublisher(http, "landledger", null, new PrintWriter(log, true)).publish(plan);
  }

  private static List<String> violations(List<GeoServerRecorder.Exchange> exchanges) {
    List<String> out = new ArrayList<>();
    for (GeoServerRecorder.Exchange e : exchanges) {
      out.addAll(CONTRACT.violations(e.method(), e.fullPath(), e.query(), e.contentType(), e.body()));
    }
    return out;
  }

  private static long count(List<GeoServerRecorder.Exchange> ex, String method, String pathRegex) {
    return ex.stream().filter(e -> e.method().equals(method) && e.path().matches(pathRegex)).count();
  }

  @Test
  void firstPublishCreatesEachResourceOnceAndEveryRequestMatchesTheContract() throws Exception {
    try (GeoServerRecorder gs = new GeoServerRecorder(USER, PASSWORD)) {
      List<GeoServerPublisher.Outcome> outcomes = publish(gs, new StringWriter());
      List<GeoServerRecorder.Exchange> ex = gs.exchanges();

      assertThat(violations(ex)).isEmpty();
      assertThat(ex).allSatisfy(e -> assertThat(e.status()).as(e.method() + " " + e.path()).isIn(200, 201, 404));
      // 1 workspace; 3 styles (land use, parcels, conflicts); 3 GeoPackages; 5 tables; 2 runs.
      assertThat(count(ex, "POST", "/workspaces")).isEqualTo(1);
      assertThat(count(ex, "POST", "/workspaces/landledger/styles")).isEqualTo(3);
      assertThat(count(ex, "POST", "/workspaces/landledger/datastores")).isEqualTo(3);
      assertThat(count(ex, "POST", ".*/featuretypes")).isEqualTo(5);
      assertThat(count(ex, "PUT", "/layers/landledger:.*")).isEqualTo(5);
      assertThat(count(ex, "POST", "/workspaces/landledger/layergroups")).isEqualTo(2);
      assertThat(ex.stream().filter(e -> e.method().equals("POST")).count()).isEqualTo(14);
      // every POST was preceded by the GET of the resource it creates
      assertThat(count(ex, "GET", ".*")).isEqualTo(14);
      assertThat(outcomes).filteredOn(o -> !o.kind().equals("layer"))
          .allSatisfy(o -> assertThat(o.action()).isEqualTo(GeoServerPublisher.Action.CREATED));
      assertThat(gs.catalogue()).contains(
          "/workspaces/landledger",
          "/workspaces/landledger/styles/landledger_landuse",
          "/workspaces/landledger/datastores/run1_redline",
          "/workspaces/landledger/datastores/run1_redline/featuretypes/run1_redline_parcels",
          "/workspaces/landledger/datastores/run2_redline/featuretypes/run2_redline_conflicts",
          "/workspaces/landledger/layergroups/run1",
          "/workspaces/landledger/layergroups/run2");
      assertThat(ex).allSatisfy(e -> assertThat(e.authorization()).startsWith("Basic "));
    }
  }

  @Test
  void secondPublishUpdatesWithPutAndCreatesNothing() throws Exception {
    try (GeoServerRecorder gs = new GeoServerRecorder(USER, PASSWORD)) {
      publish(gs, new StringWriter());
      Set<String> afterFirst = gs.catalogue();
      gs.clear();

      List<GeoServerPublisher.Outcome> outcomes = publish(gs, new StringWriter());
      List<GeoServerRecorder.Exchange> ex = gs.exchanges();

      assertThat(violations(ex)).isEmpty();
      assertThat(count(ex, "POST", ".*")).isZero();
      assertThat(ex).noneMatch(e -> e.status() == 409 || e.status() == 404);
      // 14 resources updated plus the 5 layers' default styles
      assertThat(count(ex, "PUT", ".*")).isEqualTo(19);
      assertThat(gs.catalogue()).isEqualTo(afterFirst);
      assertThat(outcomes).allSatisfy(o -> assertThat(o.action()).isEqualTo(GeoServerPublisher.Action.UPDATED));
      // the feature type update goes to the item, with the same body as the create
      assertThat(ex).anySatisfy(e -> {
        assertThat(e.method()).isEqualTo("PUT");
        assertThat(e.path()).isEqualTo("/workspaces/landledger/datastores/run1_redline/featuretypes/run1_redline_parcels");
      });
    }
  }

  @Test
  void bodiesNameTheServerSideGeoPackageChineseTitlesAndStyles() throws Exception {
    try (GeoServerRecorder gs = new GeoServerRecorder(USER, PASSWORD)) {
      publish(gs, new StringWriter());
      List<GeoServerRecorder.Exchange> ex = gs.exchanges();

      JsonNode ds = body(ex, "POST", "/workspaces/landledger/datastores", "run1_redline").get("dataStore");
      assertThat(entries(ds)).containsExactly(
          "database=file:/opt/geoserver_data/landledger/run1/redline.gpkg", "dbtype=geopkg");

      JsonNode ft = body(ex, "POST", "/workspaces/landledger/datastores/run1_redline/featuretypes",
          "run1_redline_parcels").get("featureType");
      assertThat(ft.get("nativeName").asText()).isEqualTo("parcels");
      assertThat(ft.get("title").asText()).isEqualTo("红线检查地块（run1）");
      assertThat(ft.get("srs").asText()).isEqualTo("EPSG:4527");
      JsonNode nb = ft.get("nativeBoundingBox");
      // parcels P1..P3: x from X0 to X0 + 500, y from Y0 to Y0 + 100
      assertThat(nb.get("minx").asDouble()).isEqualTo(ResultsFixture.X0);
      assertThat(nb.get("maxx").asDouble()).isEqualTo(ResultsFixture.X0 + 500);
      assertThat(nb.get("maxy").asDouble()).isEqualTo(ResultsFixture.Y0 + 100);
      // GK zone 39: central meridian 117°E, false easting 39 500 000 m; y = 4 000 000 m is about 36.1°N
      JsonNode ll = ft.get("latLonBoundingBox");
      assertThat(ll.get("minx").asDouble()).isCloseTo(117.0, within(0.01));
      assertThat(ll.get("miny").asDouble()).isCloseTo(36.1, within(0.1));

      JsonNode conflicts = body(ex, "POST", "/workspaces/landledger/datastores/run2_redline/featuretypes",
          "run2_redline_conflicts").get("featureType");
      assertThat(conflicts.get("title").asText()).isEqualTo("冲突图斑（run2）");
      assertThat(conflicts.has("nativeBoundingBox")).as("empty table gets its GeoPackage's extent").isTrue();

      JsonNode layer = JSON.readTree(ex.stream()
          .filter(e -> e.path().equals("/layers/landledger:run1_redline_parcels")).findFirst().orElseThrow().body());
      assertThat(layer.at("/layer/defaultStyle/name").asText()).isEqualTo("landledger:landledger_redline_parcels");

      JsonNode group = body(ex, "POST", "/workspaces/landledger/layergroups", "run1").get("layerGroup");
      List<String> published = new ArrayList<>();
      group.at("/publishables/published").forEach(p -> published.add(p.get("name").asText()));
      // drawn bottom to top: land use, parcels, conflicts
      assertThat(published).containsExactly("landledger:run1_landuse_DLTB", "landledger:run1_redline_parcels",
          "landledger:run1_redline_conflicts");
      assertThat(group.at("/styles/style")).hasSize(3);
      assertThat(group.get("workspace").get("name").asText()).isEqualTo("landledger");

      GeoServerRecorder.Exchange style = ex.stream().filter(e -> e.method().equals("POST")
          && "name=landledger_conflicts".equals(e.query())).findFirst().orElseThrow();
      assertThat(style.contentType()).startsWith(RestRequest.SLD);
      assertThat(style.body()).contains("shape://slash");
    }
  }

  @Test
  void storePathPrefixIsConfigurable() throws Exception {
    try (GeoServerRecorder gs = new GeoServerRecorder(USER, PASSWORD)) {
      RestTransport http = new HttpRestTransport(gs.url(), USER, Secret.of(PASSWORD), Duration.ofSeconds(10));
      new GeoServerPublisher(http, "ws", "/srv/gis/results", new PrintWriter(new StringWriter())).publish(plan);
      JsonNode ds = body(gs.exchanges(), "POST", "/workspaces/ws/datastores", "run2_redline").get("dataStore");
      assertThat(entries(ds)).contains("database=file:/srv/gis/results/run2/redline.gpkg");
    }
  }

  @Test
  void dryRunPrintsTheRequestsWithoutSendingOrShowingThePassword() throws Exception {
    try (GeoServerRecorder gs = new GeoServerRecorder(USER, PASSWORD)) {
      StringWriter out = new StringWriter();
      RestTransport dry = new DryRunTransport(gs.url(), USER, new PrintWriter(out, true));
      StringWriter log = new StringWriter();
      new GeoServerPublisher(dry, "landledger", null, new PrintWriter(log, true)).publish(plan);

      assertThat(gs.exchanges()).isEmpty();
      String text = out.toString();
      assertThat(text).contains("GET " + gs.url() + "/rest/workspaces/landledger",
          "POST " + gs.url() + "/rest/workspaces\n",
          "POST " + gs.url() + "/rest/workspaces/landledger/styles?name=landledger_redline_parcels",
          "\"@key\" : \"database\"", "红线检查地块（run1）",
          "PUT " + gs.url() + "/rest/layers/landledger:run1_redline_parcels",
          "Authorization: Basic admin:" + Secret.MASK);
      assertThat(text + log).doesNotContain(PASSWORD);
      String basic = java.util.Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes());
      assertThat(text + log).doesNotContain(basic);
    }
  }

  @Test
  void dryRunListsExactlyTheRequestsOfAFirstPublish() throws Exception {
    try (GeoServerRecorder gs = new GeoServerRecorder(USER, PASSWORD)) {
      StringWriter out = new StringWriter();
      new GeoServerPublisher(new DryRunTransport(gs.url(), USER, new PrintWriter(out, true)), "landledger", null,
          new PrintWriter(new StringWriter())).publish(plan);
      List<String> printed = out.toString().lines().filter(l -> l.matches("(GET|POST|PUT) http.*")).toList();

      publish(gs, new StringWriter());
      List<String> sent = gs.exchanges().stream()
          .map(e -> e.method() + " " + gs.url() + "/rest" + e.path() + (e.query() == null ? "" : "?" + e.query()))
          .toList();
      assertThat(printed).isEqualTo(sent);
    }
  }

  @Test
  void unreachableServerIsAClearErrorWithoutThePassword() throws Exception {
    String url;
    try (GeoServerRecorder gs = new GeoServerRecorder(USER, PASSWORD)) {
      url = gs.url();
    } // stopped: nothing listens on the port any more
    RestTransport http = new HttpRestTransport(url, USER, Secret.of(PASSWORD), Duration.ofSeconds(5));
    GeoServerPublisher p = new GeoServerPublisher(http, "landledger", null, new PrintWriter(new StringWriter()));
    assertThatThrownBy(() -> p.publish(plan))
        .isInstanceOf(GeoServerException.class)
        .hasMessageContaining("cannot reach GeoServer at " + url + "/rest")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD))
        .satisfies(e -> assertThat(((GeoServerException) e).status()).isEqualTo(-1));
  }

  @Test
  void wrongPasswordIsReportedAsRejectedCredentials() throws Exception {
    try (GeoServerRecorder gs = new GeoServerRecorder(USER, "another")) {
      RestTransport http = new HttpRestTransport(gs.url(), USER, Secret.of(PASSWORD), Duration.ofSeconds(5));
      GeoServerPublisher p = new GeoServerPublisher(http, "landledger", null, new PrintWriter(new StringWriter()));
      assertThatThrownBy(() -> p.publish(plan))
          .isInstanceOf(GeoServerException.class)
          .hasMessageContaining("rejected the user name or password")
          .satisfies(e -> assertThat(((GeoServerException) e).credentialsRejected()).isTrue())
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
      assertThat(gs.exchanges()).hasSize(1); // stops at the first refusal
    }
  }

  @Test
  void aFailingRequestStopsWithTheStatusAndTheServersMessage() throws Exception {
    try (GeoServerRecorder gs = new GeoServerRecorder(USER, PASSWORD)) {
      gs.failPostsTo("/workspaces/landledger/datastores");
      RestTransport http = new HttpRestTransport(gs.url(), USER, Secret.of(PASSWORD), Duration.ofSeconds(5));
      GeoServerPublisher p = new GeoServerPublisher(http, "landledger", null, new PrintWriter(new StringWriter()));
      assertThatThrownBy(() -> p.publish(plan))
          .isInstanceOf(GeoServerException.class)
          .hasMessageContaining("POST " + gs.url() + "/rest/workspaces/landledger/datastores failed: GeoServer answered 500")
          .hasMessageContaining("cannot open the GeoPackage")
          .satisfies(e -> assertThat(((GeoServerException) e).credentialsRejected()).isFalse());
      // nothing after the failed store was attempted
      assertThat(gs.exchanges()).noneMatch(e -> e.path().contains("featuretypes") || e.path().contains("layergroups"));
    }
  }

  @Test
  void badWorkspaceNameIsABadArgument() {
    RestTransport dry = new DryRunTransport("http://localhost:8080/geoserver", USER, new PrintWriter(new StringWriter()));
    assertThatThrownBy(() -> new GeoServerPublisher(dry, "my workspace", null, new PrintWriter(new StringWriter())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--workspace");
  }

  private static JsonNode body(List<GeoServerRecorder.Exchange> ex, String method, String path, String name)
      throws Exception {
    for (GeoServerRecorder.Exchange e : ex) {
      if (e.method().equals(method) && e.path().equals(path)) {
        JsonNode n = JSON.readTree(e.body());
        if (n.elements().next().path("name").asText().equals(name)) {
          return n;
        }
      }
    }
    throw new AssertionError("no " + method + " " + path + " for " + name);
  }

  private static List<String> entries(JsonNode dataStore) {
    List<String> out = new ArrayList<>();
    dataStore.at("/connectionParameters/entry").forEach(e -> out.add(e.get("@key").asText() + "=" + e.get("$").asText()));
    return out;
  }
}
