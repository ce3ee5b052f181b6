package org.landledger.io;

import java.util.List;
import java.util.Optional;

/**
 * 图层结构: a layer's name, attribute fields and geometry type (JTS name: "Polygon", "MultiPolygon",
 * "Point", … or "Geometry" when mixed).
 */
public record LayerSchema(String name, List<Field> fields, String geometryType) {

  public LayerSchema {
    fields = List.copyOf(fields);
  }

  /** The field with this name, exact or case-insensitive. */
  public Optional<Field> field(String name) {
    return fields.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .or(() -> fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst());
  }

  public boolean hasField(String name) {
    return field(name).isPresent();
  }

  /** {@code base}, or {@code base_1}, {@code base_2}, … — the first name no field of this schema has. */
  public String uniqueFieldName(String base) {
    String n = base;
    int k = 1;
    while (hasField(n)) {
      n = base + "_" + k++;
    }
    return n;
  }

  public LayerSchema withName(String newName) {
    return new LayerSchema(newName, fields, geometryType);
  }
}
