package org.landledger.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.LayerSchema;
import org.landledger.io.postgis.PgLocation;

/**
 * Publishing results held in PostGIS, against the recorder playing GeoServer: a PostGIS data store with the
 * connection parameters GeoServer's PostGIS driver takes, validated against the OpenAPI documents like every
 * other request, the same GET-then-POST/PUT sequence as the GeoPackage path, and the database password only
 * ever in the store's request body — masked when printed and when a server echoes it. The plan is built by
 * hand here; {@link PostGisEndToEndTest} scans a real PostGIS.
 */
class PostGisPublishTest {

  static final String USER = GeoServerPublisherTest.USER;
  static final String PASSWORD = GeoServerPublisherTest.PASSWORD;
  /** A '"' and a '\' in it: in the JSON body it is escaped, and must be masked in that form too. */
  static final String DB_PASSWORD = "db-Pa\"ss\\w0rd";
  static final ObjectMapper JSON = new ObjectMapper();

  static PublishPlan plan() {
    PgLocation loc = PgLocation.parse("pg:postgresql://ll_reader@db.internal:5433/gis?schema=redline_2026");
    LayerSchema parcels = new LayerSchema("parcels", List.of(new Field("id", FieldType.STRING),
        new Field("status", FieldType.STRING)), "Polygon");
    LayerSchema conflicts = new LayerSchema("conflicts", List.of(new Field("parcel_id", FieldType.STRING),
        new Field("type", FieldType.STRING)), "Polygon");
    List<PublishPlan.Table> tables = List.of(
        new PublishPlan.Table("conflicts", "redline_2026_conflicts", conflicts, ResultsFixture.GK39,
            null, 0, PublishStyles.forTable(conflicts)),
        new PublishPlan.Table("parcels", "redline_2026_parcels", parcels, ResultsFixture.GK39,
            ResultsFixture.run1RedlineExtent(), 3, PublishStyles.forTable(parcels)));
    PublishPlan.Store store = new PublishPlan.Store("redline_2026_postgis",
        new PublishPlan.PostGisSchema(loc, "postgis", 5432, Secret.of(DB_PASSWORD)), tables);
    return new PublishPlan(List.of(loc.toString()),
        List.of(new PublishPlan.Run("redline_2026", "redline_2026", List.of(store))));
  }

  static List<String> violations(List<GeoServerRecorder.Exchange> exchanges) {
    List<String> out = new ArrayList<>();
    for (GeoServerRecorder.Exchange e : exchanges) {
      out.addAll(GeoServerPublisherTest.CONTRACT.violations(e.method(), e.fullPath(), e.query(), e.contentType(),
          e.body()));
    }
    return out;
  }

  static List<String> lines(List<GeoServerRecorder.Exchange> exchanges) {
    return exchanges.stream().map(e -> e.method() + " " + e.target() + " " + e.status()).toList();
  }

  private static void publish(GeoServerRecorder gs, PublishPlan plan) {
    RestTransport http = new HttpRestTransport(gs.url(), USER, Secret.of(PASSWORD), Duration.ofSeconds(10));
    new GeoServerPublisher(http, "landledger", null, new PrintWriter(new StringWriter())).publish(plan);
  }

  /** The request sequence of a first publish of one PostGIS run: the GeoPackage path's, store kind aside. */
  static List<String> firstPublish(String run, String... layers) {
    String ws = "/workspaces/landledger";
    List<String> seq = new ArrayList<>(List.of("GET " + ws + " 404", "POST /workspaces 201",
        "GET " + ws + "/styles/landledger_redline_parcels 404",
        "POST " + ws + "/styles?name=landledger_redline_parcels 201",
        "GET " + ws + "/styles/landledger_conflicts 404", "POST " + ws + "/styles?name=landledger_conflicts 201",
        "GET " + ws + "/datastores/" + run + "_postgis 404", "POST " + ws + "/datastores 201"));
    for (String layer : layers) {
      String ft = ws + "/datastores/" + run + "_postgis/featuretypes";
      seq.addAll(List.of("GET " + ft + "/" + layer + " 404", "POST " + ft + " 201",
          "PUT /layers/landledger:" + layer + " 200"));
    }
    seq.addAll(List.of("GET " + ws + "/layergroups/" + run + " 404", "POST " + ws + "/layergroups 201"));
    return seq;
  }

