package org.landledger.cli;

import org.landledger.geo.Crs;
import org.landledger.io.DbfEncoding;
import org.landledger.io.ReadOptions;
import picocli.CommandLine.Option;

/** Options every command that reads layers shares: DBF encoding and an assumed CRS. */
public final class InputOptions {

  @Option(names = "--encoding", paramLabel = "ENC",
      description = "DBF encoding when no .cpg is present (GBK, UTF-8, …); default: detect.")
  String encoding;

  @Option(names = "--crs", paramLabel = "EPSG:N",
      description = "CRS to assume for layers without a usable .prj.")
  String crs;

  public ReadOptions readOptions() {
    return new ReadOptions(encoding == null ? null : DbfEncoding.parse(encoding), crs == null ? null : Crs.parse(crs));
  }
}
