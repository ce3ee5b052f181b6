package org.landledger.io.shapefile;

/**
 * 记录错误: a defect of one record found while decoding it; the reader adds the file and the record (BSM where the
 * DBF has one) and turns it into an {@link org.landledger.io.InputDataException}.
 */
final class RecordException extends RuntimeException {

  private final String field;

  RecordException(String message) {
    this(null, message);
  }

  RecordException(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  /** The DBF field concerned, or null for the shape. */
  String field() {
    return field;
  }
}
