package org.landledger.redline.compensation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.landledger.geo.AreaCalculator;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.landuse.LandUseClass;
import org.landledger.landuse.LandUseCodes;
import org.landledger.landuse.LandUseOverlay;
import org.landledger.landuse.OverlayEngine;
import org.landledger.landuse.SurveyPolygon;
import org.locationtech.jts.geom.Geometry;

/**
 * 耕地进出平衡: the farmland that left farmland (耕地流出) and came into it (耕地流入) between two surveys
 * (DLTB_BEFORE → DLTB), per township and in total, counted as the {@link Regime} says, with the paddy area, the
 * quality grade and the grain capacity on each side so that quantity, paddy, quality and capacity are each
 * balanced.
 *
 * <p>Areas are farmland net of 田坎 on both sides: each piece of the overlay is split by both dates' KCXS and the
 * two splits are coupled as the transfer matrix does ({@link SurveyPolygon#couple}); so farmland of KCXS 0.1
 * turned wholly into orchard flows out at 0.9 of the piece, and orchard turned into farmland of KCXS 0.1 flows
 * in at 0.9. Moves between a farmland class and 田坎 alone (a changed KCXS) are not conversions to another class:
 * they are totalled apart as {@code kcxsChangeM2}. A flow is placed in the township of the farmland's polygon
 * (ZLDWDM of the before polygon for an outflow, of the after polygon for an inflow). Inflows count under both
 * regimes (new farmland from any class is supplementary farmland); the regimes differ in which outflows count.
 */
public final class FarmlandBalance {

  /** One from → to transition inside one township, net farmland area in m². */
  public record Transition(String township, String from, String to, Direction direction, boolean counted,
      double areaM2, double paddyM2, double capacityKg, double gradedM2, double gradeAreaSum) {}

  /** 流出 (farmland → other) or 流入 (other → farmland). */
  public enum Direction {
    OUTFLOW("流出"), INFLOW("流入");

    private final String zh;

    Direction(String zh) {
      this.zh = zh;
    }

    public String zh() {
      return zh;
    }
  }

  /** One flow piece for the layer: the overlay piece's geometry and its counted net farmland flow. */
  public record Piece(Geometry geometry, String township, String from, String to, Direction direction,
      boolean counted, double areaM2) {}

  /** Totals of one township (or of the whole run). */
  public record Flows(String code, String name, double outflowM2, double inflowM2, double uncountedOutflowM2,
      double paddyOutM2, double paddyInM2, double capacityOutKg, double capacityInKg, Double gradeOut, Double gradeIn,
      double ungradedOutM2, double ungradedInM2, double kcxsChangeM2) {

    public double netM2() {
      return inflowM2 - outflowM2;
    }

    public boolean quantityBalanced() {
      return netM2() >= -CompensationLedger.EPSILON;
    }

    public boolean paddyBalanced() {
      return paddyInM2 - paddyOutM2 >= -CompensationLedger.EPSILON;
    }

    /** Quality: the farmland gained is on average no worse (grade number no larger) than the farmland lost. */
    public boolean qualityBalanced() {
      return gradeOut == null || (gradeIn != null && gradeIn <= gradeOut + 1e-9);
    }

    public boolean capacityBalanced() {
      return capacityInKg - capacityOutKg >= -CompensationLedger.EPSILON;
    }

    public boolean balanced() {
      return quantityBalanced() && paddyBalanced() && qualityBalanced() && capacityBalanced();
    }
  }

  /** The result. */
  public record Result(Regime regime, Flows total, List<Flows> counties, List<Flows> townships,
      List<Transition> transitions,
      List<Piece> pieces, Set<String> unknownCodes, GrainCapacityTable grainTable) {}

  private final Regime regime;
  private final LandUseCodes codes;
  private final GrainCapacityTable grain;
  private final Set<String> paddyCodes;

  /**
   * @param paddyCodes the profile's paddy classes ({@code linkage.paddyCodes}, 0101)
   */
  public FarmlandBalance(Regime regime, LandUseCodes codes, GrainCapacityTable grain, List<String> paddyCodes) {
    this.regime = regime;
    this.codes = codes;
    this.grain = grain;
    this.paddyCodes = Set.copyOf(paddyCodes);
  }

  /**
   * Overlays {@code after} on {@code before} (same CRS) and balances the flows; {@code townshipNames} maps
   * 9-digit township codes to names (may be empty).
   */
  public Result compute(Layer before, Layer after, AreaCalculator areas, OverlayEngine engine,
      Map<String, String> townshipNames) {
    LandUseOverlay overlay = new LandUseOverlay(before, areas);
    List<Feature> afterFeatures = after.features();
    OverlayEngine.Pieces pieces = engine.pieces(OverlayEngine.targets(afterFeatures, Feature::geometry), overlay);
    Map<List<Object>, double[]> acc = new TreeMap<>(FarmlandBalance::compareKeys);
    Map<String, Double> kcxs = new HashMap<>();
    List<Piece> out = new ArrayList<>();
    Set<String> unknown = new LinkedHashSet<>();
    for (int i = 0; i < afterFeatures.size(); i++) {
      Feature f = afterFeatures.get(i);
      if (f.geometry() == null || f.geometry().isEmpty()) {
        continue;
      }
      SurveyPolygon sa = SurveyPolygon.of(f, after.location());
      for (LandUseOverlay.Piece p : pieces.of(i)) {
        SurveyPolygon sb = p.survey();
        SurveyPolygon.couple(sb.split(1.0), sa.split(1.0)).forEach((from, row) -> row.forEach((to, share) ->
            flow(sb, sa, from, to, p.areaM2() * share, p.geometry(), acc, kcxs, out, unknown)));
      }
    }
    return result(acc, kcxs, out, unknown, townshipNames);
  }

