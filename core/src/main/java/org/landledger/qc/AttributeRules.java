package org.landledger.qc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.SurveyEllipsoidalArea;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.landuse.LandUseClass;
import org.landledger.landuse.LandUseCodes;
import org.landledger.landuse.StoredAreas;
import org.landledger.landuse.SurveyPolygon;

/**
 * 属性规则 (TD/T 1055-2019, 地类图斑属性): DLBM in the code list and DLMC its name; KCDLBM = 1203 (田坎) exactly
 * when KCXS &gt; 0; KCMJ = TBMJ × KCXS and TBDLMJ = TBMJ − KCMJ within the field tolerance; TBMJ against the
 * official ellipsoidal area; BSM unique; one SJNF in the layer; GDLX and GDPDJB only on farmland (0101–0103) and
 * GDPDJB on every farmland 图斑. A rule whose field the layer lacks is listed as not applied.
 */
final class AttributeRules {

  private final LandUseCodes codes;
  private final QcOptions options;
  private final SurveyEllipsoidalArea official;
  private final AreaCalculator fallback;
  private final Layer layer;

  AttributeRules(LandUseCodes codes, QcOptions options, SurveyEllipsoidalArea official, Layer layer) {
    this.codes = codes;
    this.options = options;
    this.official = official;
    this.fallback = official == null ? AreaCalculator.of(layer.crs(), AreaMode.ELLIPSOIDAL) : null;
    this.layer = layer;
  }

