package org.landledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.landledger.server.LandLedgerServer;
import org.landledger.server.Limits;
import org.landledger.server.ServerOptions;
import org.landledger.server.catalog.Catalog;
import org.landledger.server.catalog.ServedLayer;
import org.landledger.server.runs.JavaLauncher;
import org.landledger.server.runs.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * 地图服务: {@code landledger serve --data DIR …} publishes every dataset under the folders as WMS/WFS/
 * OGC API layers with a map viewer, and runs until stopped.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"发布图层：WMS 1.3.0、WFS 2.0、OGC API – Features 与地图查看器。",
        "Serve layers as WMS 1.3.0, WFS 2.0, OGC API – Features and a map viewer."})
public final class ServeCommand implements Callable<Integer> {

  @Option(names = "--data", paramLabel = "DIR",
      description = "Folder to publish (repeatable): shapefiles, GeoPackage tables, GeoJSON, analysis result folders."
          + " Optional with --state (then only uploads and runs are served).")
  List<Path> data = new java.util.ArrayList<>();

  @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}; 0 = any free port).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "Access token in FILE: needed (Authorization: Bearer …) by the write API — uploads and runs.")
  Path tokenFile;

  @Option(names = "--protect-reads",
      description = "Ask for the token (Bearer or ?token=) on reads too: OGC services, viewer, GET /api/….")
  boolean protectReads;

  @Option(names = "--state", paramLabel = "DIR",
      description = "Folder for uploads and analysis runs (kept across restarts); default: no write API.")
  Path state;

  @Option(names = "--workers", defaultValue = "1", paramLabel = "N",
      description = "Analysis runs at once (default ${DEFAULT-VALUE}); further runs queue. Each run is a child JVM.")
  int workers;

  @Option(names = "--run-memory", paramLabel = "SIZE",
      description = "Heap of each analysis run's JVM, e.g. 4g (default: the JVM's default).")
  String runMemory;

  @Option(names = "--max-upload-mb", defaultValue = "512", paramLabel = "MB",
      description = "Largest upload body, MiB (default ${DEFAULT-VALUE}).")
  long maxUploadMb;

  @Option(names = "--max-upload-entries", defaultValue = "1000", paramLabel = "N",
      description = "Most entries in an uploaded zip (default ${DEFAULT-VALUE}).")
  int maxUploadEntries;

  @Option(names = "--max-unzipped-mb", defaultValue = "2048", paramLabel = "MB",
      description = "Most bytes an uploaded zip may inflate to, MiB (default ${DEFAULT-VALUE}).")
  long maxUnzippedMb;

  @Option(names = "--max-zip-ratio", defaultValue = "200", paramLabel = "R",
      description = "Highest compression ratio of an uploaded zip past its first MiB (default ${DEFAULT-VALUE}; zip bombs).")
  int maxZipRatio;

  @Option(names = "--max-count", defaultValue = "10000", description = "Most features per WFS/OGC API page (default ${DEFAULT-VALUE}).")
  int maxCount;

  @Option(names = "--tile-cache-mb", defaultValue = "0", paramLabel = "MB",
      description = "Keep up to MB of rendered GetMap images for repeated requests (default ${DEFAULT-VALUE}: off);"
          + " emptied whenever layers are added or replaced.")
  long tileCacheMb;

  @Option(names = "--tianditu-key", paramLabel = "KEY",
      description = "天地图 key: show its basemap in the viewer (needs internet; default off). Env: LANDLEDGER_TIANDITU_KEY.")
  String tiandituKey;

  @Mixin InputOptions input;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0–65535");
    }
    if (tileCacheMb < 0) {
      throw new IllegalArgumentException("--tile-cache-mb must be ≥ 0");
    }
    if (maxCount < 1) {
      throw new IllegalArgumentException("--max-count must be ≥ 1");
    }
    if (maxUploadMb < 1 || maxUploadEntries < 1 || maxUnzippedMb < 1 || maxZipRatio < 1) {
      throw new IllegalArgumentException("--max-upload-mb, --max-upload-entries, --max-unzipped-mb and --max-zip-ratio must be ≥ 1");
    }
    if (data.isEmpty() && state == null) {
      throw new IllegalArgumentException("give --data DIR (folders to publish) or --state DIR (uploads and runs)");
    }
    String token = null;
    if (protectReads && tokenFile == null) {
      throw new IllegalArgumentException("--protect-reads needs --token-file");
    }
    if (tokenFile != null) {
      try {
        token = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
      } catch (IOException e) {
        throw new IllegalArgumentException("--token-file " + tokenFile + ": " + e.getMessage());
      }
      if (token.isEmpty()) {
        throw new IllegalArgumentException("--token-file " + tokenFile + " is empty");
      }
    }
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be ≥ 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    Catalog catalog = Catalog.scan(data, input.readOptions(), m -> {
      err.println("landledger serve: " + m);
      err.flush();
    });
    if (catalog.size() == 0 && state == null) {
      throw new IllegalArgumentException("no readable layers under " + data);
    }
    Limits limits = new Limits(Limits.DEFAULT.maxImageSize(), Math.min(Limits.DEFAULT.defaultCount(), maxCount), maxCount,
        Limits.DEFAULT.maxBodyBytes()).withUploadCaps(maxUploadMb * Limits.MIB, maxUploadEntries, maxUnzippedMb * Limits.MIB,
        maxZipRatio);
    LandLedgerServer server;
    try {
      String tdt = tiandituKey != null ? tiandituKey : System.getenv("LANDLEDGER_TIANDITU_KEY");
      server = LandLedgerServer.start(catalog, new ServerOptions(bind, port, token, limits,
          tdt == null || tdt.isBlank() ? null : tdt.trim(), state, protectReads, runOptions(), tileCacheMb * Limits.MIB));
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException("cannot listen on " + bind + ":" + port + ": " + e.getMessage()));
    }
    String host = bind.equals("0.0.0.0") ? "localhost" : bind.contains(":") ? "[" + bind + "]" : bind;
    String base = "http://" + host + ":" + server.port();
    out.printf("已发布 %d 个图层 published %d layers in %.1f s:%n", catalog.size(), catalog.size(), (System.nanoTime() - t0) / 1e9);
    for (ServedLayer l : catalog.layers()) {
      out.printf("  %-24s %6d 要素 features  %s  ← %s%n", l.name(), l.count(), l.crs(), l.source());
    }
    out.println("地图查看器 viewer:   " + base + "/");
    out.println("WMS 1.3.0:           " + base + "/ows?SERVICE=WMS&REQUEST=GetCapabilities");
    out.println("WFS 2.0:             " + base + "/ows?SERVICE=WFS&REQUEST=GetCapabilities");
    out.println("OGC API – Features:  " + base + "/ogcapi");
    if (token != null) {
      out.println(protectReads ? "访问令牌 token required on every request (Authorization: Bearer … or ?token=…)"
          : "访问令牌 token required on the write API (Authorization: Bearer …)");
    }
    if (state != null && token != null) {
      out.println("分析运行 analysis runs:  " + base + "/api/runs (" + workers + " at once; state " + state + ")");
    }
    out.println("Ctrl-C 停止 to stop.");
    out.flush();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stop.countDown();
    }));
    stop.await();
    return Main.OK;
  }

  /**
   * Analysis runs: each a child JVM running this CLI ({@link Main}) on this JVM's class path, reading layers with
   * the same {@code --encoding}/{@code --crs} as the server.
   */
  RunOptions runOptions() {
    if (state == null) {
      return RunOptions.NONE;
    }
    List<String> extra = new java.util.ArrayList<>();
    if (input.encoding != null) {
      extra.add("--encoding=" + input.encoding);
    }
    if (input.crs != null) {
      extra.add("--crs=" + input.crs);
    }
    return new RunOptions(JavaLauncher.current(Main.class.getName(), runMemory), workers, extra);
  }
}
