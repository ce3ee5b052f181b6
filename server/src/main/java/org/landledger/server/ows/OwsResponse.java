package org.landledger.server.ows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * OGC 响应: a response — HTTP status, content type and either the body bytes or a writer that streams the body
 * (large feature collections are written while they are read, in constant memory).
 */
public record OwsResponse(int status, String contentType, byte[] body, BodyWriter writer) {

  /** Writes a streamed body; called once, after the status and headers are set. */
  @FunctionalInterface
  public interface BodyWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  public OwsResponse(int status, String contentType, byte[] body) {
    this(status, contentType, body, null);
  }

  public static OwsResponse ok(String contentType, byte[] body) {
    return new OwsResponse(200, contentType, body);
  }

  public static OwsResponse text(String contentType, String body) {
    return new OwsResponse(200, charset(contentType), body.getBytes(StandardCharsets.UTF_8));
  }

  /** A 200 response whose body is written by {@code writer} straight to the client. */
  public static OwsResponse stream(String contentType, BodyWriter writer) {
    return new OwsResponse(200, contentType, null, writer);
  }

  private static String charset(String contentType) {
    return contentType + (contentType.contains("charset") ? "" : "; charset=UTF-8");
  }

  /** The whole body (a streamed one is written into memory: for tests and small answers). */
  public byte[] bytes() {
    if (writer == null) {
      return body;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      writer.writeTo(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
