package org.landledger.homestead;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.landledger.io.Feature;
import org.landledger.io.Layer;

/**
 * 宅基地分析结果: findings, exits, reclamation and sharing, as the JSON report ({@code homestead.json}), the
 * parcel layer with findings (identity removed) and the compensation lines as CSV. Nothing in it holds a raw
 * ID number: households appear as salted keys and masked numbers only.
 */
public final class HomesteadReport {

  public static final String ROUNDING = "面积按几何计算后四舍五入到 0.01 m²；金额四舍五入到分（0.01 元）；农户总额 = 净收益 × 农户比例"
      + "（四舍五入到分），集体 = 净收益 − 农户总额；各户金额按退出面积比例用最大余数法分配到分，合计等于农户总额 "
      + "(areas half-up to 0.01 m²; money half-up to 0.01 元; households = round(net × share), collective = net − "
      + "households; household lines by exited area with the largest-remainder method in fen, summing exactly to "
      + "the households' total)";

  private final HomesteadAnalysis.Request request;
  private final HomesteadRegister register;
  private final List<Finding> findings;
  private final List<HomesteadCheck.AreaMismatch> mismatches;
  private final double tolerance;
  private final int maxPerHousehold;
  private final ExitSelection.Selection exits;
  private final Reclamation.Result reclamation;
  private final Map<String, HomesteadLandUse.Check> landUse;
  private final List<String> notes;

  HomesteadReport(HomesteadAnalysis.Request request, HomesteadRegister register, List<Finding> findings,
      List<HomesteadCheck.AreaMismatch> mismatches, double tolerance, int maxPerHousehold,
      ExitSelection.Selection exits, Reclamation.Result reclamation, List<String> notes,
      Map<String, HomesteadLandUse.Check> landUse) {
    this.landUse = Map.copyOf(landUse);
    this.request = request;
    this.register = register;
    this.findings = List.copyOf(findings);
    this.mismatches = List.copyOf(mismatches);
    this.tolerance = tolerance;
    this.maxPerHousehold = maxPerHousehold;
    this.exits = exits;
    this.reclamation = reclamation;
    this.notes = List.copyOf(notes);
  }

  public HomesteadRegister register() {
    return register;
  }

  public List<Finding> findings() {
    return findings;
  }

  public List<Finding> findings(FindingType type) {
    return findings.stream().filter(f -> f.type() == type).toList();
  }

  public List<HomesteadCheck.AreaMismatch> areaMismatches() {
    return mismatches;
  }

  public ExitSelection.Selection exits() {
    return exits;
  }

  public Reclamation.Result reclamation() {
    return reclamation;
  }

  /** Quota-ledger entries created by this run's reclamation (see {@link Reclamation.Result#ledgerEntries()}). */
  public List<ReclaimedQuota> ledgerEntries() {
    return reclamation.ledgerEntries();
  }

  public List<String> notes() {
    return notes;
  }

  /** The profile's regime parameters described, for the report's title block. */
  public Map<String, Object> policy() {
    return request.profile().describe("redline.regime");
  }

  public int households() {
    return register.households().size();
  }

  public List<Map.Entry<String, List<HomesteadParcel>>> multipleHomesteadHouseholds() {
    return HomesteadCheck.multipleHomesteadHouseholds(register, maxPerHousehold);
  }

