package org.landledger.server;

import java.nio.file.Path;
import org.landledger.server.runs.RunOptions;

/**
 * 服务选项: where to listen, an optional access token, the request limits, an optional 天地图 (Tianditu) key
 * (when given, the viewer shows the 天地图 vector basemap; needs internet; off by default), the state folder
 * where uploads and analysis runs are kept (null: the write API is off), whether reads need the token too, and
 * how analyses are run ({@link RunOptions}: launcher, workers; {@link RunOptions#NONE}: runs are off), and the
 * size of the GetMap tile cache in bytes (0, the default: no cache).
 *
 * <p>Write endpoints ({@code /api/…} except GET) always need {@code Authorization: Bearer <token>}; without a
 * configured token they are refused. Reads (OGC services, viewer, GET {@code /api/…}) are open unless
 * {@code protectReads}, which asks for the token ({@code Bearer} or {@code ?token=}) on every request.
 */
public record ServerOptions(String bind, int port, String token, Limits limits, String tiandituKey, Path stateDir,
    boolean protectReads, RunOptions runs, long tileCacheBytes) {

  public ServerOptions(String bind, int port, String token, Limits limits, String tiandituKey, Path stateDir,
      boolean protectReads, RunOptions runs) {
    this(bind, port, token, limits, tiandituKey, stateDir, protectReads, runs, 0);
  }

  public ServerOptions(String bind, int port, String token, Limits limits, String tiandituKey, Path stateDir,
      boolean protectReads) {
    this(bind, port, token, limits, tiandituKey, stateDir, protectReads, RunOptions.NONE);
  }

  public ServerOptions(String bind, int port, String token, Limits limits, String tiandituKey) {
    this(bind, port, token, limits, tiandituKey, null, token != null);
  }

  public static ServerOptions loopback(int port) {
    return new ServerOptions("127.0.0.1", port, null, Limits.DEFAULT, null, null, false);
  }

  /** The token for write endpoints; reads stay open (use {@link #withProtectedReads} to close them). */
  public ServerOptions withToken(String t) {
    return new ServerOptions(bind, port, t, limits, tiandituKey, stateDir, protectReads, runs, tileCacheBytes);
  }

  public ServerOptions withProtectedReads(boolean p) {
    return new ServerOptions(bind, port, token, limits, tiandituKey, stateDir, p, runs, tileCacheBytes);
  }

  public ServerOptions withLimits(Limits l) {
    return new ServerOptions(bind, port, token, l, tiandituKey, stateDir, protectReads, runs, tileCacheBytes);
  }

  public ServerOptions withTiandituKey(String k) {
    return new ServerOptions(bind, port, token, limits, k, stateDir, protectReads, runs, tileCacheBytes);
  }

  public ServerOptions withRuns(RunOptions r) {
    return new ServerOptions(bind, port, token, limits, tiandituKey, stateDir, protectReads, r, tileCacheBytes);
  }

  /** A tile cache of at most {@code bytes} encoded images for repeated GetMap requests (0: off). */
  public ServerOptions withTileCache(long bytes) {
    return new ServerOptions(bind, port, token, limits, tiandituKey, stateDir, protectReads, runs, bytes);
  }

  public ServerOptions withStateDir(Path dir) {
    return new ServerOptions(bind, port, token, limits, tiandituKey, dir, protectReads, runs, tileCacheBytes);
  }
}
