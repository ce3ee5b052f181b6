package org.landledger.server.ows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** OGC KVP 请求参数: parameter names are case-insensitive (OGC 06-121r3 §11.5.2); values are kept as sent. */
public final class OwsParams {

  private final Map<String, String> values = new LinkedHashMap<>();

  public OwsParams(Map<String, List<String>> query) {
    query.forEach((k, v) -> {
      if (!v.isEmpty()) {
        values.putIfAbsent(k.toUpperCase(Locale.ROOT), v.get(0));
      }
    });
  }

  public static OwsParams of(Map<String, String> m) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    m.forEach((k, v) -> q.put(k, List.of(v)));
    return new OwsParams(q);
  }

  /** The value, or null when absent or blank. */
  public String get(String name) {
    String v = values.get(name.toUpperCase(Locale.ROOT));
    return v == null || v.isBlank() ? null : v.trim();
  }

  public String get(String name, String fallback) {
    String v = get(name);
    return v == null ? fallback : v;
  }

  public String require(String name) {
    String v = get(name);
    if (v == null) {
      throw OwsException.missing(name);
    }
    return v;
  }

  public int integer(String name, int fallback, int min, int max) {
    String v = get(name);
    if (v == null) {
      return fallback;
    }
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw OwsException.invalid(name, name + " must be an integer, got " + v);
    }
    if (n < min || n > max) {
      throw OwsException.invalid(name, name + " must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  /** All parameters (names upper-cased), for building paging links. */
  public Map<String, String> all() {
    return java.util.Collections.unmodifiableMap(values);
  }

  public boolean has(String name) {
    return get(name) != null;
  }
}
