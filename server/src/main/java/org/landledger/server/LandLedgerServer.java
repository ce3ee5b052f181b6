package org.landledger.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.landledger.server.catalog.Catalog;
import org.landledger.server.ogcapi.FeaturesApi;
import org.landledger.server.ows.OwsException;
import org.landledger.server.ows.OwsParams;
import org.landledger.server.ows.OwsResponse;
import org.landledger.server.runs.RunApi;
import org.landledger.server.runs.RunManager;
import org.landledger.render.SldWriter;
import org.landledger.server.catalog.StyleBook;
import org.landledger.server.viewer.ViewerApi;
import org.landledger.server.wfs.WfsService;
import org.landledger.server.wms.WmsService;

/**
 * 地图服务: the HTTP server — OGC services at {@code /ows} (aliases {@code /wms}, {@code /wfs}), OGC API –
 * Features at {@code /ogcapi}, the map viewer at {@code /}, SLD styles at {@code /styles/NAME.sld}.
 * Javalin (on Jetty) carries HTTP only; everything OGC is in the service classes. Errors become OGC
 * exception reports (or JSON for OGC API) with no stack trace; unexpected ones are logged here.
 */
public final class LandLedgerServer implements AutoCloseable {

  private final Javalin app;
  private final Catalog catalog;
  private final RunManager runs;

  private LandLedgerServer(Javalin app, Catalog catalog, RunManager runs) {
    this.app = app;
    this.catalog = catalog;
    this.runs = runs;
  }

