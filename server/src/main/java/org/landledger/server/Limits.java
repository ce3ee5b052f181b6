package org.landledger.server;

/**
 * 服务限制: request limits — image size, features per WFS/OGC API page (default and cap), request body
 * size. Requests above them are refused with an OGC exception, not truncated silently.
 */
public record Limits(int maxImageSize, int defaultCount, int maxCount, long maxBodyBytes) {

  public static final Limits DEFAULT = new Limits(4096, 1000, 10000, 1_000_000L);
}
