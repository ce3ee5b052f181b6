package org.landledger.publish;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * HTTP 传输: sends REST requests with {@link HttpClient}, HTTP Basic credentials sent up front (GeoServer's REST
 * API answers 401 without them). The password lives only in the Authorization header.
 */
public final class HttpRestTransport implements RestTransport {

  private final String restRoot;
  private final String user;
  private final Secret password;
  private final HttpClient client;
  private final Duration timeout;

  public HttpRestTransport(String geoserverUrl, String user, Secret password, Duration timeout) {
    this.restRoot = restRoot(geoserverUrl);
    this.user = user;
    this.password = password;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * The REST root for a GeoServer URL: {@code http://host:8080/geoserver} → {@code …/geoserver/rest}; a URL
   * already ending in {@code /rest} is kept. Only http(s) without user info in the URL.
   */
  public static String restRoot(String geoserverUrl) {
    URI u;
    try {
      u = URI.create(geoserverUrl.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--geoserver: not a URL: " + geoserverUrl);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
      throw new IllegalArgumentException("--geoserver: expected an http(s) URL such as http://localhost:8080/geoserver, got "
          + geoserverUrl);
    }
    if (u.getUserInfo() != null) {
      throw new IllegalArgumentException("--geoserver: put no credentials in the URL; use --user and --password-file");
    }
    if (u.getQuery() != null || u.getFragment() != null) {
      throw new IllegalArgumentException("--geoserver: the URL must not have a query or fragment: " + geoserverUrl);
    }
    String s = u.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.endsWith("/rest") ? s : s + "/rest";
  }

  @Override
  public Response send(RestRequest r) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(restRoot + r.target()))
        .timeout(timeout)
        .header("Authorization", password.basicAuthorization(user))
        .header("Accept", RestRequest.JSON);
    if (r.body() == null) {
      b.method(r.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", r.contentType() + "; charset=UTF-8");
      b.method(r.method(), HttpRequest.BodyPublishers.ofString(r.body(), StandardCharsets.UTF_8));
    }
    try {
      HttpResponse<String> resp = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(resp.statusCode(), r.mask(password.mask(resp.body(), user)));
    } catch (HttpConnectTimeoutException e) {
      throw unreachable("connection timed out", e);
    } catch (ConnectException e) {
      throw unreachable("connection refused", e);
    } catch (HttpTimeoutException e) {
      throw unreachable("no answer within " + timeout.toSeconds() + " s to " + r.method() + " " + r.path(), e);
    } catch (IOException e) {
      throw unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable("interrupted", e);
    }
  }

  private GeoServerException unreachable(String why, Exception cause) {
    return new GeoServerException("cannot reach GeoServer at " + restRoot + ": " + password.mask(why, user)
        + " (is it running? check --geoserver)", cause);
  }

  @Override
  public String describe() {
    return restRoot;
  }
}
