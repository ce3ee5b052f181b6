package org.landledger.render;

import java.util.List;
import org.landledger.io.Feature;

/**
 * 图层样式: a named list of rules, first match wins, else-rules last; the renderer, the legend and the SLD
 * export all read this one description.
 */
public record Style(String name, String titleZh, String titleEn, List<Rule> rules) {

  public Style {
    rules = List.copyOf(rules);
  }

  /** The symbolizer for a feature, or null when no rule takes it (the feature is not drawn). */
  public Symbolizer symbolizerFor(Feature f) {
    Rule otherwise = null;
    for (Rule r : rules) {
      if (r.isElse()) {
        if (otherwise == null) {
          otherwise = r;
        }
      } else if (r.filter().matches(f)) {
        return r.symbolizer();
      }
    }
    return otherwise == null ? null : otherwise.symbolizer();
  }

  /** The attributes the rules read (what a map request must fetch of each feature), in rule order. */
  public List<String> properties() {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (Rule r : rules) {
      if (r.filter() instanceof RuleFilter.PropertyIn p) {
        out.add(p.property());
      }
    }
    return List.copyOf(out);
  }

  public String title(boolean chinese) {
    return chinese ? titleZh : titleEn;
  }
}
