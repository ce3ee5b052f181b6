package org.landledger.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.landledger.publish.DryRunTransport;
import org.landledger.publish.GeoServerException;
import org.landledger.publish.GeoServerPublisher;
import org.landledger.publish.HttpRestTransport;
import org.landledger.publish.PostGisScanner;
import org.landledger.publish.PublishPlan;
import org.landledger.publish.RestTransport;
import org.landledger.publish.ResultsScanner;
import org.landledger.publish.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * 发布到 GeoServer: {@code landledger publish} publishes a results folder's GeoPackages, and results held in
 * PostGIS ({@code --postgis pg:…}), to a GeoServer through its REST API — workspace, data stores (GeoPackage or
 * PostGIS), feature types with Chinese titles, SLD styles, a layer group per run — creating what is missing and
 * updating what exists, so it can be re-run safely.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = {"发布分析成果到 GeoServer：工作区、GeoPackage / PostGIS 数据存储、图层（中文标题）、SLD 样式、每次运行一个图层组。",
        "Publish analysis results (GeoPackages under DIR and/or PostGIS schemas) to a GeoServer through its REST API;"
            + " re-running updates.",
        "Exit codes: 0 ok, 2 bad arguments/input or credentials refused, 1 GeoServer unreachable or failing."})
public final class PublishCommand implements Callable<Integer> {

  @Option(names = "--geoserver", required = true, paramLabel = "URL",
      description = "GeoServer base URL, e.g. http://localhost:8080/geoserver.")
  String geoserver;

  @Option(names = "--user", required = true, paramLabel = "U", description = "GeoServer administrator user.")
  String user;

  @Option(names = "--password-file", required = true, paramLabel = "F",
      description = "File whose first line is the password (never given on the command line, never printed).")
  Path passwordFile;

  @Option(names = "--workspace", required = true, paramLabel = "W", description = "GeoServer workspace to publish into.")
  String workspace;

  @Option(names = "--dry-run", description = "Print the requests (method, URL, body) instead of sending them.")
  boolean dryRun;

  @Option(names = "--store-path-prefix", paramLabel = "P", defaultValue = GeoServerPublisher.DEFAULT_STORE_PATH_PREFIX,
      description = "Where GeoServer sees DIR (server side); a GeoPackage's store is P + its path under DIR. "
          + "Default: ${DEFAULT-VALUE} (the docker-compose.yml mount).")
  String storePathPrefix;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Connect and per-request timeout (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--postgis", paramLabel = "LOCATION",
      description = "Results in PostGIS: pg:postgresql://user@host:port/db?schema=S[&password-file=F][#table] — one"
          + " PostGIS store and layer group for the schema, a layer per geometry table (or only #table). Repeatable."
          + " GeoServer connects as the location's user with the password LandLedger uses (password-file,"
          + " PGPASSWORD, ~/.pgpass); it is sent only in the store's body and never printed.")
  List<String> postgis = new ArrayList<>();

  @Option(names = "--pg-server-address", paramLabel = "HOST[:PORT]",
      description = "Where GeoServer reaches the database, when not at the location's host and port (e.g."
          + " host.docker.internal:5432 for a GeoServer in Docker).")
  String pgServerAddress;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
      description = "Results folder (GeoPackages, one run per subfolder); optional with --postgis.")
  Path dir;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (timeoutSeconds <= 0) {
      throw new IllegalArgumentException("--timeout: must be positive, got " + timeoutSeconds);
    }
    if (user.isBlank() || user.contains(":")) {
      throw new IllegalArgumentException("--user: must be non-empty and without ':'");
    }
    if (dir == null && postgis.isEmpty()) {
      throw new IllegalArgumentException("nothing to publish: give a results folder DIR and/or --postgis pg:…");
    }
    Secret password = Secret.fromFile(passwordFile);
    List<PublishPlan> parts = new ArrayList<>();
    if (dir != null) {
      parts.add(ResultsScanner.scan(dir));
    }
    for (String location : postgis) {
      parts.add(PostGisScanner.scan(location, pgServerAddress));
    }
    PublishPlan plan = PublishPlan.combine(parts);
    RestTransport transport = dryRun
        ? new DryRunTransport(geoserver, user, out)
        : new HttpRestTransport(geoserver, user, password, Duration.ofSeconds(timeoutSeconds));
    // In a dry run the publisher's "created/updated" lines would be untrue: the printout is the output.
    PrintWriter log = dryRun ? new PrintWriter(new StringWriter()) : out;
    GeoServerPublisher publisher = new GeoServerPublisher(transport, workspace, storePathPrefix, log);
    List<GeoServerPublisher.Outcome> outcomes;
    try {
      outcomes = publisher.publish(plan);
    } catch (GeoServerException e) {
      String message = password.mask(e.getMessage(), user);
      for (Secret s : plan.secrets()) {
        message = s.mask(message);
      }
      err.println("landledger: " + message);
      return e.credentialsRejected() ? Main.BAD_INPUT : Main.INTERNAL_ERROR;
    }
    Map<String, int[]> counts = new TreeMap<>();
    for (GeoServerPublisher.Outcome o : outcomes) {
      counts.computeIfAbsent(o.kind(), k -> new int[2])[o.action() == GeoServerPublisher.Action.CREATED ? 0 : 1]++;
    }
    StringBuilder summary = new StringBuilder();
    counts.forEach((k, v) -> summary.append(summary.length() == 0 ? "" : ", ").append(k).append(' ')
        .append(v[0]).append(" new/").append(v[1]).append(" updated"));
    int layers = plan.layerCount();
    if (dryRun) {
      out.println("# 演练 dry run: " + layers + " layers in " + plan.runs().size() + " run(s) of "
          + String.join(", ", plan.sources()) + "; nothing was sent to GeoServer");
    } else {
      out.println("已发布 published " + layers + " layers in " + plan.runs().size() + " layer group(s) to workspace "
          + workspace + " at " + transport.describe() + " (" + summary + ")");
    }
    return Main.OK;
  }
}
