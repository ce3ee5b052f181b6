package org.landledger.linkage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.LayerIndex;
import org.landledger.geo.Overlay;
import org.landledger.geo.Units;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.landuse.LandUseCodes;
import org.landledger.landuse.LandUseOverlay;
import org.landledger.landuse.LandUseOverlay.Piece;
import org.landledger.linkage.LinkageResult.Plot;
import org.landledger.linkage.LinkageResult.PlotRef;
import org.landledger.linkage.LinkageResult.Project;
import org.landledger.linkage.LinkageResult.Violation;
import org.landledger.policy.PolicyProfile;
import org.locationtech.jts.geom.Geometry;

/**
 * 增减挂钩平衡核算: computes, for each project area, by overlay of its plots on the 三调 land-use base
 * (never from attribute areas), the demolition area and its reclaimable part, reclaimed farmland and its
 * planned quality, new construction land and the farmland, paddy and quality it occupies, the surplus
 * quota (节余指标) and its value, and the violations that keep a project from balancing.
 *
 * <p>Rules (国土资发〔2008〕138号 as commonly applied; parameters from the policy profile, {@code linkage.*}):
 * <ul>
 *   <li>only the part of a demolition plot lying on reclaimable construction land
 *       ({@code linkage.reclaimableCodes}, DLBM share × (1 − KCXS)) counts as reclaimed construction land;
 *       the rest is {@link ViolationCode#DEMOLITION_NOT_CONSTRUCTION_LAND} (slivers under
 *       {@code linkage.minOverlapM2} only reported);</li>
 *   <li>new construction area (whole plots) must not exceed reclaimed construction land;</li>
 *   <li>reclaimed farmland (reclaimable part of plots whose planned class is in {@code linkage.farmlandCodes},
 *       net of the 田坎 it will carry: × (1 − KCXS) with KCXS from the plot's field, else the profile's
 *       {@code linkage.reclaimedKcxs} by class and slope grade) must not be less than the net farmland occupied
 *       (overlap × (1 − KCXS)) — 田坎 deducted on both sides;</li>
 *   <li>占水田补水田: reclaimed paddy (net) must not be less than the paddy occupied (net), unless the profile's
 *       {@code linkage.paddyBalanceRequired} is false ({@link ViolationCode#PADDY_NOT_BALANCED});</li>
 *   <li>its area-weighted planned grade must not be numerically larger (worse) than the occupied
 *       farmland's grade (DLTB GDDB weighted by net farmland area);</li>
 *   <li>construction plots must not overlap permanent basic farmland or the eco red line; all plots of a
 *       project must lie in one county (first 6 digits of ZLDWDM of the overlapped 图斑).</li>
 * </ul>
 * Surplus quota = reclaimed construction land − new construction land, not below 0; its value = 亩 × price, the
 * price being the intra-county one ({@code linkage.pricePerMu.intraCounty}) unless a cross-province 调出 tier is
 * asked for (国办发〔2018〕16号; only for designated counties) or a price is given.
 *
 * <p>All geometries must be in the land-use base's CRS ({@link LinkageInputs} reprojects).
 */
public final class LinkageAnalysis {

  /**
   * Which profile price per 亩 values the surplus (overridden by an explicit price): the ordinary intra-county
   * (市县域内) use, or a cross-province outgoing (跨省域调出) tier of 国办发〔2018〕16号, which applies only to the
   * counties the State designates.
   */
  public enum PriceClass {
    INTRA_COUNTY("linkage.pricePerMu.intraCounty"),
    ORDINARY_FARMLAND("linkage.crossProvince.outgoingPricePerMu.ordinaryFarmland"),
    HIGH_STANDARD_FARMLAND("linkage.crossProvince.outgoingPricePerMu.highStandardFarmland");

    public final String profileKey;

    PriceClass(String profileKey) {
      this.profileKey = profileKey;
    }

