package org.landledger.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.landledger.server.Fixtures.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OgcApiAndViewerTest {

  @TempDir static Path dir;
  static LandLedgerServer server;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    server = Fixtures.start(dir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode json(String q) throws Exception {
    Fixtures.Response r = get(server, q);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void landingConformanceAndCollections() throws Exception {
    JsonNode landing = json("/ogcapi");
    assertThat(landing.get("links").toString()).contains("\"rel\":\"conformance\"", "\"rel\":\"data\"");
    assertThat(json("/ogcapi/conformance").get("conformsTo").toString())
        .contains("ogcapi-features-1/1.0/conf/core", "ogcapi-features-1/1.0/conf/geojson");
    JsonNode cs = json("/ogcapi/collections");
    assertThat(cs.get("collections").size()).isEqualTo(3);
    JsonNode c = json("/ogcapi/collections/DLTB");
    JsonNode bbox = c.get("extent").get("spatial").get("bbox").get(0);
    // GK zone 39 (central meridian 117°E), 500 m east of the false easting: just east of 117°E, about 36°N.
    assertThat(bbox.get(0).asDouble()).isBetween(117.0, 117.1);
    assertThat(bbox.get(1).asDouble()).isBetween(36.0, 36.2);
  }

  @Test
  void itemsPageWithLimitOffsetAndBbox() throws Exception {
    JsonNode p = json("/ogcapi/collections/DLTB/items?limit=2");
    assertThat(p.get("numberMatched").asInt()).isEqualTo(3);
    assertThat(p.get("numberReturned").asInt()).isEqualTo(2);
    String next = null;
    for (JsonNode l : p.get("links")) {
      if (l.get("rel").asText().equals("next")) {
        next = l.get("href").asText();
      }
    }
    assertThat(next).contains("offset=2");
    JsonNode p2 = json(next.substring(next.indexOf("/ogcapi")));
    assertThat(p2.get("features").get(0).get("properties").get("DLMC").asText()).isEqualTo("农村宅基地");
    // bbox (CRS84) around the first square only.
    JsonNode c = json("/ogcapi/collections/DLTB");
    JsonNode b = c.get("extent").get("spatial").get("bbox").get(0);
    double w = b.get(0).asDouble();
    double s = b.get(1).asDouble();
    JsonNode one = json("/ogcapi/collections/DLTB/items?bbox=" + w + "," + s + "," + (w + 0.0005) + "," + (s + 0.0005));
    assertThat(one.get("numberMatched").asInt()).isEqualTo(1);
    assertThat(one.get("features").get(0).get("id").asText()).isEqualTo("1");
  }

  @Test
  void itemByIdAndErrors() throws Exception {
    JsonNode f = json("/ogcapi/collections/DLTB/items/2");
    assertThat(f.get("properties").get("ZLDWMC").asText()).isEqualTo("城关镇西关村");
    assertThat(get(server, "/ogcapi/collections/DLTB/items/99").status()).isEqualTo(404);
    assertThat(get(server, "/ogcapi/collections/nope/items").status()).isEqualTo(404);
    Fixtures.Response bad = get(server, "/ogcapi/collections/DLTB/items?limit=100000");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
  }

  @Test
  void viewerPageAndItsFilesAreServedLocally() throws Exception {
    Fixtures.Response page = get(server, "/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("土地账本", "viewer/vendor/leaflet/leaflet.js").doesNotContain("https://");
    assertThat(get(server, "/viewer/vendor/leaflet/leaflet.js").text()).contains("Leaflet");
    assertThat(get(server, "/viewer/viewer.js").status()).isEqualTo(200);
    JsonNode doc = json("/viewer/layers.json");
    assertThat(doc.has("tianditu")).as("no 天地图 basemap unless a key is configured").isFalse();
    JsonNode layers = doc.get("layers");
    assertThat(layers.size()).isEqualTo(3);
    JsonNode dltb = layers.get(0);
    assertThat(dltb.get("name").asText()).isEqualTo("DLTB");
    assertThat(dltb.get("legend").toString()).contains("01 耕地", "cultivated land");
    // Jetty itself rejects encoded separators (400); anything else not matching plain names is 404.
    assertThat(get(server, "/viewer/..%2F..%2Fpom.xml").status()).isIn(400, 404);
    assertThat(get(server, "/viewer/vendor/../../LandLedgerServer.class").status()).isEqualTo(404);
  }
}