  /** The {@code homestead.json} content. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>(
        org.landledger.redline.compensation.Regime.of(request.profile()).describe(request.profile()));
    m.put("title", "宅基地一户一宅、面积标准、自愿有偿退出与节余指标 (homestead findings, exits and reclamation quota)");
    m.put("parcelsLayer", register.layerName());
    m.put("crs", String.valueOf(register.crs()));
    m.put("areaMode", request.areaMode().name());
    m.put("householdKeys", request.keys().describe());
    m.put("parcels", register.parcels().size());
    m.put("households", households());
    m.put("multipleHomesteadHouseholds", multipleHomesteadHouseholds().size());
    m.put("oversizeParcels", findings(FindingType.OVERSIZE).size());
    m.put("idleParcels", findings(FindingType.IDLE).size());
    m.put("householdOversizeHouseholds", findings(FindingType.HOUSEHOLD_OVERSIZE).stream().map(Finding::householdKey)
        .distinct().count());
    m.put("homesteadsOnFarmland", findings(FindingType.HOMESTEAD_ON_FARMLAND).size());
    m.put("areaStandard", request.standards() == null ? null : request.standards().describe());
    m.put("householdStandard", request.household() == null ? null : request.household().describe());
    m.put("landuseCheck", landUseJson());
    m.put("findings", findings.stream().map(HomesteadReport::finding).toList());
    m.put("multipleHomesteads", multipleHomesteadHouseholds().stream().map(e -> {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("householdKey", e.getKey());
      h.put("ownerMasked", e.getValue().get(0).ownerMasked());
      h.put("parcelIds", e.getValue().stream().map(HomesteadParcel::parcelId).toList());
      h.put("totalAreaM2", e.getValue().stream().map(HomesteadParcel::areaM2).reduce(BigDecimal.ZERO, BigDecimal::add));
      return h;
    }).toList());
    m.put("areaMismatchToleranceM2", tolerance);
    m.put("areaMismatches", mismatches.stream().map(x -> {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("parcelId", x.parcelId());
      a.put("areaM2", x.areaM2());
      a.put("recordedAreaM2", x.recordedAreaM2());
      a.put("diffM2", x.diffM2());
      return a;
    }).toList());
    m.put("inputIssues", register.issues().stream().map(i -> {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("row", i.row());
      a.put("parcelId", i.parcelId());
      a.put("field", i.field());
      a.put("kind", i.kind().name());
      a.put("kindZh", i.kind().label());
      a.put("maskedValue", i.maskedValue());
      a.put("reason", i.reason());
      return a;
    }).toList());
    m.put("geometryIssues", register.geometryIssues().stream().map(Object::toString).toList());
    m.put("reclamation", reclamationJson());
    m.put("ledgerEntries", ledgerEntries().stream().map(q -> {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("kind", "SURPLUS");
      a.put("origin", q.origin());
      a.put("areaM2", q.areaM2());
      a.put("areaMu", q.areaMu());
      a.put("sourceParcelIds", q.sourceParcelIds());
      a.put("note", q.note());
      return a;
    }).toList());
    m.put("notes", notes);
    Map<String, Object> policy = request.profile().describe("homestead.");
    policy.put("overrides", request.overrides());
    m.put("policy", policy);
    return m;
  }

  private Map<String, Object> reclamationJson() {
    Reclamation.Result r = reclamation;
    ReclamationTerms t = request.terms();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("exitSelection", exits.method());
    m.put("exitedParcelIds", r.exitedParcelIds());
    m.put("exitedAreaM2", r.exitedAreaM2());
    m.put("quotaBaseM2", r.quotaBaseM2());
    m.put("excludedExits", excludedExits());
    m.put("reclamationRate", t.reclamationRate());
    m.put("reclaimableM2", r.reclaimableM2());
    m.put("resettlementM2", r.resettlementM2());
    m.put("netQuotaM2", r.netQuotaM2());
    m.put("netQuotaMu", r.netQuotaMu());
    m.put("netQuotaHa", r.netQuotaM2().movePointLeft(4));
    m.put("pricePerMu", t.pricePerMu());
    m.put("valueYuan", r.valueYuan());
    m.put("reclamationCostPerMu", t.costPerMu());
    m.put("reclamationCostYuan", r.reclamationCostYuan());
    m.put("netProceedsYuan", r.netProceedsYuan());
    m.put("householdShare", t.householdShare());
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("households", r.householdsYuan());
    d.put("collective", r.collectiveYuan());
    m.put("distribution", d);
    m.put("compensation", r.lines().stream().map(l -> {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("householdKey", l.householdKey());
      a.put("ownerMasked", l.ownerMasked());
      a.put("parcelIds", l.parcelIds());
      a.put("exitedAreaM2", l.exitedAreaM2());
      a.put("amountYuan", l.amountYuan());
      return a;
    }).toList());
    m.put("rounding", ROUNDING);
    m.put("notes", r.notes());
    return m;
  }

  private static Map<String, Object> finding(Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("parcelId", f.parcelId());
    m.put("householdKey", f.householdKey());
    m.put("type", f.type().name());
    m.put("typeZh", f.type().zh());
    m.put("excessM2", f.excessM2());
    if (!f.householdParcelIds().isEmpty()) {
      m.put("householdParcelIds", f.householdParcelIds());
    }
    if (f.type() == FindingType.HOMESTEAD_ON_FARMLAND) {
      m.put("farmlandM2", f.farmlandM2());
      m.put("permanentFarmlandM2", f.permanentFarmlandM2());
    }
    return m;
  }

  /** The 三调 check: null without --landuse. */
  private Map<String, Object> landUseJson() {
    if (request.landUse() == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("landuse", request.landUse().location());
    m.put("permanentFarmland", request.permanentFarmland() == null ? null : request.permanentFarmland().location());
    m.put("quotaClasses", "07xx 住宅用地及 linkage.reclaimableCodes (construction land that yields quota)");
    m.put("onFarmland", findings(FindingType.HOMESTEAD_ON_FARMLAND).stream().map(HomesteadReport::finding).toList());
    return m;
  }

  /** Exited parcels, or parts of them, not on construction land in 三调: no quota, listed with their DLTB class. */
  private List<Map<String, Object>> excludedExits() {
    List<Map<String, Object>> out = new ArrayList<>();
    if (landUse.isEmpty()) {
      return out;
    }
    for (HomesteadParcel p : exits.parcels()) {
      HomesteadLandUse.Check c = landUse.get(p.parcelId());
      c.otherByClass().forEach((code, a) -> {
        if (a.signum() > 0) {
          out.add(excluded(p.parcelId(), code, a));
        }
      });
      if (c.outsideM2().signum() > 0) {
        out.add(excluded(p.parcelId(), null, c.outsideM2()));
      }
    }
    return out;
  }

  private static Map<String, Object> excluded(String parcelId, String code, BigDecimal area) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("parcelId", parcelId);
    m.put("dltbClass", code);
    m.put("dltbName", code == null ? "不在三调图层内 (outside the land-use layer)"
        : org.landledger.landuse.LandUseCodes.standard().find(code).map(org.landledger.landuse.LandUseClass::nameZh)
            .orElse("分类外编码 (unknown code)"));
    m.put("areaM2", area);
    return m;
  }