    /** intra-county (default), ordinary / high-standard (cross-province outgoing tiers). */
    public static PriceClass parse(String s) {
      return switch (s.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
        case "intra-county", "local" -> INTRA_COUNTY;
        case "ordinary", "ordinary-farmland", "cross-province-ordinary" -> ORDINARY_FARMLAND;
        case "high-standard", "high-standard-farmland", "cross-province-high-standard" -> HIGH_STANDARD_FARMLAND;
        default -> throw new IllegalArgumentException(
            "price class must be intra-county, ordinary or high-standard, got " + s);
      };
    }
  }

  /**
   * Options: an explicit price per 亩 (null: from the profile) and the price class to take from the profile.
   */
  public record Options(Double pricePerMu, PriceClass priceClass) {
    public static final Options DEFAULT = new Options(null, PriceClass.INTRA_COUNTY);

    public Options {
      if (pricePerMu != null && !(pricePerMu >= 0 && Double.isFinite(pricePerMu))) {
        throw new IllegalArgumentException("price per 亩 must be a finite number ≥ 0, got " + pricePerMu);
      }
      if (priceClass == null) {
        priceClass = PriceClass.INTRA_COUNTY;
      }
    }
  }

  /** Profile switch of 占水田补水田 (true when absent). */
  public static final String PADDY_KEY = "linkage.paddyBalanceRequired";
  /** Profile table of the KCXS reclaimed farmland carries: {class: {slope grade or "*": KCXS}}. */
  public static final String RECLAIMED_KCXS_KEY = "linkage.reclaimedKcxs";

  /** The one quality rule implemented: the reclaimed grade must not be numerically larger than the occupied. */
  public static final String QUALITY_RULE = "reclaimedGradeNotWorse";

  private final LandUseOverlay base;
  private final AreaCalculator areas;
  private final PolicyProfile profile;
  private final Layer permanentFarmland;
  private final Layer ecoRedline;
  private final LayerIndex pbfIndex;
  private final LayerIndex ecoIndex;
  private final Set<String> reclaimableCodes;
  private final Set<String> farmlandCodes;
  private final Set<String> paddyCodes;
  private final double minOverlapM2;
  private final Double pricePerMu;
  private final boolean paddyRequired;
  private final String priceSource;
  private final List<String> notes = new ArrayList<>();
  private final LandUseCodes codes = LandUseCodes.standard();

  /**
   * @param base the land-use base (DLTB) overlay, which also fixes the CRS and the area mode
   * @param profile policy parameters {@code linkage.*}
   * @param permanentFarmland 永久基本农田 layer in the base CRS, or null when not checked
   * @param ecoRedline 生态保护红线 layer in the base CRS, or null when not checked
   */
  public LinkageAnalysis(LandUseOverlay base, PolicyProfile profile, Layer permanentFarmland, Layer ecoRedline,
      Options options) {
    this.base = base;
    this.areas = base.areas();
    this.profile = profile;
    this.permanentFarmland = permanentFarmland;
    this.ecoRedline = ecoRedline;
    this.pbfIndex = permanentFarmland == null ? null : new LayerIndex(permanentFarmland.features());
    this.ecoIndex = ecoRedline == null ? null : new LayerIndex(ecoRedline.features());
    this.reclaimableCodes = Set.copyOf(profile.strings("linkage.reclaimableCodes"));
    this.farmlandCodes = Set.copyOf(profile.strings("linkage.farmlandCodes"));
    this.paddyCodes = Set.copyOf(profile.strings("linkage.paddyCodes"));
    this.minOverlapM2 = profile.number("linkage.minOverlapM2");
    String rule = profile.text("linkage.qualityRule");
    if (!QUALITY_RULE.equals(rule)) {
      throw new IllegalArgumentException("policy linkage.qualityRule " + rule + " is not supported (supported: "
          + QUALITY_RULE + ")");
    }
    this.paddyRequired = !profile.has(PADDY_KEY) || profile.parameter(PADDY_KEY).value().asBoolean(true);
    Options o = options == null ? Options.DEFAULT : options;
    if (o.pricePerMu() != null) {
      this.pricePerMu = o.pricePerMu();
      this.priceSource = "option --price-per-mu";
    } else if (profile.has(o.priceClass().profileKey)) {
      this.pricePerMu = profile.number(o.priceClass().profileKey);
      this.priceSource = profile.id() + "@" + profile.version() + " " + o.priceClass().profileKey;
    } else {
      this.pricePerMu = null;
      this.priceSource = null;
      notes.add("未给出节余指标价格（" + o.priceClass().profileKey + "）：未计算节余指标价值；市县域内价格由地方确定，"
          + "用 --price-per-mu 或在配置中给出 (no price for " + o.priceClass().profileKey + ": surplus not valued)");
    }
    if (o.pricePerMu() == null && o.priceClass() != PriceClass.INTRA_COUNTY && pricePerMu != null) {
      notes.add("按跨省域调出价格计价：仅适用于国家确定的调出地区 (cross-province outgoing price: designated counties "
          + "only; " + profile.parameter(o.priceClass().profileKey).source() + ")");
    }
    if (permanentFarmland == null) {
      notes.add("未提供永久基本农田图层：未检查建新地块占用永久基本农田 (no permanent-farmland layer: not checked)");
    }
    if (ecoRedline == null) {
      notes.add("未提供生态保护红线图层：未检查建新地块占用生态保护红线 (no eco-red-line layer: not checked)");
    }
  }

