package org.landledger.server;

/**
 * 服务限制: request limits — image size, features per WFS/OGC API page (default and cap), request body
 * size, and the upload caps (body size, zip entries, bytes inflated, compression ratio). Requests above them
 * are refused with an error, not truncated silently.
 *
 * <p>{@code maxBodyBytes} caps OGC request bodies (XML filters); uploads have their own, larger cap
 * {@code maxUploadBytes}, counted while the body is streamed to disk. The ratio cap allows the first MiB of
 * an archive to inflate freely (a tiny .cpg or .prj compresses badly, a blank-padded .dbf very well), then
 * refuses once the bytes inflated exceed {@code maxCompressionRatio} × the compressed bytes read so far.
 */
public record Limits(int maxImageSize, int defaultCount, int maxCount, long maxBodyBytes, long maxUploadBytes,
    int maxUploadEntries, long maxUploadUncompressedBytes, int maxCompressionRatio) {

  public static final long MIB = 1024L * 1024;

  public static final Limits DEFAULT = new Limits(4096, 1000, 10000, 1_000_000L, 512 * MIB, 1000, 2048 * MIB, 200);

  /** OGC limits with the default upload caps. */
  public Limits(int maxImageSize, int defaultCount, int maxCount, long maxBodyBytes) {
    this(maxImageSize, defaultCount, maxCount, maxBodyBytes, 512 * MIB, 1000, 2048 * MIB, 200);
  }

  public Limits {
    if (maxUploadBytes < 1 || maxUploadEntries < 1 || maxUploadUncompressedBytes < 1 || maxCompressionRatio < 1) {
      throw new IllegalArgumentException("upload limits must be positive");
    }
  }

  /** The same OGC limits with other upload caps. */
  public Limits withUploadCaps(long uploadBytes, int entries, long uncompressedBytes, int ratio) {
    return new Limits(maxImageSize, defaultCount, maxCount, maxBodyBytes, uploadBytes, entries, uncompressedBytes, ratio);
  }
}
