package org.landledger.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for GeoServer's REST API on 127.0.0.1 (ephemeral port) that records every request and keeps
 * a catalogue of resource paths: GET answers 200 for a resource that exists and 404 otherwise; POST to a
 * collection creates {@code collection/name} (name from {@code ?name=} or the body's root object) with 201,
 * or 409 when it already exists (as GeoServer does); PUT answers 200 for an existing resource and 404 otherwise.
 * Like GeoServer, creating a feature type also creates its layer {@code /layers/ws:name}. Requests without
 * the expected Basic credentials get 401.
 */
final class GeoServerRecorder implements AutoCloseable {

  /** One recorded request; {@code path} is below the REST root ({@code /workspaces/ll}). */
  record Exchange(String method, String fullPath, String path, String query, String contentType, String body,
      String authorization, int status) {
    /** Path plus query, as the publisher wrote it. */
    String target() {
      return query == null ? path : path + "?" + query;
    }
  }

  private static final String ROOT = GeoServerContract.REST_ROOT;
  private static final Pattern FEATURE_TYPES = Pattern.compile("/workspaces/([^/]+)/datastores/[^/]+/featuretypes");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String expectedAuthorization;
  private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> catalogue = Collections.synchronizedSet(new TreeSet<>());
  private volatile String failingPost;
  private volatile boolean echoFailures;

  GeoServerRecorder(String user, String password) throws IOException {
    this.expectedAuthorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The GeoServer URL a user would pass to --geoserver. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/geoserver";
  }

  List<Exchange> exchanges() {
    synchronized (exchanges) {
      return List.copyOf(exchanges);
    }
  }

  /** From now on POSTs to {@code path} fail with 500 and an error page, as a broken store would. */
  void failPostsTo(String path) {
    failingPost = path;
  }

  /**
   * Failure pages quote the request body (from its password on, if it has one), as GeoServer's error pages may
   * quote a store's connection parameters.
   */
  void echoBodyOnFailure() {
    echoFailures = true;
  }

  void clear() {
    exchanges.clear();
  }

  Set<String> catalogue() {
    synchronized (catalogue) {
      return Set.copyOf(catalogue);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String fullPath = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    int status;
    String path = fullPath.startsWith(ROOT) ? fullPath.substring(ROOT.length()) : null;
    if (path == null) {
      status = 404;
    } else if (!expectedAuthorization.equals(auth)) {
      status = 401;
    } else {
      status = switch (method) {
        case "GET" -> catalogue.contains(path) ? 200 : 404;
        case "PUT" -> catalogue.contains(path) ? 200 : 404;
        case "POST" -> path.equals(failingPost) ? 500 : create(path, query, body);
        default -> 405;
      };
    }
    exchanges.add(new Exchange(method, fullPath, path, query, type, body.isEmpty() ? null : body, auth, status));
    String text = status == 200 && method.equals("GET") ? "{}"
        : status == 500 ? "<html><body>\n  java.lang.RuntimeException: cannot open the GeoPackage"
            + (echoFailures ? " with " + body.substring(Math.max(0, body.indexOf("passwd"))) : "") + "\n</body></html>"
        : "";
    byte[] answer = text.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(answer);
    }
  }

  private int create(String collection, String query, String body) {
    String name = null;
    if (query != null) {
      for (String kv : query.split("&")) {
        if (kv.startsWith("name=")) {
          name = kv.substring(5);
        }
      }
    }
    if (name == null) {
      try {
        JsonNode root = JSON.readTree(body);
        name = root.elements().next().path("name").asText(null);
      } catch (IOException | RuntimeException e) {
        return 400;
      }
    }
    if (name == null) {
      return 400;
    }
    String item = collection + "/" + name;
    if (!catalogue.add(item)) {
      return 409;
    }
    Matcher ft = FEATURE_TYPES.matcher(collection);
    if (ft.matches()) {
      catalogue.add("/layers/" + ft.group(1) + ":" + name);
    }
    return 201;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
