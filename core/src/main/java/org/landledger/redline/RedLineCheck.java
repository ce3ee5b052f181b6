package org.landledger.redline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.Crs;
import org.landledger.geo.GeometryRepair;
import org.landledger.geo.LayerIndex;
import org.landledger.geo.Overlay;
import org.landledger.io.Feature;
import org.landledger.io.InputDataException;
import org.landledger.io.Layer;
import org.landledger.landuse.LandUseCodes;
import org.landledger.landuse.LandUseOverlay;
import org.landledger.landuse.OverlayEngine;
import org.landledger.redline.compensation.CompensationLedger;
import org.landledger.redline.compensation.CompensationOwed;
import org.landledger.redline.compensation.GrainCapacityTable;
import org.locationtech.jts.geom.Geometry;

/**
 * 耕地红线检查: checks planned construction parcels against 永久基本农田, the 生态保护红线, 耕地 (三调 DLTB) and the
 * 城镇开发边界, and accounts the 占补平衡 compensation their farmland occupation owes (DOMAIN.md §3).
 *
 * <p>How: every layer is brought to the land-use layer's CRS (reprojected, and said so in the notes), invalid
 * geometries are repaired and reported, then each parcel is overlaid — in parallel, results in plan order —
 * on DLTB through {@link LandUseOverlay} (the shared 田坎 rule; the pieces come from the options'
 * {@link OverlayEngine}, local or Sedona, with identical results) and on the other layers through their
 * {@link LayerIndex} and robust {@link Overlay}. Overlaps of a layer's polygons with a parcel are unioned
 * before measuring, so overlapping polygons within one layer are not counted twice.
 *
 * <p>Status: FAIL when the overlap with permanent farmland or the eco red line reaches the minimum overlap,
 * else WARN when the farmland overlap (gross) or the part outside the development boundary reaches it, else
 * PASS. Smaller positive overlaps are slivers: reported as conflicts, status unchanged. A farmland sliver
 * owes no compensation (it is boundary noise, not an occupation).
 */
public final class RedLineCheck {

  /** Overlaps smaller than this (m²) are floating-point noise of the overlay and are dropped. */
  static final double NOISE_M2 = 1e-6;

  private final RedLineOptions options;
  private final LandUseCodes codes = LandUseCodes.standard();
  private org.landledger.io.Progress progress = org.landledger.io.Progress.NONE;

  public RedLineCheck(RedLineOptions options) {
    this.options = options == null ? RedLineOptions.DEFAULT : options;
  }

  /** Reports each checked parcel to {@code p} (e.g. {@code Progress.onTerminal}); returns this check. */
  public RedLineCheck progress(org.landledger.io.Progress p) {
    this.progress = p == null ? org.landledger.io.Progress.NONE : p;
    return this;
  }

