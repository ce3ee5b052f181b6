package org.landledger.qc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.landledger.geo.AreaCalculator;
import org.landledger.io.InputDataException;
import org.landledger.io.Layer;

/**
 * 覆盖检查: the check the analyses that sum areas over a whole county (esv, carbon, gep, stats) run before they sum —
 * 图斑 overlapping by more than the tolerance are counted twice, so they are an error (exit 2, naming the first pair
 * and the total overlapping area), or with {@code allowOverlaps} a warning carried into the output. The same finder
 * and rule id ({@code OVERLAP}) as {@code qc}.
 */
public final class CoverageSanity {

  /** The outcome: number of overlapping pairs and their total area (m²); empty when none. */
  public record Outcome(int pairs, double areaM2, List<Finding> findings) {
    public boolean clean() {
      return pairs == 0;
    }

    /** What a run's JSON records. */
    public Map<String, Object> describe() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", Rule.OVERLAP.name());
      m.put("overlappingPairs", pairs);
      m.put("overlapAreaM2", Math.round(areaM2 * 100) / 100.0);
      if (pairs > 0) {
        m.put("warning", String.format(Locale.ROOT, "%d 对图斑重叠，共 %.2f m² 被重复计入 (overlapping 图斑 counted twice; "
            + "run landledger qc for the list)", pairs, areaM2));
      }
      return m;
    }
  }

  private CoverageSanity() {}

  public static Outcome check(Layer layer, AreaCalculator areas, double toleranceM2, boolean allowOverlaps) {
    List<Finding> f = QualityCheck.overlaps(layer, areas, toleranceM2);
    double total = f.stream().mapToDouble(x -> ((Number) x.values().get("areaM2")).doubleValue()).sum();
    if (!f.isEmpty() && !allowOverlaps) {
      Finding first = f.get(0);
      throw new InputDataException(layer.location(), first.bsm(), null, String.format(Locale.ROOT,
          "OVERLAP: %d pairs of 图斑 overlap (%.2f m² in all, first: %s and %s, %.4f m²); areas would be counted twice. "
              + "Run 'landledger qc' for the list, or pass --allow-overlaps to go on with a warning", f.size(), total,
          first.bsm(), first.values().get("otherBsm"), ((Number) first.values().get("areaM2")).doubleValue()), null);
    }
    return new Outcome(f.size(), total, f);
  }
}
