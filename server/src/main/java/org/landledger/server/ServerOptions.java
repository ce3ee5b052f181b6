package org.landledger.server;

/**
 * 服务选项: where to listen, an optional access token (when set, every request must carry it as
 * {@code Authorization: Bearer …} or {@code ?token=…}), the request limits, and an optional 天地图 (Tianditu)
 * key: when given, the viewer shows the 天地图 vector basemap (needs internet; off by default).
 */
public record ServerOptions(String bind, int port, String token, Limits limits, String tiandituKey) {

  public static ServerOptions loopback(int port) {
    return new ServerOptions("127.0.0.1", port, null, Limits.DEFAULT, null);
  }

  public ServerOptions withToken(String t) {
    return new ServerOptions(bind, port, t, limits, tiandituKey);
  }

  public ServerOptions withLimits(Limits l) {
    return new ServerOptions(bind, port, token, l, tiandituKey);
  }

  public ServerOptions withTiandituKey(String k) {
    return new ServerOptions(bind, port, token, limits, k);
  }
}
