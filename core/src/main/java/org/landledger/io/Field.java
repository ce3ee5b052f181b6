package org.landledger.io;

/**
 * 字段: an attribute's name, type and (for DBF) width and decimals; width 0 means "format default".
 */
public record Field(String name, FieldType type, int width, int decimals) {

  public Field(String name, FieldType type) {
    this(name, type, 0, 0);
  }
}