  private List<org.landledger.redline.compensation.SupplementaryProject> supplementary = List.of();

  /**
   * Draws the projects' farmland and paddy shortfalls on a verified supplementary-farmland ledger (以补定占), in
   * project order; unverified projects are not drawn on.
   */
  public LinkageAnalysis withSupplementary(List<org.landledger.redline.compensation.SupplementaryProject> ledger) {
    this.supplementary = ledger == null ? List.of() : List.copyOf(ledger);
    return this;
  }

  /** Analyses the projects; notes passed in (e.g. reprojections) are carried into the result. */
  public LinkageResult analyse(List<LinkageProject> projects, List<String> inputNotes) {
    checkOverlaps(projects, LinkagePlot.Role.DEMOLITION);
    checkOverlaps(projects, LinkagePlot.Role.CONSTRUCTION);
    List<Project> out = new ArrayList<>();
    for (LinkageProject p : projects) {
      out.add(project(p));
    }
    if (!supplementary.isEmpty()) {
      LinkageCompensation.Settled settled = LinkageCompensation.settle(out, supplementary);
      out = settled.projects();
      notes.add(String.format(Locale.ROOT, "以补定占：补充耕地台账（已验收 %.2f m²，其中水田 %.2f m²）抵扣 %.2f m²、水田 %.2f m²，"
          + "余 %.2f m² (verified supplementary ledger drawn on: %.2f m² of farmland, %.2f m² of paddy)",
          settled.ledger().available().areaM2(), settled.ledger().available().paddyM2(),
          settled.ledger().allocated().areaM2(), settled.ledger().allocated().paddyM2(),
          settled.ledger().surplus().areaM2(), settled.ledger().allocated().areaM2(),
          settled.ledger().allocated().paddyM2()));
    }
    List<String> allNotes = new ArrayList<>(inputNotes == null ? List.of() : inputNotes);
    allNotes.add("面积算法 area mode: " + areas.mode() + "，坐标系 CRS: EPSG:" + base.crs().epsg()
        + "；面积均由地块与地类图斑叠加计算，不取属性面积 (areas by overlay, not from attributes)");
    allNotes.addAll(notes);
    return new LinkageResult(List.copyOf(out), List.copyOf(allNotes), pricePerMu, priceSource,
        profile.describe("linkage."), org.landledger.redline.compensation.Regime.of(profile).describe(profile));
  }

  public LinkageResult analyse(List<LinkageProject> projects) {
    return analyse(projects, List.of());
  }

