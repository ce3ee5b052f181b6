package org.landledger.publish;

/** REST 传输: sends one request and returns the status and body (real HTTP, or printing for a dry run). */
public interface RestTransport {

  /** Status code and response body of one request. */
  record Response(int status, String body) {}

  /** Sends {@code request}; an unreachable server is a {@link GeoServerException}. */
  Response send(RestRequest request);

  /** Human form of the REST root, for messages (never with credentials). */
  String describe();
}
