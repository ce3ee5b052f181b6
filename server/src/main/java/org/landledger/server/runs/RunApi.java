package org.landledger.server.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.landledger.io.Json;
import org.landledger.server.ServerOptions;
import org.landledger.server.catalog.Catalog;
import org.landledger.server.ows.OwsException;

/**
 * 分析运行接口: {@code POST /api/runs} (JSON {@code {"analysis", "inputs": {role: layer}, "params": {…}}} →
 * 202 {@code {"id"}}), {@code GET /api/runs}, {@code GET /api/runs/{id}}, {@code DELETE /api/runs/{id}}
 * (cancel a queued or running run; delete a finished one), {@code GET /api/runs/{id}/files/{file}} (results).
 * Writes need the token (checked for every {@code /api/} write by the server); without a state folder or a
 * launcher the endpoints answer 403.
 */
public final class RunApi {

  private RunApi() {}

  /** Registers the routes; returns the manager to close with the server, or null when runs are off. */
  public static RunManager register(Javalin app, Catalog catalog, ServerOptions options) {
    RunOptions runOptions = options.runs();
    if (options.stateDir() == null || runOptions.launcher() == null) {
      OwsException off = new OwsException("NoApplicableCode", "runs",
          "analysis runs are off: start the server with --state DIR and --token-file FILE", 403);
      app.post("/api/runs", ctx -> { throw off; });
      app.get("/api/runs", ctx -> { throw off; });
      app.get("/api/runs/{id}", ctx -> { throw off; });
      app.delete("/api/runs/{id}", ctx -> { throw off; });
      app.get("/api/runs/{id}/files/{file}", ctx -> { throw off; });
      return null;
    }
    RunManager runs = new RunManager(catalog, options.stateDir(), runOptions,
        m -> System.err.println("landledger serve: " + m));
    runs.recover();
    app.post("/api/runs", ctx -> submit(ctx, runs));
    app.get("/api/runs", ctx -> json(ctx, 200, Map.of("runs", runs.list())));
    app.get("/api/runs/{id}", ctx -> json(ctx, 200, runs.get(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx))));
    app.delete("/api/runs/{id}", ctx -> json(ctx, 200, runs.cancel(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx))));
    app.get("/api/runs/{id}/files/{file}", ctx -> {
      Path f = runs.file(ctx.pathParam("id"), ctx.pathParam("file")).orElseThrow(() -> new OwsException(
          "NotFound", "file", "no result file '" + ctx.pathParam("file") + "' in run " + ctx.pathParam("id"), 404));
      ctx.header("Content-Disposition", "attachment; filename=\"" + f.getFileName() + "\"");
      ctx.header("Content-Security-Policy", "sandbox"); // a report opened in the browser runs no script here
      ctx.contentType(contentType(f.getFileName().toString()));
      InputStream in = Files.newInputStream(f);
      ctx.result(in);
    });
    return runs;
  }

  private static void submit(Context ctx, RunManager runs) {
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(ctx.bodyAsBytes());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("request body is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("request body is not JSON");
    }
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("request body must be a JSON object {\"analysis\", \"inputs\", \"params\"}");
    }
    body.fieldNames().forEachRemaining(f -> {
      if (!f.equals("analysis") && !f.equals("inputs") && !f.equals("params")) {
        throw new IllegalArgumentException("unknown field '" + f + "'; fields: analysis, inputs, params");
      }
    });
    if (!body.path("analysis").isTextual()) {
      throw new IllegalArgumentException("'analysis' must be given: redline, linkage, homestead or esv");
    }
    Map<String, String> inputs = new LinkedHashMap<>();
    JsonNode in = body.path("inputs");
    if (!in.isMissingNode() && !in.isObject()) {
      throw new IllegalArgumentException("'inputs' must be an object {role: layer name}");
    }
    in.fields().forEachRemaining(e -> {
      if (!e.getValue().isTextual()) {
        throw new IllegalArgumentException("input '" + e.getKey() + "' must be a layer name");
      }
      inputs.put(e.getKey(), e.getValue().asText());
    });
    JsonNode params = body.path("params");
    if (!params.isMissingNode() && !params.isNull() && !params.isObject()) {
      throw new IllegalArgumentException("'params' must be an object");
    }
    @SuppressWarnings("unchecked") Map<String, Object> p = params.isObject()
        ? Json.MAPPER.convertValue(params, LinkedHashMap.class) : new LinkedHashMap<>();
    Map<String, Object> run = runs.submit(body.get("analysis").asText(), inputs, p);
    ctx.header("Location", "/api/runs/" + run.get("id"));
    json(ctx, 202, run);
  }

  private static OwsException notFound(Context ctx) {
    return new OwsException("NotFound", "id", "no run '" + ctx.pathParam("id") + "'", 404);
  }

  private static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json; charset=UTF-8").result(Json.toString(body));
  }

  static String contentType(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".json")) {
      return "application/json; charset=UTF-8";
    } else if (n.endsWith(".gpkg")) {
      return "application/geopackage+sqlite3";
    } else if (n.endsWith(".html")) {
      return "text/html; charset=UTF-8";
    } else if (n.endsWith(".csv")) {
      return "text/csv; charset=UTF-8";
    } else if (n.endsWith(".pdf")) {
      return "application/pdf";
    } else if (n.endsWith(".geojson")) {
      return "application/geo+json";
    }
    return "application/octet-stream";
  }
}
