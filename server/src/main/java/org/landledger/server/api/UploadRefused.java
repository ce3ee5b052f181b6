package org.landledger.server.api;

/**
 * 上传被拒: an upload refused for a reason the client can fix — an HTTP status (400 unsafe or incomplete
 * archive, 409 name taken, 413 over a cap, 415 not what it claims, 422 unreadable data, 429 busy) with a short code and
 * a message that names the archive entry, file, feature or field, never a server path.
 */
public final class UploadRefused extends RuntimeException {

  private final int status;
  private final String code;

  public UploadRefused(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  static UploadRefused unsafe(String entry, String why) {
    return new UploadRefused(400, "UnsafeArchive", "archive entry \"" + printable(entry) + "\": " + why);
  }

  static UploadRefused tooLarge(String message) {
    return new UploadRefused(413, "TooLarge", message);
  }

  /** The name with control characters shown as '?', so a message never carries them to a terminal or log. */
  static String printable(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(200).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return b.toString();
  }
}
