package org.landledger.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.landuse.StoredAreas;

/**
 * 控制面积: ΣTBMJ of each administrative unit against the control area its XZQ (township, XZQDM) or CJDCQ (village,
 * ZLDWDM) polygon carries — the field given, else the first of KZMJ, DCMJ, MJ the layer has — and, on request, the
 * 平差 of the 图斑 areas to it.
 *
 * <p>平差 rule: within each unit of the finest layer given (CJDCQ, else XZQ), the difference control − ΣTBMJ is
 * distributed over its 图斑 in proportion to TBMJ (按面积比例配赋), rounded to 0.01 m² by largest remainders so the
 * adjusted areas add up to the control area exactly; KCMJ follows as adjusted TBMJ × KCXS. Source: the land-survey
 * practice of 分级控制、逐级按比例平差 (二调: 第二次全国土地调查数据库面积汇总统计规定 and the 图幅理论面积 control of
 * TD/T 1014-2007, as quoted in secondary copies). <b>Not confirmed for the 三调</b>, whose TD/T 1055-2019 text was not
 * found: every output says so and keeps the unadjusted figures beside the adjusted ones.
 */
public final class ControlAreas {

  /** The candidate control-area fields, in the order they are tried. */
  public static final List<String> FIELDS = List.of("KZMJ", "DCMJ", "MJ");
  public static final String RULE = "按面积比例平差: 单位内差值 (控制面积 − ΣTBMJ) 按 TBMJ 比例配赋到图斑, 0.01 m² 取舍按最大余数调平";
  public static final String SOURCE = "二调《第二次全国土地调查数据库面积汇总统计规定》与 TD/T 1014-2007 图幅面积控制、逐级按比例平差"
      + "（二手资料）; 三调 TD/T 1055-2019 的平差规定未能查证 (not confirmed for the 三调)";