  /** Runs the check. Bad input (missing id field, bad 三调 attributes, CRS missing) is an {@link InputDataException}. */
  public RedLineResult run(RedLineInputs in) {
    List<String> notes = new ArrayList<>();
    GeometryRepair repair = new GeometryRepair(true);
    Crs crs = in.landUse().crs();
    AreaCalculator areas = areaCalculator(in.landUse(), notes);

    Layer landUse = repaired(in.landUse(), repair);
    Layer pbf = repaired(align(in.permanentFarmland(), in.landUse(), notes), repair);
    Layer eco = repaired(align(in.ecoRedline(), in.landUse(), notes), repair);
    Layer dev = repaired(align(in.devBoundary(), in.landUse(), notes), repair);
    Layer xzq = repaired(align(in.townships(), in.landUse(), notes), repair);
    Layer plan = align(in.plan(), in.landUse(), notes);
    List<String> ids = planIds(plan, in.planIdField());
    int beforePlan = repair.issues().size();
    plan = repaired(plan, repair);
    Map<String, String> planIssues = new HashMap<>();
    repair.issues().subList(beforePlan, repair.issues().size())
        .forEach(i -> planIssues.put(i.featureId(), i.reason()));

    emptyNotes(landUse, pbf, eco, dev, plan, notes);
    if (eco == null) {
      notes.add("未提供生态保护红线图层，未检查 (no eco red line layer: not checked)");
    }
    if (dev == null) {
      notes.add("未提供城镇开发边界图层，未检查 (no development boundary layer: not checked)");
    }
    GrainCapacityTable grain = options.grainTable() != null ? options.grainTable() : GrainCapacityTable.example();
    if (grain.isExample()) {
      notes.add("粮食产能按示例等别产能表计算，非国家标准，不得用于审批；请用 --grain-table 提供本地表 "
          + "(grain capacity computed with the EXAMPLE grade table: not for approvals; supply the local table)");
    }

    List<Feature> features = plan.features();
    // The parcels' pieces on DLTB come from the engine: the local one overlays each parcel when its check asks
    // (the polygonal view below is read lazily), a batch engine (Sedona) overlays them all here.
    List<Geometry> targets = OverlayEngine.targets(features, f -> Overlay.polygonal(f.geometry()));
    OverlayEngine.Pieces landUsePieces = options.engine().pieces(targets, new LandUseOverlay(landUse, areas));
    Context ctx = new Context(landUsePieces, areas, index(pbf), index(eco), index(dev),
        index(xzq), options.effectiveMinOverlapM2(), grain, codes);
    List<ParcelResult> parcels = parallel(() -> IntStream.range(0, features.size()).parallel()
        .mapToObj(i -> {
          ParcelResult p = ctx.check(i, ids.get(i), features.get(i), planIssues.get(features.get(i).id()));
          progress.step();
          return p;
        })
        .toList());
    progress.finish();

    List<String> noArea = parcels.stream().filter(p -> p.areaM2() <= 0).map(ParcelResult::id).toList();
    if (!noArea.isEmpty()) {
      notes.add("规划地块没有面积（空几何或非面状）: " + abbreviate(noArea)
          + " (plan parcels without area: empty or not polygons)");
    }
    Map<String, Double> unknown = new TreeMap<>();
    for (ParcelResult p : parcels) {
      p.byLandUse().forEach((code, a) -> {
        if (!codes.isKnown(code)) {
          unknown.merge(code, a, Double::sum);
        }
      });
    }
    if (!unknown.isEmpty()) {
      notes.add("地类编码不在三调分类中（已按原编码统计）: " + unknown.keySet()
          + " (land-use codes not in the classification, reported as given)");
    }

    boolean ecoChecked = eco != null;
    boolean devChecked = dev != null;
    List<TownshipSummary> townships = townships(parcels, ecoChecked, devChecked);
    List<CompensationLedger.Claim> claims = parcels.stream()
        .filter(p -> !p.owed().isZero())
        .map(p -> new CompensationLedger.Claim(p.id(), p.owed()))
        .toList();
    CompensationLedger.Result ledger = CompensationLedger.settle(claims, in.supplementary());
    if (ledger.ungradedM2() > 0) {
      notes.add(String.format(java.util.Locale.ROOT, "%.2f m² 被占耕地无耕地等别(GDDB)，未计入粮食产能 (occupied farmland without a quality "
          + "grade: capacity not counted)", ledger.ungradedM2()));
    }
    return new RedLineResult(parcels, townships, Totals.of(parcels, ecoChecked, devChecked), ledger, crs,
        areas.mode(), ctx.minOverlap, ecoChecked, devChecked, notes, repair.issues(), unknown,
        grain, options.policy().describe("redline."), options.engine().describe());
  }

  private static String abbreviate(List<String> ids) {
    return ids.size() <= 20 ? ids.toString() : ids.subList(0, 20) + " … (" + ids.size() + ")";
  }