  /**
   * The same land must not be counted twice: plots of one role (in any project) overlapping by more than
   * {@code linkage.minOverlapM2} are bad input naming both plots.
   */
  private void checkOverlaps(List<LinkageProject> projects, LinkagePlot.Role role) {
    org.locationtech.jts.index.strtree.STRtree tree = new org.locationtech.jts.index.strtree.STRtree();
    List<LinkagePlot> all = new ArrayList<>();
    for (LinkageProject p : projects) {
      all.addAll(role == LinkagePlot.Role.DEMOLITION ? p.demolition() : p.construction());
    }
    for (int i = 0; i < all.size(); i++) {
      tree.insert(all.get(i).geometry().getEnvelopeInternal(), i);
    }
    for (int i = 0; i < all.size(); i++) {
      LinkagePlot a = all.get(i);
      for (Object o : tree.query(a.geometry().getEnvelopeInternal())) {
        int j = (Integer) o;
        if (j <= i) {
          continue;
        }
        LinkagePlot b = all.get(j);
        Geometry x = Overlay.intersection(a.geometry(), b.geometry());
        double area = x.isEmpty() ? 0 : areas.area(x);
        if (area > minOverlapM2) {
          throw new org.landledger.io.InputDataException(a.location(), a.id(), null, String.format(Locale.ROOT,
              "%s plots %s (project %s) and %s (project %s) overlap by %.2f m²: the same land cannot be counted twice",
              role.en, a.id(), a.projectId(), b.id(), b.projectId(), area), null);
        }
      }
    }
  }

