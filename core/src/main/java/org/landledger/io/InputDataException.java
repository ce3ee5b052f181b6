package org.landledger.io;

import java.nio.file.Path;

/**
 * 输入数据错误: bad input — names the file and, where known, the feature and field. The CLI turns it into
 * exit code 2 and a one-line message without a stack trace.
 */
public class InputDataException extends RuntimeException {

  private final String file;
  private final String featureId;
  private final String field;

  public InputDataException(Path file, String featureId, String field, String message) {
    this(file == null ? null : file.toString(), featureId, field, message, null);
  }

  public InputDataException(Path file, String message) {
    this(file, null, null, message);
  }

  public InputDataException(Path file, String message, Throwable cause) {
    this(file == null ? null : file.toString(), null, null, message, cause);
  }

  public InputDataException(String file, String featureId, String field, String message, Throwable cause) {
    super(compose(file, featureId, field, message), cause);
    this.file = file;
    this.featureId = featureId;
    this.field = field;
  }

  private static String compose(String file, String featureId, String field, String message) {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file);
    }
    if (featureId != null) {
      sb.append(sb.length() > 0 ? ", " : "").append("feature ").append(featureId);
    }
    if (field != null) {
      sb.append(sb.length() > 0 ? ", " : "").append("field ").append(field);
    }
    return sb.length() > 0 ? sb + ": " + message : message;
  }

  public String file() {
    return file;
  }

  public String featureId() {
    return featureId;
  }

  public String field() {
    return field;
  }
}
