package org.landledger.render;

import java.util.Set;
import org.landledger.io.Feature;

/**
 * 规则条件: which features a style rule applies to, as data (exports to an OGC filter in SLD):
 * an attribute equal to one of a set of values, or "every feature no other rule took" (ElseFilter).
 */
public sealed interface RuleFilter {

  boolean matches(Feature f);

  /** {@code property} (case-insensitive name) has one of {@code values} (compared as trimmed text). */
  record PropertyIn(String property, Set<String> values) implements RuleFilter {
    public PropertyIn {
      values = Set.copyOf(values);
    }

    @Override
    public boolean matches(Feature f) {
      String v = f.string(property);
      return v != null && values.contains(v);
    }
  }

  /** SLD ElseFilter: features no other rule matched. */
  record Else() implements RuleFilter {
    @Override
    public boolean matches(Feature f) {
      return true;
    }
  }
}
