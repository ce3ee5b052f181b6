package org.landledger.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 政策参数表: the report section listing the policy parameters a run used — key, value, unit and source — from
 * the result's {@code policy} block ({@code PolicyProfile.describe(prefix)}), so every number can be traced.
 */
public final class PolicyTable {

  private PolicyTable() {}

  /** Blocks for the policy section; a note when the result has no policy block. */
  @SuppressWarnings("unchecked")
  public static List<Report.Block> blocks(Map<String, Object> policy, Messages msg) {
    List<Report.Block> out = new ArrayList<>();
    if (policy == null || policy.isEmpty()) {
      out.add(new Report.Paragraph(msg.get("policy.none"), false));
      return out;
    }
    out.add(new Report.Paragraph(msg.get("policy.profile", str(policy.get("title")), str(policy.get("id")),
        str(policy.get("version"))), false));
    Object params = policy.get("parameters");
    List<List<String>> rows = new ArrayList<>();
    if (params instanceof Map<?, ?> ps) {
      ((Map<String, Object>) ps).forEach((key, v) -> {
        Map<String, Object> d = v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of("value", v);
        rows.add(List.of(key, str(d.get("value")), str(d.get("unit")), str(d.get("source")),
            str(d.get("note"))));
      });
    }
    out.add(new Report.Table(null, List.of(msg.get("policy.key"), msg.get("policy.value"), msg.get("policy.unit"),
        msg.get("policy.source"), msg.get("policy.note")), rows, new boolean[] {false, true, false, false, false},
        List.of()));
    return out;
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }
}
