package org.landledger.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.landledger.landuse.LandUseClass;
import org.landledger.landuse.LandUseCodes;

/**
 * 汇总表编制: the 三调 summary tables from the 图斑 records. Every 图斑 gives TBDLMJ (= TBMJ − KCMJ) to its DLBM and
 * KCMJ to its KCDLBM (1203 田坎); amounts are exact in 0.01 m² and shown in 公顷 with 强制调平 ({@link Rounding}).
 * Village tables are balanced first and township tables are their sums, so a township's figures are the sums of its
 * villages' and the county's the sums of its townships' (汇总统计规定 一(三): 乡级 = Σ 村级).
 */
public final class StatsTables {

  /** 坡度级别 (GDPDJB 1–5) with the slope ranges of the 三调 (≤2°, 2–6°, 6–15°, 15–25°, >25°). */
  static final String[][] SLOPES = {{"1", "≤2°"}, {"2", "2°–6°"}, {"3", "6°–15°"}, {"4", "15°–25°"}, {"5", ">25°"}};
  /** 种植属性 codes (ZZSXDM) of the 三调 耕地种植属性 and their names. */
  static final String[][] PLANTING = {{"LS", "种植粮食作物", "grain crops"}, {"FLS", "种植非粮作物", "non-grain crops"},
      {"LYFL", "粮与非粮轮作", "grain/non-grain rotation"}, {"XG", "休耕", "fallow"}, {"LLJZ", "林粮间作", "forest–grain intercropping"},
      {"WG", "未耕种", "not cultivated"}};
  /** 城镇村属性码 (CZCSXM). */
  static final Map<String, String[]> CZC = new LinkedHashMap<>();

  static {
    CZC.put("201", new String[] {"城市", "city"});
    CZC.put("201A", new String[] {"城市独立工业用地", "city, separate industrial land"});
    CZC.put("202", new String[] {"建制镇", "town"});
    CZC.put("202A", new String[] {"建制镇独立工业用地", "town, separate industrial land"});
    CZC.put("203", new String[] {"村庄", "village"});
    CZC.put("203A", new String[] {"村庄独立工业用地", "village, separate industrial land"});
    CZC.put("204", new String[] {"采矿用地", "mining land"});
    CZC.put("205", new String[] {"风景名胜及特殊用地", "scenic and special-purpose land"});
  }

  private final LandUseCodes codes;
  private final List<SurveyRecord> records;
  private final Map<String, String> townNames;
  private final Map<String, String> villageNames;

  public StatsTables(LandUseCodes codes, List<SurveyRecord> records, Map<String, String> townNames,
      Map<String, String> villageNames) {
    this.codes = codes;
    this.records = records;
    this.townNames = townNames;
    this.villageNames = villageNames;
  }

  /** Level-2 columns: every class of the classification in 三调 table order (湿地 00 first), then unknown codes. */
  public List<SummaryTable.Column> level2Columns() {
    List<LandUseClass> all = new ArrayList<>(codes.all());
    List<String> order = all.stream().map(LandUseClass::code).toList();
    all.sort(Comparator.comparing(LandUseClass::groupCode).thenComparingInt(c -> order.indexOf(c.code())));
    List<SummaryTable.Column> cols = new ArrayList<>();
    for (LandUseClass c : all) {
      cols.add(new SummaryTable.Column(c.code(), c.nameZh(), c.nameEn(), c.groupCode() + " " + c.groupZh(),
          c.groupCode() + " " + c.groupZh()));
    }
    TreeSet<String> unknown = new TreeSet<>();
    for (SurveyRecord r : records) {
      for (String code : new String[] {r.dlbm(), r.kcmj() > 0 ? r.kcdlbm() : null}) {
        if (code != null && codes.find(code).isEmpty()) {
          unknown.add(code);
        }
      }
    }
    unknown.forEach(u -> cols.add(new SummaryTable.Column(u, "未知地类", "unknown code", "?? 未知", "?? unknown")));
    return cols;
  }

