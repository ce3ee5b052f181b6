package org.landledger.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.SurveyEllipsoidalArea;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.locationtech.jts.geom.Geometry;

/**
 * TBMJ 核对: every 图斑's stored TBMJ against its area by the official formula ({@link SurveyEllipsoidalArea}), with
 * GeographicLib ({@link AreaCalculator}) as the independent check of that formula; the 图斑 whose difference exceeds
 * the tolerance (default 0.01 m² + 1e-6 × area) are listed, and the differences summed by township.
 */
public final class TieOut {

  /** A 图斑 whose TBMJ differs from its ellipsoidal area by more than the tolerance. */
  public record Mismatch(String bsm, double tbmjM2, double ellipsoidalM2, double diffM2, double geographicLibM2) {
    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("bsm", bsm);
      m.put("tbmjM2", tbmjM2);
      m.put("ellipsoidalM2", round4(ellipsoidalM2));
      m.put("diffM2", round4(diffM2));
      m.put("geographicLibM2", round4(geographicLibM2));
      return m;
    }
  }

  /** Per township: Σ TBMJ, Σ ellipsoidal area, their difference, the number of mismatches. */
  public record Township(String code, double tbmjM2, double ellipsoidalM2, int mismatches) {
    public double diffM2() {
      return tbmjM2 - ellipsoidalM2;
    }
  }

  private final List<Mismatch> mismatches;
  private final Map<String, Township> townships;
  private final double tbmjM2;
  private final double ellipsoidalM2;
  private final double geographicLibM2;
  private final double maxFormulaDeviation;
  private final String method;
  private final double absTol;
  private final double relTol;

  private TieOut(List<Mismatch> mismatches, Map<String, Township> townships, double tbmjM2, double ellipsoidalM2,
      double geographicLibM2, double maxFormulaDeviation, String method, double absTol, double relTol) {
    this.mismatches = mismatches;
    this.townships = townships;
    this.tbmjM2 = tbmjM2;
    this.ellipsoidalM2 = ellipsoidalM2;
    this.geographicLibM2 = geographicLibM2;
    this.maxFormulaDeviation = maxFormulaDeviation;
    this.method = method;
    this.absTol = absTol;
    this.relTol = relTol;
  }

  /**
   * Compares each record's TBMJ (records and layer features in the same order) with the official area.
   *
   * @param official the formula, or null when the CRS is not Gauss–Krüger (GeographicLib then stands in, noted)
   */
  public static TieOut compute(Layer layer, List<SurveyRecord> records, SurveyEllipsoidalArea official,
      AreaCalculator geographicLib, double absTol, double relTol) {
    List<Feature> fs = layer.features();
    double[] e = new double[fs.size()];
    double[] g = new double[fs.size()];
    java.util.stream.IntStream.range(0, fs.size()).parallel().forEach(i -> {
      Geometry geom = fs.get(i).geometry();
      g[i] = geographicLib.area(geom);
      e[i] = official == null ? g[i] : official.area(geom);
    });
    List<Mismatch> out = new ArrayList<>();
    Map<String, double[]> byTown = new TreeMap<>();
    double sumT = 0;
    double sumE = 0;
    double sumG = 0;
    double maxDev = 0;
    for (int i = 0; i < fs.size(); i++) {
      SurveyRecord r = records.get(i);
      double tbmj = Rounding.m2(r.tbmj());
      double diff = tbmj - e[i];
      sumT += tbmj;
      sumE += e[i];
      sumG += g[i];
      if (g[i] > 0) {
        maxDev = Math.max(maxDev, Math.abs(e[i] - g[i]) / g[i]);
      }
      boolean mismatch = Math.abs(diff) > absTol + relTol * Math.abs(e[i]);
      double[] t = byTown.computeIfAbsent(r.township(), k -> new double[3]);
      t[0] += tbmj;
      t[1] += e[i];
      if (mismatch) {
        t[2]++;
        out.add(new Mismatch(r.bsm(), tbmj, e[i], diff, g[i]));
      }
    }
    Map<String, Township> towns = new LinkedHashMap<>();
    byTown.forEach((k, v) -> towns.put(k, new Township(k, v[0], v[1], (int) v[2])));
    String method = official == null
        ? "GeographicLib (the CRS is not Gauss–Krüger; the official formula does not apply)"
        : "国土调查办发〔2008〕32号 图斑椭球面积公式: " + official.describe();
    return new TieOut(out, towns, sumT, sumE, sumG, maxDev, method, absTol, relTol);
  }

  public List<Mismatch> mismatches() {
    return mismatches;
  }

  public Map<String, Township> townships() {
    return townships;
  }

  public double tbmjM2() {
    return tbmjM2;
  }

  public double ellipsoidalM2() {
    return ellipsoidalM2;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", method);
    m.put("toleranceM2", absTol);
    m.put("toleranceRelative", relTol);
    m.put("tbmjM2", round2(tbmjM2));
    m.put("ellipsoidalM2", round4(ellipsoidalM2));
    m.put("diffM2", round4(tbmjM2 - ellipsoidalM2));
    m.put("mismatchCount", mismatches.size());
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("geographicLibM2", round4(geographicLibM2));
    check.put("maxRelativeDeviation", maxFormulaDeviation);
    check.put("note", "GeographicLib 多边形面积 (edges densified in the plane every 100 m) as the independent check of "
        + "the official formula; the largest per-图斑 relative deviation is given");
    m.put("independentCheck", check);
    List<Map<String, Object>> towns = new ArrayList<>();
    townships.values().forEach(t -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("code", t.code());
      x.put("tbmjM2", round2(t.tbmjM2()));
      x.put("ellipsoidalM2", round4(t.ellipsoidalM2()));
      x.put("diffM2", round4(t.diffM2()));
      x.put("mismatches", t.mismatches());
      towns.add(x);
    });
    m.put("byTownship", towns);
    m.put("mismatches", mismatches.stream().map(Mismatch::toJson).toList());
    return m;
  }

  static double round4(double v) {
    return Math.round(v * 1e4) / 1e4;
  }

  static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
