package org.landledger.io;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * 属性表: a feature's attributes stored compactly — the field names and their lookup tables once per layer
 * ({@link Keys}), one array of values per feature — behind the read-only {@link Map} API, in field order.
 *
 * <p>Why: a 三调 DLTB polygon has ≈ 6 vertices but 16 attributes; held in a {@code LinkedHashMap} the attributes
 * cost ≈ 900 bytes per feature (an entry object per value plus the table), an array of values ≈ 80.
 *
 * <p>Lookup by exact name or ignoring case ({@link #getIgnoreCase}: the exact name first, else the first field in
 * order whose name equals it ignoring case, as {@link String#equalsIgnoreCase} defines it). Values may be null.
 */
public final class Attributes extends AbstractMap<String, Object> {

  /** The field names of a layer, shared by all its features' attributes. Immutable, thread-safe. */
  public static final class Keys {
    private final String[] names;
    private final Map<String, Integer> exact;
    private final Map<String, Integer> folded;

    private Keys(String[] names) {
      this.names = names;
      this.exact = new HashMap<>(names.length * 2);
      this.folded = new HashMap<>(names.length * 2);
      for (int i = 0; i < names.length; i++) {
        if (exact.putIfAbsent(names[i], i) != null) {
          throw new IllegalArgumentException("duplicate attribute name " + names[i]);
        }
        if (names[i] != null) {
          folded.putIfAbsent(fold(names[i]), i);
        }
      }
    }

    /** Keys for these names, in this order (distinct). */
    public static Keys of(List<String> names) {
      return new Keys(names.toArray(new String[0]));
    }

    /** The number of fields. */
    public int size() {
      return names.length;
    }

    /** The names in order. */
    public List<String> names() {
      return Collections.unmodifiableList(Arrays.asList(names));
    }

    /** The position of a name, or −1. */
    public int indexOf(Object name) {
      Integer i = exact.get(name);
      return i == null ? -1 : i;
    }

    /** The position of a name, exact first, else ignoring case (first field in order); −1 when absent. */
    public int indexOfIgnoreCase(String name) {
      Integer i = exact.get(name);
      if (i == null && name != null) {
        i = folded.get(fold(name));
      }
      return i == null ? -1 : i;
    }

    /**
     * Attributes with these values, in field order. The array is taken over, not copied: the caller must not
     * change it afterwards (the readers build one array per feature).
     */
    public Attributes with(Object[] values) {
      if (values.length != names.length) {
        throw new IllegalArgumentException(values.length + " values for " + names.length + " fields");
      }
      return new Attributes(this, values);
    }

    /** Case folding with the per-character rule of {@link String#equalsIgnoreCase}. */
    private static String fold(String s) {
      char[] c = s.toCharArray();
      for (int i = 0; i < c.length; i++) {
        c[i] = Character.toLowerCase(Character.toUpperCase(c[i]));
      }
      return new String(c);
    }
  }

  /** Keys of the maps {@link #copyOf} has seen, so features built from rows with the same fields share them. */
  private static final Map<List<String>, Keys> SHARED = new ConcurrentHashMap<>();
  private static final int MAX_SHARED = 4096;

  private final Keys keys;
  private final Object[] values;

  private Attributes(Keys keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  /** These attributes when already compact, else a compact copy of the map (in its iteration order). */
  public static Attributes copyOf(Map<String, ?> map) {
    if (map instanceof Attributes a) {
      return a;
    }
    String[] names = new String[map.size()];
    Object[] values = new Object[map.size()];
    int i = 0;
    boolean nullKey = false;
    for (Map.Entry<String, ?> e : map.entrySet()) {
      names[i] = e.getKey();
      nullKey |= names[i] == null;
      values[i++] = e.getValue();
    }
    if (i != names.length) {
      throw new IllegalStateException("map changed while copying");
    }
    Keys keys;
    if (nullKey) {
      keys = new Keys(names);
    } else {
      List<String> list = List.of(names);
      keys = SHARED.get(list);
      if (keys == null) {
        keys = new Keys(names);
        if (SHARED.size() < MAX_SHARED) {
          Keys prior = SHARED.putIfAbsent(list, keys);
          keys = prior != null ? prior : keys;
        }
      }
    }
    return new Attributes(keys, values);
  }

  /** The shared field names. */
  public Keys keys() {
    return keys;
  }

  /** The value of a field, exact name first, else ignoring case; null when absent. */
  public Object getIgnoreCase(String name) {
    int i = keys.indexOfIgnoreCase(name);
    return i < 0 ? null : values[i];
  }

  /** Whether a field of this name exists, exact or ignoring case. */
  public boolean hasIgnoreCase(String name) {
    return keys.indexOfIgnoreCase(name) >= 0;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return keys.indexOf(key) >= 0;
  }

  @Override
  public Object get(Object key) {
    int i = keys.indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < values.length; i++) {
      action.accept(keys.names[i], values[i]);
    }
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return values.length;
      }

      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          int next = 0;

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(keys.names[i], values[i]);
          }
        };
      }
    };
  }
}