  /** Level-1 columns: the groups (00 湿地, 01 耕地 … 12 其他土地), then "??" for unknown codes if any. */
  public List<SummaryTable.Column> level1Columns(List<SummaryTable.Column> level2) {
    Map<String, SummaryTable.Column> m = new LinkedHashMap<>();
    for (SummaryTable.Column c : level2) {
      String g = group(c.code());
      m.putIfAbsent(g, new SummaryTable.Column(g, c.groupZh().substring(c.groupZh().indexOf(' ') + 1),
          englishGroup(g), null, null));
    }
    return new ArrayList<>(m.values());
  }

  private String englishGroup(String g) {
    return switch (g) {
      case "00" -> "wetland";
      case "01" -> "farmland";
      case "02" -> "plantation";
      case "03" -> "forest";
      case "04" -> "grassland";
      case "05" -> "commercial";
      case "06" -> "industrial and mining";
      case "07" -> "residential";
      case "08" -> "public administration and services";
      case "09" -> "special-purpose";
      case "10" -> "transport";
      case "11" -> "water and water facilities";
      case "12" -> "other land";
      default -> "unknown";
    };
  }

  /** Level-1 group of a code ("??" for an unknown one). */
  public String group(String code) {
    return codes.find(code).map(LandUseClass::groupCode).orElse("??");
  }

