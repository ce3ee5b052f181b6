package org.landledger.io;

import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * 要素: one feature of a layer — an id, a JTS geometry (x = east/longitude, y = north/latitude) and
 * attributes in schema order.
 *
 * <p>Attribute lookup is exact first, then case-insensitive, because 三调 exports from different vendors
 * spell field names in either case.
 *
 * <p>The attributes are held as {@link Attributes} (read-only, in schema order): the readers share one field index
 * per layer, so a feature costs an array of values rather than a hash map.
 */
public record Feature(String id, Geometry geometry, Map<String, Object> attributes) {

  public Feature {
    Objects.requireNonNull(id, "id");
    attributes = Attributes.copyOf(attributes);
  }

  /** The attribute value, or null when absent. */
  public Object get(String field) {
    return ((Attributes) attributes).getIgnoreCase(field);
  }

  public boolean has(String field) {
    return ((Attributes) attributes).hasIgnoreCase(field);
  }

  /** The attribute as trimmed text, or null when absent or blank. */
  public String string(String field) {
    Object v = get(field);
    if (v == null) {
      return null;
    }
    String s = v.toString().trim();
    return s.isEmpty() ? null : s;
  }

  /**
   * The attribute as a number, or null when absent or blank.
   *
   * @throws NumberFormatException when the value is text that is not a number
   */
  public Double number(String field) {
    Object v = get(field);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    String s = v.toString().trim();
    return s.isEmpty() ? null : Double.valueOf(s);
  }

  /** A copy with another geometry. */
  public Feature withGeometry(Geometry g) {
    return new Feature(id, g, attributes);
  }

  /** A copy with other attributes. */
  public Feature withAttributes(Map<String, Object> a) {
    return new Feature(id, geometry, a);
  }
}
