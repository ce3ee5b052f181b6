package org.landledger.ecovalue.esv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.landledger.ecovalue.LandUseAreas;
import org.landledger.geo.Units;

/**
 * 当量因子法: ESV = Σ_k A_k × Σ_f VC_kf × D (× the regional adjustment of service f), with A_k the area in ha
 * of ecosystem type k. Areas come in by 三调 land-use code and are mapped to types by an
 * {@link EcosystemMapping}; codes without a type are valued 0 and kept in the result with their area.
 */
public final class EsvModel {

  private final EquivalentTable table;
  private final EcosystemMapping mapping;
  private final UnitValue unitValue;
  private final RegionalAdjustment adjustment;
  private final Map<String, double[]> perHa = new LinkedHashMap<>();
  /** Per-polygon adjustments (index of {@link LandUseAreas#polygons()}), or null for the scalar one. */
  private final List<RegionalAdjustment> byPolygon;

  public EsvModel(EquivalentTable table, EcosystemMapping mapping, UnitValue unitValue, RegionalAdjustment adjustment) {
    this(table, mapping, unitValue, adjustment, null);
  }

  private EsvModel(EquivalentTable table, EcosystemMapping mapping, UnitValue unitValue, RegionalAdjustment adjustment,
      List<RegionalAdjustment> byPolygon) {
    this.byPolygon = byPolygon == null ? null : List.copyOf(byPolygon);
    this.table = table;
    this.mapping = mapping.validateAgainst(table);
    this.unitValue = unitValue;
    this.adjustment = adjustment;
    List<String> services = table.services();
    table.ecosystems().forEach((k, e) -> {
      double[] v = new double[services.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = e.factors()[i] * unitValue.perHa() * adjustment.factor(services.get(i));
      }
      perHa.put(k, v);
    });
  }

  public EquivalentTable table() {
    return table;
  }

  public EcosystemMapping mapping() {
    return mapping;
  }

  public UnitValue unitValue() {
    return unitValue;
  }

  public RegionalAdjustment adjustment() {
    return adjustment;
  }

  /** The same model with one ecosystem's factors × k (sensitivity analysis). */
  public EsvModel withScaled(String ecosystem, double k) {
    return new EsvModel(table.scaled(ecosystem, k), mapping, unitValue, adjustment, byPolygon);
  }

  /**
   * The same model with an adjustment per polygon (e.g. from rasters), aligned with {@code areas.polygons()};
   * valuations through {@link #value(LandUseAreas, LandUseAreas.Region)} then use each polygon's own.
   */
  public EsvModel withPolygonAdjustments(List<RegionalAdjustment> byPolygonIndex) {
    return new EsvModel(table, mapping, unitValue, adjustment, byPolygonIndex);
  }

  public boolean variesByPolygon() {
    return byPolygon != null;
  }

  /** The adjustment of polygon {@code i} of the areas (the scalar one when not per polygon). */
  public RegionalAdjustment adjustment(int i) {
    return byPolygon == null ? adjustment : byPolygon.get(i);
  }

  /** Values the whole map ({@code region} null) or one region, polygon by polygon when adjustments vary. */
  public Valuation value(LandUseAreas areas, LandUseAreas.Region region) {
    if (byPolygon == null) {
      return value(region == null ? areas.total() : region.areaM2ByCode());
    }
    Valuation v = new Valuation(table.services());
    if (region == null) {
      for (int i = 0; i < areas.polygons().size(); i++) {
        addPolygon(v, areas.polygons().get(i), areas.polygons().get(i).areaM2(), i);
      }
    } else {
      region.polygonAreaM2().forEach((i, a) -> addPolygon(v, areas.polygons().get(i), a, i));
    }
    return v;
  }

  /** Values polygon {@code i} of the areas. */
  public Valuation valuePolygon(LandUseAreas areas, int i) {
    Valuation v = new Valuation(table.services());
    addPolygon(v, areas.polygons().get(i), areas.polygons().get(i).areaM2(), i);
    return v;
  }

  private void addPolygon(Valuation v, LandUseAreas.PolygonArea p, double grossM2, int i) {
    RegionalAdjustment adj = adjustment(i);
    p.survey().split(grossM2).forEach((code, a) -> v.add(code, a, adj));
  }