  public static LandLedgerServer start(Catalog catalog, ServerOptions options) {
    Limits limits = options.limits();
    StyleBook styles = new StyleBook();
    WmsService wms = new WmsService(catalog, styles, limits, new org.landledger.server.wms.TileCache(options.tileCacheBytes()));
    WfsService wfs = new WfsService(catalog, limits);
    FeaturesApi api = new FeaturesApi(catalog, limits);
    ViewerApi viewer = new ViewerApi(catalog, styles, options.tiandituKey());
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = limits.maxBodyBytes();
      config.http.defaultContentType = "text/plain; charset=UTF-8";
    });
    app.before(ctx -> {
      ctx.header("X-Content-Type-Options", "nosniff");
      if (!options.protectReads()) {
        // Open read-only services: let web map clients on other origins use them.
        ctx.header("Access-Control-Allow-Origin", "*");
      }
      boolean write = isWrite(ctx);
      if (!write) {
        long len = ctx.contentLength();
        if (len > limits.maxBodyBytes()) {
          throw new OwsException("InvalidParameterValue", "request", "request body larger than "
              + limits.maxBodyBytes() + " bytes", 413);
        }
      }
      if (write && options.token() == null) {
        throw new OwsException("NoApplicableCode", "token",
            "write API disabled: start the server with --token-file to accept uploads and runs", 403);
      }
      if ((write || options.protectReads()) && !authorised(ctx, options.token(), write)) {
        ctx.header("WWW-Authenticate", "Bearer");
        throw new OwsException("NoApplicableCode", "token", "access token required", 401);
      }
    });
    for (String path : List.of("/ows", "/wms", "/wfs")) {
      String defaultService = path.equals("/wms") ? "WMS" : path.equals("/wfs") ? "WFS" : null;
      app.get(path, ctx -> ows(ctx, wms, wfs, defaultService, params(ctx), null));
      app.post(path, ctx -> {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
          ows(ctx, wms, wfs, defaultService, new OwsParams(ctx.formParamMap()), null);
        } else {
          ows(ctx, wms, wfs, defaultService, params(ctx), ctx.bodyAsBytes());
        }
      });
    }
    app.get("/ogcapi", ctx -> send(ctx, api.landing(base(ctx), ctx.queryParamMap())));
    app.get("/ogcapi/", ctx -> send(ctx, api.landing(base(ctx), ctx.queryParamMap())));
    app.get("/ogcapi/conformance", ctx -> send(ctx, api.conformance(base(ctx), ctx.queryParamMap())));
    app.get("/ogcapi/collections", ctx -> send(ctx, api.collections(base(ctx), ctx.queryParamMap())));
    app.get("/ogcapi/collections/{id}", ctx -> send(ctx, api.collection(base(ctx), ctx.pathParam("id"), ctx.queryParamMap())));
    app.get("/ogcapi/collections/{id}/items", ctx -> send(ctx, api.items(base(ctx), ctx.pathParam("id"), ctx.queryParamMap())));
    app.get("/ogcapi/collections/{id}/items/{fid}", ctx -> send(ctx,
        api.item(base(ctx), ctx.pathParam("id"), ctx.pathParam("fid"), ctx.queryParamMap())));
    app.get("/styles/{file}", ctx -> {
      String file = ctx.pathParam("file");
      String name = file.endsWith(".sld") ? file.substring(0, file.length() - 4) : file;
      var layer = catalog.layer(name).orElseThrow(() -> new OwsException("LayerNotDefined", "layer", "no layer named " + name, 404));
      send(ctx, OwsResponse.text("application/vnd.ogc.sld+xml", SldWriter.toSld(layer.name(), styles.styleOf(layer),
          SldWriter.GeometryKind.of(layer.schema().geometryType()))));
    });
    app.get("/", ctx -> send(ctx, ViewerApi.resource("index.html")));
    app.get("/viewer/layers.json", ctx -> send(ctx, viewer.layers()));
    app.get("/viewer/<path>", ctx -> send(ctx, ViewerApi.resource(ctx.pathParam("path"))));
    org.landledger.server.api.UploadApi.register(app, catalog, options);
    RunManager runs = RunApi.register(app, catalog, options);
    app.exception(OwsException.class, (e, ctx) -> error(ctx, e));
    app.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> error(ctx,
        new OwsException(e.getStatus() == 413 ? "InvalidParameterValue" : "NoApplicableCode", "request",
            e.getStatus() == 413 ? "request body larger than " + limits.maxBodyBytes() + " bytes" : "request refused", e.getStatus())));
    app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx,
        new OwsException("InvalidParameterValue", null, e.getMessage() == null ? "invalid request" : e.getMessage())));
    app.exception(Exception.class, (e, ctx) -> {
      System.err.println("landledger serve: internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
      error(ctx, new OwsException("NoApplicableCode", null, "internal error"));
    });
    app.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        ctx.contentType("text/plain; charset=UTF-8").result("not found\n");
      }
    });
    app.start(options.bind(), options.port());
    return new LandLedgerServer(app, catalog, runs);
  }

  private static OwsParams params(Context ctx) {
    return new OwsParams(ctx.queryParamMap());
  }

  private static void ows(Context ctx, WmsService wms, WfsService wfs, String defaultService, OwsParams p, byte[] body) {
    ctx.attribute("ows.service", defaultService);
    String service = p.get("SERVICE", defaultService);
    if (body != null && body.length > 0) {
      ctx.attribute("ows.service", "WFS");
      send(ctx, wfs.handleXml(body, url(ctx)));
      return;
    }
    if (service == null) {
      String req = p.get("REQUEST", "");
      if (req.equalsIgnoreCase("GetMap") || req.equalsIgnoreCase("GetFeatureInfo") || req.equalsIgnoreCase("GetLegendGraphic")) {
        service = "WMS";
      } else {
        throw OwsException.missing("SERVICE");
      }
    }
    ctx.attribute("ows.service", service.toUpperCase(Locale.ROOT));
    switch (service.toUpperCase(Locale.ROOT)) {
      case "WMS" -> send(ctx, wms.handle(p, url(ctx)));
      case "WFS" -> send(ctx, wfs.handle(p, url(ctx)));
      default -> throw OwsException.invalid("SERVICE", "SERVICE must be WMS or WFS, not " + service);
    }
  }

  private static void error(Context ctx, OwsException e) {
    String path = ctx.path();
    if (path.startsWith("/ogcapi") || path.startsWith("/api/")) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", e.code());
      m.put("description", e.getMessage());
      ctx.status(e.status()).contentType("application/problem+json; charset=UTF-8")
          .result(org.landledger.io.Json.toString(m));
      return;
    }
    boolean wms = "WMS".equals(ctx.attribute("ows.service"));
    ctx.status(e.status());
    ctx.contentType("text/xml; charset=UTF-8");
    ctx.result(wms ? e.toWmsXml() : e.toOwsXml("2.0.0"));
  }

  static void send(Context ctx, OwsResponse r) {
    ctx.status(r.status());
    if (r.writer() == null) {
      ctx.result(r.body());
    }
    if (!r.contentType().contains("charset")) {
      // Binary bodies (PNG, JPEG) must not be labelled with a character set.
      ctx.res().setCharacterEncoding(null);
    }
    ctx.res().setContentType(r.contentType());
    if (r.writer() != null) {
      stream(ctx, r);
    }
  }

  /**
   * Writes a streamed body to the client as it is produced. A failure before anything reached the client still
   * becomes an exception report; after that the response can only be cut short (logged).
   */
  private static void stream(Context ctx, OwsResponse r) {
    try {
      java.io.OutputStream out = ctx.outputStream();
      r.writer().writeTo(out);
      out.flush();
    } catch (java.io.IOException | RuntimeException e) {
      if (!ctx.res().isCommitted()) {
        ctx.res().reset();
        throw e instanceof RuntimeException re ? re : new java.io.UncheckedIOException((java.io.IOException) e);
      }
      System.err.println("landledger serve: response to " + ctx.method() + " " + ctx.path() + " cut short: " + e);
      throw new io.javalin.http.HttpResponseException(500, "cut short");
    }
  }

  private static String base(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }

  private static String url(Context ctx) {
    return base(ctx) + ctx.path();
  }

  /** Write endpoints: anything under {@code /api/} that is not a GET/HEAD/OPTIONS. */
  static boolean isWrite(Context ctx) {
    String m = ctx.method().name();
    return ctx.path().startsWith("/api/") && !(m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS"));
  }

  /**
   * Constant-time comparison of the presented token. Writes accept only the {@code Authorization: Bearer}
   * header (a token in a URL ends up in logs and browser history); reads also accept {@code ?token=}.
   */
  private static boolean authorised(Context ctx, String token, boolean headerOnly) {
    if (token == null) {
      return false;
    }
    String given = null;
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      given = auth.substring(7).trim();
    }
    if (given == null && !headerOnly) {
      for (var e : ctx.queryParamMap().entrySet()) {
        if (e.getKey().equalsIgnoreCase("token") && !e.getValue().isEmpty()) {
          given = e.getValue().get(0);
        }
      }
    }
    return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  public int port() {
    return app.port();
  }

  public Catalog catalog() {
    return catalog;
  }

  @Override
  public void close() {
    if (runs != null) {
      runs.close();
    }
    app.stop();
    catalog.close();
  }
}
