package org.landledger.homestead;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.Overlay;
import org.landledger.io.Feature;
import org.landledger.io.InputDataException;
import org.landledger.io.Layer;
import org.landledger.policy.PolicyProfile;
import org.landledger.privacy.HouseholdKeys;
import org.locationtech.jts.geom.Geometry;

/**
 * 宅基地分析: the whole homestead run — register, findings (一户多宅, 面积超标, 闲置), exits, reclamation quota
 * and the sharing of proceeds — on layers already read. I/O stays with the caller.
 */
public final class HomesteadAnalysis {

  public static final String MAX_PER_HOUSEHOLD = "homestead.maxHomesteadsPerHousehold";
  public static final String MISMATCH_TOLERANCE = "homestead.areaMismatchToleranceM2";
  public static final String EXIT_COVER_SHARE = "homestead.exitCoverShare";
  public static final String RECLAMATION_RATE = "homestead.reclamationRate";
  public static final String PRICE_PER_MU = "homestead.quotaPricePerMu";
  public static final String COST_PER_MU = "homestead.reclamationCostPerMu";
  public static final String HOUSEHOLD_SHARE = "homestead.householdShare";

  private HomesteadAnalysis() {}

  /**
   * What to analyse.
   *
   * @param exits exits layer, or null (then exits come from {@code fields.exitField()}, or there are none)
   * @param resettlement resettlement land (集中安置区) layer, or null
   * @param standards area standards, or null to skip the OVERSIZE check
   * @param allowInvalidIds report malformed ID numbers and leave those parcels out of the household check
   *     instead of refusing the input
   */
  public record Request(Layer parcels, HomesteadFields fields, Layer exits, Layer resettlement, AreaStandards standards,
      ReclamationTerms terms, AreaMode areaMode, HouseholdKeys keys, PolicyProfile profile,
      boolean allowInvalidIds, Map<String, Object> overrides, Layer landUse, Layer permanentFarmland,
      HouseholdStandard household) {

    public Request {
      overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    /** Without the 三调 check and with the household standard from the profile (or the area standard). */
    public Request(Layer parcels, HomesteadFields fields, Layer exits, Layer resettlement, AreaStandards standards,
        ReclamationTerms terms, AreaMode areaMode, HouseholdKeys keys, PolicyProfile profile,
        boolean allowInvalidIds, Map<String, Object> overrides) {
      this(parcels, fields, exits, resettlement, standards, terms, areaMode, keys, profile, allowInvalidIds, overrides,
          null, null, HouseholdStandard.of(null, profile, HouseholdStandard.DEFAULT_SIZE_FIELD));
    }

    public Request withLandUse(Layer landUse, Layer permanentFarmland) {
      return new Request(parcels, fields, exits, resettlement, standards, terms, areaMode, keys, profile,
          allowInvalidIds, overrides, landUse, permanentFarmland, household);
    }

    public Request withHousehold(HouseholdStandard h) {
      return new Request(parcels, fields, exits, resettlement, standards, terms, areaMode, keys, profile,
          allowInvalidIds, overrides, landUse, permanentFarmland, h);
    }
  }

  /** Reclamation terms from options, each falling back to the profile; records which options overrode it. */
  public static ReclamationTerms terms(PolicyProfile profile, Double rate, Double pricePerMu, Double costPerMu,
      Double householdShare, Map<String, Object> overrides) {
    BigDecimal r = pick(profile, RECLAMATION_RATE, rate, "--reclamation-rate", overrides);
    BigDecimal price = pick(profile, PRICE_PER_MU, pricePerMu, "--price-per-mu", overrides);
    BigDecimal cost = pick(profile, COST_PER_MU, costPerMu, "--reclamation-cost-per-mu", overrides);
    BigDecimal share = pick(profile, HOUSEHOLD_SHARE, householdShare, "--household-share", overrides);
    return new ReclamationTerms(r == null ? BigDecimal.ONE : r, price, cost, share);
  }

  private static BigDecimal pick(PolicyProfile profile, String key, Double option, String optionName,
      Map<String, Object> overrides) {
    if (option != null) {
      overrides.put(optionName, option);
      return BigDecimal.valueOf(option);
    }
    return profile.has(key) ? BigDecimal.valueOf(profile.number(key)) : null;
  }

  public static HomesteadReport run(Request req) {
    PolicyProfile profile = req.profile();
    HomesteadFields fields = req.fields();
    if (fields.exitField() != null && req.exits() != null) {
      throw new IllegalArgumentException("give exits either as --exit-field/--exit-value or as --exits, not both");
    }
    List<String> notes = new ArrayList<>();
    AreaCalculator areas = AreaCalculator.of(req.parcels().crs(), req.areaMode());
    HomesteadRegister register = HomesteadRegister.read(req.parcels(), fields, req.keys(), areas);
    if (!register.idFieldPresent()) {
      notes.add("图层无 " + fields.idField() + " 字段，以要素编号作宗地标识 (no " + fields.idField()
          + " field: feature ids used as parcel ids)");
    }
    refuseErrors(req, register);

    int maxPerHousehold = (int) profile.number(MAX_PER_HOUSEHOLD);
    Path file = Path.of(req.parcels().location());
    List<Finding> findings = new ArrayList<>(HomesteadCheck.check(register, req.standards(), maxPerHousehold, file));
    findings.addAll(HomesteadCheck.householdOversize(register, req.household(), req.standards(), file));
    Map<String, HomesteadLandUse.Check> landUse = landUseChecks(req, register, areas, notes);
    double minOverlap = profile.number("redline.minOverlapM2");
    landUse.values().forEach(c -> {
      if (c.farmlandM2().doubleValue() > minOverlap || c.permanentFarmlandM2().doubleValue() > minOverlap) {
        HomesteadParcel p = register.parcels().stream().filter(x -> x.parcelId().equals(c.parcelId())).findFirst()
            .orElseThrow();
        findings.add(new Finding(p.parcelId(), p.householdKey(), FindingType.HOMESTEAD_ON_FARMLAND, null, null,
            c.farmlandM2(), c.permanentFarmlandM2()));
      }
    });
    Map<String, Integer> rowOf = new java.util.HashMap<>();
    register.parcels().forEach(p -> rowOf.put(p.parcelId(), p.row()));
    findings.sort(java.util.Comparator.comparing(f -> rowOf.getOrDefault(f.parcelId(), 0)));
    double tolerance = profile.number(MISMATCH_TOLERANCE);
    List<HomesteadCheck.AreaMismatch> mismatches = HomesteadCheck.areaMismatches(register, tolerance);

    ExitSelection.Selection exits;
    if (req.exits() != null) {
      Layer ex = toParcelCrs(req.exits(), req.parcels(), notes);
      exits = ExitSelection.byLayer(register, ex, fields.idField(), profile.number(EXIT_COVER_SHARE));
    } else if (fields.exitField() != null) {
      exits = ExitSelection.byFlag(register, fields.exitField(), fields.exitValue());
    } else {
      exits = new ExitSelection.Selection(List.of(), "未指定退出宗地 (no exits given)");
    }
    BigDecimal resettlement = BigDecimal.ZERO;
    if (req.resettlement() != null) {
      Layer rs = toParcelCrs(req.resettlement(), req.parcels(), notes);
      Geometry u = Overlay.union(rs.features().stream().map(Feature::geometry).filter(g -> g != null).toList());
      resettlement = BigDecimal.valueOf(areas.area(u)).setScale(2, RoundingMode.HALF_UP);
    }
    Map<String, BigDecimal> quotaArea = null;
    if (!landUse.isEmpty()) {
      quotaArea = new java.util.HashMap<>();
      for (HomesteadParcel p : exits.parcels()) {
        quotaArea.put(p.parcelId(), landUse.get(p.parcelId()).constructionM2().min(p.areaM2()));
      }
    }
    Reclamation.Result reclamation = Reclamation.compute(exits.parcels(), quotaArea, resettlement, req.terms());
    return new HomesteadReport(req, register, findings, mismatches, tolerance, maxPerHousehold, exits, reclamation,
        notes, landUse);
  }

  /** The 三调 check of every parcel when a land-use layer is given (in row order), else empty. */
  private static Map<String, HomesteadLandUse.Check> landUseChecks(Request req, HomesteadRegister register,
      AreaCalculator areas, List<String> notes) {
    Map<String, HomesteadLandUse.Check> out = new LinkedHashMap<>();
    if (req.landUse() == null) {
      if (req.permanentFarmland() != null) {
        throw new IllegalArgumentException("--permanent-farmland needs --landuse (the 三调 check)");
      }
      notes.add("未给出三调地类图斑（--landuse）：退出宗地未核实是否为建设用地，未检查占用耕地 (no --landuse: exits not "
          + "checked against 三调, homesteads on farmland not checked)");
      return out;
    }
    Layer dltb = toParcelCrs(req.landUse(), req.parcels(), notes);
    Layer pbf = req.permanentFarmland() == null ? null : toParcelCrs(req.permanentFarmland(), req.parcels(), notes);
    HomesteadLandUse lu = new HomesteadLandUse(dltb, pbf, areas,
        new java.util.HashSet<>(req.profile().strings("linkage.reclaimableCodes")));
    for (HomesteadParcel p : register.parcels()) {
      out.put(p.parcelId(), lu.check(p));
    }
    if (pbf == null) {
      notes.add("未给出永久基本农田图层：仅按三调耕地检查违法占用 (no permanent-farmland layer: only 耕地 checked)");
    }
    return out;
  }

  private static void refuseErrors(Request req, HomesteadRegister register) {
    List<ParcelIssue> refused = register.errors().stream()
        .filter(i -> i.kind() == ParcelIssue.Kind.DUPLICATE_PARCEL_ID || !req.allowInvalidIds())
        .toList();
    if (refused.isEmpty()) {
      return;
    }
    String list = refused.stream().limit(20).map(ParcelIssue::describe).collect(Collectors.joining("; "));
    String more = refused.size() > 20 ? "; … " + (refused.size() - 20) + " more" : "";
    boolean onlyIds = refused.stream().allMatch(i -> i.kind() == ParcelIssue.Kind.MALFORMED_ID);
    String hint = onlyIds ? " (fix them, or pass --allow-invalid-ids to report them and leave those parcels out of "
        + "the household check)" : "";
    throw new InputDataException(Path.of(req.parcels().location()), null, null,
        refused.size() + " 行数据错误 (bad rows): " + list + more + hint);
  }

  private static Layer toParcelCrs(Layer layer, Layer parcels, List<String> notes) {
    if (layer.crs() == null || parcels.crs() == null || layer.crs().equals(parcels.crs())) {
      return layer;
    }
    notes.add("图层 " + layer.name() + " 由 " + layer.crs() + " 转换到宅基地图层坐标系 " + parcels.crs()
        + " (reprojected to the parcels' CRS)");
    Layer out = layer.map(f -> f.withGeometry(layer.crs().transform(f.geometry(), parcels.crs())));
    return new Layer(out.schema(), parcels.crs(), out.features(), layer.location());
  }

}
