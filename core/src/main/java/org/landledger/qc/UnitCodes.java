package org.landledger.qc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.landuse.StoredAreas;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * 单位代码: ZLDWDM 坐落单位代码 and QSDWDM 权属单位代码 are 19 digits (TD/T 1055-2019: the 12-digit village code
 * followed by 7 digits); ZLDWDM's first 9 digits are the township of XZQ (XZQDM) that holds the 图斑 and its first
 * 12 the village of CJDCQ (by the 图斑's interior point).
 */
final class UnitCodes {

  static final String ZLDWDM = "ZLDWDM";
  static final String QSDWDM = "QSDWDM";

  private UnitCodes() {}

  static List<Finding> check(Layer dltb, Layer xzq, Layer cjdcq, List<String> notApplied) {
    boolean hasZl = dltb.schema().hasField(ZLDWDM);
    boolean hasQs = dltb.schema().hasField(QSDWDM);
    if (!hasZl) {
      notApplied.add("ZLDWDM_FORMAT: 图层无字段 ZLDWDM (field absent)");
    }
    Units towns = xzq == null ? null : Units.of(xzq, "XZQDM", 9, dltb);
    Units villages = cjdcq == null ? null : Units.of(cjdcq, ZLDWDM, 12, dltb);
    List<Finding> out = new ArrayList<>();
    for (Feature f : dltb.features()) {
      String bsm = StoredAreas.bsm(f);
      if (hasZl) {
        String zl = f.string(ZLDWDM);
        if (zl == null || !zl.matches("\\d{19}")) {
          out.add(Finding.of(Rule.ZLDWDM_FORMAT, bsm, "ZLDWDM " + zl + " 不是 19 位数字 (not 19 digits)", f.geometry(),
              "ZLDWDM", zl));
        } else if (f.geometry() != null && !f.geometry().isEmpty()) {
          Point p = f.geometry().getInteriorPoint();
          check(out, f, bsm, zl, towns, p, "XZQ", 9);
          check(out, f, bsm, zl, villages, p, "CJDCQ", 12);
        }
      }
      if (hasQs) {
        String qs = f.string(QSDWDM);
        if (qs != null && !qs.matches("\\d{19}")) {
          out.add(Finding.of(Rule.QSDWDM_FORMAT, bsm, "QSDWDM " + qs + " 不是 19 位数字 (not 19 digits)", f.geometry(),
              "QSDWDM", qs));
        }
      }
    }
    return out;
  }

  private static void check(List<Finding> out, Feature f, String bsm, String zl, Units units, Point p, String layer,
      int digits) {
    if (units == null) {
      return;
    }
    String code = units.at(p);
    if (code != null && !zl.startsWith(code)) {
      out.add(Finding.of(Rule.ZLDWDM_FORMAT, bsm, String.format(Locale.ROOT, "ZLDWDM %s 前 %d 位 ≠ 所在 %s 代码 %s",
          zl, digits, layer, code), f.geometry(), "ZLDWDM", zl, "unitCode", code, "unitLayer", layer));
    }
  }

  /** Unit polygons (reprojected to the land-use CRS) with the first {@code digits} of their code. */
  private record Units(STRtree tree) {
    record Unit(PreparedGeometry geometry, String code) {}

    static Units of(Layer layer, String field, int digits, Layer dltb) {
      STRtree t = new STRtree();
      for (Feature f : layer.features()) {
        String code = f.string(field);
        Geometry g = f.geometry();
        if (code == null || g == null || g.isEmpty() || code.length() < digits) {
          continue;
        }
        if (layer.crs() != null && dltb.crs() != null && !layer.crs().equals(dltb.crs())) {
          g = layer.crs().transform(g, dltb.crs());
        }
        t.insert(g.getEnvelopeInternal(), new Unit(PreparedGeometryFactory.prepare(g), code.substring(0, digits)));
      }
      return new Units(t);
    }

    String at(Point p) {
      @SuppressWarnings("unchecked")
      List<Unit> c = tree.query(p.getEnvelopeInternal());
      for (Unit u : c) {
        if (u.geometry().contains(p)) {
          return u.code();
        }
      }
      return null;
    }
  }
}
