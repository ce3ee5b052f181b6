package org.landledger.linkage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.geo.Units;
import org.locationtech.jts.geom.Geometry;

/**
 * 增减挂钩核算结果: the balance of every project area, with per-plot details, violations (with their
 * geometries), the assumptions made where data were missing, processing notes and the policy profile
 * applied. {@link #toJson()} gives the {@code linkage.json} document.
 */
public record LinkageResult(List<Project> projects, List<String> notes, Double pricePerMu, String priceSource,
    Map<String, Object> policy, Map<String, Object> regime) {

  /** A plot named by role and id (demolition and construction layers may reuse ids). */
  public record PlotRef(LinkagePlot.Role role, String plotId) {
    public static PlotRef of(LinkagePlot p) {
      return new PlotRef(p.role(), p.id());
    }
  }

  /** 违规: a violation with the plots concerned, its area and its geometry (may be empty). */
  public record Violation(ViolationCode code, String detail, List<PlotRef> plots, double areaM2, Geometry geometry) {
    public Violation {
      plots = List.copyOf(plots);
    }

    /** The ids of the plots concerned. */
    public List<String> plotIds() {
      return plots.stream().map(PlotRef::plotId).toList();
    }
  }

  /**
   * 地块明细: one plot's overlay on the land-use base. Demolition plots fill the reclaim fields,
   * construction plots the occupation fields; the others are 0.
   */
  public record Plot(
      String plotId,
      LinkagePlot.Role role,
      Geometry geometry,
      double areaM2,
      double inBaseM2,
      Map<String, Double> areaByCode,
      Map<String, Double> areaByCounty,
      double reclaimableM2,
      String plannedClass,
      Integer plannedGrade,
      double reclaimedFarmlandM2,
      double farmlandM2,
      double farmlandNetM2,
      double paddyNetM2,
      Double occupiedQualityGrade,
      double permanentFarmlandM2,
      double ecoRedlineM2) {}

  /** 项目区核算: one project area's balance. */
  public record Project(
      String projectId,
      double demolitionAreaM2,
      double reclaimableAreaM2,
      double reclaimedFarmlandGrossM2,
      double reclaimedFarmlandM2,
      double reclaimedPaddyM2,
      Double reclaimedQualityGrade,
      double constructionAreaM2,
      double constructionFarmlandM2,
      double constructionFarmlandNetM2,
      double occupiedPaddyM2,
      Double occupiedQualityGrade,
      boolean qualityVerified,
      double surplusQuotaM2,
      Double surplusValueYuan,
      List<String> counties,
      List<Violation> violations,
      List<String> assumptions,
      List<Plot> plots) {

    public double surplusQuotaMu() {
      return Units.m2ToMu(surplusQuotaM2);
    }

    /** 耕地盈余: reclaimed farmland minus farmland occupied, both net of 田坎 (negative: farmland lost). */
    public double farmlandSurplusM2() {
      return reclaimedFarmlandM2 - constructionFarmlandNetM2;
    }

    /** No violation. (Where quality could not be verified, {@link #qualityVerified()} is false.) */
    public boolean balanced() {
      return violations.isEmpty();
    }
  }

  public Project project(String id) {
    return projects.stream().filter(p -> p.projectId().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no project " + id));
  }

  /** The {@code linkage.json} document. */
  public Map<String, Object> toJson() {
    Map<String, Object> root = new LinkedHashMap<>(regime == null ? Map.of() : regime);
    List<Object> ps = new ArrayList<>();
    double dem = 0, rec = 0, recFarm = 0, con = 0, conFarm = 0, conNet = 0, surplus = 0, value = 0;
    boolean valued = pricePerMu != null;
    int balanced = 0;
    for (Project p : projects) {
      ps.add(projectJson(p));
      dem += p.demolitionAreaM2();
      rec += p.reclaimableAreaM2();
      recFarm += p.reclaimedFarmlandM2();
      con += p.constructionAreaM2();
      conFarm += p.constructionFarmlandM2();
      conNet += p.constructionFarmlandNetM2();
      surplus += p.surplusQuotaM2();
      value += valued ? p.surplusValueYuan() : 0;
      balanced += p.balanced() ? 1 : 0;
    }
    root.put("projects", ps);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("projectCount", projects.size());
    s.put("balancedCount", balanced);
    s.put("unbalancedProjects", projects.stream().filter(p -> !p.balanced()).map(Project::projectId).toList());
    s.put("demolitionAreaM2", m2(dem));
    s.put("reclaimableAreaM2", m2(rec));
    s.put("reclaimedFarmlandM2", m2(recFarm));
    s.put("constructionAreaM2", m2(con));
    s.put("constructionFarmlandM2", m2(conFarm));
    s.put("constructionFarmlandNetM2", m2(conNet));
    s.put("surplusQuotaM2", m2(surplus));
    s.put("surplusQuotaHa", round(Units.m2ToHa(surplus), 4));
    s.put("surplusQuotaMu", round(Units.m2ToMu(surplus), 4));
    s.put("surplusValueYuan", valued ? round(value, 2) : null);
    s.put("pricePerMu", pricePerMu);
    s.put("priceSource", priceSource);
    s.put("violationCounts", violationCounts());
    root.put("summary", s);
    root.put("notes", notes);
    root.put("policy", policy);
    return root;
  }

  private Map<String, Integer> violationCounts() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (Project p : projects) {
      for (Violation v : p.violations()) {
        m.merge(v.code().name(), 1, Integer::sum);
      }
    }
    return m;
  }

  private static Map<String, Object> projectJson(Project p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("projectId", p.projectId());
    m.put("demolitionAreaM2", m2(p.demolitionAreaM2()));
    m.put("reclaimableAreaM2", m2(p.reclaimableAreaM2()));
    m.put("reclaimedFarmlandGrossM2", m2(p.reclaimedFarmlandGrossM2()));
    m.put("reclaimedFarmlandM2", m2(p.reclaimedFarmlandM2()));
    m.put("reclaimedPaddyM2", m2(p.reclaimedPaddyM2()));
    m.put("constructionAreaM2", m2(p.constructionAreaM2()));
    m.put("constructionFarmlandM2", m2(p.constructionFarmlandM2()));
    m.put("constructionFarmlandNetM2", m2(p.constructionFarmlandNetM2()));
    m.put("occupiedPaddyM2", m2(p.occupiedPaddyM2()));
    m.put("farmlandSurplusM2", m2(p.farmlandSurplusM2()));
    m.put("surplusQuotaM2", m2(p.surplusQuotaM2()));
    m.put("surplusQuotaHa", round(Units.m2ToHa(p.surplusQuotaM2()), 4));
    m.put("surplusQuotaMu", round(p.surplusQuotaMu(), 4));
    m.put("surplusValueYuan", p.surplusValueYuan() == null ? null : round(p.surplusValueYuan(), 2));
    m.put("reclaimedQualityGrade", grade(p.reclaimedQualityGrade()));
    m.put("occupiedQualityGrade", grade(p.occupiedQualityGrade()));
    m.put("qualityVerified", p.qualityVerified());
    m.put("counties", p.counties());
    m.put("balanced", p.balanced());
    List<Object> vs = new ArrayList<>();
    for (Violation v : p.violations()) {
      Map<String, Object> vm = new LinkedHashMap<>();
      vm.put("code", v.code().name());
      vm.put("messageZh", v.code().zh);
      vm.put("message", v.code().en);
      vm.put("detail", v.detail());
      List<Object> refs = new ArrayList<>();
      for (PlotRef r : v.plots()) {
        Map<String, Object> rm = new LinkedHashMap<>();
        rm.put("plotId", r.plotId());
        rm.put("role", r.role().en);
        refs.add(rm);
      }
      vm.put("plots", refs);
      vm.put("areaM2", m2(v.areaM2()));
      vm.put("areaMu", round(Units.m2ToMu(v.areaM2()), 4));
      vs.add(vm);
    }
    m.put("violations", vs);
    m.put("assumptions", p.assumptions());
    List<Object> plots = new ArrayList<>();
    for (Plot pl : p.plots()) {
      plots.add(plotJson(pl));
    }
    m.put("plots", plots);
    return m;
  }

  static Map<String, Object> plotJson(Plot pl) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("plotId", pl.plotId());
    m.put("role", pl.role().en);
    m.put("roleZh", pl.role().zh);
    m.put("areaM2", m2(pl.areaM2()));
    m.put("inBaseM2", m2(pl.inBaseM2()));
    Map<String, Object> codes = new LinkedHashMap<>();
    pl.areaByCode().forEach((k, v) -> codes.put(k, m2(v)));
    m.put("areaByCode", codes);
    Map<String, Object> counties = new LinkedHashMap<>();
    pl.areaByCounty().forEach((k, v) -> counties.put(k, m2(v)));
    m.put("areaByCounty", counties);
    if (pl.role() == LinkagePlot.Role.DEMOLITION) {
      m.put("reclaimableM2", m2(pl.reclaimableM2()));
      m.put("plannedClass", pl.plannedClass());
      m.put("plannedGrade", pl.plannedGrade());
      m.put("reclaimedFarmlandM2", m2(pl.reclaimedFarmlandM2()));
    } else {
      m.put("farmlandM2", m2(pl.farmlandM2()));
      m.put("farmlandNetM2", m2(pl.farmlandNetM2()));
      m.put("paddyNetM2", m2(pl.paddyNetM2()));
      m.put("occupiedQualityGrade", grade(pl.occupiedQualityGrade()));
      m.put("permanentFarmlandM2", m2(pl.permanentFarmlandM2()));
      m.put("ecoRedlineM2", m2(pl.ecoRedlineM2()));
    }
    return m;
  }

  static double m2(double v) {
    return round(v, 2);
  }

  static Double grade(Double g) {
    return g == null ? null : round(g, 3);
  }

  static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    double r = Math.round(v * f) / f;
    return r == 0 ? 0.0 : r;
  }
}
