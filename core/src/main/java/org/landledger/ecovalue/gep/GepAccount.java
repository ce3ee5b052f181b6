package org.landledger.ecovalue.gep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.landledger.ecovalue.LandUseAreas;
import org.landledger.ecovalue.esv.EcosystemMapping;
import org.landledger.geo.Units;

/**
 * 生态产品总值 (GEP) 核算表: GEP = provisioning + regulating + cultural (《生态产品总值核算规范（试行）》, NDRC and NBS
 * 2022), each item a physical quantity × a unit price. Geospatial items are computed per region (township) from
 * the 三调 areas and per-ha rates ({@link GepParameters}); statistical items come from a table
 * ({@link StatisticalItems}). The account lists every item with its quantity, unit, price, method and source.
 * Land-use codes without a rate for an item contribute nothing to it and are listed per item.
 */
public final class GepAccount {

  private GepAccount() {}

  public static Map<String, Object> json(GepParameters params, StatisticalItems stats, EcosystemMapping mapping,
      LandUseAreas areas) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", "GEP = 物质产品 provisioning + 调节服务 regulating + 文化服务 cultural；每项 = 实物量 × 价格"
        + "（生态产品总值核算规范（试行），国家发展改革委、国家统计局 2022）");
    if (params.isExample() || stats.isExample()) {
      m.put("warning", "使用了示例参数/示例统计表，结果仅供演示 — EXAMPLE parameters in use; replace with local data");
    }
    double[] totalByCat = new double[3];
    Map<String, double[]> totalByItem = new LinkedHashMap<>(); // quantity, value
    List<Map<String, Object>> regions = new ArrayList<>();
    Map<String, Map<String, Double>> noRate = new LinkedHashMap<>();
    for (LandUseAreas.Region r : areas.regions()) {
      Map<String, Object> re = new LinkedHashMap<>();
      re.put("code", r.code());
      re.put("name", r.name());
      re.put("areaHa", Units.m2ToHa(r.areaM2()));
      double[] cat = new double[3];
      List<Map<String, Object>> items = new ArrayList<>();
      for (GepParameters.Item it : params.items().values()) {
        double q = 0;
        for (var e : r.areaM2ByCode().entrySet()) {
          var rate = GepParameters.rate(it, e.getKey(), mapping);
          if (rate.isPresent()) {
            q += Units.m2ToHa(e.getValue()) * rate.get();
          } else {
            noRate.computeIfAbsent(it.key(), k -> new TreeMap<>())
                .merge(e.getKey(), Units.m2ToHa(e.getValue()), Double::sum);
          }
        }
        double v = q * it.price();
        cat[GepParameters.CATEGORIES.indexOf(it.category())] += v;
        double[] t = totalByItem.computeIfAbsent(it.key(), k -> new double[2]);
        t[0] += q;
        t[1] += v;
        Map<String, Object> ie = new LinkedHashMap<>();
        ie.put("item", it.key());
        ie.put("quantity", q);
        ie.put("quantityUnit", it.quantityUnit());
        ie.put("value", v);
        items.add(ie);
      }
      for (StatisticalItems.Item s : stats.items()) {
        if (s.region() != null && s.region().equals(r.code()) && s.value() != null) {
          cat[GepParameters.CATEGORIES.indexOf(s.category())] += s.value();
          items.add(statJson(s));
        }
      }
      re.put("items", items);
      putCategories(re, cat);
      for (int i = 0; i < 3; i++) {
        totalByCat[i] += cat[i];
      }
      regions.add(re);
    }
    List<Map<String, Object>> unassigned = new ArrayList<>();
    List<Map<String, Object>> notReported = new ArrayList<>();
    for (StatisticalItems.Item s : stats.items()) {
      if (s.value() == null) {
        notReported.add(statJson(s));
        continue;
      }
      boolean inRegion = s.region() != null && areas.regions().stream().anyMatch(r -> r.code().equals(s.region()));
      if (!inRegion) {
        // whole study area (or a region the map does not have): counted in the total, not in a region
        totalByCat[GepParameters.CATEGORIES.indexOf(s.category())] += s.value();
        Map<String, Object> e = statJson(s);
        if (s.region() != null) {
          e.put("warning", "地区代码 " + s.region() + " 不在核算单元中，计入全域合计 (region not in the map: counted in the total only)");
        }
        unassigned.add(e);
      }
    }
    Map<String, Object> total = new LinkedHashMap<>();
    putCategories(total, totalByCat);
    m.put("total", total);
    m.put("totalValue", totalByCat[0] + totalByCat[1] + totalByCat[2]);
    m.put("valueUnit", "元/年");
    m.put("account", accountTable(params, stats, totalByItem));
    m.put("byRegion", regions);
    m.put("regionSource", areas.regionSource());
    m.put("statisticalItemsForWholeArea", unassigned);
    m.put("statisticalItemsNotReported", notReported);
    m.put("codesWithoutRateHa", noRate);
    m.put("parameters", Map.of("geospatial", params.source(), "statistical", stats.source(),
        "classLookup", "三调地类编码 → 一级类编码 → ESV 生态系统类型"));
    return m;
  }

  private static void putCategories(Map<String, Object> m, double[] cat) {
    m.put("provisioning", cat[0]);
    m.put("regulating", cat[1]);
    m.put("cultural", cat[2]);
    m.put("gep", cat[0] + cat[1] + cat[2]);
  }

  private static Map<String, Object> statJson(StatisticalItems.Item s) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("item", s.key());
    e.put("itemZh", s.nameZh());
    e.put("category", s.category());
    e.put("region", s.region());
    e.put("quantity", s.quantity());
    e.put("quantityUnit", s.quantityUnit());
    e.put("price", s.price());
    e.put("priceUnit", s.priceUnit());
    e.put("value", s.value());
    e.put("source", s.source());
    return e;
  }

  /** Every item with its total quantity, price, value, method, rates and sources. */
  private static List<Map<String, Object>> accountTable(GepParameters params, StatisticalItems stats,
      Map<String, double[]> totals) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (GepParameters.Item it : params.items().values()) {
      double[] t = totals.getOrDefault(it.key(), new double[2]);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("item", it.key());
      e.put("itemZh", it.nameZh());
      e.put("category", it.category());
      e.put("kind", "geospatial");
      e.put("quantity", t[0]);
      e.put("quantityUnit", it.quantityUnit());
      e.put("price", it.price());
      e.put("priceUnit", it.priceUnit());
      e.put("value", t[1]);
      e.put("method", it.method());
      e.put("ratePerHaByClass", it.ratePerHa());
      e.put("sources", it.sources());
      rows.add(e);
    }
    for (StatisticalItems.Item s : stats.items()) {
      Map<String, Object> e = statJson(s);
      e.put("kind", "statistical");
      rows.add(e);
    }
    return rows;
  }
}
