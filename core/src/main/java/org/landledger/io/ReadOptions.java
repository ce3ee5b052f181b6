package org.landledger.io;

import java.nio.charset.Charset;
import org.landledger.geo.Crs;

/**
 * 读取选项: how to read a layer — an explicit DBF encoding (else .cpg, else detection) and a CRS to
 * assume when the source declares none or declares one that cannot be resolved.
 */
public record ReadOptions(Charset encoding, Crs assumeCrs) {

  public static final ReadOptions DEFAULT = new ReadOptions(null, null);

  public static ReadOptions encoding(Charset cs) {
    return new ReadOptions(cs, null);
  }

  public ReadOptions withAssumedCrs(Crs crs) {
    return new ReadOptions(encoding, crs);
  }
}
