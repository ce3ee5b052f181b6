package org.landledger.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.ecovalue.change.LandUseTransfer;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.SurveyEllipsoidalArea;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.landuse.LandUseCodes;
import org.landledger.landuse.LandUseOverlay;

/**
 * 三调汇总: builds the summary tables (level-1/level-2 by village and township, 耕地 by slope and planting attribute,
 * 田坎, 城镇村及工矿用地, 永久基本农田 by class, the change table), the TBMJ tie-out and the control-area comparison
 * (with 平差 on request) — query (the layers) → compute (this) → write ({@link StatsOutputs}).
 */
public final class StatsAnalysis {

  private final LandUseCodes codes;
  private final StatsOptions options;

  public StatsAnalysis(LandUseCodes codes, StatsOptions options) {
    this.codes = codes;
    this.options = options;
  }

  public StatsResult run(StatsInputs in) {
    Layer dltb = in.landUse();
    List<SurveyRecord> records = dltb.features().stream().map(f -> SurveyRecord.of(f, dltb.location())).toList();
    List<String> notes = new ArrayList<>();
    Map<String, String> towns = ControlAreas.names(in.xzq(), "XZQDM", "XZQMC", 9);
    Map<String, String> villages = ControlAreas.names(in.cjdcq(), "ZLDWDM", "ZLDWMC", 12);
    StatsTables t = new StatsTables(codes, records, towns, villages);
    List<SummaryTable> tables = new ArrayList<>(levelTables(t));
    tables.add(t.farmlandBySlope());
    SummaryTable planting = t.farmlandByPlanting();
    if (planting != null) {
      tables.add(planting);
    } else {
      notes.add("图层无种植属性字段 ZZSXDM: 未编制耕地种植属性表 (no planting-attribute field)");
    }
    tables.add(t.ridges());
    tables.add(t.urbanVillageMining());
    AreaCalculator ellipsoidal = AreaCalculator.of(dltb.crs(), AreaMode.ELLIPSOIDAL);
    if (in.permanentFarmland() != null) {
      tables.add(t.permanentFarmland(pbfPieces(in.permanentFarmland(), dltb, records, ellipsoidal)));
    }
    if (in.landUseBefore() != null) {
      LandUseTransfer tr = LandUseTransfer.compute(in.landUseBefore(), dltb, ellipsoidal);
      Map<String[], Double> m = new LinkedHashMap<>();
      tr.areaM2().forEach((k, a) -> m.put(new String[] {k.from(), k.to()}, a));
      tables.add(t.change(m, "前期 " + year(in.landUseBefore()), "后期 " + year(dltb)));
    }
    long total = records.stream().mapToLong(SurveyRecord::tbmj).sum();
    SurveyEllipsoidalArea official = null;
    try {
      official = SurveyEllipsoidalArea.of(dltb.crs());
    } catch (IllegalArgumentException e) {
      notes.add("TBMJ 核对: " + e.getMessage() + "; GeographicLib 代替 (used instead)");
    }
    TieOut tie = TieOut.compute(dltb, records, official, ellipsoidal, options.tieOutAbsM2(), options.tieOutRelative());
    ControlAreas control = ControlAreas.compare(in.xzq(), in.cjdcq(), options.controlField(), records);
    StatsResult.Adjusted adjusted = null;
    if (options.adjust()) {
      if (control.units().stream().noneMatch(u -> u.controlM2() != null)) {
        throw new IllegalArgumentException("--adjust needs a control area: give --xzq or --cjdcq with a control field "
            + "(KZMJ, DCMJ, MJ or --control-field)");
      }
      adjusted = adjust(t, records, control, towns, villages);
      notes.add("平差规则未经三调规程确认 (adjustment rule not confirmed for the 三调): " + ControlAreas.SOURCE);
    }
    return new StatsResult(tables, total, records.size(), tie, control, adjusted, notes);
  }

  private static List<SummaryTable> levelTables(StatsTables t) {
    SummaryTable l2v = t.level2ByVillage();
    SummaryTable l1v = t.level1From(l2v, "level1-village", "土地利用现状一级分类面积汇总表（按村）",
        "Land use by level-1 class, by village");
    SummaryTable l2t = t.byTownship(l2v, "level2-township", "土地利用现状二级分类面积汇总表（按乡镇）",
        "Land use by level-2 class, by township");
    SummaryTable l1t = t.byTownship(l1v, "level1-township", "土地利用现状一级分类面积汇总表（按乡镇）",
        "Land use by level-1 class, by township");
    return List.of(l1t, l2t, l1v, l2v);
  }

  private StatsResult.Adjusted adjust(StatsTables base, List<SurveyRecord> records, ControlAreas control,
      Map<String, String> towns, Map<String, String> villages) {
    long[] adj = control.adjust(records);
    List<SurveyRecord> moved = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      SurveyRecord r = records.get(i);
      long kc = Math.round(adj[i] * r.kcxs());
      moved.add(new SurveyRecord(r.bsm(), r.dlbm(), r.kcdlbm(), r.kcxs(), adj[i], kc, r.zldwdm(), r.gdpdjb(), r.gdlx(),
          r.zzsxdm(), r.czcsxm()));
    }
    List<SummaryTable> lt = levelTables(new StatsTables(codes, moved, towns, villages));
    return new StatsResult.Adjusted(lt.get(0).totalsHa(), lt.get(1).totalsHa(), java.util.Arrays.stream(adj).sum(), adj);
  }

  private static List<StatsTables.PbfPiece> pbfPieces(Layer pbf, Layer dltb, List<SurveyRecord> records,
      AreaCalculator areas) {
    LandUseOverlay overlay = new LandUseOverlay(dltb, areas);
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < dltb.size(); i++) {
      index.put(dltb.features().get(i).id(), i);
    }
    Map<String, Double> whole = new java.util.concurrent.ConcurrentHashMap<>();
    List<StatsTables.PbfPiece> out = new ArrayList<>();
    boolean reproject = pbf.crs() != null && dltb.crs() != null && !pbf.crs().equals(dltb.crs());
    for (Feature p : pbf.features()) {
      org.locationtech.jts.geom.Geometry g = reproject && p.geometry() != null
          ? pbf.crs().transform(p.geometry(), dltb.crs()) : p.geometry();
      for (LandUseOverlay.Piece piece : overlay.pieces(g)) {
        double a = whole.computeIfAbsent(piece.feature().id(), k -> areas.area(piece.feature().geometry()));
        double share = piece.geometry() == piece.feature().geometry() ? 1.0 : piece.areaM2() / a;
        out.add(StatsTables.PbfPiece.of(records.get(index.get(piece.feature().id())), share));
      }
    }
    return out;
  }

  private static String year(Layer l) {
    return l.features().isEmpty() || l.features().get(0).string("SJNF") == null ? l.name()
        : l.features().get(0).string("SJNF");
  }
}