  private Project project(LinkageProject p) {
    List<Plot> plots = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    List<String> assumptions = new ArrayList<>();
    Map<String, Double> countyArea = new TreeMap<>();
    Map<String, List<Geometry>> countyPieces = new TreeMap<>();
    Map<String, Set<PlotRef>> countyPlots = new TreeMap<>();

    double demolition = 0, reclaimable = 0, recFarm = 0, recPaddy = 0, recGradeWeight = 0, recGradeArea = 0;
    double ungradedReclaimed = 0, recFarmGross = 0;
    List<Geometry> reclaimedFarmGeoms = new ArrayList<>();
    for (LinkagePlot d : p.demolition()) {
      Geometry g = d.geometry();
      double area = areas.area(g);
      List<Piece> pieces = base.pieces(g);
      collectCounties(d, pieces, countyArea, countyPieces, countyPlots);
      double inBase = LandUseOverlay.grossArea(pieces);
      double rec = 0;
      List<Geometry> recGeoms = new ArrayList<>();
      for (Piece pc : pieces) {
        double part = pc.survey().split(pc.areaM2()).entrySet().stream()
            .filter(e -> reclaimableCodes.contains(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
        if (part > 0) {
          rec += part;
          if (reclaimableCodes.contains(pc.dlbm())) {
            recGeoms.add(pc.geometry());
          }
        }
      }
      if (inBase > area + minOverlapM2) {
        // Overlapping 图斑 in the base would count land twice: never reclaim more than the plot itself.
        assumptions.add(String.format(Locale.ROOT, "拆旧地块 %s 下的地类图斑相互重叠 %.2f m²：可复垦面积以地块面积为上限"
            + " (land-use polygons overlap under the plot by %.2f m²: reclaimable capped at the plot area)", d.id(),
            inBase - area, inBase - area));
        rec = Math.min(rec, area);
      }
      if (d.plannedClass() != null && !codes.isKnown(d.plannedClass())) {
        assumptions.add("拆旧地块 " + d.id() + " 复垦地类 " + d.plannedClass() + " 不是三调地类编码：按非耕地计"
            + " (planned class is not a 三调 code: not counted as farmland)");
      }
      boolean farmland = d.plannedClass() != null && farmlandCodes.contains(d.plannedClass());
      double kcxs = farmland && rec > 0 ? reclaimedKcxs(d, assumptions) : 0;
      double recF = farmland ? rec * (1 - kcxs) : 0;
      if (d.plannedClass() == null) {
        assumptions.add("拆旧地块 " + d.id() + " 未填复垦地类：按非耕地计 (no planned class: not counted as farmland)");
      }
      if (farmland && rec > 0) {
        reclaimedFarmGeoms.addAll(recGeoms);
        recFarmGross += rec;
        if (paddyCodes.contains(d.plannedClass())) {
          recPaddy += recF;
        }
        if (d.plannedGrade() != null) {
          recGradeWeight += d.plannedGrade() * recF;
          recGradeArea += recF;
        } else {
          ungradedReclaimed += recF;
          assumptions.add(String.format(Locale.ROOT, "拆旧地块 %s 复垦为耕地但未填质量等别：%.2f m² 不参与复垦耕地质量加权"
              + " (no planned grade: %.2f m² excluded from the reclaimed quality weighting)", d.id(), recF, recF));
        }
      }
      if (pieces.isEmpty()) {
        assumptions.add("拆旧地块 " + d.id() + " 完全位于土地利用现状图层之外：无法核实为建设用地，不计复垦"
            + " (demolition plot entirely outside the land-use base: nothing counted as reclaimable)");
      } else if (area - inBase > minOverlapM2) {
        assumptions.add(String.format(Locale.ROOT, "拆旧地块 %s 有 %.2f m² 位于土地利用现状图层之外，不计复垦"
            + " (%.2f m² outside the land-use base, not reclaimable)", d.id(), area - inBase, area - inBase));
      }
      double nonRec = area - rec;
      if (nonRec > minOverlapM2) {
        Geometry bad = Overlay.difference(g, Overlay.union(recGeoms));
        String hint = "";
        double asPlanned = pieces.stream().filter(pc -> pc.dlbm().equals(d.plannedClass()))
            .mapToDouble(Piece::areaM2).sum();
        if (asPlanned > nonRec / 2) {
          // The base already shows the planned class: most likely a survey from after reclamation.
          hint = "；底图已是复垦后地类 " + d.plannedClass() + "，请使用项目批准时的地类图斑 (the base already shows the "
              + "planned class: use the land-use survey of the approval year, e.g. DLTB_BEFORE)";
        }
        violations.add(new Violation(ViolationCode.DEMOLITION_NOT_CONSTRUCTION_LAND,
            String.format(Locale.ROOT, "%s: %.2f m² 非可复垦建设用地 (not reclaimable: %s)%s", d.id(), nonRec,
                nonReclaimableDetail(pieces, area - inBase), hint),
            List.of(PlotRef.of(d)), nonRec, bad));
      }
      demolition += area;
      reclaimable += rec;
      recFarm += recF;
      plots.add(new Plot(d.id(), d.role(), g, area, inBase, LandUseOverlay.areaByCode(pieces),
          countiesOf(pieces), rec, d.plannedClass(), d.plannedGrade(), recF, 0, 0, 0, null, 0, 0));
    }

    double construction = 0, farm = 0, farmNet = 0, paddy = 0, occGradeWeight = 0, occGradeArea = 0;
    double ungradedOccupied = 0;
    List<Geometry> constructionGeoms = new ArrayList<>();
    List<Geometry> occupiedFarmGeoms = new ArrayList<>();
    List<Geometry> occupiedPaddyGeoms = new ArrayList<>();
    for (LinkagePlot c : p.construction()) {
      Geometry g = c.geometry();
      constructionGeoms.add(g);
      double area = areas.area(g);
      List<Piece> pieces = base.pieces(g);
      collectCounties(c, pieces, countyArea, countyPieces, countyPlots);
      double inBase = LandUseOverlay.grossArea(pieces);
      double f = 0, fNet = 0, pad = 0, gw = 0, ga = 0;
      for (Piece pc : pieces) {
        if (!farmlandCodes.contains(pc.dlbm())) {
          continue;
        }
        occupiedFarmGeoms.add(pc.geometry());
        f += pc.areaM2();
        fNet += pc.netAreaM2();
        if (paddyCodes.contains(pc.dlbm())) {
          pad += pc.netAreaM2();
          occupiedPaddyGeoms.add(pc.geometry());
        }
        if (pc.survey().gddb() != null) {
          gw += pc.survey().gddb() * pc.netAreaM2();
          ga += pc.netAreaM2();
        } else {
          ungradedOccupied += pc.netAreaM2();
          assumptions.add(String.format(Locale.ROOT, "建新地块 %s 占用的耕地图斑 %s 无耕地等别 (GDDB)：%.2f m² 不参与占用耕地质量加权"
              + " (no GDDB: %.2f m² excluded from the occupied quality weighting)", c.id(), pc.feature().id(),
              pc.netAreaM2(), pc.netAreaM2()));
        }
      }
      if (inBase > area + minOverlapM2) {
        assumptions.add(String.format(Locale.ROOT, "建新地块 %s 下的地类图斑相互重叠 %.2f m²：占用耕地可能重复计算，请检查土地利用现状图层"
            + " (land-use polygons overlap under the plot by %.2f m²: occupied farmland may be double counted)",
            c.id(), inBase - area, inBase - area));
      }
      if (area - inBase > minOverlapM2) {
        assumptions.add(String.format(Locale.ROOT, "建新地块 %s 有 %.2f m² 位于土地利用现状图层之外：其地类未知，按非耕地计"
            + " (%.2f m² outside the land-use base: land class unknown, counted as non-farmland)", c.id(),
            area - inBase, area - inBase));
      }
      double pbf = overlapArea(g, pbfIndex, ViolationCode.CONSTRUCTION_IN_PERMANENT_FARMLAND, c, violations);
      double eco = overlapArea(g, ecoIndex, ViolationCode.CONSTRUCTION_IN_ECO_REDLINE, c, violations);
      construction += area;
      farm += f;
      farmNet += fNet;
      paddy += pad;
      occGradeWeight += gw;
      occGradeArea += ga;
      plots.add(new Plot(c.id(), c.role(), g, area, inBase, LandUseOverlay.areaByCode(pieces),
          countiesOf(pieces), 0, null, null, 0, f, fNet, pad, ga > 0 ? gw / ga : null, pbf, eco));
    }

    if (greater(construction, reclaimable)) {
      violations.add(new Violation(ViolationCode.CONSTRUCTION_EXCEEDS_DEMOLITION,
          String.format(Locale.ROOT, "建新 %.2f m² > 拆旧复垦建设用地 %.2f m²，超出 %.2f m² (%.4f 亩)",
              construction, reclaimable, construction - reclaimable, Units.m2ToMu(construction - reclaimable)),
          p.construction().stream().map(PlotRef::of).toList(), construction - reclaimable,
          Overlay.union(constructionGeoms)));
    }
    if (greater(farmNet, recFarm)) {
      violations.add(new Violation(ViolationCode.FARMLAND_NOT_BALANCED,
          String.format(Locale.ROOT, "复垦耕地 %.2f m² < 占用耕地（扣除田坎）%.2f m²，缺 %.2f m² (%.4f 亩)",
              recFarm, farmNet, farmNet - recFarm, Units.m2ToMu(farmNet - recFarm)),
          plotIdsWithFarmland(plots), farmNet - recFarm, Overlay.union(occupiedFarmGeoms)));
    }
    if (paddyRequired && greater(paddy, recPaddy)) {
      violations.add(new Violation(ViolationCode.PADDY_NOT_BALANCED,
          String.format(Locale.ROOT, "复垦水田 %.2f m² < 占用水田（扣除田坎）%.2f m²，缺 %.2f m² (%.4f 亩)",
              recPaddy, paddy, paddy - recPaddy, Units.m2ToMu(paddy - recPaddy)),
          plots.stream().filter(pl -> pl.role() == LinkagePlot.Role.CONSTRUCTION && pl.paddyNetM2() > 0)
              .map(pl -> new PlotRef(pl.role(), pl.plotId())).toList(),
          paddy - recPaddy, Overlay.union(occupiedPaddyGeoms)));
    }
    Double recGrade = recGradeArea > 0 ? recGradeWeight / recGradeArea : null;
    Double occGrade = occGradeArea > 0 ? occGradeWeight / occGradeArea : null;
    boolean qualityVerified = true;
    if (farmNet > 0) {
      if (recGrade == null || occGrade == null) {
        qualityVerified = false;
        assumptions.add("质量等别缺失：未能核验耕地质量不降低 (quality grades missing on one side: "
            + "the quality rule could not be verified; " + (recGrade == null ? "reclaimed" : "occupied")
            + " farmland has no grade)");
      } else {
        if (ungradedReclaimed > 0 || ungradedOccupied > 0) {
          assumptions.add("质量比较仅基于有等别的耕地面积 (quality compared on graded area only)");
        }
        if (recGrade > occGrade + 1e-9) {
          violations.add(new Violation(ViolationCode.QUALITY_DECREASED,
              String.format(Locale.ROOT, "复垦耕地加权等别 %.3f 劣于占用耕地加权等别 %.3f（等别数字越小越好）",
                  recGrade, occGrade),
              p.demolition().stream().filter(d -> d.plannedClass() != null
                  && farmlandCodes.contains(d.plannedClass())).map(PlotRef::of).toList(),
              recFarm, Overlay.union(reclaimedFarmGeoms)));
        }
      }
    }
    unknownCodes(plots, assumptions);
    crossCounty(countyArea, countyPieces, countyPlots, violations);
    double surplus = Math.max(0, reclaimable - construction);
    Double value = pricePerMu == null ? null : Units.m2ToMu(surplus) * pricePerMu;
    return new Project(p.projectId(), demolition, reclaimable, recFarmGross, recFarm, recPaddy, recGrade, construction,
        farm,
        farmNet, paddy, occGrade, qualityVerified, surplus, value, List.copyOf(countyArea.keySet()), violations,
        assumptions, plots);
  }

  /**
   * The 田坎 coefficient reclaimed farmland will carry: the plot's field, else the profile's table by class and
   * slope grade ({@code "*"}: any slope), else 0 with an assumption saying the farmland is counted gross.
   */
  private double reclaimedKcxs(LinkagePlot d, List<String> assumptions) {
    if (d.plannedKcxs() != null) {
      return d.plannedKcxs();
    }
    if (profile.has(RECLAIMED_KCXS_KEY)) {
      com.fasterxml.jackson.databind.JsonNode byClass = profile.parameter(RECLAIMED_KCXS_KEY).value()
          .path(d.plannedClass());
      com.fasterxml.jackson.databind.JsonNode v = d.slopeGrade() == null ? byClass.path("*")
          : byClass.has(String.valueOf(d.slopeGrade())) ? byClass.path(String.valueOf(d.slopeGrade()))
          : byClass.path("*");
      if (v.isNumber()) {
        return v.asDouble();
      }
    }
    assumptions.add("拆旧地块 " + d.id() + " 复垦耕地未给出田坎系数（字段 KCXS 或配置 " + RECLAIMED_KCXS_KEY
        + "）：按毛面积计，与占用耕地（扣除田坎）口径不一致 (no KCXS for the reclaimed farmland: counted gross)");
    return 0;
  }

  /** Codes outside the 三调 classification: reported, counted as neither reclaimable nor farmland. */
  private void unknownCodes(List<Plot> plots, List<String> assumptions) {
    Map<String, Double> unknown = new TreeMap<>();
    for (Plot pl : plots) {
      pl.areaByCode().forEach((code, a) -> {
        if (!codes.isKnown(code)) {
          unknown.merge(code, a, Double::sum);
        }
      });
    }
    unknown.forEach((code, a) -> assumptions.add(String.format(Locale.ROOT,
        "未知地类编码 %s（%.2f m²）：既不计为可复垦建设用地也不计为耕地 (unknown land-use code %s: neither "
            + "reclaimable nor farmland)", code, a, code)));
  }

  private static List<PlotRef> plotIdsWithFarmland(List<Plot> plots) {
    return plots.stream().filter(pl -> pl.role() == LinkagePlot.Role.CONSTRUCTION && pl.farmlandM2() > 0)
        .map(pl -> new PlotRef(pl.role(), pl.plotId())).toList();
  }

  private String nonReclaimableDetail(List<Piece> pieces, double outside) {
    Map<String, Double> m = new TreeMap<>();
    for (Piece pc : pieces) {
      pc.survey().split(pc.areaM2()).forEach((code, a) -> {
        if (!reclaimableCodes.contains(code)) {
          m.merge(code, a, Double::sum);
        }
      });
    }
    List<String> parts = new ArrayList<>();
    m.forEach((code, a) -> parts.add(String.format(Locale.ROOT, "%s %.2f m²", code, a)));
    if (outside > 1e-6) {
      parts.add(String.format(Locale.ROOT, "outside base %.2f m²", outside));
    }
    return String.join(", ", parts);
  }

  /** Overlap of a construction plot with a protected layer; a violation when above the sliver threshold. */
  private double overlapArea(Geometry g, LayerIndex index, ViolationCode code, LinkagePlot plot,
      List<Violation> violations) {
    if (index == null) {
      return 0;
    }
    List<Geometry> parts = new ArrayList<>();
    for (Feature f : index.intersecting(g)) {
      Geometry i = Overlay.intersection(g, f.geometry());
      if (!i.isEmpty()) {
        parts.add(i);
      }
    }
    Geometry u = Overlay.union(parts);
    double a = u.isEmpty() ? 0 : areas.area(u);
    if (a > minOverlapM2) {
      violations.add(new Violation(code, String.format(Locale.ROOT, "%s: %.2f m² (%.4f 亩)", plot.id(), a,
          Units.m2ToMu(a)), List.of(PlotRef.of(plot)), a, u));
    }
    return a;
  }

  private static Map<String, Double> countiesOf(List<Piece> pieces) {
    Map<String, Double> m = new TreeMap<>();
    for (Piece pc : pieces) {
      String c = pc.survey().countyCode();
      m.merge(c == null ? "unknown" : c, pc.areaM2(), Double::sum);
    }
    return m;
  }

  private static void collectCounties(LinkagePlot plot, List<Piece> pieces, Map<String, Double> area,
      Map<String, List<Geometry>> geoms, Map<String, Set<PlotRef>> plotsByCounty) {
    for (Piece pc : pieces) {
      String c = pc.survey().countyCode();
      if (c == null) {
        continue;
      }
      area.merge(c, pc.areaM2(), Double::sum);
      geoms.computeIfAbsent(c, k -> new ArrayList<>()).add(pc.geometry());
      plotsByCounty.computeIfAbsent(c, k -> new java.util.LinkedHashSet<>()).add(PlotRef.of(plot));
    }
  }

  /** More than one county: the violation's geometry is everything outside the county with most area. */
  private static void crossCounty(Map<String, Double> area, Map<String, List<Geometry>> geoms,
      Map<String, Set<PlotRef>> plotsByCounty, List<Violation> violations) {
    if (area.size() < 2) {
      return;
    }
    String main = area.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    List<Geometry> outside = new ArrayList<>();
    Set<PlotRef> ids = new HashSet<>();
    List<PlotRef> ordered = new ArrayList<>();
    double outsideArea = 0;
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Double> e : area.entrySet()) {
      parts.add(String.format(Locale.ROOT, "%s %.2f m²", e.getKey(), e.getValue()));
      if (e.getKey().equals(main)) {
        continue;
      }
      outside.addAll(geoms.get(e.getKey()));
      outsideArea += e.getValue();
      for (PlotRef id : plotsByCounty.get(e.getKey())) {
        if (ids.add(id)) {
          ordered.add(id);
        }
      }
    }
    violations.add(new Violation(ViolationCode.CROSS_COUNTY,
        "县级代码 county codes: " + String.join(", ", parts) + "；主县 main county " + main,
        ordered, outsideArea, Overlay.union(outside)));
  }

  /** a &gt; b beyond rounding noise of summed areas. */
  private static boolean greater(double a, double b) {
    return a > b + 1e-6 + 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  }
}