  /** The parcels with their findings; identity fields dropped, names masked. */
  public Layer parcelLayer() {
    Map<String, List<Finding>> byParcel = findings.stream().collect(Collectors.groupingBy(Finding::parcelId,
        LinkedHashMap::new, Collectors.toList()));
    java.util.Set<String> exiting = exits.parcels().stream().map(HomesteadParcel::parcelId)
        .collect(Collectors.toSet());
    List<String> ours = List.of(request.fields().idField(), "HH_KEY", "OWNER_MASK", "AREA_M2", "FINDINGS",
        "EXCESS_M2", "EXITING", "IDLE");
    List<Feature> rows = new ArrayList<>();
    for (HomesteadParcel p : register.parcels()) {
      List<Finding> fs = byParcel.getOrDefault(p.parcelId(), List.of());
      Map<String, Object> a = new LinkedHashMap<>();
      a.put(request.fields().idField(), p.parcelId());
      a.put("HH_KEY", p.householdKey());
      a.put("OWNER_MASK", p.ownerMasked());
      a.put("AREA_M2", p.areaM2().doubleValue());
      a.put("FINDINGS", fs.stream().map(f -> f.type().name()).distinct().collect(Collectors.joining(";")));
      a.put("EXCESS_M2", fs.stream().filter(f -> f.excessM2() != null).findFirst()
          .map(f -> f.excessM2().doubleValue()).orElse(null));
      a.put("EXITING", exiting.contains(p.parcelId()) ? 1 : 0);
      a.put("IDLE", p.idle() ? 1 : 0);
      p.attributes().forEach((k, v) -> {
        if (ours.stream().noneMatch(k::equalsIgnoreCase)) {
          a.put(k, v);
        }
      });
      rows.add(new Feature(String.valueOf(p.row()), p.geometry(), a));
    }
    return Layer.fromRows("homestead", register.crs(), "MultiPolygon", rows);
  }

  /** Compensation lines as CSV (UTF-8, header in Chinese and English). */
  public String compensationCsv() {
    StringBuilder sb = new StringBuilder("户标识 householdKey,权利人(脱敏) ownerMasked,宗地 parcelIds,退出面积 exitedAreaM2,"
        + "补偿金额 amountYuan\n");
    for (Reclamation.CompensationLine l : reclamation.lines()) {
      sb.append(csv(l.householdKey() == null ? "(无权利人 no owner)" : l.householdKey())).append(',')
          .append(csv(l.ownerMasked())).append(',').append(csv(String.join(";", l.parcelIds()))).append(',')
          .append(l.exitedAreaM2().toPlainString()).append(',').append(l.amountYuan().toPlainString()).append('\n');
    }
    return sb.toString();
  }

  private static String csv(String s) {
    if (s == null) {
      return "";
    }
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
