package org.landledger.server.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.io.Json;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.io.ReadOptions;
import org.landledger.io.WriteOptions;

/**
 * A stand-in for the CLI, run by the tests as the child process: {@code redline --landuse=L … --out=DIR}.
 * {@code --plan-id-field=sleep} reports half the work done and sleeps (to be cancelled or killed);
 * {@code --plan-id-field=fail} fails like the CLI does on bad input (one line naming the file, exit 2);
 * otherwise it copies the land-use layer to {@code DIR/redline.gpkg} (table {@code parcels}) and writes
 * {@code redline.json} (over 256 KB), {@code redline.csv} and {@code report.html}.
 */
public final class FakeAnalysis {

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      opts.put(eq < 0 ? a : a.substring(0, eq), eq < 0 ? "" : a.substring(eq + 1));
    }
    String mode = opts.getOrDefault("--plan-id-field", "");
    System.err.println("progress 1 2");
    if (mode.equals("sleep")) {
      Thread.sleep(120_000);
      System.exit(0);
    }
    if (mode.equals("fail")) {
      System.err.println("landledger: " + opts.get("--plan") + ": feature 3: field DKBH: missing");
      System.exit(2);
    }
    Layer landuse = Layers.read(opts.get("--landuse"), ReadOptions.DEFAULT);
    Path out = Files.createDirectories(Path.of(opts.get("--out")));
    Layers.write(List.of(landuse.withName("parcels")), out.resolve("redline.gpkg"), WriteOptions.DEFAULT);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("parcels", landuse.size());
    summary.put("fail", 0);
    summary.put("args", List.of(args).subList(0, 1)); // a list: left out of the run's summary
    // Large like a real county's result (over the catalog's 256 KB summary limit): still no layer, still summarised.
    Json.write(out.resolve("redline.json"), Map.of("summary", summary, "parcels",
        java.util.Collections.nCopies(30_000, "parcel-0123456789")));
    Files.writeString(out.resolve("redline.csv"), "id\n");
    Files.writeString(out.resolve("report.html"), "<html><body>report</body></html>");
    System.err.println("progress 2 2");
    System.out.println("done " + String.join(" ", args));
  }
}
