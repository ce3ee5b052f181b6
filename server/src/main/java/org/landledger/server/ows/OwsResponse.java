package org.landledger.server.ows;

import java.nio.charset.StandardCharsets;

/** OGC 响应: a finished response — HTTP status, content type and body bytes. */
public record OwsResponse(int status, String contentType, byte[] body) {

  public static OwsResponse ok(String contentType, byte[] body) {
    return new OwsResponse(200, contentType, body);
  }

  public static OwsResponse text(String contentType, String body) {
    return new OwsResponse(200, contentType + (contentType.contains("charset") ? "" : "; charset=UTF-8"),
        body.getBytes(StandardCharsets.UTF_8));
  }
}