  private AreaCalculator areaCalculator(Layer landUse, List<String> notes) {
    if (landUse.crs() == null && options.areaMode() == org.landledger.geo.AreaMode.ELLIPSOIDAL) {
      throw new InputDataException(landUse.location(), null, null,
          "no coordinate system: ellipsoidal areas need one (add a .prj, pass --crs EPSG:nnnn, or use planar areas)", null);
    }
    AreaCalculator a = AreaCalculator.of(landUse.crs(), options.areaMode());
    if (a.mode() != options.areaMode()) {
      notes.add("土地利用图层为地理坐标系，面积按椭球面积计算 (geographic CRS: areas are ellipsoidal)");
    }
    return a;
  }

  /** The layer in the land-use CRS: unchanged when it already is, else reprojected (noted). */
  static Layer align(Layer layer, Layer landUse, List<String> notes) {
    if (layer == null) {
      return null;
    }
    Crs target = landUse.crs();
    Crs source = layer.crs();
    if (source == null && target == null || source != null && source.equals(target)) {
      return layer;
    }
    if (source == null || target == null) {
      Layer missing = source == null ? layer : landUse;
      throw new InputDataException(missing.location(), null, null, "no coordinate system while "
          + (source == null ? landUse.location() + " is " + target : layer.location() + " is " + source)
          + ": cannot align the layers (add a .prj or pass --crs EPSG:nnnn)", null);
    }
    notes.add("图层 " + layer.location() + " 由 " + source + " 投影转换到土地利用图层坐标系 " + target
        + " (reprojected from " + source + " to the land-use CRS " + target + ")");
    List<Feature> fs = layer.features().stream()
        .map(f -> f.geometry() == null ? f : f.withGeometry(source.transform(f.geometry(), target)))
        .toList();
    return new Layer(layer.schema(), target, fs, layer.location());
  }

  private static Layer repaired(Layer layer, GeometryRepair repair) {
    if (layer == null) {
      return null;
    }
    String name = layer.location();
    return layer.map(f -> f.geometry() == null ? f : repair.check(name, f));
  }

  private static LayerIndex index(Layer layer) {
    return layer == null ? null : new LayerIndex(layer.features());
  }

  private static void emptyNotes(Layer landUse, Layer pbf, Layer eco, Layer dev, Layer plan, List<String> notes) {
    if (landUse.size() == 0) {
      notes.add("土地利用图层为空，耕地与地类面积均为 0 (land-use layer is empty)");
    }
    if (pbf.size() == 0) {
      notes.add("永久基本农田图层为空 (permanent farmland layer is empty)");
    }
    if (eco != null && eco.size() == 0) {
      notes.add("生态保护红线图层为空 (eco red line layer is empty)");
    }
    if (dev != null && dev.size() == 0) {
      notes.add("城镇开发边界图层为空：所有地块均位于边界外 (development boundary layer is empty: every parcel lies outside it)");
    }
    if (plan.size() == 0) {
      notes.add("规划图层没有地块 (plan layer has no parcels)");
    }
  }

  /** The plan parcels' ids: the id field's values (required, unique), or the features' own ids. */
  static List<String> planIds(Layer plan, String idField) {
    List<String> ids = new ArrayList<>(plan.size());
    if (idField == null) {
      plan.features().forEach(f -> ids.add(f.id()));
      return ids;
    }
    if (!plan.schema().hasField(idField)) {
      throw new InputDataException(plan.location(), null, idField, "plan layer has no id field " + idField
          + " (fields: " + String.join(", ", plan.schema().fields().stream().map(f -> f.name()).toList())
          + "; choose one with --plan-id-field)", null);
    }
    Set<String> seen = new HashSet<>();
    for (Feature f : plan.features()) {
      String id = f.string(idField);
      if (id == null) {
        throw new InputDataException(plan.location(), f.id(), idField, "plan parcel id is blank", null);
      }
      if (!seen.add(id)) {
        throw new InputDataException(plan.location(), f.id(), idField, "plan parcel id " + id + " is not unique", null);
      }
      ids.add(id);
    }
    return ids;
  }

