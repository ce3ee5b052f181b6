package org.landledger.publish;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.landledger.io.InputDataException;
import org.landledger.io.Layers;
import org.landledger.io.postgis.PgLocation;
import org.landledger.io.postgis.PgPassword;

/**
 * PostGIS 成果扫描: the results held in a PostGIS schema ({@code landledger copy … pg:…?schema=S#table}) as one
 * run — one PostGIS data store for the schema, one feature type per table with a geometry column (or only the
 * table the location names), read through {@link Layers} like the GeoPackage results.
 *
 * <p>Names: the run (layer group) is the schema ({@code public} → the database), the store is
 * {@code <run>_postgis}, a layer {@code <run>_<table>}. GeoServer connects with the location's user and the
 * password LandLedger itself uses ({@code password-file}, {@code PGPASSWORD}, {@code ~/.pgpass}); give a
 * read-only role in the location to have GeoServer use one.
 */
public final class PostGisScanner {

  private PostGisScanner() {}

  /**
   * Scans {@code location}; {@code serverAddress} ({@code host} or {@code host:port}, null for the location's
   * own) is where GeoServer reaches the database, e.g. {@code host.docker.internal:5432} from a container.
   */
  public static PublishPlan scan(String location, String serverAddress) {
    PgLocation loc;
    try {
      loc = PgLocation.parse(location);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--postgis: " + e.getMessage(), e);
    }
    String host = loc.host();
    int port = loc.port();
    if (serverAddress != null && !serverAddress.isBlank()) {
      String a = serverAddress.trim();
      int colon = a.startsWith("[") ? a.indexOf(':', a.indexOf(']')) : a.lastIndexOf(':');
      host = colon >= 0 ? a.substring(0, colon) : a;
      if (colon >= 0) {
        try {
          port = Integer.parseInt(a.substring(colon + 1));
        } catch (NumberFormatException e) {
          port = -1;
        }
      }
      if (host.isEmpty() || port <= 0 || port > 65535) {
        throw new IllegalArgumentException("--pg-server-address: expected HOST or HOST:PORT, got " + serverAddress);
      }
    }
    String source = loc.withTable(null).toString();
    // The location without its table: what Layers lists, and the base of each table's location.
    int hash = location.indexOf('#');
    String base = hash < 0 ? location : location.substring(0, hash);
    List<String> names = loc.table() != null ? List.of(loc.table()) : Layers.layerNames(base);

    Set<String> used = new HashSet<>();
    String runName = ResultsScanner.unique(ResourceNames.of("public".equals(loc.schema()) ? loc.database()
        : loc.schema()), used, source);
    String storeName = ResultsScanner.unique(ResourceNames.join(runName, "postgis"), used, source);
    List<PublishPlan.Table> tables = new ArrayList<>();
    for (String table : names) {
      PublishPlan.Table t = ResultsScanner.table(tableLocation(base, loc, table), null,
          n -> ResourceNames.join(runName, ResourceNames.of(n)));
      if (t == null) {
        if (loc.table() != null) {
          throw new InputDataException(loc.toString(), null, null, "table has no geometry column to publish", null);
        }
        continue;
      }
      ResultsScanner.unique(t.layerName(), used, source);
      tables.add(t);
    }
    if (tables.isEmpty()) {
      throw new InputDataException(source, null, null, "no tables with a geometry column to publish in schema "
          + loc.schema(), null);
    }
    String pw = PgPassword.resolve(loc);
    Secret password = pw == null || pw.isEmpty() ? null : Secret.of(pw);
    PublishPlan.Store store = new PublishPlan.Store(storeName,
        new PublishPlan.PostGisSchema(loc, host, port, password), tables);
    String label = "public".equals(loc.schema()) ? loc.database() : loc.schema();
    return new PublishPlan(List.of(source), List.of(new PublishPlan.Run(runName, label, List.of(store))));
  }

  /**
   * The location of one table of the schema. The schema goes in as a parameter when the location has none
   * (a {@code #schema.table} location carried it in the fragment); '%' is escaped because names are
   * percent-decoded.
   */
  private static String tableLocation(String base, PgLocation loc, String table) {
    String b = base;
    int q = base.indexOf('?');
    boolean hasSchema = q >= 0 && java.util.Arrays.stream(base.substring(q + 1).split("&"))
        .anyMatch(kv -> kv.regionMatches(true, 0, "schema=", 0, "schema=".length()));
    if (!hasSchema && !"public".equals(loc.schema())) {
      b = base + (base.contains("?") ? "&" : "?") + "schema=" + loc.schema().replace("%", "%25").replace("&", "%26");
    }
    return b + "#" + table.replace("%", "%25");
  }
}