  private double[] perHaByService(String ecosystem, RegionalAdjustment adj) {
    if (adj == adjustment) {
      return perHaByService(ecosystem);
    }
    double[] f = table.ecosystem(ecosystem).factors();
    double[] out = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = f[i] * unitValue.perHa() * adj.factor(table.services().get(i));
    }
    return out;
  }

  /** Value per ha of an ecosystem type, by service (元/ha/yr). */
  public double[] perHaByService(String ecosystem) {
    double[] v = perHa.get(ecosystem);
    if (v == null) {
      throw new IllegalArgumentException("ecosystem type '" + ecosystem + "' is not in the equivalent table");
    }
    return v;
  }

  /** Value per ha of a land-use code (0 when it has no ecosystem type). */
  public double perHa(String code) {
    return mapping.ecosystem(code).map(e -> sum(perHaByService(e))).orElse(0.0);
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }

  /** Values areas given by land-use code (m²). */
  public Valuation value(Map<String, Double> areaM2ByCode) {
    Valuation v = new Valuation(table.services());
    areaM2ByCode.forEach((code, a) -> v.add(code, a));
    return v;
  }

  /** An ESV result for some area: totals by service, ecosystem type and land-use code. */
  public final class Valuation {
    private final List<String> services;
    private final double[] byService;
    private final Map<String, double[]> byEcosystem = new TreeMap<>(); // {areaHa, value}
    private final Map<String, double[]> byCode = new TreeMap<>();      // {areaHa, value}
    private double total;

    private Valuation(List<String> services) {
      this.services = services;
      this.byService = new double[services.size()];
    }

    void add(String code, double areaM2) {
      add(code, areaM2, adjustment);
    }

    void add(String code, double areaM2, RegionalAdjustment adj) {
      double ha = Units.m2ToHa(areaM2);
      double value = 0;
      var eco = mapping.ecosystem(code);
      if (eco.isPresent()) {
        double[] p = perHaByService(eco.get(), adj);
        for (int i = 0; i < p.length; i++) {
          byService[i] += ha * p[i];
          value += ha * p[i];
        }
        double[] e = byEcosystem.computeIfAbsent(eco.get(), k -> new double[2]);
        e[0] += ha;
        e[1] += ha * sum(p);
      }
      double[] c = byCode.computeIfAbsent(code, k -> new double[2]);
      c[0] += ha;
      c[1] += value;
      total += value;
    }

    public double total() {
      return total;
    }

    public double areaHa() {
      return byCode.values().stream().mapToDouble(v -> v[0]).sum();
    }

    /** Value by service key (header order). */
    public Map<String, Double> byService() {
      Map<String, Double> m = new LinkedHashMap<>();
      for (int i = 0; i < services.size(); i++) {
        m.put(services.get(i), byService[i]);
      }
      return m;
    }

    public double serviceValue(String service) {
      return byService[services.indexOf(service)];
    }

    /** Area (ha) by ecosystem type. */
    public Map<String, Double> areaHaByEcosystem() {
      Map<String, Double> m = new TreeMap<>();
      byEcosystem.forEach((k, v) -> m.put(k, v[0]));
      return m;
    }

    public double ecosystemValue(String ecosystem) {
      double[] v = byEcosystem.get(ecosystem);
      return v == null ? 0 : v[1];
    }

    public double codeValue(String code) {
      double[] v = byCode.get(code);
      return v == null ? 0 : v[1];
    }

    public double codeAreaHa(String code) {
      double[] v = byCode.get(code);
      return v == null ? 0 : v[0];
    }

    /** {"paddy": {"areaHa", "value", "name_zh"}, …} in equivalent-table order. */
    public Map<String, Object> byEcosystemJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      for (String k : table.ecosystems().keySet()) {
        double[] v = byEcosystem.get(k);
        if (v != null) {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("nameZh", table.ecosystem(k).nameZh());
          e.put("areaHa", v[0]);
          e.put("value", v[1]);
          m.put(k, e);
        }
      }
      return m;
    }

    /** {"0101": {"areaHa", "value", "ecosystem", "status"}, …}. */
    public Map<String, Object> byCodeJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      byCode.forEach((code, v) -> {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("areaHa", v[0]);
        e.put("value", v[1]);
        e.put("ecosystem", mapping.ecosystem(code).orElse(null));
        e.put("status", mapping.status(code).name());
        m.put(code, e);
      });
      return m;
    }

    /** Codes valued 0 because they have no ecosystem type: {code: {areaHa, status}}. */
    public Map<String, Object> unvaluedJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      byCode.forEach((code, v) -> {
        EcosystemMapping.Status s = mapping.status(code);
        if (s != EcosystemMapping.Status.VALUED) {
          m.put(code, Map.of("areaHa", v[0], "status", s.name(),
              "reason", s == EcosystemMapping.Status.UNKNOWN
                  ? "未知地类编码：既不在三调分类中也不在对应表中，按 0 计价"
                  : "对应表中无生态系统类型（建设用地、田坎、农村道路等），按 0 计价"));
        }
      });
      return m;
    }
  }
}
