package org.landledger.publish;

/**
 * GeoServer 错误: the server could not be reached, refused the credentials, or answered a request with an
 * unexpected status. The message names the request and the status; it never carries the password.
 */
public final class GeoServerException extends RuntimeException {

  private final int status;

  public GeoServerException(String message, int status) {
    super(message);
    this.status = status;
  }

  public GeoServerException(String message, Throwable cause) {
    super(message, cause);
    this.status = -1;
  }

  /** The HTTP status, or -1 when there was no answer. */
  public int status() {
    return status;
  }

  /** The server rejected the user name or password (401) or the user may not do this (403). */
  public boolean credentialsRejected() {
    return status == 401 || status == 403;
  }
}
