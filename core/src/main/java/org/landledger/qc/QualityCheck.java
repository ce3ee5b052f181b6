package org.landledger.qc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.GeometryRepair;
import org.landledger.geo.SurveyEllipsoidalArea;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.landuse.LandUseClass;
import org.landledger.landuse.LandUseCodes;
import org.landledger.landuse.StoredAreas;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * 数据质检: checks a 三调 land-use layer the way 建库/质检 software does — topology (the layer as a coverage:
 * overlaps, gaps, invalid geometries, slivers, multipart 图斑), attributes (TD/T 1055-2019 field rules) and, with
 * the other layers, cross-layer rules. Every finding names its rule, the 图斑 (BSM) and the numbers. Findings are
 * results, not errors; only unreadable input (a non-numeric area, a missing layer) throws.
 */
public final class QualityCheck {

  private final QcOptions options;
  private final LandUseCodes codes;

  public QualityCheck(QcOptions options, LandUseCodes codes) {
    this.options = options;
    this.codes = codes;
  }

  public QualityCheck() {
    this(QcOptions.DEFAULT, LandUseCodes.standard());
  }

  public QcResult run(QcInputs in) {
    Layer dltb = in.landUse();
    List<Finding> findings = new ArrayList<>();
    List<String> notApplied = new ArrayList<>();
    AreaCalculator areas = AreaCalculator.of(dltb.crs(), AreaMode.ELLIPSOIDAL);
    SurveyEllipsoidalArea official = officialOrNull(dltb, notApplied);
    findings.addAll(topology(dltb, areas));
    findings.addAll(CoverageGaps.find(dltb, in.xzq(), areas, options.gapToleranceM2()));
    findings.addAll(new AttributeRules(codes, options, official, dltb).check(notApplied));
    findings.addAll(UnitCodes.check(dltb, in.xzq(), in.cjdcq(), notApplied));
    findings.addAll(CrossLayerRules.check(in, areas, codes, options, notApplied));
    findings.sort(Comparator.comparing(Finding::rule));
    return new QcResult(dltb.size(), findings, notApplied, options,
        official == null ? "GeographicLib (" + dltb.crs() + ")" : official.describe());
  }

  private static SurveyEllipsoidalArea officialOrNull(Layer dltb, List<String> notApplied) {
    try {
      return SurveyEllipsoidalArea.of(dltb.crs());
    } catch (IllegalArgumentException e) {
      notApplied.add("TBMJ_MISMATCH: " + e.getMessage() + " — compared with GeographicLib's ellipsoidal area instead");
      return null;
    }
  }

  /** Invalid, multipart and sliver 图斑, and overlaps between 图斑 (the layer as a coverage). */
  List<Finding> topology(Layer dltb, AreaCalculator areas) {
    List<Finding> out = new ArrayList<>();
    List<Feature> fs = dltb.features();
    for (Feature f : fs) {
      Geometry g = f.geometry();
      String bsm = StoredAreas.bsm(f);
      if (g == null || g.isEmpty()) {
        out.add(Finding.of(Rule.INVALID_GEOMETRY, bsm, "空几何 empty geometry", null));
        continue;
      }
      TopologyValidationError err = GeometryRepair.validate(g);
      if (err != null) {
        out.add(Finding.of(Rule.INVALID_GEOMETRY, bsm, String.format(Locale.ROOT, "%s at (%.3f, %.3f)",
            err.getMessage(), err.getCoordinate().x, err.getCoordinate().y), g, "error", err.getMessage()));
      }
      if (g.getNumGeometries() > 1) {
        out.add(Finding.of(Rule.MULTIPART, bsm, g.getNumGeometries() + " 个部件 parts", g,
            "parts", g.getNumGeometries()));
      }
      double a = areas.area(g);
      double width = g.getLength() > 0 ? 2 * g.getArea() / g.getLength() : 0;
      if (a < options.sliverAreaM2() || width < options.sliverWidthM()) {
        out.add(Finding.of(Rule.SLIVER, bsm, String.format(Locale.ROOT, "面积 %.4f m², 平均宽度 %.4f m "
            + "(area, mean width 2A/P)", a, width), g, "areaM2", round4(a), "meanWidthM", round4(width)));
      }
    }
    out.addAll(overlaps(dltb, areas, options.overlapToleranceM2()));
    return out;
  }

  /** The OVERLAP findings of a layer: one per pair, on the first 图斑, the other's BSM and the area. */
  public static List<Finding> overlaps(Layer layer, AreaCalculator areas, double toleranceM2) {
    List<Feature> fs = layer.features();
    List<Geometry> geoms = fs.stream().map(Feature::geometry).toList();
    List<Finding> out = new ArrayList<>();
    for (OverlapFinder.Overlap o : OverlapFinder.find(geoms, areas, toleranceM2)) {
      String a = StoredAreas.bsm(fs.get(o.first()));
      String b = StoredAreas.bsm(fs.get(o.second()));
      out.add(Finding.of(Rule.OVERLAP, a, String.format(Locale.ROOT, "与 %s 重叠 %.4f m² (overlaps %s by %.4f m²)",
          b, o.areaM2(), b, o.areaM2()), o.geometry(), "otherBsm", b, "areaM2", round4(o.areaM2())));
    }
    return out;
  }

  static double round4(double v) {
    return Math.round(v * 1e4) / 1e4;
  }

  static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** The most frequent non-null value (ties: the smallest), or null. */
  static <T extends Comparable<T>> T mode(Iterable<T> values) {
    Map<T, Integer> n = new HashMap<>();
    for (T v : values) {
      if (v != null) {
        n.merge(v, 1, Integer::sum);
      }
    }
    return n.entrySet().stream().max(Map.Entry.<T, Integer>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
  }

  static Map<String, LandUseClass> byCode(LandUseCodes codes) {
    Map<String, LandUseClass> m = new LinkedHashMap<>();
    codes.all().forEach(c -> m.put(c.code(), c));
    return m;
  }
}
