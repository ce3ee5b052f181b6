package org.landledger.ecovalue.carbon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.ecovalue.LandUseAreas;
import org.landledger.ecovalue.change.LandUseTransfer;
import org.landledger.geo.Units;
import org.landledger.io.Feature;
import org.landledger.io.Layer;

/**
 * 碳储量报告: stock of the map (by pool, land-use code, region), its value at a carbon price, the change from an
 * earlier map with each transition's contribution, and a per-polygon layer.
 */
public final class CarbonReport {

  private CarbonReport() {}

  /** The {@code carbon.json} object; {@code transfer} and {@code price} may be null. */
  public static Map<String, Object> json(CarbonModel model, LandUseAreas areas, LandUseTransfer transfer, CarbonPrice price) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", "InVEST carbon model: stock = Σ area × (C_above + C_below + C_soil + C_dead)");
    m.put("densities", model.densities().source());
    if (model.densities().isExample()) {
      m.put("warning", "使用的是示例碳密度表（非本地数据），结果仅供演示 — the carbon densities are the shipped EXAMPLE table");
    }
    CarbonModel.Stock s = model.stock(areas.total());
    m.putAll(s.toJson());
    if (price != null) {
      m.put("price", price.describe());
      m.put("stockValue", s.totalTC() * price.perTC());
    }
    List<Map<String, Object>> regions = new ArrayList<>();
    for (LandUseAreas.Region r : areas.regions()) {
      CarbonModel.Stock rs = model.stock(r.areaM2ByCode());
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("code", r.code());
      e.put("name", r.name());
      e.put("areaHa", Units.m2ToHa(r.areaM2()));
      e.put("stockTC", rs.totalTC());
      if (price != null) {
        e.put("stockValue", rs.totalTC() * price.perTC());
      }
      regions.add(e);
    }
    m.put("byRegion", regions);
    m.put("regionSource", areas.regionSource());
    if (transfer != null) {
      m.put("change", change(model, transfer, price));
    }
    return m;
  }

  static Map<String, Object> change(CarbonModel model, LandUseTransfer t, CarbonPrice price) {
    double before = model.stock(t.beforeByCode()).totalTC();
    double after = model.stock(t.afterByCode()).totalTC();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stockBeforeTC", before);
    m.put("stockAfterTC", after);
    m.put("deltaTC", after - before);
    m.put("deltaTCO2", (after - before) * CarbonModel.CO2_PER_C);
    if (price != null) {
      m.put("deltaValue", (after - before) * price.perTC());
    }
    List<Map<String, Object>> tr = new ArrayList<>();
    t.areaM2().forEach((k, a) -> {
      double d = Units.m2ToHa(a) * (model.densityPerHa(k.to()) - model.densityPerHa(k.from()));
      if (k.from().equals(k.to())) {
        return;
      }
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("from", k.from());
      e.put("to", k.to());
      e.put("areaHa", Units.m2ToHa(a));
      e.put("deltaTC", d);
      tr.add(e);
    });
    m.put("transitions", tr);
    m.put("deltaFromUncoveredAreaTC",
        model.stock(t.uncoveredAfter()).totalTC() - model.stock(t.uncoveredBefore()).totalTC());
    m.put("overlay", t.describeOverlay());
    return m;
  }

  /** One feature per land-use polygon with its stock (t C) by pool. */
  public static Layer polygonLayer(CarbonModel model, LandUseAreas areas, String name) {
    List<Feature> rows = new ArrayList<>();
    for (LandUseAreas.PolygonArea p : areas.polygons()) {
      CarbonModel.Stock s = model.stock(p.byCode());
      Map<String, Object> a = new LinkedHashMap<>();
      Object bsm = p.feature().get("BSM");
      a.put("BSM", bsm == null ? p.feature().id() : bsm.toString());
      a.put("DLBM", p.survey().dlbm());
      a.put("KCXS", p.survey().kcxs());
      a.put("ZLDWDM", p.survey().zldwdm());
      a.put("AREA_HA", Units.m2ToHa(p.areaM2()));
      a.put("C_ABOVE", s.pool(0));
      a.put("C_BELOW", s.pool(1));
      a.put("C_SOIL", s.pool(2));
      a.put("C_DEAD", s.pool(3));
      a.put("C_TOTAL", s.totalTC());
      a.put("C_PER_HA", p.areaM2() > 0 ? s.totalTC() / Units.m2ToHa(p.areaM2()) : 0.0);
      rows.add(new Feature(p.feature().id(), p.feature().geometry(), a));
    }
    String geomType = areas.layer().schema().geometryType();
    return Layer.fromRows(name, areas.layer().crs(), geomType == null ? "MultiPolygon" : geomType, rows);
  }
}