  /** The class split of a 图斑 (cents): TBDLMJ to DLBM, KCMJ to KCDLBM. */
  static Map<String, Long> split(SurveyRecord r) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put(r.dlbm(), r.tbdlmj());
    if (r.kcmj() > 0) {
      m.merge(r.kcdlbm(), r.kcmj(), Long::sum);
    }
    return m;
  }

  /** 二级分类面积汇总表 by village (rows = ZLDWDM[0..12]). */
  public SummaryTable level2ByVillage() {
    List<SummaryTable.Column> cols = level2Columns();
    Map<String, Integer> idx = indexOf(cols);
    return byUnit("level2-village", "土地利用现状二级分类面积汇总表（按村）", "Land use by level-2 class, by village",
        "村级调查区", "village", SurveyRecord::village, villageNames, cols, r -> {
          long[] v = new long[cols.size()];
          split(r).forEach((c, a) -> v[idx.get(c)] += a);
          return v;
        }, List.of());
  }

  /** 一级分类面积汇总表 by village: the sums of the level-2 table's displayed cells, group by group. */
  public SummaryTable level1From(SummaryTable level2, String id, String titleZh, String titleEn) {
    List<SummaryTable.Column> l2 = level2.columns().subList(1, level2.columns().size());
    List<SummaryTable.Column> l1 = level1Columns(l2);
    Map<String, Integer> idx = indexOf(l1);
    List<SummaryTable.Row> rows = new ArrayList<>();
    for (SummaryTable.Row r : level2.rows()) {
      rows.add(collapse(r, l2, idx, l1.size()));
    }
    List<SummaryTable.Column> cols = new ArrayList<>();
    cols.add(SummaryTable.totalColumn());
    cols.addAll(l1);
    return new SummaryTable(id, titleZh, titleEn, level2.rowHeaderZh(), level2.rowHeaderEn(), cols, rows,
        collapse(level2.total(), l2, idx, l1.size()), level2.notes());
  }

  private SummaryTable.Row collapse(SummaryTable.Row r, List<SummaryTable.Column> l2, Map<String, Integer> idx, int n) {
    long[] cents = new long[n + 1];
    long[] units = new long[n + 1];
    cents[0] = r.cents()[0];
    units[0] = r.units()[0];
    for (int c = 0; c < l2.size(); c++) {
      int k = idx.get(group(l2.get(c).code())) + 1;
      cents[k] += r.cents()[c + 1];
      units[k] += r.units()[c + 1];
    }
    return new SummaryTable.Row(r.code(), r.name(), cents, units);
  }

  /** Village rows merged into townships (ZLDWDM[0..9]). */
  public SummaryTable byTownship(SummaryTable village, String id, String titleZh, String titleEn) {
    return village.mergedBy(v -> v.length() >= 9 ? v.substring(0, 9) : v, townNames, id, titleZh, titleEn, "乡级",
        "township");
  }

  /** 耕地坡度分级面积汇总表: 耕地 (TBDLMJ of 0101–0103) by GDPDJB, grades 2–5 split into 梯田 (GDLX TT) and 坡地. */
  public SummaryTable farmlandBySlope() {
    List<SummaryTable.Column> cols = new ArrayList<>();
    for (String[] s : SLOPES) {
      String g = s[0] + "级 " + s[1];
      String ge = "grade " + s[0] + " " + s[1];
      if (s[0].equals("1")) {
        cols.add(new SummaryTable.Column(s[0], "1级 " + s[1], "grade 1 " + s[1], null, null));
      } else {
        cols.add(new SummaryTable.Column(s[0] + "TT", "梯田", "terraced", g, ge));
        cols.add(new SummaryTable.Column(s[0] + "PD", "坡地", "sloping", g, ge));
      }
    }
    boolean ungraded = records.stream().anyMatch(r -> codes.isFarmland(r.dlbm()) && slope(r) == null);
    if (ungraded) {
      cols.add(new SummaryTable.Column("?", "未定级", "no grade", null, null));
    }
    Map<String, Integer> idx = indexOf(cols);
    return byUnit("farmland-slope", "耕地坡度分级面积汇总表", "Farmland by slope grade", "乡级", "township",
        SurveyRecord::township, townNames, cols, r -> {
          long[] v = new long[cols.size()];
          if (codes.isFarmland(r.dlbm())) {
            String g = slope(r);
            String key = g == null ? "?" : g.equals("1") ? "1" : g + ("TT".equalsIgnoreCase(r.gdlx()) ? "TT" : "PD");
            v[idx.get(key)] += r.tbdlmj();
          }
          return v;
        }, List.of("耕地面积为 TBDLMJ（扣除田坎）; farmland net of 田坎"));
  }

  private static String slope(SurveyRecord r) {
    String g = r.gdpdjb();
    if (g == null) {
      return null;
    }
    g = g.replaceFirst("^0+", "");
    return g.matches("[1-5]") ? g : null;
  }

  /** 耕地种植属性汇总表 (ZZSXDM), or null when no 图斑 carries the field. */
  public SummaryTable farmlandByPlanting() {
    if (records.stream().noneMatch(r -> r.zzsxdm() != null)) {
      return null;
    }
    List<SummaryTable.Column> cols = new ArrayList<>();
    for (String[] p : PLANTING) {
      cols.add(new SummaryTable.Column(p[0], p[1], p[2], null, null));
    }
    cols.add(new SummaryTable.Column("?", "未填写", "not given", null, null));
    Map<String, Integer> idx = indexOf(cols);
    return byUnit("farmland-planting", "耕地种植属性面积汇总表", "Farmland by planting attribute", "乡级", "township",
        SurveyRecord::township, townNames, cols, r -> {
          long[] v = new long[cols.size()];
          if (codes.isFarmland(r.dlbm())) {
            String k = r.zzsxdm() == null ? "?" : r.zzsxdm().toUpperCase(java.util.Locale.ROOT);
            v[idx.getOrDefault(k, idx.get("?"))] += r.tbdlmj();
          }
          return v;
        }, List.of());
  }

  /** 田坎面积汇总表: KCMJ by the class of the 图斑 that carries it (水田, 水浇地, 旱地, other). */
  public SummaryTable ridges() {
    List<SummaryTable.Column> cols = List.of(
        new SummaryTable.Column("0101", "水田田坎", "paddy ridges", "耕地田坎", "farmland ridges"),
        new SummaryTable.Column("0102", "水浇地田坎", "irrigated ridges", "耕地田坎", "farmland ridges"),
        new SummaryTable.Column("0103", "旱地田坎", "dry-land ridges", "耕地田坎", "farmland ridges"),
        new SummaryTable.Column("other", "其他地类田坎", "ridges on other classes", null, null));
    return byUnit("ridges", "田坎面积汇总表", "Field ridges (田坎, KCMJ)", "乡级", "township", SurveyRecord::township,
        townNames, cols, r -> {
          long[] v = new long[cols.size()];
          int k = switch (r.dlbm()) {
            case "0101" -> 0;
            case "0102" -> 1;
            case "0103" -> 2;
            default -> 3;
          };
          v[k] += r.kcmj();
          return v;
        }, List.of("田坎面积即 KCMJ，计入 1203 田坎"));
  }

  /** 城镇村及工矿用地汇总表: rows CZCSXM (201–205), columns the level-2 classes present (田坎 under 1203). */
  public SummaryTable urbanVillageMining() {
    List<SurveyRecord> czc = records.stream().filter(r -> r.czcsxm() != null).toList();
    List<SummaryTable.Column> all = level2Columns();
    TreeSet<String> present = new TreeSet<>();
    czc.forEach(r -> present.addAll(split(r).keySet()));
    List<SummaryTable.Column> cols = all.stream().filter(c -> present.contains(c.code())).toList();
    Map<String, Integer> idx = indexOf(cols);
    Map<String, String> names = new LinkedHashMap<>();
    CZC.forEach((k, v) -> names.put(k, v[0]));
    List<String> order = new ArrayList<>(CZC.keySet());
    Map<String, long[]> byCode = new TreeMap<>(Comparator.comparingInt((String k) -> order.contains(k)
        ? order.indexOf(k) : order.size()).thenComparing(Comparator.naturalOrder()));
    for (SurveyRecord r : czc) {
      long[] v = byCode.computeIfAbsent(r.czcsxm(), k -> new long[cols.size()]);
      split(r).forEach((c, a) -> v[idx.get(c)] += a);
    }
    List<String[]> keys = new ArrayList<>();
    List<long[]> cells = new ArrayList<>();
    byCode.forEach((k, v) -> {
      keys.add(new String[] {k, names.getOrDefault(k, "")});
      cells.add(v);
    });
    return SummaryTable.balanced("urban-village-mining", "城镇村及工矿用地面积汇总表", "Urban, village and mining land "
        + "(CZCSXM) by class", "城镇村属性码", "CZCSXM", cols, keys, cells, List.of());
  }

  /** A table with one row per unit ({@code unitOf}), cells added per 图斑 by {@code cells}. */
  SummaryTable byUnit(String id, String titleZh, String titleEn, String rowZh, String rowEn,
      Function<SurveyRecord, String> unitOf, Map<String, String> names, List<SummaryTable.Column> cols,
      Function<SurveyRecord, long[]> cells, List<String> notes) {
    Map<String, long[]> m = new TreeMap<>();
    for (SurveyRecord r : records) {
      long[] v = cells.apply(r);
      long[] acc = m.computeIfAbsent(unitOf.apply(r), k -> new long[cols.size()]);
      for (int i = 0; i < v.length; i++) {
        acc[i] += v[i];
      }
    }
    List<String[]> keys = new ArrayList<>();
    List<long[]> rows = new ArrayList<>();
    m.forEach((k, v) -> {
      keys.add(new String[] {k, names.getOrDefault(k, "")});
      rows.add(v);
    });
    return SummaryTable.balanced(id, titleZh, titleEn, rowZh, rowEn, cols, keys, rows, notes);
  }

  static Map<String, Integer> indexOf(List<SummaryTable.Column> cols) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < cols.size(); i++) {
      m.put(cols.get(i).code(), i);
    }
    return m;
  }

  /**
   * 永久基本农田分地类汇总表: YJJBNTTB overlaid on DLTB; a piece of a 图斑 gets the 图斑's TBMJ in proportion to the
   * piece's share of the 图斑's measured area (a 图斑 wholly inside: exactly its TBMJ), split by KCXS (田坎 under
   * 1203). Rows: townships of the 图斑.
   */
  public SummaryTable permanentFarmland(java.util.List<PbfPiece> pieces) {
    java.util.TreeSet<String> present = new java.util.TreeSet<>();
    for (PbfPiece p : pieces) {
      present.add(p.record().dlbm());
      if (p.kcmj() > 0) {
        present.add(p.record().kcdlbm());
      }
    }
    List<SummaryTable.Column> cols = level2Columns().stream().filter(c -> present.contains(c.code())).toList();
    Map<String, Integer> idx = indexOf(cols);
    Map<String, long[]> m = new TreeMap<>();
    for (PbfPiece p : pieces) {
      long[] v = m.computeIfAbsent(p.record().township(), k -> new long[cols.size()]);
      v[idx.get(p.record().dlbm())] += p.tbmj() - p.kcmj();
      if (p.kcmj() > 0) {
        v[idx.get(p.record().kcdlbm())] += p.kcmj();
      }
    }
    List<String[]> keys = new ArrayList<>();
    List<long[]> rows = new ArrayList<>();
    m.forEach((k, v) -> {
      keys.add(new String[] {k, townNames.getOrDefault(k, "")});
      rows.add(v);
    });
    return SummaryTable.balanced("permanent-farmland", "永久基本农田分地类面积汇总表", "Permanent basic farmland by "
        + "land class (YJJBNTTB on DLTB)", "乡级", "township", cols, keys, rows,
        List.of("图斑部分面积 = TBMJ × 部分椭球面积 / 图斑椭球面积; piece = TBMJ × measured share"));
  }

  /** A piece of a 图斑 inside permanent farmland: its share of TBMJ and of KCMJ (cents). */
  public record PbfPiece(SurveyRecord record, long tbmj, long kcmj) {
    public static PbfPiece of(SurveyRecord r, double share) {
      long tb = Math.round(r.tbmj() * Math.min(1.0, share));
      return new PbfPiece(r, tb, Math.round(tb * r.kcxs()));
    }
  }

  /** 土地利用变化汇总表: the transfer matrix (m² by from → to level-2 code) as a level-1 table, rows = before. */
  public SummaryTable change(Map<String[], Double> transitions, String beforeLabel, String afterLabel) {
    List<SummaryTable.Column> l1 = level1Columns(level2Columns());
    Map<String, Integer> idx = indexOf(l1);
    Map<String, long[]> m = new TreeMap<>();
    transitions.forEach((k, a) -> m.computeIfAbsent(group(k[0]), g -> new long[l1.size()])[idx.get(group(k[1]))]
        += Rounding.cents(a));
    Map<String, String> names = new LinkedHashMap<>();
    l1.forEach(c -> names.put(c.code(), c.nameZh()));
    List<String[]> keys = new ArrayList<>();
    List<long[]> rows = new ArrayList<>();
    m.forEach((k, v) -> {
      keys.add(new String[] {k, names.getOrDefault(k, "")});
      rows.add(v);
    });
    List<SummaryTable.Column> cols = l1.stream().map(c -> new SummaryTable.Column(c.code(), c.nameZh(), c.nameEn(),
        afterLabel, afterLabel)).toList();
    return SummaryTable.balanced("change", "土地利用变化汇总表（一级类转移矩阵）", "Land-use change (level-1 transfer "
        + "matrix)", beforeLabel, beforeLabel, cols, keys, rows,
        List.of("行为前期地类、列为后期地类; 面积为两期叠加的椭球面积 (overlay, ellipsoidal), 非 TBMJ"));
  }
}
