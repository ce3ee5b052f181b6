package org.landledger.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.io.ReadOptions;
import org.landledger.server.catalog.Catalog;
import org.landledger.server.catalog.ServedLayer;

class CatalogAndSecurityTest {

  @Test
  void everyDatasetBecomesALayerWithUniqueNamesAndGroups(@TempDir Path dir) throws Exception {
    Path data = Fixtures.writeData(dir);
    Files.writeString(data.resolve("broken.shp"), "not a shapefile");
    Files.writeString(data.resolve("redline").resolve("summary.json"), "{\"status\": \"FAIL\", \"totals\": {\"failM2\": 10000}}");
    List<String> log = new ArrayList<>();
    Catalog c = Catalog.scan(List.of(data), ReadOptions.DEFAULT, log::add);
    assertThat(c.layers()).extracting(ServedLayer::name).containsExactly("DLTB", "DLTB_2", "result");
    assertThat(c.layer("DLTB_2").orElseThrow().group()).isEqualTo("other");
    assertThat(c.layer("result").orElseThrow().group()).isEqualTo("redline");
    assertThat(c.layer("DLTB").orElseThrow().group()).isNull();
    assertThat(log).anyMatch(m -> m.contains("DLTB already taken") && m.contains("DLTB_2"));
    assertThat(log).anyMatch(m -> m.startsWith("skipped") && m.contains("broken.shp"));
    assertThat(c.layer("../DLTB")).isEmpty();
    // A run's summary JSON is attached to its group, not mistaken for a layer.
    assertThat(c.summaries().get("redline").get("summary.json").toString()).contains("status=FAIL", "failM2=10000");
    assertThat(log).noneMatch(m -> m.contains("summary.json"));
    assertThat(Catalog.safeName("1 图层/a")).isEqualTo("_1_图层_a");
  }

  @Test
  void geoPackageTablesAndGeoJsonAreServedThroughTheCoreFormats(@TempDir Path dir) {
    Path data = dir.resolve("d");
    org.landledger.io.Layers.write(List.of(Fixtures.dltb("DLTB"), Fixtures.redline()), data.resolve("county.gpkg"),
        org.landledger.io.WriteOptions.DEFAULT);
    org.landledger.io.Layers.write(Fixtures.redline(), data.resolve("checks.geojson"));
    Catalog c = Catalog.scan(List.of(data), ReadOptions.DEFAULT, m -> {});
    assertThat(c.layers()).extracting(ServedLayer::name).containsExactlyInAnyOrder("checks", "DLTB", "result");
    assertThat(c.layer("DLTB").orElseThrow().source()).endsWith("county.gpkg#DLTB");
    assertThat(c.layer("DLTB").orElseThrow().feature("1").string("DLMC")).isEqualTo("水田");
    assertThat(c.layer("checks").orElseThrow().count()).isEqualTo(3);
    assertThat(c.layer("checks").orElseThrow().count(org.landledger.io.query.Query.all())).isEqualTo(3);
  }

  @Test
  void readsAreOpenButWritesNeedTheBearerToken(@TempDir Path dir) {
    try (LandLedgerServer s = Fixtures.start(dir, ServerOptions.loopback(0).withToken("s3cret"))) {
      assertThat(Fixtures.get(s, "/ows?SERVICE=WMS&REQUEST=GetCapabilities").status()).isEqualTo(200);
      // Any write under /api/ is checked before routing: no token, a wrong one, or one in the URL → 401.
      HttpRequest.BodyPublisher empty = HttpRequest.BodyPublishers.noBody();
      assertThat(Fixtures.send(s, HttpRequest.newBuilder(Fixtures.uri(s, "/api/runs")).POST(empty).build()).status())
          .isEqualTo(401);
      assertThat(Fixtures.send(s, HttpRequest.newBuilder(Fixtures.uri(s, "/api/runs"))
          .header("Authorization", "Bearer s3cret-not").POST(empty).build()).status()).isEqualTo(401);
      assertThat(Fixtures.send(s, HttpRequest.newBuilder(Fixtures.uri(s, "/api/runs?token=s3cret")).POST(empty).build())
          .status()).isEqualTo(401);
      // The right token passes the check (the route itself then answers; not 401).
      assertThat(Fixtures.send(s, HttpRequest.newBuilder(Fixtures.uri(s, "/api/runs"))
          .header("Authorization", "Bearer s3cret").POST(empty).build()).status()).isNotEqualTo(401);
    }
  }

  @Test
  void writesAreRefusedWithoutAConfiguredToken(@TempDir Path dir) {
    try (LandLedgerServer s = Fixtures.start(dir, ServerOptions.loopback(0))) {
      assertThat(Fixtures.send(s, HttpRequest.newBuilder(Fixtures.uri(s, "/api/uploads"))
          .header("Authorization", "Bearer anything").POST(HttpRequest.BodyPublishers.noBody()).build()).status())
          .isEqualTo(403);
    }
  }

  @Test
  void protectedReadsNeedTheTokenEverywhere(@TempDir Path dir) {
    try (LandLedgerServer s = Fixtures.start(dir, ServerOptions.loopback(0).withToken("s3cret").withProtectedReads(true))) {
      assertThat(Fixtures.get(s, "/ows?SERVICE=WMS&REQUEST=GetCapabilities").status()).isEqualTo(401);
      assertThat(Fixtures.get(s, "/ows?SERVICE=WMS&REQUEST=GetCapabilities&token=wrong").status()).isEqualTo(401);
      assertThat(Fixtures.get(s, "/ows?SERVICE=WMS&REQUEST=GetCapabilities&token=s3cret").status()).isEqualTo(200);
      Fixtures.Response bearer = Fixtures.send(s, HttpRequest.newBuilder(Fixtures.uri(s, "/ogcapi/collections"))
          .header("Authorization", "Bearer s3cret").GET().build());
      assertThat(bearer.status()).isEqualTo(200);
    }
  }

  @Test
  void tiandituKeyReachesTheViewerOnlyWhenConfigured(@TempDir Path dir) {
    try (LandLedgerServer s = Fixtures.start(dir, ServerOptions.loopback(0).withTiandituKey("abc123"))) {
      assertThat(Fixtures.get(s, "/viewer/layers.json").text()).contains("\"tianditu\" : \"abc123\"");
    }
  }

  @Test
  void oversizedBodiesAreRefused(@TempDir Path dir) {
    try (LandLedgerServer s = Fixtures.start(dir, ServerOptions.loopback(0).withLimits(new Limits(4096, 100, 1000, 2000)))) {
      String big = "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\">" + " ".repeat(5000) + "</wfs:GetFeature>";
      Fixtures.Response r = Fixtures.post(s, "/wfs", "text/xml", big);
      assertThat(r.status()).isEqualTo(413);
      assertThat(r.text()).contains("ExceptionReport").doesNotContain("at org.");
      assertThat(Fixtures.get(s, "/wfs?REQUEST=GetFeature&TYPENAMES=DLTB&COUNT=1001").status()).isEqualTo(400);
      // Chunked (no Content-Length): the cap still holds.
      Fixtures.Response chunked = Fixtures.send(s, HttpRequest.newBuilder(Fixtures.uri(s, "/wfs")).header("Content-Type", "text/xml")
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
              big.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build());
      assertThat(chunked.status()).isIn(400, 413);
      assertThat(chunked.text()).contains("ExceptionReport");
    }
  }
}
