package org.landledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.Json;
import org.landledger.io.Layers;
import org.landledger.io.ReadOptions;
import org.landledger.server.LandLedgerServer;
import org.landledger.server.ServerOptions;
import org.landledger.server.catalog.Catalog;
import org.landledger.server.runs.Analyses;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A real {@code redline} run through {@code serve}'s launcher (a child JVM running this CLI) on the hand-made
 * fixtures of {@link RedlineCommandTest}, published and queried over WFS; and the server's table of analyses
 * checked against the commands' options.
 */
class ServeRunsTest {

  static final String TOKEN = "t0ken";
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static String send(LandLedgerServer s, String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json");
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return r.statusCode() + " " + r.body();
  }

  static JsonNode await(LandLedgerServer s, String id) throws Exception {
    long deadline = System.nanoTime() + 180_000_000_000L;
    JsonNode run;
    do {
      Thread.sleep(200);
      run = Json.MAPPER.readTree(send(s, "GET", "/api/runs/" + id, null).substring(4));
    } while (!List.of("done", "failed").contains(run.get("status").asText()) && System.nanoTime() < deadline);
    return run;
  }

  @Test
  void aRealRedlineRunIsPublished(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    // The fixtures of RedlineCommandTest (EPSG:4527, offsets from 39 500 000 / 4 000 000 m):
    // DLTB T1 [0,100]² 0101 KCXS 0.1, T2 [100,200]×[0,100] 0103 KCXS 0.05; PBF [0,50]×[0,100];
    // dev boundary [0,200]×[50,100]; plan A [40,140]×[40,60], B [150,190]×[60,90].
    Layers.write(RedlineCommandTest.layer("DLTB", List.of(RedlineCommandTest.tb("1", RedlineCommandTest.rect(0, 0, 100, 100), "0101", 0.1, 5),
        RedlineCommandTest.tb("2", RedlineCommandTest.rect(100, 0, 200, 100), "0103", 0.05, 8)), List.of(new Field("DLBM", FieldType.STRING),
        new Field("KCXS", FieldType.DOUBLE), new Field("GDDB", FieldType.INTEGER), new Field("ZLDWDM", FieldType.STRING))),
        data.resolve("DLTB.shp"));
    Layers.write(RedlineCommandTest.layer("YJJBNTTB", List.of(new Feature("1", RedlineCommandTest.rect(0, 0, 50, 100), Map.of("BSM", "1"))),
        List.of(new Field("BSM", FieldType.STRING))), data.resolve("YJJBNTTB.shp"));
    Layers.write(RedlineCommandTest.layer("CZKFBJ", List.of(new Feature("1", RedlineCommandTest.rect(0, 50, 200, 100), Map.of("BSM", "1"))),
        List.of(new Field("BSM", FieldType.STRING))), data.resolve("CZKFBJ.shp"));
    Layers.write(RedlineCommandTest.layer("PLAN", List.of(new Feature("1", RedlineCommandTest.rect(40, 40, 140, 60), Map.of("XMBH", "A")),
        new Feature("2", RedlineCommandTest.rect(150, 60, 190, 90), Map.of("XMBH", "B"))),
        List.of(new Field("XMBH", FieldType.STRING))), data.resolve("PLAN.shp"));

    ServeCommand serve = new ServeCommand();
    serve.state = dir.resolve("state");
    serve.workers = 1;
    serve.runMemory = "512m";
    serve.input = new InputOptions();
    ServerOptions options = ServerOptions.loopback(0).withToken(TOKEN).withStateDir(serve.state)
        .withRuns(serve.runOptions());
    Catalog catalog = Catalog.scan(List.of(data), ReadOptions.DEFAULT, m -> {});
    try (LandLedgerServer s = LandLedgerServer.start(catalog, options)) {
      String posted = send(s, "POST", "/api/runs", "{\"analysis\": \"redline\", \"inputs\": {\"landuse\": \"DLTB\","
          + " \"permanentFarmland\": \"YJJBNTTB\", \"devBoundary\": \"CZKFBJ\", \"plan\": \"PLAN\"},"
          + " \"params\": {\"planIdField\": \"XMBH\", \"area\": \"planar\", \"lang\": \"en\"}}");
      assertThat(posted).startsWith("202 ");
      String id = Json.MAPPER.readTree(posted.substring(4)).get("id").asText();
      JsonNode run = await(s, id);
      assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("done");
      JsonNode sum = run.get("summary");
      // A: 100×20 = 2000 m², B: 40×30 = 1200 m² → 3200. PBF: A ∩ [0,50] = 10×20 = 200 (A FAILs).
      // Outside the boundary: A's strip y 40..50 = 100×10 = 1000. Farmland net of 田坎:
      // A 60×20×0.9 + 40×20×0.95 = 1080 + 760 = 1840; B 1200×0.95 = 1140 → 2980.
      assertThat(sum.get("parcels").asInt()).isEqualTo(2);
      assertThat(sum.get("status").get("FAIL").asInt()).isEqualTo(1);
      assertThat(sum.get("areaM2").asDouble()).isEqualTo(3200.0);
      assertThat(sum.get("permanentFarmlandM2").asDouble()).isEqualTo(200.0);
      assertThat(sum.get("outsideDevBoundaryM2").asDouble()).isEqualTo(1000.0);
      assertThat(sum.get("farmlandNetM2").asDouble()).isEqualTo(2980.0);
      List<String> layers = Json.MAPPER.convertValue(run.get("layers"), List.class);
      assertThat(layers).contains("redline_" + id + "_parcels", "redline_" + id + "_conflicts");
      assertThat(run.get("downloads").findValuesAsText("name")).contains("redline.json", "redline.gpkg", "redline.csv",
          "report.html").doesNotContain("report.pdf");

      String caps = send(s, "GET", "/ows?SERVICE=WFS&REQUEST=GetCapabilities", null);
      assertThat(caps).contains("redline_" + id + "_parcels", "redline_" + id + "_conflicts");
      String features = send(s, "GET", "/ogcapi/collections/redline_" + id + "_parcels/items?f=json", null);
      assertThat(features).startsWith("200 ").contains("\"FAIL\"");
      assertThat(send(s, "GET", "/api/runs/" + id + "/files/redline.csv", null)).startsWith("200 ");

      // Bad input in a real run: the CLI's one-line message, naming the layer, no stack trace, no server path.
      posted = send(s, "POST", "/api/runs", "{\"analysis\": \"redline\", \"inputs\": {\"landuse\": \"DLTB\","
          + " \"permanentFarmland\": \"YJJBNTTB\", \"plan\": \"PLAN\"}, \"params\": {\"planIdField\": \"NOPE\"}}");
      JsonNode bad = await(s, Json.MAPPER.readTree(posted.substring(4)).get("id").asText());
      assertThat(bad.get("status").asText()).isEqualTo("failed");
      assertThat(bad.get("error").asText()).contains("NOPE").doesNotContain(dir.toString()).doesNotContain("\tat ");
      assertThat(bad.get("layers").size()).isZero();
    }
  }

  /** Every role and parameter the server accepts is an option of the command, and every option is accounted for. */
  @Test
  void theServersAnalysesMatchTheCommands() {
    CommandLine main = Main.commandLine();
    Set<String> notOverHttp = Set.of("--out", "--threads", "--encoding", "--crs", "--progress", "--help", "--version");
    for (Analyses.Analysis a : Analyses.all().values()) {
      CommandSpec spec = main.getSubcommands().get(a.name()).getCommandSpec();
      Set<String> options = new HashSet<>();
      for (OptionSpec o : spec.options()) {
        options.add(o.longestName());
      }
      Set<String> covered = new HashSet<>(notOverHttp);
      a.roles().values().forEach(r -> covered.add(r.option()));
      a.params().values().forEach(p -> covered.add(p.option()));
      a.refused().forEach(r -> covered.add(Analyses.option(r)));
      assertThat(options).as(a.name()).containsAll(new HashSet<>(covered) {{ removeAll(notOverHttp); }});
      assertThat(covered).as(a.name() + ": options the server neither accepts nor refuses").containsAll(options);
    }
  }
}
