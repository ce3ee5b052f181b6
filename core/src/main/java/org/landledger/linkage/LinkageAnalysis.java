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
 *   <li>reclaimed farmland (reclaimable part of plots whose planned class is in {@code linkage.farmlandCodes})
 *       must not be less than the net farmland occupied (overlap × (1 − KCXS));</li>
 *   <li>its area-weighted planned grade must not be numerically larger (worse) than the occupied
 *       farmland's grade (DLTB GDDB weighted by net farmland area);</li>
 *   <li>construction plots must not overlap permanent basic farmland or the eco red line; all plots of a
 *       project must lie in one county (first 6 digits of ZLDWDM of the overlapped 图斑).</li>
 * </ul>
 * Surplus quota = reclaimed construction land − new construction land, not below 0; its value = 亩 × price.
 *
 * <p>All geometries must be in the land-use base's CRS ({@link LinkageInputs} reprojects).
 */
public final class LinkageAnalysis {

  /** Which profile price per 亩 values the surplus (overridden by an explicit price). */
  public enum PriceClass {
    ORDINARY_FARMLAND("linkage.pricePerMu.ordinaryFarmland"),
    HIGH_STANDARD_FARMLAND("linkage.pricePerMu.highStandardFarmland");

    public final String profileKey;

    PriceClass(String profileKey) {
      this.profileKey = profileKey;
    }

    public static PriceClass parse(String s) {
      return switch (s.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
        case "ordinary", "ordinary-farmland" -> ORDINARY_FARMLAND;
        case "high-standard", "high-standard-farmland" -> HIGH_STANDARD_FARMLAND;
        default -> throw new IllegalArgumentException("price class must be ordinary or high-standard, got " + s);
      };
    }
  }

  /**
   * Options: an explicit price per 亩 (null: from the profile) and the price class to take from the profile.
   */
  public record Options(Double pricePerMu, PriceClass priceClass) {
    public static final Options DEFAULT = new Options(null, PriceClass.ORDINARY_FARMLAND);

    public Options {
      if (pricePerMu != null && !(pricePerMu >= 0 && Double.isFinite(pricePerMu))) {
        throw new IllegalArgumentException("price per 亩 must be a finite number ≥ 0, got " + pricePerMu);
      }
      if (priceClass == null) {
        priceClass = PriceClass.ORDINARY_FARMLAND;
      }
    }
  }

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
  private final double pricePerMu;
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
    Options o = options == null ? Options.DEFAULT : options;
    if (o.pricePerMu() != null) {
      this.pricePerMu = o.pricePerMu();
      this.priceSource = "option --price-per-mu";
    } else {
      this.pricePerMu = profile.number(o.priceClass().profileKey);
      this.priceSource = profile.id() + "@" + profile.version() + " " + o.priceClass().profileKey;
    }
    if (permanentFarmland == null) {
      notes.add("未提供永久基本农田图层：未检查建新地块占用永久基本农田 (no permanent-farmland layer: not checked)");
    }
    if (ecoRedline == null) {
      notes.add("未提供生态保护红线图层：未检查建新地块占用生态保护红线 (no eco-red-line layer: not checked)");
    }
  }

  /** Analyses the projects; notes passed in (e.g. reprojections) are carried into the result. */
  public LinkageResult analyse(List<LinkageProject> projects, List<String> inputNotes) {
    checkOverlaps(projects, LinkagePlot.Role.DEMOLITION);
    checkOverlaps(projects, LinkagePlot.Role.CONSTRUCTION);
    List<Project> out = new ArrayList<>();
    for (LinkageProject p : projects) {
      out.add(project(p));
    }
    List<String> allNotes = new ArrayList<>(inputNotes == null ? List.of() : inputNotes);
    allNotes.add("面积算法 area mode: " + areas.mode() + "，坐标系 CRS: EPSG:" + base.crs().epsg()
        + "；面积均由地块与地类图斑叠加计算，不取属性面积 (areas by overlay, not from attributes)");
    allNotes.addAll(notes);
    return new LinkageResult(List.copyOf(out), List.copyOf(allNotes), pricePerMu, priceSource, profile.describe("linkage."));
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
    double ungradedReclaimed = 0;
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
      double recF = farmland ? rec : 0;
      if (d.plannedClass() == null) {
        assumptions.add("拆旧地块 " + d.id() + " 未填复垦地类：按非耕地计 (no planned class: not counted as farmland)");
      }
      if (farmland && rec > 0) {
        reclaimedFarmGeoms.addAll(recGeoms);
        if (paddyCodes.contains(d.plannedClass())) {
          recPaddy += rec;
        }
        if (d.plannedGrade() != null) {
          recGradeWeight += d.plannedGrade() * rec;
          recGradeArea += rec;
        } else {
          ungradedReclaimed += rec;
          assumptions.add(String.format(Locale.ROOT, "拆旧地块 %s 复垦为耕地但未填质量等别：%.2f m² 不参与复垦耕地质量加权"
              + " (no planned grade: %.2f m² excluded from the reclaimed quality weighting)", d.id(), rec, rec));
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
    double value = Units.m2ToMu(surplus) * pricePerMu;
    return new Project(p.projectId(), demolition, reclaimable, recFarm, recPaddy, recGrade, construction, farm,
        farmNet, paddy, occGrade, qualityVerified, surplus, value, List.copyOf(countyArea.keySet()), violations,
        assumptions, plots);
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
