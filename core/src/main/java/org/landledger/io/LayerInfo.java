package org.landledger.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.GeometryRepair;
import org.landledger.landuse.LandUseCodes;
import org.locationtech.jts.geom.Envelope;

/**
 * 图层概况: what {@code landledger info} reports of a layer — count, CRS, encoding, fields, geometry type,
 * bounds, total planar and ellipsoidal areas, invalid geometries, unknown land-use codes (when the layer
 * has DLBM) and the first features with their areas. One streaming pass.
 */
public final class LayerInfo {

  private LayerInfo() {}

  public static Map<String, Object> describe(LayerReader r, int limit) {
    AreaCalculator planar = r.crs() != null && r.crs().isGeographic() ? null : AreaCalculator.of(r.crs(), AreaMode.PLANAR);
    AreaCalculator ellipsoidal = r.crs() == null ? null : AreaCalculator.of(r.crs(), AreaMode.ELLIPSOIDAL);
    GeometryRepair validity = new GeometryRepair(false);
    boolean hasDlbm = r.schema().hasField("DLBM");
    LandUseCodes codes = LandUseCodes.standard();
    Map<String, long[]> unknownCodes = new TreeMap<>();
    List<Map<String, Object>> features = new ArrayList<>();
    double[] totals = new double[2];
    long[] n = new long[1];
    Envelope bounds = new Envelope();
    try (var s = r.features()) {
      s.forEach(f -> {
        n[0]++;
        validity.check(r.schema().name(), f);
        if (f.geometry() != null) {
          bounds.expandToInclude(f.geometry().getEnvelopeInternal());
        }
        Double pa = planar == null ? null : planar.area(f.geometry());
        Double ea = ellipsoidal == null ? null : ellipsoidal.area(f.geometry());
        if (pa != null) {
          totals[0] += pa;
        }
        if (ea != null) {
          totals[1] += ea;
        }
        if (hasDlbm) {
          String code = f.string("DLBM");
          if (code == null || !codes.isKnown(code)) {
            unknownCodes.computeIfAbsent(String.valueOf(code), k -> new long[1])[0]++;
          }
        }
        if (features.size() < limit) {
          Map<String, Object> fm = new LinkedHashMap<>();
          fm.put("id", f.id());
          fm.put("attributes", f.attributes());
          fm.put("planarAreaM2", pa);
          fm.put("ellipsoidalAreaM2", ea);
          features.add(fm);
        }
      });
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("location", r.location());
    m.put("layer", r.schema().name());
    m.put("featureCount", n[0]);
    m.put("crs", r.crs() == null ? null : r.crs().toString());
    m.put("encoding", r.encoding() == null ? null : r.encoding().name());
    List<Map<String, Object>> fields = new ArrayList<>();
    for (Field f : r.schema().fields()) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("name", f.name());
      fm.put("type", f.type().name());
      fields.add(fm);
    }
    m.put("fields", fields);
    m.put("geometryType", r.schema().geometryType());
    m.put("bounds", bounds.isNull() ? null : List.of(bounds.getMinX(), bounds.getMinY(), bounds.getMaxX(), bounds.getMaxY()));
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("planarAreaM2", planar == null ? null : totals[0]);
    t.put("ellipsoidalAreaM2", ellipsoidal == null ? null : totals[1]);
    m.put("totals", t);
    List<String> invalid = validity.issues().stream().map(GeometryRepair.Issue::toString).toList();
    m.put("invalidGeometries", invalid);
    if (hasDlbm) {
      Map<String, Long> unknown = new LinkedHashMap<>();
      unknownCodes.forEach((k, v) -> unknown.put(k, v[0]));
      m.put("unknownLandUseCodes", unknown);
    }
    m.put("features", features);
    return m;
  }
}