  private <T> T parallel(java.util.function.Supplier<T> task) {
    if (options.parallelism() == 0) {
      return task.get();
    }
    ForkJoinPool pool = new ForkJoinPool(options.parallelism());
    try {
      return pool.submit(task::get).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private static List<TownshipSummary> townships(List<ParcelResult> parcels, boolean eco, boolean dev) {
    Map<String, List<ParcelResult>> by = new TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
    Map<String, String> names = new HashMap<>();
    for (ParcelResult p : parcels) {
      by.computeIfAbsent(p.township(), k -> new ArrayList<>()).add(p);
      if (p.townshipName() != null) {
        names.putIfAbsent(p.township(), p.townshipName());
      }
    }
    List<TownshipSummary> out = new ArrayList<>();
    by.forEach((code, ps) -> out.add(new TownshipSummary(code, names.get(code), Totals.of(ps, eco, dev))));
    return out;
  }

  /** Fields naming an overlapped polygon, first present wins. */
  static final List<String> LABEL_FIELDS = List.of("YJJBNTTBBH", "JBNTTBBH", "BSM", "TBBH");

  /** An overlap geometry and the polygons it came from. */
  private record Hit(Geometry geometry, List<String> sources) {}

  /** Everything one parcel's check needs; immutable, shared by the worker threads. */
  private record Context(OverlayEngine.Pieces landUse, AreaCalculator areas, LayerIndex pbf, LayerIndex eco,
      LayerIndex dev, LayerIndex xzq, double minOverlap, GrainCapacityTable grain,
      LandUseCodes codes) {

    ParcelResult check(int index, String id, Feature f, String geometryIssue) {
      Geometry g = Overlay.polygonal(f.geometry());
      double area = areas.area(g);
      List<LandUseOverlay.Piece> pieces = landUse.of(index);
      List<LandUseOverlay.Piece> farm = pieces.stream().filter(p -> codes.isFarmland(p.dlbm())).toList();
      double farmGross = LandUseOverlay.grossArea(farm);
      double farmNet = farm.stream().mapToDouble(LandUseOverlay.Piece::netAreaM2).sum();
      double paddy = farm.stream().filter(p -> codes.find(p.dlbm()).map(c -> c.paddy()).orElse(false))
          .mapToDouble(LandUseOverlay.Piece::netAreaM2).sum();

      Map<Reason, Hit> hits = new LinkedHashMap<>();
      Map<Reason, Double> amounts = new LinkedHashMap<>();
      Hit pbfHit = overlap(pbf, g);
      hits.put(Reason.PERMANENT_FARMLAND, pbfHit);
      amounts.put(Reason.PERMANENT_FARMLAND, areas.area(pbfHit.geometry()));
      Double ecoArea = null;
      if (eco != null) {
        Hit ecoHit = overlap(eco, g);
        ecoArea = areas.area(ecoHit.geometry());
        hits.put(Reason.ECO_REDLINE, ecoHit);
        amounts.put(Reason.ECO_REDLINE, ecoArea);
      }
      hits.put(Reason.FARMLAND_OCCUPIED, new Hit(
          farm.isEmpty() ? null : Overlay.union(farm.stream().map(LandUseOverlay.Piece::geometry).toList()),
          farm.stream().map(p -> label(p.feature())).distinct().toList()));
      amounts.put(Reason.FARMLAND_OCCUPIED, farmGross);
      Double outside = null;
      if (dev != null) {
        Geometry outG = Overlay.difference(g, overlap(dev, g).geometry());
        outside = areas.area(outG);
        hits.put(Reason.OUTSIDE_DEV_BOUNDARY, new Hit(outG, List.of()));
        amounts.put(Reason.OUTSIDE_DEV_BOUNDARY, outside);
      }

      EnumSet<Reason> reasons = EnumSet.noneOf(Reason.class);
      List<Conflict> conflicts = new ArrayList<>();
      for (Reason r : Reason.values()) {
        Double a = amounts.get(r);
        if (a == null || a <= NOISE_M2) {
          continue;
        }
        boolean sliver = a < minOverlap;
        if (!sliver) {
          reasons.add(r);
        }
        conflicts.add(new Conflict(id, r, hits.get(r).geometry(), a, sliver, hits.get(r).sources()));
      }
      Status status = reasons.stream().map(Reason::status).min(java.util.Comparator.naturalOrder()).orElse(Status.PASS);
      CompensationOwed owed = reasons.contains(Reason.FARMLAND_OCCUPIED) ? owed(id, farm, paddy) : CompensationOwed.NONE;
      String[] township = township(g, pieces);
      return new ParcelResult(index, id, g, township[0], township[1], area, farmGross, farmNet, paddy,
          amounts.get(Reason.PERMANENT_FARMLAND), ecoArea, outside, LandUseOverlay.areaByCode(pieces), status,
          new ArrayList<>(reasons), conflicts, owed, geometryIssue);
    }

    /** The part of g inside the indexed layer's polygons (unioned, so overlapping polygons count once). */
    private static Hit overlap(LayerIndex index, Geometry g) {
      List<Geometry> parts = new ArrayList<>();
      List<String> sources = new ArrayList<>();
      for (Feature f : index.intersecting(g)) {
        Geometry part = Overlay.intersection(g, f.geometry());
        if (!part.isEmpty()) {
          parts.add(part);
          sources.add(label(f));
        }
      }
      return new Hit(parts.size() == 1 ? parts.get(0) : Overlay.union(parts), sources);
    }

    /** How a reviewer finds an overlapped polygon: its 图斑编号 or 标识码, else the feature id. */
    private static String label(Feature f) {
      for (String field : LABEL_FIELDS) {
        String v = f.string(field);
        if (v != null) {
          return v;
        }
      }
      return f.id();
    }

    private CompensationOwed owed(String id, List<LandUseOverlay.Piece> farm, double paddy) {
      double net = 0;
      double capacity = 0;
      double ungraded = 0;
      Map<Integer, Double> byGrade = new TreeMap<>();
      for (LandUseOverlay.Piece p : farm) {
        double n = p.netAreaM2();
        net += n;
        Integer grade = p.survey().gddb();
        if (grade == null) {
          ungraded += n;
        } else {
          capacity += grain.capacityKg(grade, n, "plan parcel " + id + " on DLTB feature " + p.feature().id());
          byGrade.merge(grade, n, Double::sum);
        }
      }
      return new CompensationOwed(net, paddy, capacity, ungraded, byGrade);
    }

    /** {code, name}: the XZQ polygon, else the ZLDWDM township, holding most of the parcel. */
    private String[] township(Geometry g, List<LandUseOverlay.Piece> pieces) {
      Map<String, Double> share = new TreeMap<>();
      Map<String, String> names = new HashMap<>();
      if (xzq != null) {
        for (Feature f : xzq.intersecting(g)) {
          String code = f.string("XZQDM");
          if (code == null) {
            code = f.id();
          }
          double a = areas.area(Overlay.intersection(g, f.geometry()));
          if (a > 0) {
            share.merge(code, a, Double::sum);
            String name = f.string("XZQMC");
            if (name != null) {
              names.putIfAbsent(code, name);
            }
          }
        }
      } else {
        for (LandUseOverlay.Piece p : pieces) {
          String code = p.survey().townshipCode();
          if (code != null) {
            share.merge(code, p.areaM2(), Double::sum);
          }
        }
      }
      String best = null;
      double max = 0;
      for (Map.Entry<String, Double> e : share.entrySet()) {
        if (e.getValue() > max) {
          best = e.getKey();
          max = e.getValue();
        }
      }
      return new String[] {best, best == null ? null : names.get(best)};
    }
  }
}