  private void flow(SurveyPolygon sb, SurveyPolygon sa, String from, String to, double area, Geometry g,
      Map<List<Object>, double[]> acc, Map<String, Double> kcxs, List<Piece> out, Set<String> unknown) {
    boolean farmFrom = codes.isFarmland(from);
    boolean farmTo = codes.isFarmland(to);
    if (farmFrom == farmTo || area <= 0) {
      return;
    }
    String other = farmFrom ? to : from;
    SurveyPolygon otherSide = farmFrom ? sa : sb;
    if (other.equals(otherSide.kcdlbm()) && codes.isFarmland(otherSide.dlbm())) {
      // farmland ↔ the 田坎 of farmland: a changed deduction coefficient, not a conversion
      String town = (farmFrom ? sb : sa).townshipCode();
      kcxs.merge(town == null ? "" : town, farmFrom ? -area : area, Double::sum);
      return;
    }
    if (!codes.isKnown(other)) {
      unknown.add(other);
    }
    Direction dir = farmFrom ? Direction.OUTFLOW : Direction.INFLOW;
    LandUseClass otherClass = codes.find(other).orElse(null);
    boolean counted = dir == Direction.INFLOW || regime.countsOutflowTo(otherClass);
    SurveyPolygon farmSide = farmFrom ? sb : sa;
    String farmCode = farmFrom ? from : to;
    String town = farmSide.townshipCode() == null ? "" : farmSide.townshipCode();
    double[] a = acc.computeIfAbsent(List.of(town, from, to, dir, counted), k -> new double[5]);
    a[0] += area;
    if (paddyCodes.contains(farmCode)) {
      a[1] += area;
    }
    Integer grade = farmSide.gddb();
    if (grade != null) {
      a[2] += grain.capacityKg(grade, area, "DLTB " + farmSide.id());
      a[3] += area;
      a[4] += area * grade;
    }
    out.add(new Piece(g, town, from, to, dir, counted, area));
  }

  private Result result(Map<List<Object>, double[]> acc, Map<String, Double> kcxs, List<Piece> pieces,
      Set<String> unknown, Map<String, String> names) {
    List<Transition> ts = new ArrayList<>();
    acc.forEach((k, a) -> ts.add(new Transition((String) k.get(0), (String) k.get(1), (String) k.get(2),
        (Direction) k.get(3), (Boolean) k.get(4), a[0], a[1], a[2], a[3], a[4])));
    Map<String, List<Transition>> byTown = new TreeMap<>();
    ts.forEach(t -> byTown.computeIfAbsent(t.township(), k -> new ArrayList<>()).add(t));
    kcxs.keySet().forEach(k -> byTown.computeIfAbsent(k, x -> new ArrayList<>()));
    List<Flows> towns = new ArrayList<>();
    byTown.forEach((code, list) -> towns.add(flows(code.isEmpty() ? null : code,
        names.get(code), list, kcxs.getOrDefault(code, 0.0))));
    // 进出平衡 per county too: the first 6 digits of the township code
    Map<String, List<Transition>> byCounty = new TreeMap<>();
    Map<String, Double> kcxsCounty = new TreeMap<>();
    ts.forEach(t -> byCounty.computeIfAbsent(county(t.township()), k -> new ArrayList<>()).add(t));
    kcxs.forEach((k, v) -> kcxsCounty.merge(county(k), v, Double::sum));
    kcxsCounty.keySet().forEach(k -> byCounty.computeIfAbsent(k, x -> new ArrayList<>()));
    List<Flows> counties = new ArrayList<>();
    byCounty.forEach((code, list) -> counties.add(flows(code.isEmpty() ? null : code, names.get(code), list,
        kcxsCounty.getOrDefault(code, 0.0))));
    double kcxsTotal = kcxs.values().stream().mapToDouble(Double::doubleValue).sum();
    return new Result(regime, flows(null, null, ts, kcxsTotal), counties, towns, ts, pieces, unknown, grain);
  }

  private static String county(String township) {
    return township.length() >= 6 ? township.substring(0, 6) : "";
  }

  private static Flows flows(String code, String name, List<Transition> ts, double kcxsChange) {
    double out = 0, in = 0, uncounted = 0, pOut = 0, pIn = 0, cOut = 0, cIn = 0, gOut = 0, gIn = 0, wOut = 0, wIn = 0;
    for (Transition t : ts) {
      if (t.direction() == Direction.OUTFLOW && !t.counted()) {
        uncounted += t.areaM2();
      } else if (t.direction() == Direction.OUTFLOW) {
        out += t.areaM2();
        pOut += t.paddyM2();
        cOut += t.capacityKg();
        gOut += t.gradedM2();
        wOut += t.gradeAreaSum();
      } else {
        in += t.areaM2();
        pIn += t.paddyM2();
        cIn += t.capacityKg();
        gIn += t.gradedM2();
        wIn += t.gradeAreaSum();
      }
    }
    return new Flows(code, name, out, in, uncounted, pOut, pIn, cOut, cIn, gOut > 0 ? wOut / gOut : null,
        gIn > 0 ? wIn / gIn : null, out - gOut, in - gIn, kcxsChange);
  }

  private static int compareKeys(List<Object> a, List<Object> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = String.valueOf(a.get(i)).compareTo(String.valueOf(b.get(i)));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