  @Test
  void postGisStoreFollowsTheContractAndTheSameRequestSequence() throws Exception {
    try (GeoServerRecorder gs = new GeoServerRecorder(USER, PASSWORD)) {
      publish(gs, plan());
      List<GeoServerRecorder.Exchange> ex = gs.exchanges();

      assertThat(violations(ex)).isEmpty();
      assertThat(lines(ex)).containsExactlyElementsOf(
          firstPublish("redline_2026", "redline_2026_conflicts", "redline_2026_parcels"));

      JsonNode ds = body(ex, "/workspaces/landledger/datastores").get("dataStore");
      assertThat(ds.get("name").asText()).isEqualTo("redline_2026_postgis");
      List<String> entries = new ArrayList<>();
      ds.at("/connectionParameters/entry").forEach(e -> entries.add(e.get("@key").asText() + "=" + e.get("$").asText()));
      // GeoServer connects where it sees the database (postgis:5432), not where LandLedger read it (db.internal:5433)
      assertThat(entries).containsExactly("dbtype=postgis", "host=postgis", "port=5432", "database=gis",
          "schema=redline_2026", "user=ll_reader", "passwd=" + DB_PASSWORD, "Expose primary keys=true",
          "validate connections=true");
      assertThat(ds.get("description").asText()).contains("pg:postgresql://ll_reader@db.internal:5433/gis?schema=redline_2026")
          .doesNotContain(DB_PASSWORD);

      JsonNode ft = body(ex, "/workspaces/landledger/datastores/redline_2026_postgis/featuretypes").get("featureType");
      assertThat(ft.get("nativeName").asText()).isEqualTo("conflicts");
      assertThat(ft.get("title").asText()).isEqualTo("冲突图斑（redline_2026）");
      // the empty conflicts table gets the store's extent: the parcels' x 0–500, y 0–100 from the origin
      assertThat(ft.at("/nativeBoundingBox/maxx").asDouble()).isEqualTo(ResultsFixture.X0 + 500);

      JsonNode group = body(ex, "/workspaces/landledger/layergroups").get("layerGroup");
      List<String> published = new ArrayList<>();
      group.at("/publishables/published").forEach(p -> published.add(p.get("name").asText()));
      assertThat(published).containsExactly("landledger:redline_2026_parcels", "landledger:redline_2026_conflicts");
      assertThat(group.get("title").asText()).isEqualTo("LandLedger 分析成果（redline_2026）");
    }
  }

  @Test
  void republishingUpdatesTheStoreInPlace() throws Exception {
    try (GeoServerRecorder gs = new GeoServerRecorder(USER, PASSWORD)) {
      publish(gs, plan());
      gs.clear();
      publish(gs, plan());
      List<GeoServerRecorder.Exchange> ex = gs.exchanges();
      assertThat(violations(ex)).isEmpty();
      assertThat(ex).noneMatch(e -> e.method().equals("POST"));
      // 1 workspace + 2 styles + 1 store + 2 feature types + 2 layers + 1 group
      assertThat(ex).filteredOn(e -> e.method().equals("PUT")).hasSize(9);
      assertThat(ex).anySatisfy(e -> {
        assertThat(e.target()).isEqualTo("/workspaces/landledger/datastores/redline_2026_postgis");
        assertThat(e.method()).isEqualTo("PUT");
        assertThat(e.body()).contains("\"postgis\"");
      });
    }
  }

  @Test
  void dryRunMasksTheDatabasePassword() {
    StringWriter out = new StringWriter();
    RestTransport dry = new DryRunTransport("http://localhost:8080/geoserver", USER, new PrintWriter(out, true));
    new GeoServerPublisher(dry, "landledger", null, new PrintWriter(new StringWriter())).publish(plan());
    String text = out.toString();
    assertThat(text).contains("POST http://localhost:8080/geoserver/rest/workspaces/landledger/datastores",
        "\"@key\" : \"passwd\",\n", "\"$\" : \"" + Secret.MASK + "\"", "\"$\" : \"postgis\"");
    assertThat(text).doesNotContain(DB_PASSWORD).doesNotContain("db-Pa");
  }

  @Test
  void aServerEchoingTheStoreBodyDoesNotLeakThePassword() throws Exception {
    try (GeoServerRecorder gs = new GeoServerRecorder(USER, PASSWORD)) {
      gs.failPostsTo("/workspaces/landledger/datastores");
      gs.echoBodyOnFailure();
      RestTransport http = new HttpRestTransport(gs.url(), USER, Secret.of(PASSWORD), Duration.ofSeconds(10));
      GeoServerPublisher p = new GeoServerPublisher(http, "landledger", null, new PrintWriter(new StringWriter()));
      assertThatThrownBy(() -> p.publish(plan()))
          .isInstanceOf(GeoServerException.class)
          .hasMessageContaining("GeoServer answered 500")
          .hasMessageContaining("passwd")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("db-Pa"));
      // the body sent did carry it: masking is for what is shown, not what GeoServer gets
      assertThat(gs.exchanges()).anySatisfy(e -> assertThat(e.body()).contains("db-Pa\\\"ss\\\\w0rd"));
    }
  }

  @Test
  void requestsPrintWithoutTheSecretTheyCarry() {
    RestRequest r = RestRequest.post("/workspaces/w/datastores", null, RestRequest.JSON,
        "{\"passwd\":\"db-Pa\\\"ss\\\\w0rd\",\"raw\":\"" + "x" + "\"}").carrying(Secret.of(DB_PASSWORD));
    assertThat(r.toString()).doesNotContain("db-Pa").contains(Secret.MASK);
    assertThat(r.mask("error: " + DB_PASSWORD)).isEqualTo("error: " + Secret.MASK);
    assertThat(r.body()).contains("db-Pa");
  }

  @Test
  void plansSharingANameAreRefused() {
    assertThatThrownBy(() -> PublishPlan.combine(List.of(plan(), plan())))
        .isInstanceOf(org.landledger.io.InputDataException.class)
        .hasMessageContaining("'redline_2026' is also used by");
  }

  private static JsonNode body(List<GeoServerRecorder.Exchange> ex, String postPath) throws Exception {
    return JSON.readTree(ex.stream().filter(e -> e.method().equals("POST") && e.path().equals(postPath))
        .findFirst().orElseThrow().body());
  }
}
