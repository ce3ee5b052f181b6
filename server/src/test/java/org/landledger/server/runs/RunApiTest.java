package org.landledger.server.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.io.Json;
import org.landledger.server.Fixtures;
import org.landledger.server.LandLedgerServer;
import org.landledger.server.ServerOptions;

/**
 * Analysis runs over HTTP with {@link FakeAnalysis} as the child process: queued, run, published in WMS/WFS,
 * downloadable, cancelled, failed, and kept across a restart — a run that does not finish leaves no layer
 * and no work folder.
 */
class RunApiTest {

  static final String TOKEN = "s3cret-token";
  static final HttpClient HTTP = HttpClient.newHttpClient();

  record Resp(int status, String body, java.net.http.HttpHeaders headers) {
    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(body, e);
      }
    }
  }

  static LandLedgerServer start(Path dir, int workers) {
    ServerOptions o = ServerOptions.loopback(0).withToken(TOKEN).withStateDir(dir.resolve("state"))
        .withRuns(new RunOptions(JavaLauncher.current(FakeAnalysis.class.getName(), "128m"), workers, List.of()));
    return Fixtures.start(dir, o);
  }

  static Resp call(LandLedgerServer s, String method, String path, String body, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Resp(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static Resp get(LandLedgerServer s, String path) {
    return call(s, "GET", path, null, null);
  }

  static String post(LandLedgerServer s, String body) {
    Resp r = call(s, "POST", "/api/runs", body, TOKEN);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    String id = r.json().get("id").asText();
    assertThat(r.headers().firstValue("Location")).contains("/api/runs/" + id);
    return id;
  }

  static String redline(String mode) {
    return "{\"analysis\": \"redline\", \"inputs\": {\"landuse\": \"DLTB\", \"permanentFarmland\": \"DLTB_2\","
        + " \"plan\": \"result\"}, \"params\": {\"planIdField\": \"" + mode + "\", \"minOverlapM2\": 1}}";
  }

  /** Polls the run until {@code until} holds (runs take a JVM start: seconds). */
  static JsonNode await(LandLedgerServer s, String id, Predicate<JsonNode> until) throws InterruptedException {
    long deadline = System.nanoTime() + 90_000_000_000L;
    JsonNode run;
    do {
      Thread.sleep(100);
      Resp r = get(s, "/api/runs/" + id);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      run = r.json();
    } while (!until.test(run) && System.nanoTime() < deadline);
    return run;
  }

  static Predicate<JsonNode> status(String... any) {
    return n -> List.of(any).contains(n.get("status").asText());
  }

  @Test
  void aRunIsPublishedAndItsResultsDownloadable(@TempDir Path dir) throws Exception {
    try (LandLedgerServer s = start(dir, 1)) {
      assertThat(call(s, "POST", "/api/runs", redline("ok"), null).status()).isEqualTo(401);
      assertThat(call(s, "POST", "/api/runs", redline("ok"), "wrong").status()).isEqualTo(401);
      String id = post(s, redline("ok"));
      assertThat(id).matches("r[0-9]+");
      JsonNode run = await(s, id, status("done", "failed"));
      assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("done");
      assertThat(run.get("progress").asDouble()).isEqualTo(1.0);
      assertThat(run.get("analysis").asText()).isEqualTo("redline");
      assertThat(run.get("inputs").get("plan").asText()).isEqualTo("result");
      assertThat(run.toString()).doesNotContain(dir.toString()); // no server paths in the API
      String layer = "redline_" + id + "_parcels";
      assertThat(run.get("layers").get(0).asText()).isEqualTo(layer);
      assertThat(run.get("summary").get("parcels").asInt()).isEqualTo(3);
      assertThat(run.get("summary").has("args")).isFalse();
      assertThat(run.get("created").asText()).isNotEmpty();
      assertThat(run.get("finished").asText()).isNotEmpty();
      assertThat(run.get("downloads").findValuesAsText("name"))
          .containsExactly("redline.csv", "redline.gpkg", "redline.json", "report.html");

      assertThat(get(s, "/ows?SERVICE=WMS&REQUEST=GetCapabilities").body()).contains("<Name>" + layer + "</Name>");
      assertThat(get(s, "/ows?SERVICE=WFS&REQUEST=GetCapabilities").body()).contains(layer);
      assertThat(get(s, "/viewer/layers.json").body()).contains(layer);
      assertThat(get(s, "/ogcapi/collections/" + layer + "/items").status()).isEqualTo(200);

      Resp json = get(s, "/api/runs/" + id + "/files/redline.json");
      assertThat(json.status()).isEqualTo(200);
      assertThat(json.json().get("summary").get("parcels").asInt()).isEqualTo(3);
      assertThat(get(s, "/api/runs/" + id + "/files/report.html").body()).contains("report");
      assertThat(get(s, "/api/runs").json().get("runs").findValuesAsText("id")).containsExactly(id);

      // Only files directly inside the run's out folder: no traversal, no hidden files, nothing else.
      for (String bad : List.of("..%2Frun.json", "..%2F..%2F" + id + "%2Frun.json", "%2Fetc%2Fpasswd", ".hidden",
          "..", "nope.json")) {
        Resp r = get(s, "/api/runs/" + id + "/files/" + bad);
        assertThat(r.status()).as(bad).isEqualTo(404);
        assertThat(r.body()).doesNotContain("\"status\"");
      }
      assertThat(get(s, "/api/runs/" + id + "/../" + id + "/run.json").status()).isEqualTo(404);
      assertThat(get(s, "/api/runs/r999").status()).isEqualTo(404);

      // Deleting a finished run takes its layers off the map and its folder away.
      assertThat(call(s, "DELETE", "/api/runs/" + id, null, null).status()).isEqualTo(401);
      assertThat(call(s, "DELETE", "/api/runs/" + id, null, TOKEN).json().get("status").asText()).isEqualTo("deleted");
      assertThat(s.catalog().contains(layer)).isFalse();
      assertThat(dir.resolve("state/runs/" + id)).doesNotExist();
    }
  }

  @Test
  void badRequestsAreRefusedBeforeAnythingIsQueued(@TempDir Path dir) {
    try (LandLedgerServer s = start(dir, 1)) {
      String[][] cases = {
          {"{\"analysis\": \"bogus\"}", "unknown analysis 'bogus'"},
          {"{\"analysis\": \"redline\", \"inputs\": {\"landuse\": \"DLTB\", \"permanentFarmland\": \"DLTB\", \"plan\": \"result\","
              + " \"roads\": \"DLTB\"}}", "unknown input role 'roads'"},
          {"{\"analysis\": \"redline\", \"inputs\": {\"landuse\": \"DLTB\", \"plan\": \"result\"}}", "'permanentFarmland' is required"},
          {"{\"analysis\": \"redline\", \"inputs\": {\"landuse\": \"nosuch\", \"permanentFarmland\": \"DLTB\", \"plan\": \"result\"}}",
              "no layer named 'nosuch'"},
          {"{\"analysis\": \"redline\", \"inputs\": {\"landuse\": \"/etc/passwd\", \"permanentFarmland\": \"DLTB\", \"plan\": \"result\"}}",
              "no layer named '/etc/passwd'"},
          {"{\"analysis\": \"redline\", \"inputs\": {\"landuse\": \"DLTB\", \"permanentFarmland\": \"DLTB\", \"plan\": \"result\"},"
              + " \"params\": {\"colour\": \"red\"}}", "unknown parameter 'colour'"},
          {"{\"analysis\": \"redline\", \"inputs\": {\"landuse\": \"DLTB\", \"permanentFarmland\": \"DLTB\", \"plan\": \"result\"},"
              + " \"params\": {\"policy\": \"/etc/passwd\"}}", "'policy' must be one of cn-national-default, example-province-homestead"},
          {"{\"analysis\": \"redline\", \"inputs\": {\"landuse\": \"DLTB\", \"permanentFarmland\": \"DLTB\", \"plan\": \"result\"},"
              + " \"params\": {\"area\": \"flat\"}}", "'area' must be one of"},
          {"{\"analysis\": \"redline\", \"inputs\": {\"landuse\": \"DLTB\", \"permanentFarmland\": \"DLTB\", \"plan\": \"result\"},"
              + " \"params\": {\"minOverlapM2\": \"--policy=/etc/passwd\"}}", "'minOverlapM2' must be a number"},
          {"{\"analysis\": \"esv\", \"inputs\": {\"landuse\": \"DLTB\"}}", "'unitValue' is required"},
          {"[1, 2]", "JSON object"},
          {"{not json", "not JSON"},
      };
      for (String[] c : cases) {
        Resp r = call(s, "POST", "/api/runs", c[0], TOKEN);
        assertThat(r.status()).as(c[0]).isEqualTo(400);
        assertThat(r.body()).as(c[0]).contains(c[1]);
      }
      assertThat(get(s, "/api/runs").json().get("runs").size()).isZero();
      assertThat(dir.resolve("state/runs")).isEmptyDirectory();
    }
  }

  @Test
  void runsQueueBehindTheWorkerAndCancelledRunsLeaveNothing(@TempDir Path dir) throws Exception {
    try (LandLedgerServer s = start(dir, 1)) {
      String slow = post(s, redline("sleep"));
      JsonNode running = await(s, slow, n -> n.get("progress").asDouble() > 0);
      assertThat(running.get("status").asText()).isEqualTo("running");
      assertThat(running.get("progress").asDouble()).isEqualTo(0.5); // "progress 1 2"
      String next = post(s, redline("ok"));
      assertThat(get(s, "/api/runs/" + next).json().get("status").asText()).isEqualTo("queued");
      assertThat(dir.resolve("state/runs/" + slow + "/work")).isDirectory();
      String dropped = post(s, redline("ok"));
      assertThat(call(s, "DELETE", "/api/runs/" + dropped, null, TOKEN).json().get("status").asText()).isEqualTo("cancelled");

      JsonNode cancelled = call(s, "DELETE", "/api/runs/" + slow, null, TOKEN).json();
      assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
      JsonNode done = await(s, next, status("done", "failed"));
      assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
      assertThat(get(s, "/api/runs/" + slow).json().get("status").asText()).isEqualTo("cancelled");
      assertThat(get(s, "/api/runs/" + slow).json().get("layers").size()).isZero();
      assertThat(s.catalog().layers()).noneMatch(l -> l.name().startsWith("redline_" + slow + "_"));
      assertThat(dir.resolve("state/runs/" + slow + "/work")).doesNotExist();
      assertThat(dir.resolve("state/runs/" + slow + "/out")).doesNotExist();
      JsonNode never = get(s, "/api/runs/" + dropped).json(); // cancelled while queued: never started
      assertThat(never.get("status").asText()).isEqualTo("cancelled");
      assertThat(never.get("started").isNull()).isTrue();
      assertThat(dir.resolve("state/runs/" + dropped + "/work")).doesNotExist();
    }
  }

  @Test
  void aFailedRunReportsTheCliMessageAndPublishesNothing(@TempDir Path dir) throws Exception {
    try (LandLedgerServer s = start(dir, 1)) {
      String id = post(s, redline("fail"));
      JsonNode run = await(s, id, status("done", "failed"));
      assertThat(run.get("status").asText()).isEqualTo("failed");
      // The message names the layer the client knows, not the server's file.
      assertThat(run.get("error").asText()).isEqualTo("result: feature 3: field DKBH: missing");
      assertThat(run.get("layers").size()).isZero();
      assertThat(run.get("downloads").size()).isZero();
      assertThat(dir.resolve("state/runs/" + id + "/work")).doesNotExist();
      assertThat(get(s, "/api/runs/" + id + "/files/redline.json").status()).isEqualTo(404);
    }
  }

  @Test
  void runsSurviveARestartAndARunKilledByTheStopLeavesNoLayer(@TempDir Path dir) throws Exception {
    String done;
    String killed;
    String waiting;
    try (LandLedgerServer s = start(dir, 1)) {
      done = post(s, redline("ok"));
      assertThat(await(s, done, status("done", "failed")).get("status").asText()).isEqualTo("done");
      killed = post(s, redline("sleep"));
      assertThat(await(s, killed, n -> n.get("progress").asDouble() > 0).get("status").asText()).isEqualTo("running");
      waiting = post(s, redline("ok"));
      assertThat(get(s, "/api/runs/" + waiting).json().get("status").asText()).isEqualTo("queued");
    } // stopping the server kills the running child; the queued run stays queued
    Path runs = dir.resolve("state/runs");
    assertThat(Json.MAPPER.readTree(runs.resolve(killed + "/run.json").toFile()).get("status").asText()).isEqualTo("running");
    assertThat(Json.MAPPER.readTree(runs.resolve(waiting + "/run.json").toFile()).get("status").asText()).isEqualTo("queued");

    Path again = dir.resolve("again");
    Files.createDirectories(again);
    Files.move(dir.resolve("state"), again.resolve("state"));
    try (LandLedgerServer s = start(again, 1)) {
      JsonNode d = get(s, "/api/runs/" + done).json();
      assertThat(d.get("status").asText()).isEqualTo("done");
      String layer = "redline_" + done + "_parcels";
      assertThat(d.get("layers").get(0).asText()).isEqualTo(layer);
      assertThat(get(s, "/ows?SERVICE=WFS&REQUEST=GetCapabilities").body()).contains(layer);
      assertThat(get(s, "/api/runs/" + done + "/files/redline.json").status()).isEqualTo(200);

      JsonNode k = get(s, "/api/runs/" + killed).json();
      assertThat(k.get("status").asText()).isEqualTo("failed");
      assertThat(k.get("error").asText()).isEqualTo("interrupted: server stopped");
      assertThat(s.catalog().layers()).noneMatch(l -> l.name().startsWith("redline_" + killed + "_"));
      assertThat(again.resolve("state/runs/" + killed + "/work")).doesNotExist();
      assertThat(again.resolve("state/runs/" + killed + "/out")).doesNotExist();

      // The queued run is queued again and runs (its inputs were recorded as files when it was posted).
      JsonNode w = await(s, waiting, status("done", "failed"));
      assertThat(w.get("status").asText()).as(w.toString()).isEqualTo("done");
      assertThat(w.get("layers").get(0).asText()).isEqualTo("redline_" + waiting + "_parcels");

      assertThat(get(s, "/api/runs").json().get("runs").findValuesAsText("id")).containsExactly(done, killed, waiting);
      String fourth = post(s, redline("ok"));
      assertThat(fourth).isEqualTo("r4"); // ids go on after the kept runs
      // Cancelled (it was queued or running), then deleted, then gone.
      assertThat(call(s, "DELETE", "/api/runs/" + fourth, null, TOKEN).json().get("status").asText()).isEqualTo("cancelled");
      assertThat(call(s, "DELETE", "/api/runs/" + fourth, null, TOKEN).json().get("status").asText()).isEqualTo("deleted");
      assertThat(call(s, "DELETE", "/api/runs/" + fourth, null, TOKEN).status()).isEqualTo(404);
    }
    try (LandLedgerServer s = start(again, 1)) {
      assertThat(post(s, redline("sleep"))).isEqualTo("r5"); // a deleted run's id is not given again
    }
  }

  @Test
  void withoutAStateFolderRunsAreOff(@TempDir Path dir) {
    try (LandLedgerServer s = Fixtures.start(dir, ServerOptions.loopback(0).withToken(TOKEN))) {
      Resp r = call(s, "POST", "/api/runs", redline("ok"), TOKEN);
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.body()).contains("--state");
    }
  }
}
