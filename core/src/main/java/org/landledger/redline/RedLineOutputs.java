package org.landledger.redline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.landledger.geo.Overlay;
import org.landledger.geo.Units;
import org.landledger.io.AtomicFiles;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.Json;
import org.landledger.io.Layer;
import org.landledger.io.LayerSchema;
import org.landledger.io.Layers;
import org.landledger.io.StagedOutput;
import org.landledger.io.WriteOptions;
import org.landledger.redline.compensation.Amounts;
import org.landledger.redline.compensation.CompensationLedger;
import org.landledger.redline.compensation.CompensationOwed;
import org.landledger.redline.compensation.Regime;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * 红线检查输出: turns a {@link RedLineResult} into its files — {@code redline.json} (summary, parcels,
 * 占补平衡 ledger), {@code redline.gpkg} (layers {@code parcels} and {@code conflicts}), {@code redline.csv}
 * (one row per parcel, UTF-8 with BOM so Excel reads the Chinese headers). {@link #writeAll} writes them
 * into a temporary folder next to the target and moves them in only when all were written.
 */
public final class RedLineOutputs {

  public static final String JSON = "redline.json";
  public static final String GPKG = "redline.gpkg";
  public static final String CSV = "redline.csv";

  private static final GeometryFactory GF = new GeometryFactory();

  private RedLineOutputs() {}

  /** Writes all outputs to {@code outDir} (created if needed); returns the files written. */
  public static List<Path> writeAll(RedLineResult r, Path outDir, boolean chinese) {
    return writeAll(r, outDir, chinese, dir -> { });
  }

  /**
   * The same, with {@code extra} writing more files (the report) into the staging folder, so they are moved in
   * together with the data files or not at all.
   */
  public static List<Path> writeAll(RedLineResult r, Path outDir, boolean chinese, StagedOutput.Writer extra) {
    return StagedOutput.write(outDir, "redline", tmp -> {
      Json.write(tmp.resolve(JSON), toJson(r));
      writeLayers(r, tmp);
      AtomicFiles.writeString(tmp.resolve(CSV), "\uFEFF" + toCsv(r, chinese));
      extra.write(tmp);
    });
  }

  /** The GeoPackage with the layers {@code parcels} and {@code conflicts}. */
  static void writeLayers(RedLineResult r, Path dir) {
    Layers.write(List.of(parcelsLayer(r), conflictsLayer(r)), dir.resolve(GPKG), WriteOptions.DEFAULT);
  }

  // ---------------------------------------------------------------- JSON

  /** The JSON document: {"summary", "parcels", "compensation"}. */
  public static Map<String, Object> toJson(RedLineResult r) {
    Map<String, Object> root = new LinkedHashMap<>(Regime.describe(r.policy()));
    root.put("summary", summary(r));
    List<Object> parcels = new ArrayList<>();
    Map<String, CompensationLedger.ClaimBalance> balances = balances(r);
    for (ParcelResult p : r.parcels()) {
      parcels.add(parcel(p, balances.get(p.id())));
    }
    root.put("parcels", parcels);
    root.put("compensation", ledger(r.ledger()));
    return root;
  }

  private static Map<String, CompensationLedger.ClaimBalance> balances(RedLineResult r) {
    Map<String, CompensationLedger.ClaimBalance> m = new HashMap<>();
    r.ledger().claims().forEach(c -> m.put(c.parcelId(), c));
    return m;
  }

  private static Map<String, Object> summary(RedLineResult r) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("crs", r.crs() == null ? null : r.crs().toString());
    s.put("areaMode", r.areaMode().name().toLowerCase(Locale.ROOT));
    s.put("minOverlapM2", r.minOverlapM2());
    s.putAll(r.engine());
    Map<String, Object> checked = new LinkedHashMap<>();
    checked.put("permanentFarmland", true);
    checked.put("farmland", true);
    checked.put("ecoRedline", r.ecoRedlineChecked());
    checked.put("devBoundary", r.devBoundaryChecked());
    s.put("checked", checked);
    s.putAll(totals(r.totals()));
    List<Object> towns = new ArrayList<>();
    for (TownshipSummary t : r.townships()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", t.code());
      m.put("name", t.name());
      m.putAll(totals(t.totals()));
      towns.add(m);
    }
    s.put("townships", towns);
    Map<String, Object> comp = new LinkedHashMap<>();
    comp.put("owed", amounts(r.ledger().owed()));
    comp.put("available", amounts(r.ledger().available()));
    comp.put("shortfall", amounts(r.ledger().shortfall()));
    comp.put("balanced", r.ledger().balanced());
    s.put("compensation", comp);
    s.put("notes", r.notes());
    s.put("repairedGeometries", r.repairs().stream().map(i -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("layer", i.layer());
      m.put("featureId", i.featureId());
      m.put("reason", i.reason());
      m.put("x", Double.isNaN(i.x()) ? null : i.x());
      m.put("y", Double.isNaN(i.y()) ? null : i.y());
      return m;
    }).toList());
    Map<String, Object> unknown = new LinkedHashMap<>();
    r.unknownLandUseCodes().forEach((k, v) -> unknown.put(k, r2(v)));
    s.put("unknownLandUseCodes", unknown);
    Map<String, Object> grain = new LinkedHashMap<>();
    grain.put("source", r.grainTable().source());
    grain.put("example", r.grainTable().isExample());
    Map<String, Object> values = new LinkedHashMap<>();
    r.grainTable().values().forEach((k, v) -> values.put(String.valueOf(k), v));
    grain.put("kgPerMu", values);
    s.put("grainTable", grain);
    s.put("policy", r.policy());
    return s;
  }

  private static Map<String, Object> totals(Totals t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("parcels", t.parcels());
    Map<String, Object> st = new LinkedHashMap<>();
    st.put("FAIL", t.fail());
    st.put("WARN", t.warn());
    st.put("PASS", t.pass());
    m.put("status", st);
    m.put("areaM2", r2(t.areaM2()));
    m.put("farmlandM2", r2(t.farmlandM2()));
    m.put("farmlandNetM2", r2(t.farmlandNetM2()));
    m.put("farmlandNetMu", r2(Units.m2ToMu(t.farmlandNetM2())));
    m.put("farmlandNetHa", r4(Units.m2ToHa(t.farmlandNetM2())));
    m.put("paddyM2", r2(t.paddyM2()));
    m.put("permanentFarmlandM2", r2(t.permanentFarmlandM2()));
    m.put("ecoRedlineM2", r2(t.ecoRedlineM2()));
    m.put("outsideDevBoundaryM2", r2(t.outsideDevBoundaryM2()));
    m.put("owed", owed(t.owed()));
    return m;
  }

  private static Map<String, Object> parcel(ParcelResult p, CompensationLedger.ClaimBalance balance) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("areaM2", r2(p.areaM2()));
    m.put("farmlandM2", r2(p.farmlandM2()));
    m.put("farmlandNetM2", r2(p.farmlandNetM2()));
    m.put("paddyM2", r2(p.paddyM2()));
    m.put("permanentFarmlandM2", r2(p.permanentFarmlandM2()));
    m.put("ecoRedlineM2", r2(p.ecoRedlineM2()));
    m.put("outsideDevBoundaryM2", r2(p.outsideDevBoundaryM2()));
    m.put("status", p.status().name());
    m.put("reasons", p.reasons().stream().map(Enum::name).toList());
    Map<String, Object> by = new LinkedHashMap<>();
    p.byLandUse().forEach((k, v) -> by.put(k, r2(v)));
    m.put("byLandUse", by);
    m.put("township", p.township());
    m.put("slivers", p.slivers().stream().map(c -> {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("type", c.type().name());
      s.put("areaM2", r4(c.areaM2()));
      return s;
    }).toList());
    m.put("conflicts", p.conflicts().stream().map(c -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("type", c.type().name());
      x.put("areaM2", r4(c.areaM2()));
      x.put("sliver", c.sliver());
      x.put("sources", c.sources());
      return x;
    }).toList());
    m.put("compensation", owed(p.owed()));
    m.put("shortfall", balance == null ? null : amounts(balance.shortfall()));
    m.put("geometryRepaired", p.geometryIssue());
    return m;
  }

  private static Map<String, Object> owed(CompensationOwed o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("areaM2", r2(o.areaM2()));
    m.put("areaMu", r2(Units.m2ToMu(o.areaM2())));
    m.put("paddyM2", r2(o.paddyM2()));
    m.put("capacityKg", r2(o.capacityKg()));
    m.put("ungradedM2", r2(o.ungradedM2()));
    Map<String, Object> byGrade = new LinkedHashMap<>();
    o.netAreaByGrade().forEach((k, v) -> byGrade.put(String.valueOf(k), r2(v)));
    m.put("netAreaByGradeM2", byGrade);
    return m;
  }

  private static Map<String, Object> amounts(Amounts a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("areaM2", r2(a.areaM2()));
    m.put("paddyM2", r2(a.paddyM2()));
    m.put("capacityKg", r2(a.capacityKg()));
    return m;
  }

  private static Map<String, Object> ledger(CompensationLedger.Result l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", "按地块顺序依次从补充耕地项目（按给定顺序）核销，三类指标分别核销 "
        + "(first come, first served; each indicator written off separately)");
    m.put("owed", amounts(l.owed()));
    m.put("available", amounts(l.available()));
    m.put("pendingUnverified", amounts(l.pending()));
    m.put("allocated", amounts(l.allocated()));
    m.put("shortfall", amounts(l.shortfall()));
    m.put("surplus", amounts(l.surplus()));
    m.put("ungradedM2", r2(l.ungradedM2()));
    m.put("balanced", l.balanced());
    m.put("projects", l.projects().stream().map(p -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", p.projectId());
      x.put("name", p.name());
      x.put("available", amounts(p.available()));
      x.put("used", amounts(p.used()));
      x.put("remaining", amounts(p.remaining()));
      x.put("verified", p.verified());
      return x;
    }).toList());
    m.put("parcels", l.claims().stream().map(c -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", c.parcelId());
      x.put("owed", amounts(c.owed()));
      x.put("allocated", amounts(c.allocated()));
      x.put("shortfall", amounts(c.shortfall()));
      x.put("balanced", c.balanced());
      // 以补定占: the occupation is allowed only when verified compensation covers every indicator
      x.put("withinVerifiedCompensation", c.balanced());
      return x;
    }).toList());
    m.put("allocations", l.allocations().stream().map(a -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("parcel", a.parcelId());
      x.put("project", a.projectId());
      x.put("indicator", a.indicator().name());
      x.put("amount", r2(a.amount()));
      x.put("unit", a.indicator().unit());
      return x;
    }).toList());
    return m;
  }

  // ---------------------------------------------------------------- layers

  /** Plan parcels with their results (field names ≤ 10 characters so shapefiles keep them). */
  public static Layer parcelsLayer(RedLineResult r) {
    Map<String, CompensationLedger.ClaimBalance> balances = balances(r);
    List<Feature> rows = new ArrayList<>();
    for (ParcelResult p : r.parcels()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("id", p.id());
      a.put("status", p.status().name());
      a.put("status_zh", p.status().zh());
      a.put("reasons", p.reasons().stream().map(Enum::name).collect(Collectors.joining(";")));
      a.put("township", p.township() == null ? "" : p.township());
      a.put("area_m2", r2(p.areaM2()));
      a.put("farm_m2", r2(p.farmlandM2()));
      a.put("farmnet_m2", r2(p.farmlandNetM2()));
      a.put("paddy_m2", r2(p.paddyM2()));
      a.put("pbf_m2", r2(p.permanentFarmlandM2()));
      a.put("eco_m2", p.ecoRedlineM2() == null ? null : r2(p.ecoRedlineM2()));
      a.put("outdev_m2", p.outsideDevBoundaryM2() == null ? null : r2(p.outsideDevBoundaryM2()));
      a.put("owed_m2", r2(p.owed().areaM2()));
      a.put("owedpdy_m2", r2(p.owed().paddyM2()));
      a.put("owedcap_kg", r2(p.owed().capacityKg()));
      CompensationLedger.ClaimBalance b = balances.get(p.id());
      a.put("short_m2", b == null ? 0.0 : r2(b.shortfall().areaM2()));
      a.put("shortpdy", b == null ? 0.0 : r2(b.shortfall().paddyM2()));
      a.put("shortcap", b == null ? 0.0 : r2(b.shortfall().capacityKg()));
      a.put("grain_tbl", r.grainTable().isExample() ? "EXAMPLE" : r.grainTable().source());
      a.put("slivers", p.slivers().stream().map(c -> c.type().name()).collect(Collectors.joining(";")));
      a.put("repaired", p.geometryIssue() == null ? "" : p.geometryIssue());
      rows.add(new Feature(p.id(), multi(p.geometry()), a));
    }
    return Layer.fromRows("parcels", r.crs(), "MultiPolygon", rows);
  }

  /** One feature per conflict: the overlap polygon, its type and area, and whether it is a sliver. */
  public static Layer conflictsLayer(RedLineResult r) {
    List<Feature> rows = new ArrayList<>();
    int n = 0;
    for (ParcelResult p : r.parcels()) {
      for (Conflict c : p.conflicts()) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("parcel_id", c.parcelId());
        a.put("type", c.type().name());
        a.put("type_zh", c.type().zh());
        a.put("area_m2", r4(c.areaM2()));
        a.put("sliver", c.sliver());
        a.put("sources", abbreviate(String.join(";", c.sources())));
        rows.add(new Feature(String.valueOf(++n), multi(c.geometry()), a));
      }
    }
    if (rows.isEmpty()) {
      return new Layer(new LayerSchema("conflicts", List.of(
          new Field("parcel_id", FieldType.STRING),
          new Field("type", FieldType.STRING),
          new Field("type_zh", FieldType.STRING),
          new Field("area_m2", FieldType.DOUBLE),
          new Field("sliver", FieldType.BOOLEAN),
          new Field("sources", FieldType.STRING)), "MultiPolygon"),
          r.crs(), List.of(), "conflicts");
    }
    return Layer.fromRows("conflicts", r.crs(), "MultiPolygon", rows);
  }

  /** GeoPackage text has no limit, but a shapefile export of the layer keeps 254 bytes: stay short. */
  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 197) + "...";
  }

    private static Geometry multi(Geometry g) {
    if (g == null || g.isEmpty()) {
      return GF.createMultiPolygon();
    }
    if (g instanceof MultiPolygon) {
      return g;
    }
    if (g instanceof Polygon p) {
      return GF.createMultiPolygon(new Polygon[] {p});
    }
    Geometry poly = Overlay.polygonal(g);
    return poly instanceof Polygon p ? GF.createMultiPolygon(new Polygon[] {p}) : poly;
  }

  // ---------------------------------------------------------------- CSV

  private static final String[] CSV_EN = {"id", "township", "status", "reasons", "areaM2", "areaMu", "farmlandM2",
      "farmlandNetM2", "farmlandNetMu", "paddyM2", "permanentFarmlandM2", "ecoRedlineM2", "outsideDevBoundaryM2",
      "slivers", "owedAreaM2", "owedPaddyM2", "owedCapacityKg", "shortfallAreaM2", "shortfallPaddyM2",
      "shortfallCapacityKg", "geometryRepaired"};
  private static final String[] CSV_ZH = {"地块编号", "乡镇代码", "检查结论", "原因", "地块面积(平方米)", "地块面积(亩)",
      "占用耕地面积(平方米，含田坎)", "占用耕地净面积(平方米)", "占用耕地净面积(亩)", "占用水田面积(平方米)",
      "占用永久基本农田面积(平方米)", "占用生态保护红线面积(平方米)", "城镇开发边界外面积(平方米)", "碎片(不影响结论)",
      "应补耕地面积(平方米)", "应补水田面积(平方米)", "应补粮食产能(公斤)", "耕地面积缺口(平方米)", "水田面积缺口(平方米)",
      "粮食产能缺口(公斤)", "几何已修复"};

  /** One row per parcel; Chinese headers and labels when {@code chinese}, else English headers and codes. */
  public static String toCsv(RedLineResult r, boolean chinese) {
    Map<String, CompensationLedger.ClaimBalance> balances = balances(r);
    StringBuilder sb = new StringBuilder();
    List<String> header = new ArrayList<>(List.of(chinese ? CSV_ZH : CSV_EN));
    if (r.grainTable().isExample()) {
      // Capacity columns computed with the illustrative table say so where the numbers are read.
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).contains("产能") || header.get(i).contains("Capacity")) {
          header.set(i, header.get(i) + (chinese ? "[示例产能表，非审批用]" : "[EXAMPLE grain table]"));
        }
      }
    }
    line(sb, header);
    for (ParcelResult p : r.parcels()) {
      CompensationLedger.ClaimBalance b = balances.get(p.id());
      Amounts shortfall = b == null ? Amounts.ZERO : b.shortfall();
      List<String> cells = new ArrayList<>();
      cells.add(p.id());
      cells.add(p.township() == null ? "" : p.township());
      cells.add(chinese ? p.status().zh() : p.status().name());
      cells.add(p.reasons().stream().map(x -> chinese ? x.zh() : x.name()).collect(Collectors.joining(chinese ? "；" : ";")));
      cells.add(num(p.areaM2()));
      cells.add(num(Units.m2ToMu(p.areaM2())));
      cells.add(num(p.farmlandM2()));
      cells.add(num(p.farmlandNetM2()));
      cells.add(num(Units.m2ToMu(p.farmlandNetM2())));
      cells.add(num(p.paddyM2()));
      cells.add(num(p.permanentFarmlandM2()));
      cells.add(p.ecoRedlineM2() == null ? "" : num(p.ecoRedlineM2()));
      cells.add(p.outsideDevBoundaryM2() == null ? "" : num(p.outsideDevBoundaryM2()));
      cells.add(p.slivers().stream().map(c -> (chinese ? c.type().zh() : c.type().name()) + " " + num4(c.areaM2()))
          .collect(Collectors.joining(chinese ? "；" : ";")));
      cells.add(num(p.owed().areaM2()));
      cells.add(num(p.owed().paddyM2()));
      cells.add(num(p.owed().capacityKg()));
      cells.add(num(shortfall.areaM2()));
      cells.add(num(shortfall.paddyM2()));
      cells.add(num(shortfall.capacityKg()));
      cells.add(p.geometryIssue() == null ? "" : p.geometryIssue());
      line(sb, cells);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String c = cells.get(i);
      if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
        sb.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(c);
      }
    }
    sb.append("\r\n");
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String num4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static Double r2(Double v) {
    return v == null ? null : Math.round(v * 100.0) / 100.0;
  }

  private static Double r4(Double v) {
    return v == null ? null : Math.round(v * 10_000.0) / 10_000.0;
  }
}
