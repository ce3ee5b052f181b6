package org.landledger.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** 写出选项: DBF encoding for shapefiles (UTF-8 by default; 三调-style exports use GBK). */
public record WriteOptions(Charset encoding) {

  public static final WriteOptions DEFAULT = new WriteOptions(StandardCharsets.UTF_8);

  public static WriteOptions gbk() {
    return new WriteOptions(Charset.forName("GBK"));
  }
}
