package org.landledger.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.io.Json;
import org.landledger.server.ServerOptions;
import org.landledger.server.catalog.Catalog;
import org.landledger.server.catalog.ServedLayer;
import org.landledger.server.ows.OwsException;

/**
 * 数据上传接口: {@code POST /api/uploads[?name=DATASET]} (body: a zipped shapefile set, {@code application/zip},
 * or a GeoPackage, {@code application/geopackage+sqlite3}) → {@code 201 {"dataset", "layers": [...]}}, served at
 * once; {@code GET /api/uploads} lists them, {@code GET /api/uploads/{name}} shows one,
 * {@code DELETE /api/uploads/{name}} stops serving it and deletes its files. The Bearer token is checked by the
 * server's before-handler for every write; without {@code --state} the write routes answer 403.
 */
public final class UploadApi {

  private UploadApi() {}

  /** Registers the routes; with a state folder, serves the datasets uploaded before (they survive a restart). */
  public static void register(Javalin app, Catalog catalog, ServerOptions options) {
    UploadStore store = options.stateDir() == null ? null
        : new UploadStore(options.stateDir().resolve("uploads"), catalog, options.limits());
    if (store != null) {
      store.restore(UploadApi::log);
    }
    app.post("/api/uploads", ctx -> {
      UploadStore s = required(store);
      UploadStore.Dataset d = call(ctx, () -> s.receive(ctx.req().getInputStream(), ctx.req().getContentLengthLong(),
          ctx.contentType(), ctx.queryParam("name")));
      log("upload " + d.name() + ": " + d.layers().stream().map(l -> l.name() + " (" + l.count() + " features)")
          .collect(java.util.stream.Collectors.joining(", ")));
      ctx.header("Location", "/api/uploads/" + java.net.URLEncoder.encode(d.name(), java.nio.charset.StandardCharsets.UTF_8));
      json(ctx, 201, dataset(d, s));
    });
    app.get("/api/uploads", ctx -> {
      List<Object> list = new ArrayList<>();
      if (store != null) {
        store.list().forEach(d -> list.add(dataset(d, store)));
      }
      json(ctx, 200, Map.of("datasets", list));
    });
    app.get("/api/uploads/{name}", ctx -> {
      String name = ctx.pathParam("name");
      UploadStore.Dataset d = store == null ? null : store.get(name).orElse(null);
      if (d == null) {
        throw notFound(name);
      }
      json(ctx, 200, dataset(d, store));
    });
    app.delete("/api/uploads/{name}", ctx -> {
      String name = ctx.pathParam("name");
      UploadStore.Dataset d = required(store).delete(name).orElseThrow(() -> notFound(name));
      log("upload " + d.name() + " deleted");
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("dataset", d.name());
      m.put("removed", d.layers().stream().map(ServedLayer::name).toList());
      json(ctx, 200, m);
    });
  }

  /** One line on stderr, like the server's other messages (never the token, never a request body). */
  private static void log(String message) {
    System.err.println("landledger serve: " + message);
  }

  private static UploadStore required(UploadStore store) {
    if (store == null) {
      throw new OwsException("NoApplicableCode", "state",
          "uploads are off: start the server with --state DIR to keep uploaded datasets", 403);
    }
    return store;
  }

  private static OwsException notFound(String name) {
    return new OwsException("NotFound", "name", "no uploaded dataset named " + UploadRefused.printable(name), 404);
  }

  interface Call<T> {
    T run() throws IOException;
  }

  /** Maps a refusal to the JSON problem the server writes for errors under /api/. */
  private static <T> T call(Context ctx, Call<T> c) throws IOException {
    try {
      return c.run();
    } catch (UploadRefused e) {
      if (e.status() == 429) {
        ctx.header("Retry-After", "10");
      }
      throw new OwsException(e.code(), "body", e.getMessage(), e.status());
    }
  }

  static Map<String, Object> dataset(UploadStore.Dataset d, UploadStore store) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dataset", d.name());
    List<Object> layers = new ArrayList<>();
    String folder = store.root().resolve(d.name()).toString();
    for (ServedLayer l : d.layers()) {
      Map<String, Object> lm = new LinkedHashMap<>();
      lm.put("name", l.name());
      lm.put("title", title(l));
      lm.put("features", l.count());
      lm.put("crs", l.crs().toString());
      lm.put("geometryType", l.schema().geometryType());
      String src = l.source().startsWith(folder) ? l.source().substring(folder.length() + 1) : title(l);
      lm.put("file", src.replace('\\', '/'));
      layers.add(lm);
    }
    m.put("layers", layers);
    return m;
  }

  /** The layer as the uploader named it: the GeoPackage table, else the file name without extension. */
  private static String title(ServedLayer l) {
    String s = l.source();
    int hash = s.lastIndexOf('#');
    if (hash >= 0) {
      return s.substring(hash + 1);
    }
    String file = java.nio.file.Path.of(s).getFileName().toString();
    return file.replaceFirst("\\.[^.]*$", "");
  }

  private static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json; charset=UTF-8").result(Json.toString(body));
  }
}
