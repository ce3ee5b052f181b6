package org.landledger.server;

/**
 * 服务选项: where to listen, an optional access token (when set, every request must carry it as
 * {@code Authorization: Bearer …} or {@code ?token=…}) and the request limits.
 */
public record ServerOptions(String bind, int port, String token, Limits limits) {

  public static ServerOptions loopback(int port) {
    return new ServerOptions("127.0.0.1", port, null, Limits.DEFAULT);
  }

  public ServerOptions withToken(String t) {
    return new ServerOptions(bind, port, t, limits);
  }

  public ServerOptions withLimits(Limits l) {
    return new ServerOptions(bind, port, token, l);
  }
}