  List<Finding> check(List<String> notApplied) {
    boolean hasDlmc = layer.schema().hasField("DLMC");
    boolean hasKc = layer.schema().hasField(SurveyPolygon.KCXS);
    boolean hasKcmj = layer.schema().hasField(StoredAreas.KCMJ);
    boolean hasTbdlmj = layer.schema().hasField(StoredAreas.TBDLMJ);
    boolean hasTbmj = layer.schema().hasField(StoredAreas.TBMJ);
    boolean hasSlope = layer.schema().hasField("GDPDJB");
    missing(notApplied, hasDlmc, "DLMC_MISMATCH", "DLMC");
    missing(notApplied, hasKc, "KCDLBM_MISMATCH, KCMJ_INCONSISTENT", "KCXS");
    missing(notApplied, hasKcmj, "KCMJ_INCONSISTENT, TBDLMJ_INCONSISTENT", "KCMJ");
    missing(notApplied, hasTbdlmj, "TBDLMJ_INCONSISTENT", "TBDLMJ");
    missing(notApplied, hasTbmj, "TBMJ_MISMATCH", "TBMJ");
    missing(notApplied, hasSlope, "GDPDJB_MISSING", "GDPDJB");
    List<Finding> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<Integer> years = new ArrayList<>();
    String loc = layer.location();
    for (Feature f : layer.features()) {
      StoredAreas s = StoredAreas.of(f, loc);
      String bsm = s.bsm();
      int n = seen.merge(bsm, 1, Integer::sum);
      if (n == 2 && f.string(StoredAreas.BSM) != null) {
        out.add(Finding.of(Rule.BSM_DUPLICATE, bsm, "标识码重复 duplicate BSM " + bsm, f.geometry()));
      }
      Double y = StoredAreas.number(f, "SJNF", bsm, loc);
      years.add(y == null ? null : (int) Math.round(y));
      String dlbm = f.string(SurveyPolygon.DLBM);
      LandUseClass c = codes.find(dlbm).orElse(null);
      if (c == null) {
        out.add(Finding.of(Rule.DLBM_UNKNOWN, bsm, "地类编码 " + dlbm + " 不在三调工作分类中 (unknown code)",
            f.geometry(), "DLBM", dlbm));
      } else if (hasDlmc && !c.nameZh().equals(f.string("DLMC"))) {
        out.add(Finding.of(Rule.DLMC_MISMATCH, bsm, "DLMC " + f.string("DLMC") + " ≠ " + c.nameZh() + " (" + dlbm + ")",
            f.geometry(), "DLBM", dlbm, "DLMC", f.string("DLMC"), "expected", c.nameZh()));
      }
      Double kcxs = StoredAreas.number(f, SurveyPolygon.KCXS, bsm, loc);
      double x = kcxs == null ? 0 : kcxs;
      String kcdlbm = f.string(SurveyPolygon.KCDLBM);
      if (hasKc && (x > 0) != SurveyPolygon.TIANKAN.equals(kcdlbm)) {
        out.add(Finding.of(Rule.KCDLBM_MISMATCH, bsm, String.format(Locale.ROOT,
            "KCXS = %s, KCDLBM = %s (1203 田坎 exactly when KCXS > 0)", fmt(x), kcdlbm), f.geometry(),
            "KCXS", x, "KCDLBM", kcdlbm));
      }
      farmlandFields(f, bsm, c, hasSlope, out);
      if (s.tbmj() == null) {
        continue;
      }
      double tbmj = s.tbmj();
      if (hasKcmj && hasKc && s.kcmj() != null) {
        double expected = tbmj * x;
        double diff = s.kcmj() - expected;
        if (Math.abs(diff) > options.fieldToleranceM2() + 1e-9) {
          out.add(Finding.of(Rule.KCMJ_INCONSISTENT, bsm, String.format(Locale.ROOT,
              "KCMJ %.2f ≠ TBMJ %.2f × KCXS %s = %.4f (差 %.4f m²)", s.kcmj(), tbmj, fmt(x), expected, diff),
              f.geometry(), "kcmjM2", s.kcmj(), "tbmjM2", tbmj, "kcxs", x, "expectedM2", QualityCheck.round4(expected),
              "diffM2", QualityCheck.round4(diff)));
        }
      }
      if (hasTbdlmj && hasKcmj && s.tbdlmj() != null) {
        double kcmj = s.kcmj() == null ? 0 : s.kcmj();
        double diff = s.tbdlmj() - (tbmj - kcmj);
        if (Math.abs(diff) > options.fieldToleranceM2() + 1e-9) {
          out.add(Finding.of(Rule.TBDLMJ_INCONSISTENT, bsm, String.format(Locale.ROOT,
              "TBDLMJ %.2f ≠ TBMJ %.2f − KCMJ %.2f = %.2f (差 %.4f m²)", s.tbdlmj(), tbmj, kcmj, tbmj - kcmj, diff),
              f.geometry(), "tbdlmjM2", s.tbdlmj(), "tbmjM2", tbmj, "kcmjM2", kcmj, "diffM2", QualityCheck.round4(diff)));
        }
      }
      if (f.geometry() != null && !f.geometry().isEmpty()) {
        double e = official != null ? official.area(f.geometry()) : fallback.area(f.geometry());
        double diff = tbmj - e;
        if (Math.abs(diff) > options.tbmjTolerance(e)) {
          out.add(Finding.of(Rule.TBMJ_MISMATCH, bsm, String.format(Locale.ROOT,
              "TBMJ %.2f − 椭球面积 %.4f = %.4f m²", tbmj, e, diff), f.geometry(), "tbmjM2", tbmj,
              "ellipsoidalM2", QualityCheck.round4(e), "diffM2", QualityCheck.round4(diff)));
        }
      }
    }
    Integer year = QualityCheck.mode(years);
    if (year != null) {
      List<Feature> fs = layer.features();
      for (int i = 0; i < fs.size(); i++) {
        if (!year.equals(years.get(i))) {
          String bsm = StoredAreas.bsm(fs.get(i));
          out.add(Finding.of(Rule.SJNF_INCONSISTENT, bsm, "SJNF " + years.get(i) + " ≠ " + year + " (图层多数年份 layer year)",
              fs.get(i).geometry(), "SJNF", years.get(i), "expected", year));
        }
      }
    }
    return out;
  }

  private void farmlandFields(Feature f, String bsm, LandUseClass c, boolean hasSlope, List<Finding> out) {
    if (c == null) {
      return;
    }
    String gdlx = f.string("GDLX");
    String slope = f.string("GDPDJB");
    if (!c.farmland() && (gdlx != null || slope != null)) {
      out.add(Finding.of(Rule.FARMLAND_FIELD_ON_NON_FARMLAND, bsm, c.code() + " " + c.nameZh() + ": GDLX = " + gdlx
          + ", GDPDJB = " + slope, f.geometry(), "DLBM", c.code(), "GDLX", gdlx, "GDPDJB", slope));
    }
    if (c.farmland() && hasSlope && (slope == null || !slope.matches("0?[1-5]"))) {
      out.add(Finding.of(Rule.GDPDJB_MISSING, bsm, c.code() + " " + c.nameZh() + ": GDPDJB = " + slope
          + " (1–5 expected)", f.geometry(), "DLBM", c.code(), "GDPDJB", slope));
    }
  }

  private static void missing(List<String> notApplied, boolean present, String rules, String field) {
    if (!present) {
      notApplied.add(rules + ": 图层无字段 " + field + " (field absent)");
    }
  }

  static String fmt(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
