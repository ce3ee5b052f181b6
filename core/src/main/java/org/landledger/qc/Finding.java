package org.landledger.qc;

import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * 质检发现: one finding — the rule, the 图斑 (BSM; the second 图斑 of a pair in {@code values.otherBsm}), a one-line
 * detail with the numbers, the place (an overlap or gap polygon, or the 图斑 itself) and the numbers as values.
 */
public record Finding(Rule rule, String bsm, String detail, Geometry geometry, Map<String, Object> values) {

  public Finding {
    values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static Finding of(Rule rule, String bsm, String detail, Geometry geometry, Object... keyValues) {
    Map<String, Object> v = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      v.put((String) keyValues[i], keyValues[i + 1]);
    }
    return new Finding(rule, bsm, detail, geometry, v);
  }

  /** The JSON form: {@code {rule, bsm, detail, …values}} (no geometry: that is in qc.gpkg). */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", rule.name());
    m.put("bsm", bsm);
    m.put("detail", detail);
    m.putAll(values);
    return m;
  }
}
