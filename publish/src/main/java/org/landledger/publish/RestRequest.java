package org.landledger.publish;

/**
 * REST 请求: one request to GeoServer's REST API — method, path below the REST root ({@code /workspaces/ws}),
 * query string (without '?', null when none), body content type and body (null for GET).
 */
public record RestRequest(String method, String path, String query, String contentType, String body) {

  public static final String JSON = "application/json";
  public static final String SLD = "application/vnd.ogc.sld+xml";

  public static RestRequest get(String path) {
    return new RestRequest("GET", path, null, null, null);
  }

  public static RestRequest post(String path, String query, String contentType, String body) {
    return new RestRequest("POST", path, query, contentType, body);
  }

  public static RestRequest put(String path, String query, String contentType, String body) {
    return new RestRequest("PUT", path, query, contentType, body);
  }

  /** Path plus query, as appended to the REST root. */
  public String target() {
    return query == null ? path : path + "?" + query;
  }
}
