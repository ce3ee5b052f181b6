package org.landledger.publish;

import java.util.List;

/**
 * REST 请求: one request to GeoServer's REST API — method, path below the REST root ({@code /workspaces/ws}),
 * query string (without '?', null when none), body content type and body (null for GET), and the secrets the
 * body carries (a PostGIS store's database password), which {@link #printableBody()} and {@link #toString()}
 * mask.
 */
public record RestRequest(String method, String path, String query, String contentType, String body,
    List<Secret> secrets) {

  public static final String JSON = "application/json";
  public static final String SLD = "application/vnd.ogc.sld+xml";

  public RestRequest {
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
  }

  public static RestRequest get(String path) {
    return new RestRequest("GET", path, null, null, null, null);
  }

  public static RestRequest post(String path, String query, String contentType, String body) {
    return new RestRequest("POST", path, query, contentType, body, null);
  }

  public static RestRequest put(String path, String query, String contentType, String body) {
    return new RestRequest("PUT", path, query, contentType, body, null);
  }

  /** The same request, its body holding {@code secret} (null: none). */
  public RestRequest carrying(Secret secret) {
    return secret == null ? this : new RestRequest(method, path, query, contentType, body, List.of(secret));
  }

  /** Path plus query, as appended to the REST root. */
  public String target() {
    return query == null ? path : path + "?" + query;
  }

  /** The body with every secret it carries masked (null for none). */
  public String printableBody() {
    return mask(body);
  }

  /** {@code text} (e.g. a server's answer echoing the body) with the request's secrets masked. */
  public String mask(String text) {
    String s = text;
    for (Secret secret : secrets) {
      s = secret.mask(s);
    }
    return s;
  }

  @Override
  public String toString() {
    return method + " " + target() + (body == null ? "" : " (" + contentType + ") " + printableBody());
  }
}