  /** One unit: layer, code, name, the field used, control area, ΣTBMJ (cents) and 图斑 count. */
  public record Unit(String layer, String code, String name, String field, Double controlM2, long tbmjCents,
      int polygons) {
    public Double diffM2() {
      return controlM2 == null ? null : controlM2 - Rounding.m2(tbmjCents);
    }

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("layer", layer);
      m.put("code", code);
      m.put("name", name);
      m.put("field", field);
      m.put("controlM2", controlM2);
      m.put("tbmjM2", Rounding.m2(tbmjCents));
      m.put("diffM2", diffM2() == null ? null : TieOut.round2(diffM2()));
      m.put("polygons", polygons);
      return m;
    }
  }

  private final List<Unit> units;
  private final List<String> notes;

  private ControlAreas(List<Unit> units, List<String> notes) {
    this.units = units;
    this.notes = notes;
  }

  public static ControlAreas compare(Layer xzq, Layer cjdcq, String field, List<SurveyRecord> records) {
    List<Unit> units = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (xzq != null) {
      units.addAll(units(xzq, "XZQ", "XZQDM", "XZQMC", 9, field, records, notes));
    }
    if (cjdcq != null) {
      units.addAll(units(cjdcq, "CJDCQ", "ZLDWDM", "ZLDWMC", 12, field, records, notes));
    }
    return new ControlAreas(units, notes);
  }

  private static List<Unit> units(Layer layer, String name, String codeField, String nameField, int digits,
      String field, List<SurveyRecord> records, List<String> notes) {
    String f = field != null ? field : FIELDS.stream().filter(x -> layer.schema().hasField(x)).findFirst().orElse(null);
    if (f == null || !layer.schema().hasField(f)) {
      notes.add(name + ": 无控制面积字段 (" + (field != null ? field : String.join("/", FIELDS)) + ") — not compared");
      return List.of();
    }
    Map<String, long[]> sums = new TreeMap<>();
    for (SurveyRecord r : records) {
      String code = digits == 9 ? r.township() : r.village();
      long[] s = sums.computeIfAbsent(code, k -> new long[2]);
      s[0] += r.tbmj();
      s[1]++;
    }
    Map<String, Unit> out = new TreeMap<>();
    for (Feature u : layer.features()) {
      String code = u.string(codeField);
      if (code == null) {
        continue;
      }
      code = code.length() > digits ? code.substring(0, digits) : code;
      Double control = StoredAreas.number(u, f, code, layer.location());
      long[] s = sums.getOrDefault(code, new long[2]);
      Unit prev = out.get(code);
      // A unit in several polygons: control areas add up.
      double c = (control == null ? 0 : control) + (prev == null || prev.controlM2() == null ? 0 : prev.controlM2());
      out.put(code, new Unit(name, code, u.string(nameField), f, control == null && prev == null ? null : c, s[0],
          (int) s[1]));
    }
    return new ArrayList<>(out.values());
  }

  public List<Unit> units() {
    return units;
  }

  /** Names by code (for the tables' row labels). */
  public static Map<String, String> names(Layer layer, String codeField, String nameField, int digits) {
    Map<String, String> m = new TreeMap<>();
    if (layer != null) {
      for (Feature f : layer.features()) {
        String c = f.string(codeField);
        if (c != null && f.string(nameField) != null) {
          m.putIfAbsent(c.length() > digits ? c.substring(0, digits) : c, f.string(nameField));
        }
      }
    }
    return m;
  }

  /**
   * The adjusted TBMJ of each record (cents, in record order) — 平差 by the finest layer given; records of units
   * without a control area keep their TBMJ.
   */
  public long[] adjust(List<SurveyRecord> records) {
    String layer = units.stream().anyMatch(u -> u.layer().equals("CJDCQ")) ? "CJDCQ" : "XZQ";
    Map<String, Unit> byCode = new LinkedHashMap<>();
    units.stream().filter(u -> u.layer().equals(layer) && u.controlM2() != null).forEach(u -> byCode.put(u.code(), u));
    long[] out = records.stream().mapToLong(SurveyRecord::tbmj).toArray();
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    for (int i = 0; i < records.size(); i++) {
      String code = layer.equals("CJDCQ") ? records.get(i).village() : records.get(i).township();
      if (byCode.containsKey(code)) {
        members.computeIfAbsent(code, k -> new ArrayList<>()).add(i);
      }
    }
    members.forEach((code, idx) -> {
      Unit u = byCode.get(code);
      long diff = Rounding.cents(u.controlM2()) - u.tbmjCents();
      long[] weights = idx.stream().mapToLong(i -> records.get(i).tbmj()).toArray();
      long[] shares = distribute(diff, weights);
      for (int k = 0; k < idx.size(); k++) {
        out[idx.get(k)] += shares[k];
      }
    });
    return out;
  }

  /** {@code total} (cents, either sign) shared in proportion to {@code weights}, largest remainders, exact sum. */
  static long[] distribute(long total, long[] weights) {
    long sum = Arrays.stream(weights).sum();
    long[] out = new long[weights.length];
    if (sum == 0 || total == 0) {
      return out;
    }
    long sign = Long.signum(total);
    long abs = Math.abs(total);
    double[] rem = new double[weights.length];
    long given = 0;
    for (int i = 0; i < weights.length; i++) {
      double exact = (double) abs * weights[i] / sum;
      out[i] = (long) Math.floor(exact);
      rem[i] = exact - out[i];
      given += out[i];
    }
    Integer[] order = IntStream.range(0, weights.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -rem[i]).thenComparingInt(i -> i));
    for (int k = 0; given < abs; k = (k + 1) % weights.length, given++) {
      out[order[k]]++;
    }
    for (int i = 0; i < out.length; i++) {
      out[i] *= sign;
    }
    return out;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("units", units.stream().map(Unit::toJson).toList());
    m.put("notes", notes);
    return m;
  }
}
