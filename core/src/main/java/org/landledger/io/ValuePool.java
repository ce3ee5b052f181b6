package org.landledger.io;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 属性值去重: while a layer is read, equal attribute values of one field share one object (DLBM, DLMC, ZLDWDM,
 * QSDWDM, KCXS … repeat across a 三调 layer's 图斑), and each feature gets its values in field order as
 * {@link Attributes} sharing the layer's {@link Attributes.Keys}.
 *
 * <p>A field whose values keep being new (BSM, TBMJ) stops being pooled after {@link #MAX_DISTINCT} distinct
 * values, so the pool stays small. Only immutable values (strings, boxed numbers, booleans) are pooled; equality
 * is their own {@code equals} (bitwise for doubles), so every value read is returned unchanged or as an equal
 * object. One pool per stream of features: not thread-safe.
 */
public final class ValuePool {

  static final int MAX_DISTINCT = 1 << 14;

  private final Attributes.Keys keys;
  private final int[] slot;
  private final Map<Object, Object>[] seen;

  @SuppressWarnings("unchecked")
  public ValuePool(List<Field> fields) {
    // A repeated field name (possible in a DBF) keeps its first position and the last value, as a map would.
    Map<String, Integer> slots = new java.util.LinkedHashMap<>();
    this.slot = new int[fields.size()];
    for (int i = 0; i < slot.length; i++) {
      slot[i] = slots.computeIfAbsent(fields.get(i).name(), n -> slots.size());
    }
    this.keys = Attributes.Keys.of(List.copyOf(slots.keySet()));
    this.seen = new Map[fields.size()];
    for (int i = 0; i < seen.length; i++) {
      seen[i] = new HashMap<>();
    }
  }

  /** A new row of values for one feature. */
  public Object[] row() {
    return new Object[keys.size()];
  }

  /** Stores the value of field {@code i} (schema order) in a row, pooled. */
  public void set(Object[] row, int i, Object v) {
    row[slot[i]] = intern(i, v);
  }

  /** The value to store for field {@code i}: an equal, earlier value of that field when there is one. */
  Object intern(int i, Object v) {
    Map<Object, Object> m = seen[i];
    if (v == null || m == null || !poolable(v)) {
      return v;
    }
    Object prior = m.putIfAbsent(v, v);
    if (prior != null) {
      return prior;
    }
    if (m.size() > MAX_DISTINCT) {
      seen[i] = null; // mostly distinct values (an id, an area): pooling would only cost memory
    }
    return v;
  }

  /** The attributes of one feature: {@code values} in field order (taken over, not copied). */
  public Attributes attributes(Object[] values) {
    return keys.with(values);
  }

  private static boolean poolable(Object v) {
    return v instanceof String || v instanceof Double || v instanceof Integer || v instanceof Long
        || v instanceof Float || v instanceof Short || v instanceof Byte || v instanceof Boolean;
  }
}
