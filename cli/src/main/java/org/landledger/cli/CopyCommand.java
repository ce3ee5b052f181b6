package org.landledger.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.landledger.io.DbfEncoding;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.io.WriteOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * 图层转换: {@code landledger copy SOURCE TARGET} reads a layer and writes it elsewhere — e.g. a county's
 * DLTB shapefile into PostGIS ({@code pg:postgresql://…#dltb}) or a PostGIS table to GeoPackage. The
 * target is replaced atomically (file moved into place; PostGIS table swapped in one transaction).
 */
@Command(name = "copy", mixinStandardHelpOptions = true,
    description = {"复制图层：在 Shapefile、GeoPackage、GeoJSON 与 PostGIS 之间转换（整体替换目标）。",
        "Copy a layer between shapefile, GeoPackage, GeoJSON and PostGIS (the target is replaced whole)."})
public final class CopyCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SOURCE", description = "Layer to read (file, file.gpkg#table or pg:…#table).")
  String source;

  @Parameters(index = "1", paramLabel = "TARGET", description = "Where to write it (file by extension, or pg:…#table).")
  String target;

  @Option(names = "--target-encoding", paramLabel = "ENC", description = "DBF encoding of a shapefile target (default UTF-8; GBK for 三调-style exports).")
  String targetEncoding;

  @Mixin InputOptions input;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    WriteOptions options = targetEncoding == null ? WriteOptions.DEFAULT
        : new WriteOptions(DbfEncoding.parse(targetEncoding));
    long t0 = System.nanoTime();
    Layer layer = Layers.read(source, input.readOptions());
    long t1 = System.nanoTime();
    Layers.write(java.util.List.of(layer), target, options);
    long t2 = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("已复制 copied %d features (%s, %s): read %.2f s, write %.2f s%n", layer.size(), layer.name(),
        layer.crs(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    out.flush();
    return Main.OK;
  }
}
