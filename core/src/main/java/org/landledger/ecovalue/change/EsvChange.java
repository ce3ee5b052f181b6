package org.landledger.ecovalue.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.landledger.ecovalue.esv.EsvModel;
import org.landledger.ecovalue.esv.Sensitivity;
import org.landledger.geo.Units;

/**
 * 生态系统服务价值变化: ESV of the before and after maps, the delta, each transition's contribution to it
 * (area × (value per ha of {@code to} − value per ha of {@code from})), the sensitivity coefficients of
 * both dates and the SEEA extent account. The before map is measured in the after map's CRS so the matrix and
 * both ESVs use one set of areas; then delta = Σ transitions' contributions + value of after area outside the
 * before map − value of before area outside the after map, exactly.
 */
public final class EsvChange {

  private final EsvModel model;
  private final LandUseTransfer transfer;
  private final EsvModel.Valuation before;
  private final EsvModel.Valuation after;
  private final double sensitivityChange;

  /** {@code sensitivityChange}: the ± fraction of the sensitivity analysis (ecovalue.esv.sensitivityChange). */
  public EsvChange(EsvModel model, LandUseTransfer transfer, double sensitivityChange) {
    this.model = model;
    this.sensitivityChange = sensitivityChange;
    this.transfer = transfer;
    this.before = model.value(transfer.beforeByCode());
    this.after = model.value(transfer.afterByCode());
  }

  public EsvModel.Valuation before() {
    return before;
  }

  public EsvModel.Valuation after() {
    return after;
  }

  public double delta() {
    return after.total() - before.total();
  }

  /** Contribution of one transition to the delta (元/yr). */
  public double contribution(String from, String to) {
    return Units.m2ToHa(transfer.areaM2(from, to)) * (model.perHa(to) - model.perHa(from));
  }

  /** Ecosystem type of a code for the extent account. */
  public String typeOf(String code) {
    return model.mapping().ecosystem(code).orElse(ExtentAccount.NOT_AN_ECOSYSTEM);
  }

  public List<ExtentAccount.Entry> extentAccount() {
    List<String> order = new ArrayList<>(model.table().ecosystems().keySet());
    order.add(ExtentAccount.NOT_AN_ECOSYSTEM);
    return ExtentAccount.of(transfer, this::typeOf, order);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("totalValueBefore", before.total());
    m.put("totalValueAfter", after.total());
    m.put("delta", delta());
    double fromTransitions = 0;
    List<Map<String, Object>> transitions = new ArrayList<>();
    for (var e : transfer.areaM2().entrySet()) {
      String from = e.getKey().from();
      String to = e.getKey().to();
      double c = contribution(from, to);
      fromTransitions += c;
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("from", from);
      t.put("to", to);
      t.put("fromEcosystem", model.mapping().ecosystem(from).orElse(null));
      t.put("toEcosystem", model.mapping().ecosystem(to).orElse(null));
      t.put("areaHa", Units.m2ToHa(e.getValue()));
      t.put("valueDelta", c);
      // share of the net delta; shares of opposite sign can exceed ±1 when gains and losses offset
      t.put("shareOfDelta", delta() == 0 ? null : c / delta());
      transitions.add(t);
    }
    double uncovered = model.value(transfer.uncoveredAfter()).total() - model.value(transfer.uncoveredBefore()).total();
    m.put("deltaFromTransitions", fromTransitions);
    m.put("deltaFromUncoveredArea", uncovered);
    m.put("transitions", transitions);
    m.put("unvaluedCodesBefore", before.unvaluedJson());
    m.put("unvaluedCodesAfter", after.unvaluedJson());
    m.put("matrix", matrixJson());
    m.put("uncovered", uncoveredJson());
    m.put("overlay", transfer.describeOverlay());
    Map<String, Object> sens = new LinkedHashMap<>();
    sens.put("before", Sensitivity.table(model, transfer.beforeByCode(), sensitivityChange));
    sens.put("after", Sensitivity.table(model, transfer.afterByCode(), sensitivityChange));
    m.put("sensitivity", sens);
    m.put("extentAccount", extentAccount().stream().map(ExtentAccount.Entry::toJson).toList());
    m.put("areaRule", "每块叠加碎片按前后两期图斑的（1−KCXS, KCXS）拆分配对：两期相同地类（如田坎 1203）先按较小份额保留在对角线，"
        + "其余按剩余份额之积分配；行和=前期地类面积，列和=后期地类面积（共同范围内）"
        + " / each overlay piece couples the before and after 田坎 splits: shared codes keep min(before, after) on the"
        + " diagonal, the rest is spread proportionally; rows = before class areas, columns = after class areas");
    return m;
  }

  private Map<String, Object> matrixJson() {
    Map<String, Object> rows = new LinkedHashMap<>();
    transfer.areaM2().forEach((t, a) -> {
      @SuppressWarnings("unchecked")
      Map<String, Double> row = (Map<String, Double>) rows.computeIfAbsent(t.from(), k -> new TreeMap<String, Double>());
      row.put(t.to(), Units.m2ToHa(a));
    });
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("unit", "ha");
    m.put("rows", rows);
    m.put("rowTotals", toHa(transfer.rowTotals()));
    m.put("columnTotals", toHa(transfer.columnTotals()));
    return m;
  }

  private Map<String, Object> uncoveredJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Double> b = toHa(transfer.uncoveredBefore());
    Map<String, Double> a = toHa(transfer.uncoveredAfter());
    m.put("beforeOutsideAfterHa", b.values().stream().mapToDouble(Double::doubleValue).sum());
    m.put("afterOutsideBeforeHa", a.values().stream().mapToDouble(Double::doubleValue).sum());
    m.put("beforeOutsideAfterByCodeHa", b);
    m.put("afterOutsideBeforeByCodeHa", a);
    if (!b.isEmpty() || !a.isEmpty()) {
      m.put("note", "两期图层范围不一致：范围外面积未计入转移矩阵，单独列出并计入面积账户的增加/减少");
    }
    return m;
  }

  private static Map<String, Double> toHa(Map<String, Double> m2) {
    Map<String, Double> m = new TreeMap<>();
    m2.forEach((k, v) -> m.put(k, Units.m2ToHa(v)));
    return m;
  }
}
