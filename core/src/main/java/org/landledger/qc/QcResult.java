package org.landledger.qc;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 质检结果: the findings (in rule order, then layer order), the count per rule, how many 图斑 were checked, which
 * rules could not be applied and why (a field or layer missing), and the options used.
 */
public record QcResult(int polygons, List<Finding> findings, List<String> notApplied, QcOptions options,
    String areaMethod) {

  public QcResult {
    findings = List.copyOf(findings);
    notApplied = List.copyOf(notApplied);
  }

  public Map<Rule, Integer> counts() {
    Map<Rule, Integer> m = new EnumMap<>(Rule.class);
    for (Finding f : findings) {
      m.merge(f.rule(), 1, Integer::sum);
    }
    return m;
  }

  public List<Finding> of(Rule rule) {
    return findings.stream().filter(f -> f.rule() == rule).toList();
  }

  /** The {@code qc.json} document (findings without geometry; geometries are in qc.gpkg). */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("polygons", polygons);
    m.put("findingCount", findings.size());
    Map<String, Object> counts = new LinkedHashMap<>();
    counts().forEach((r, n) -> counts.put(r.name(), n));
    m.put("counts", counts);
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Rule r : Rule.values()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("rule", r.name());
      x.put("group", r.group());
      x.put("titleZh", r.titleZh());
      x.put("titleEn", r.titleEn());
      rules.add(x);
    }
    m.put("rules", rules);
    m.put("notApplied", notApplied);
    m.put("options", options.describe());
    m.put("areaMethod", areaMethod);
    m.put("findings", findings.stream().map(Finding::toJson).toList());
    return m;
  }
}
