package org.landledger.ecovalue.esv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.ecovalue.LandUseAreas;
import org.landledger.ecovalue.change.EsvChange;
import org.landledger.geo.Units;
import org.landledger.io.Feature;
import org.landledger.io.Layer;

/**
 * 生态系统服务价值报告: the ESV result as JSON-ready maps (totals, by ecosystem type, service, land-use code and
 * region, unvalued codes, sensitivity, and optionally the change between two dates) and as a per-polygon layer
 * for maps.
 */
public final class EsvReport {

  private EsvReport() {}

  /**
   * Chinese names of the Xie 2015 services (labels for reports; keys as in the table header), in the table's
   * order — a {@code Map.of} would iterate in a different order on every JVM and make esv.json irreproducible.
   */
  public static final Map<String, String> SERVICE_NAMES_ZH = serviceNames();

  private static Map<String, String> serviceNames() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("food_production", "食物生产");
    m.put("raw_materials", "原料生产");
    m.put("water_supply", "水资源供给");
    m.put("gas_regulation", "气体调节");
    m.put("climate_regulation", "气候调节");
    m.put("environmental_purification", "净化环境");
    m.put("hydrological_regulation", "水文调节");
    m.put("soil_conservation", "土壤保持");
    m.put("nutrient_cycling", "维持养分循环");
    m.put("biodiversity", "生物多样性");
    m.put("aesthetic_landscape", "美学景观");
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The {@code esv.json} object; {@code change} may be null (one date); {@code sensitivityChange} is the ± fraction
   * of the sensitivity analysis (policy parameter {@code ecovalue.esv.sensitivityChange}).
   */
  public static Map<String, Object> json(EsvModel model, LandUseAreas areas, EsvChange change, double sensitivityChange) {
    EsvModel.Valuation v = model.value(areas, null);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", "当量因子法 equivalent-factor method: ESV = Σ A_k × Σ_f VC_kf × D × adj_f");
    m.put("unitValuePerHa", model.unitValue().perHa());
    m.put("unitValue", model.unitValue().describe());
    m.put("totalValue", v.total());
    m.put("valueUnit", "元/年");
    m.put("areaHa", v.areaHa());
    m.put("areaMu", Units.m2ToMu(Units.haToM2(v.areaHa())));
    m.put("byEcosystem", v.byEcosystemJson());
    m.put("byService", v.byService());
    m.put("serviceNamesZh", SERVICE_NAMES_ZH);
    m.put("byLandUseCode", v.byCodeJson());
    m.put("unvaluedCodes", v.unvaluedJson());
    List<Map<String, Object>> regions = new ArrayList<>();
    for (LandUseAreas.Region r : areas.regions()) {
      EsvModel.Valuation rv = model.value(areas, r);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("code", r.code());
      e.put("name", r.name());
      e.put("areaHa", rv.areaHa());
      e.put("value", rv.total());
      e.put("byEcosystem", rv.byEcosystemJson());
      e.put("byService", rv.byService());
      regions.add(e);
    }
    m.put("byRegion", regions);
    m.put("regionSource", areas.regionSource());
    m.put("sensitivity", Sensitivity.table(model, areas, sensitivityChange));
    if (change != null) {
      m.put("change", change.toJson());
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("equivalentTable", model.table().source());
    p.put("mapping", model.mapping().source());
    p.put("regionalAdjustment", model.adjustment().describe());
    p.put("areaRule", "三调：图斑面积 × (1 − KCXS) 计入 DLBM，× KCXS 计入 KCDLBM（田坎）");
    m.put("parameters", p);
    return m;
  }

  /** One feature per land-use polygon with its ESV (元/年) in total and by service. */
  public static Layer polygonLayer(EsvModel model, LandUseAreas areas, String name) {
    List<Feature> rows = new ArrayList<>();
    for (int i = 0; i < areas.polygons().size(); i++) {
      LandUseAreas.PolygonArea p = areas.polygons().get(i);
      EsvModel.Valuation v = model.valuePolygon(areas, i);
      Map<String, Object> a = new LinkedHashMap<>();
      Object bsm = p.feature().get("BSM");
      a.put("BSM", bsm == null ? p.feature().id() : bsm.toString());
      a.put("DLBM", p.survey().dlbm());
      a.put("KCDLBM", p.survey().kcdlbm());
      a.put("KCXS", p.survey().kcxs());
      a.put("ZLDWDM", p.survey().zldwdm());
      a.put("ECOSYSTEM", model.mapping().ecosystem(p.survey().dlbm()).orElse(""));
      a.put("AREA_HA", Units.m2ToHa(p.areaM2()));
      a.put("ESV", v.total());
      a.put("ESV_PER_HA", p.areaM2() > 0 ? v.total() / Units.m2ToHa(p.areaM2()) : 0.0);
      if (model.variesByPolygon()) {
        RegionalAdjustment adj = model.adjustment(i);
        a.put("ADJ_NPP", adj.npp());
        a.put("ADJ_PREC", adj.precipitation());
        a.put("ADJ_SOIL", adj.soilConservation());
      }
      v.byService().forEach(a::put);
      rows.add(new Feature(p.feature().id(), p.feature().geometry(), a));
    }
    String geomType = areas.layer().schema().geometryType();
    return Layer.fromRows(name, areas.layer().crs(), geomType == null ? "MultiPolygon" : geomType, rows);
  }
}
