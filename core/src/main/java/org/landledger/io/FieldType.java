package org.landledger.io;

/** 字段类型: attribute types a layer can carry in every format we read and write. */
public enum FieldType {
  STRING,
  INTEGER,
  LONG,
  DOUBLE,
  BOOLEAN,
  DATE;

  /** The type that holds a Java value (for building schemas from computed results). */
  public static FieldType of(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return INTEGER;
    }
    if (value instanceof Long) {
      return LONG;
    }
    if (value instanceof Number) {
      return DOUBLE;
    }
    if (value instanceof Boolean) {
      return BOOLEAN;
    }
    if (value instanceof java.util.Date || value instanceof java.time.temporal.Temporal) {
      return DATE;
    }
    return STRING;
  }
}
