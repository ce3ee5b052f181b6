package org.landledger.samples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.landledger.geo.AreaCalculator;
import org.landledger.io.Feature;
import org.landledger.landuse.LandUseClass;
import org.landledger.landuse.LandUseCodes;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * 样例图层: turns one {@link County}'s cells into the features of every sample layer. Land-use polygons
 * are horizontal runs of cells with identical attributes (like field strips), built from the shared
 * vertices so they tile the county exactly; derived layers (townships, red lines, permanent basic
 * farmland) are unions or copies of them, homestead parcels subdivide the village cells.
 */
final class CountyLayers {

  static final int SJNF_NOW = 2023;
  static final int SJNF_BEFORE = 2019;
  /** Offset of permanent basic farmland from the land-use polygons, like a separately digitised layer. */
  static final double PBF_SHIFT_X = 0.9;
  static final double PBF_SHIFT_Y = -0.6;

  private static final GeometryFactory GF = new GeometryFactory();

  private final County c;
  private final AreaCalculator area;
  private final LandUseCodes codes = LandUseCodes.standard();
  private final long seed;

  /** Land-use features of the current year and the run (row, first, last cell) each was built from. */
  final List<Feature> dltb = new ArrayList<>();
  final List<int[]> dltbRuns = new ArrayList<>();
  final List<Feature> dltbBefore = new ArrayList<>();
  final List<Feature> xzq = new ArrayList<>();
  final List<Feature> cjdcq = new ArrayList<>();
  final List<Feature> yjjbnttb = new ArrayList<>();
  final List<Feature> stbhhx = new ArrayList<>();
  final List<Feature> czkfbj = new ArrayList<>();
  final List<Feature> zjd = new ArrayList<>();
  final List<Feature> cjq = new ArrayList<>();
  final List<Feature> jxq = new ArrayList<>();
  final List<Feature> plan = new ArrayList<>();
  final List<Feature> azq = new ArrayList<>();

  CountyLayers(County c, AreaCalculator area) {
    this.c = c;
    this.area = area;
    this.seed = c.seed;
  }

  void build() {
    build(s -> { });
  }

  /** Builds every layer, reporting each stage's time to {@code stages}. */
  void build(java.util.function.Consumer<String> stages) {
    long t = System.nanoTime();
    buildLandUse(false);
    buildLandUse(true);
    t = lap(stages, "地类图斑 land use", t);
    buildAdminAreas();
    t = lap(stages, "行政区 admin areas", t);
    buildPermanentFarmland();
    buildRedLine();
    buildDevelopmentBoundaries();
    t = lap(stages, "三区三线 planning lines", t);
    buildHomesteads();
    buildResettlement();
    buildLinkage();
    buildPlans();
    lap(stages, "宅基地/挂钩/规划 homesteads, linkage, plans", t);
  }

  private static long lap(java.util.function.Consumer<String> stages, String what, long t) {
    long n = System.nanoTime();
    stages.accept(String.format("    %s: %.1f s", what, (n - t) / 1e9));
    return n;
  }

  private String bsm(String layerTag, int seq) {
    return c.code + layerTag + pad(seq, 10);
  }

  /** Zero-padded decimal (String.format is slow on hundreds of thousands of ids). */
  static String pad(long v, int width) {
    String s = Long.toString(v);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  static double round2(double v) {
    return Math.rint(v * 100) / 100;
  }

  // ------------------------------------------------------------- geometry

  /** Polygon of cells i0..i1 in row j, clockwise (shapefile outer-ring order), from shared vertices. */
  Polygon run(int j, int i0, int i1) {
    int w1 = c.nx + 1;
    int n = 2 * (i1 - i0 + 2) + 1;
    Coordinate[] cs = new Coordinate[n];
    int k = 0;
    for (int i = i0; i <= i1 + 1; i++) {
      int v = (j + 1) * w1 + i;
      cs[k++] = new Coordinate(c.vx[v], c.vy[v]);
    }
    for (int i = i1 + 1; i >= i0; i--) {
      int v = j * w1 + i;
      cs[k++] = new Coordinate(c.vx[v], c.vy[v]);
    }
    cs[k] = cs[0].copy();
    // Top edge west→east, then bottom edge east→west: clockwise, as shapefile outer rings are.
    return GF.createPolygon(cs);
  }

  // ------------------------------------------------------------- land use

  record Attrs(String dlbm, String qsxz, String qsdwdm, String zldwdm, String kcdlbm, double kcxs, String gdlx,
      String gdpdjb, Integer gddb, String czcsxm) {}

  String zldwdm(int k) {
    County.Village v = c.villages.get(c.village[k]);
    return c.code + c.townships.get(v.township()).code() + v.code() + "0000000";
  }

  Attrs attrs(int i, int j, boolean earlier) {
    int k = c.idx(i, j);
    String dlbm = earlier ? c.before[k] : c.now[k];
    byte z = earlier ? c.zoneBefore[k] : c.zoneNow[k];
    LandUseClass cls = codes.find(dlbm).orElseThrow(() -> new IllegalStateException("unknown code " + dlbm));
    String czcs = null;
    if (cls.construction()) {
      czcs = switch (z) {
        case County.TOWN -> "201";
        case County.SEAT -> "202";
        case County.VILLAGE -> "203";
        default -> dlbm.equals("0602") ? "204" : dlbm.equals("09") ? "205" : null;
      };
    }
    boolean state = switch (dlbm) {
      case "1003", "1101", "1103", "1106", "1107A" -> true;
      default -> (z == County.TOWN && cls.construction())
          || (z == County.SEAT && (dlbm.equals("05H1") || dlbm.startsWith("08") || dlbm.equals("1004")));
    };
    String zl = zldwdm(k);
    String qsdw = state ? c.code + c.townships.get(c.township[k]).code() + "0000000000" : zl;
    if (cls.farmland()) {
      int gc = c.col0 + i;
      int gr = c.row0 + j;
      return new Attrs(dlbm, state ? "10" : "30", qsdw, zl, "1203", c.kcxs(gc, gr), c.gdlx(gc, gr),
          c.slopeLevel(gc, gr), c.gddb(gc, gr), czcs);
    }
    return new Attrs(dlbm, state ? "10" : "30", qsdw, zl, null, 0.0, null, null, null, czcs);
  }

  /** Areas of many geometries, computed in parallel (each result lands at its own index: deterministic). */
  double[] areas(List<? extends Geometry> geoms) {
    double[] a = new double[geoms.size()];
    java.util.stream.IntStream.range(0, a.length).parallel().forEach(k -> a[k] = round2(area.area(geoms.get(k))));
    return a;
  }

  /** Ellipsoidal area of current runs by run key, reused for identical runs of the earlier year. */
  private final Map<Long, Double> runArea = new java.util.HashMap<>();

  private static long runKey(int j, int i0, int i1) {
    return ((long) j << 42) | ((long) i0 << 21) | i1;
  }

  private void buildLandUse(boolean earlier) {
    List<Feature> out = earlier ? dltbBefore : dltb;
    String tag = earlier ? "02" : "01";
    Attrs[] cells = new Attrs[c.nx * c.ny];
    for (int j = 0; j < c.ny; j++) {
      for (int i = 0; i < c.nx; i++) {
        if (c.inside[c.idx(i, j)]) {
          cells[c.idx(i, j)] = attrs(i, j, earlier);
        }
      }
    }
    List<Polygon> geoms = new ArrayList<>();
    List<Attrs> attrs = new ArrayList<>();
    List<int[]> runs = new ArrayList<>();
    for (int j = 0; j < c.ny; j++) {
      int i = 0;
      while (i < c.nx) {
        Attrs a = cells[c.idx(i, j)];
        if (a == null) {
          i++;
          continue;
        }
        boolean linear = a.dlbm().startsWith("10") || a.dlbm().startsWith("110");
        int cap = linear ? 6 : 1 + Hashing.below(seed, c.col0 + i, c.row0 + j, 621, 2);
        int i1 = i;
        while (i1 + 1 < c.nx && i1 - i + 1 < cap && a.equals(cells[c.idx(i1 + 1, j)])) {
          i1++;
        }
        geoms.add(run(j, i, i1));
        attrs.add(a);
        runs.add(new int[] {j, i, i1});
        i = i1 + 1;
      }
    }
    double[] tbmj = new double[geoms.size()];
    List<Polygon> todo = new ArrayList<>();
    List<Integer> todoIndex = new ArrayList<>();
    for (int k = 0; k < geoms.size(); k++) {
      int[] r = runs.get(k);
      Double known = earlier ? runArea.get(runKey(r[0], r[1], r[2])) : null;
      if (known != null) {
        tbmj[k] = known;
      } else {
        todo.add(geoms.get(k));
        todoIndex.add(k);
      }
    }
    double[] computed = areas(todo);
    for (int k = 0; k < computed.length; k++) {
      tbmj[todoIndex.get(k)] = computed[k];
    }
    for (int k = 0; k < geoms.size(); k++) {
      int[] r = runs.get(k);
      if (!earlier) {
        runArea.put(runKey(r[0], r[1], r[2]), tbmj[k]);
        dltbRuns.add(r);
      }
      out.add(landUseFeature(k + 1, tag, geoms.get(k), attrs.get(k), tbmj[k], earlier ? SJNF_BEFORE : SJNF_NOW));
    }
  }

  private Feature landUseFeature(int seq, String tag, Geometry g, Attrs a, double tbmj, int sjnf) {
    double kcmj = round2(tbmj * a.kcxs());
    double tbdlmj = round2(tbmj - kcmj);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("BSM", bsm(tag, seq));
    m.put("DLBM", a.dlbm());
    m.put("DLMC", codes.find(a.dlbm()).orElseThrow().nameZh());
    m.put("QSXZ", a.qsxz());
    m.put("QSDWDM", a.qsdwdm());
    m.put("ZLDWDM", a.zldwdm());
    m.put("TBMJ", tbmj);
    m.put("KCDLBM", a.kcdlbm());
    m.put("KCXS", a.kcxs());
    m.put("KCMJ", kcmj);
    m.put("TBDLMJ", tbdlmj);
    m.put("GDLX", a.gdlx());
    m.put("GDPDJB", a.gdpdjb());
    m.put("GDDB", a.gddb());
    m.put("CZCSXM", a.czcsxm());
    m.put("SJNF", sjnf);
    return new Feature(String.valueOf(seq), g, m);
  }

  // ---------------------------------------------------------- admin areas

  private void buildAdminAreas() {
    List<List<Geometry>> byVillage = new ArrayList<>();
    c.villages.forEach(v -> byVillage.add(new ArrayList<>()));
    for (int f = 0; f < dltb.size(); f++) {
      int[] r = dltbRuns.get(f);
      byVillage.get(c.village[c.idx(r[1], r[0])]).add(dltb.get(f).geometry());
    }
    // Villages first, then townships from their villages: far fewer edges to node than from the polygons.
    List<Geometry> villageAreas = new ArrayList<>();
    c.villages.forEach(v -> villageAreas.add(null));
    java.util.stream.IntStream.range(0, c.villages.size()).parallel()
        .forEach(k -> villageAreas.set(k, union(byVillage.get(k))));
    List<List<Geometry>> byTownship = new ArrayList<>();
    c.townships.forEach(t -> byTownship.add(new ArrayList<>()));
    for (County.Village v : c.villages) {
      Geometry u = villageAreas.get(v.index());
      if (u != null) {
        byTownship.get(v.township()).add(u);
      }
    }
    List<Geometry> townshipAreas = new ArrayList<>();
    for (County.Township t : c.townships) {
      townshipAreas.add(union(byTownship.get(t.index())));
    }
    double[] ta = areas(townshipAreas.stream().map(g -> g == null ? GF.createPolygon() : g).toList());
    int seq = 0;
    for (County.Township t : c.townships) {
      Geometry u = townshipAreas.get(t.index());
      if (u == null) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("BSM", bsm("03", ++seq));
      m.put("XZQDM", c.code + t.code());
      m.put("XZQMC", t.name());
      m.put("XJDM", c.code);
      m.put("XJMC", c.name);
      m.put("MJ", ta[t.index()]);
      xzq.add(new Feature(String.valueOf(seq), u, m));
    }
    double[] va = areas(villageAreas.stream().map(g -> g == null ? GF.createPolygon() : g).toList());
    seq = 0;
    for (County.Village v : c.villages) {
      Geometry u = villageAreas.get(v.index());
      if (u == null) {
        continue;
      }
      County.Township t = c.townships.get(v.township());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("BSM", bsm("04", ++seq));
      m.put("ZLDWDM", c.code + t.code() + v.code() + "0000000");
      m.put("ZLDWMC", v.name());
      m.put("XZQDM", c.code + t.code());
      m.put("DCMJ", va[v.index()]);
      cjdcq.add(new Feature(String.valueOf(seq), u, m));
    }
  }

  /** Union of polygons that form a coverage (exact shared edges), or null when empty. */
  static Geometry union(List<Geometry> parts) {
    if (parts.isEmpty()) {
      return null;
    }
    Geometry u = CoverageUnion.union(parts.toArray(new Geometry[0]));
    if (!u.isValid()) {
      u = GeometryFixer.fix(u);
    }
    return u;
  }

  // ------------------------------------------------- permanent farmland

  private boolean nearSeat(int i, int j) {
    double x = c.cx(i);
    double y = c.cy(j);
    for (County.Township t : c.townships) {
      if (Math.hypot(x - t.sx(), y - t.sy()) < t.radius() * (t.countySeat() ? 1.6 : 2.0)) {
        return true;
      }
    }
    return false;
  }

  private void buildPermanentFarmland() {
    int seq = 0;
    for (int f = 0; f < dltb.size(); f++) {
      Feature d = dltb.get(f);
      String dlbm = (String) d.get("DLBM");
      if (!codes.isFarmland(dlbm) && !dlbm.endsWith("K")) {
        continue;
      }
      int[] r = dltbRuns.get(f);
      boolean excluded = false;
      for (int i = r[1]; i <= r[2] && !excluded; i++) {
        excluded = c.noPbf[c.idx(i, r[0])] || nearSeat(i, r[0]);
      }
      if (excluded || Hashing.unit(seed, c.col0 + r[1], c.row0 + r[0], 801) >= 0.86) {
        continue;
      }
      Geometry g = shift(d.geometry(), PBF_SHIFT_X, PBF_SHIFT_Y);
      // The shift is a translation by under a metre: the area equals the source polygon's TBMJ.
      double tbmj = ((Number) d.get("TBMJ")).doubleValue();
      double kcxs = ((Number) d.get("KCXS")).doubleValue();
      double kcmj = round2(tbmj * kcxs);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("BSM", bsm("05", ++seq));
      m.put("YJJBNTTBBH", c.code + pad(seq, 6));
      m.put("DLBM", dlbm);
      m.put("DLMC", d.get("DLMC"));
      m.put("GDLX", d.get("GDLX"));
      m.put("PDJB", d.get("GDPDJB"));
      m.put("ZLDWDM", d.get("ZLDWDM"));
      m.put("TBMJ", tbmj);
      m.put("KCXS", kcxs);
      m.put("KCMJ", kcmj);
      m.put("YJJBNTMJ", round2(tbmj - kcmj));
      m.put("GDDB", d.get("GDDB"));
      yjjbnttb.add(new Feature(String.valueOf(seq), g, m));
    }
  }

  static Geometry shift(Geometry g, double dx, double dy) {
    Geometry s = g.copy();
    s.apply((org.locationtech.jts.geom.CoordinateFilter) co -> {
      co.x = World.round3(co.x + dx);
      co.y = World.round3(co.y + dy);
    });
    s.geometryChanged();
    return s;
  }

  // ---------------------------------------------------- ecological red line

  private void buildRedLine() {
    List<Geometry> hills = new ArrayList<>();
    List<Geometry> water = new ArrayList<>();
    for (int f = 0; f < dltb.size(); f++) {
      String dlbm = (String) dltb.get(f).get("DLBM");
      int[] r = dltbRuns.get(f);
      int k = c.idx(r[1], r[0]);
      if (dlbm.equals("1101") || dlbm.equals("1106") || dlbm.equals("1103")) {
        water.add(dltb.get(f).geometry());
      } else if (c.zoneNow[k] == County.HILL && c.w.elevation(c.cx(r[1]), c.cy(r[0])) > 0.66
          && (dlbm.startsWith("03") || dlbm.equals("0404") || dlbm.equals("1207"))) {
        hills.add(dltb.get(f).geometry());
      }
    }
    double minArea = c.layout.compact() ? 20_000 : 100_000;
    int seq = 0;
    seq = redLineParts(hills, minArea, seq, c.name + "山地水源涵养生态保护红线", "水源涵养");
    redLineParts(water, minArea, seq, c.name + "清河湿地生物多样性维护生态保护红线", "生物多样性维护");
  }

  private int redLineParts(List<Geometry> parts, double minArea, int seq, String name, String type) {
    Geometry u = union(parts);
    if (u == null) {
      return seq;
    }
    List<Polygon> polys = new ArrayList<>();
    for (int p = 0; p < u.getNumGeometries(); p++) {
      if (u.getGeometryN(p) instanceof Polygon poly && poly.getArea() >= minArea) {
        polys.add(poly);
      }
    }
    for (Polygon poly : polys) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("BSM", bsm("06", ++seq));
      m.put("HXBH", c.code + "STHX" + String.format("%04d", seq));
      m.put("HXMC", name);
      m.put("HXLX", type);
      m.put("XZQDM", c.code);
      m.put("MJ", round2(area.area(poly)));
      stbhhx.add(new Feature(String.valueOf(seq), poly, m));
    }
    return seq;
  }

  // ------------------------------------------------ development boundary

  private void buildDevelopmentBoundaries() {
    int seq = 0;
    Geometry redLine = stbhhx.isEmpty() ? null
        : org.landledger.geo.Overlay.union(stbhhx.stream().map(Feature::geometry).toList());
    for (County.Township t : c.townships) {
      double factor = t.countySeat() ? 1.45 : 1.6;
      int n = 72;
      Coordinate[] cs = new Coordinate[n + 1];
      for (int k = 0; k < n; k++) {
        // Clockwise: angle decreasing.
        double a = -2 * Math.PI * k / n;
        double rr = t.radius() * factor * (0.97 + 0.06 * Hashing.noise(seed, 2 * Math.cos(a), 2 * Math.sin(a), 1.0, 811 + t.index()));
        double[] p = c.w.place(t.sx() + rr * Math.cos(a), t.sy() + rr * Math.sin(a));
        cs[k] = new Coordinate(p[0], p[1]);
      }
      cs[n] = cs[0].copy();
      // 三区三线: the development boundary keeps clear of the ecological red line (a river crossing a town splits it).
      Geometry ring = redLine == null ? GF.createPolygon(cs)
          : org.landledger.geo.Overlay.difference(GF.createPolygon(cs), redLine);
      for (int part = 0; part < ring.getNumGeometries(); part++) {
        Geometry g = ring.getGeometryN(part);
        if (g.isEmpty()) {
          continue;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("BSM", bsm("07", ++seq));
        m.put("CZKFBJBH", c.code + t.code() + String.format("%03d", seq));
        m.put("XZQDM", c.code + t.code());
        m.put("XZQMC", t.name());
        m.put("LX", "城镇集中建设区");
        m.put("MJ", round2(area.area(g)));
        czkfbj.add(new Feature(String.valueOf(seq), g, m));
      }
    }
  }

  // ------------------------------------------------------------ homesteads

  private record Household(String hhbm, String name, String id) {}

  private void buildHomesteads() {
    List<List<Household>> households = new ArrayList<>();
    int[] parcelSeq = new int[c.villages.size()];
    c.villages.forEach(v -> households.add(new ArrayList<>()));
    int w1 = c.nx + 1;
    int seq = 0;
    List<Polygon> parcels = new ArrayList<>();
    List<Map<String, Object>> parcelAttrs = new ArrayList<>();
    for (int j = 0; j < c.ny; j++) {
      for (int i = 0; i < c.nx; i++) {
        int k = c.idx(i, j);
        if (!c.inside[k] || !"0702".equals(c.now[k])) {
          continue;
        }
        int a = j * w1 + i;
        double[] p00 = {c.vx[a], c.vy[a]};
        double[] p10 = {c.vx[a + 1], c.vy[a + 1]};
        double[] p01 = {c.vx[a + w1], c.vy[a + w1]};
        double[] p11 = {c.vx[a + w1 + 1], c.vy[a + w1 + 1]};
        double width = Math.hypot(p10[0] - p00[0], p10[1] - p00[1]);
        double height = Math.hypot(p01[0] - p00[0], p01[1] - p00[1]);
        if (width < 14 || height < 14) {
          continue;
        }
        int m = Math.max(1, (int) Math.round(width / 17));
        int n = Math.max(1, (int) Math.round(height / 21));
        int gc = c.col0 + i;
        int gr = c.row0 + j;
        County.Village v = c.villages.get(c.village[k]);
        String zl = zldwdm(k);
        for (int b = 0; b < n; b++) {
          for (int s = 0; s < m; s++) {
            long key = (long) b * 64 + s;
            if (Hashing.unit(seed, gc, gr * 1024L + key, 901) < 0.22) {
              continue; // yard, lane or vacant plot
            }
            int s2 = s;
            if (s + 1 < m && Hashing.unit(seed, gc, gr * 1024L + key, 902) < 0.07) {
              s2 = s + 1; // an oversize parcel spanning two plots
            }
            double inset = 1.0 + 2.5 * Hashing.unit(seed, gc, gr * 1024L + key, 903);
            double du = inset / width;
            double dv = inset / height;
            double u0 = (double) s / m + du;
            double u1 = (double) (s2 + 1) / m - du;
            double v0 = (double) b / n + dv;
            double v1 = (double) (b + 1) / n - dv;
            Coordinate[] cs = {bilinear(p00, p10, p01, p11, u0, v0), bilinear(p00, p10, p01, p11, u0, v1),
                bilinear(p00, p10, p01, p11, u1, v1), bilinear(p00, p10, p01, p11, u1, v0), null};
            cs[4] = cs[0].copy();
            Polygon g = GF.createPolygon(cs);
            s = s2;
            List<Household> hh = households.get(v.index());
            Household h;
            if (hh.size() >= 3 && Hashing.unit(seed, gc, gr * 1024L + key, 904) < 0.06) {
              h = hh.get(Hashing.below(seed, gc, gr * 1024L + key, 905, hh.size())); // 一户多宅
            } else {
              long pk = Hashing.hash(seed, gc, gr * 1024L + key, 906);
              h = new Household(zl.substring(0, 12) + pad(hh.size() + 1, 4),
                  ChineseNames.person(seed, pk, 1), FakeIdNumbers.fake(c.code, seed, pk, 2));
              hh.add(h);
            }
            boolean exit = c.exiting[k] || Hashing.unit(seed, gc, gr * 1024L + key, 907) < 0.012;
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("BSM", bsm("08", ++seq));
            attrs.put("ZDDM", c.code + c.townships.get(v.township()).code() + v.code() + "JC"
                + pad(++parcelSeq[v.index()], 5));
            attrs.put("QLRMC", h.name());
            attrs.put("ZJH", h.id());
            attrs.put("HHBM", h.hhbm());
            attrs.put("ZLDWDM", zl);
            attrs.put("YT", "0702");
            attrs.put("ZDMJ", null); // filled below, computed in parallel
            attrs.put("TCBZ", exit ? 1 : 0);
            parcels.add(g);
            parcelAttrs.add(attrs);
          }
        }
      }
    }
    double[] zdmj = areas(parcels);
    for (int k = 0; k < parcels.size(); k++) {
      Map<String, Object> a = parcelAttrs.get(k);
      a.put("ZDMJ", zdmj[k]);
      zjd.add(new Feature(String.valueOf(k + 1), parcels.get(k), a));
    }
  }

  /**
   * 集中安置区: one resettlement site per township whose homesteads are exiting, beside the township seat
   * (inside its development boundary), sized at 35 % of the exiting parcels' area (flats instead of
   * houses with yards).
   */
  private void buildResettlement() {
    double[] exitArea = new double[c.townships.size()];
    List<Set<String>> households = new ArrayList<>();
    c.townships.forEach(t -> households.add(new java.util.TreeSet<>()));
    Map<String, Integer> byCode = new java.util.HashMap<>();
    c.townships.forEach(t -> byCode.put(t.code(), t.index()));
    for (Feature f : zjd) {
      if (((Number) f.get("TCBZ")).intValue() == 1) {
        int t = byCode.get(((String) f.get("ZLDWDM")).substring(6, 9));
        exitArea[t] += ((Number) f.get("ZDMJ")).doubleValue();
        households.get(t).add((String) f.get("HHBM"));
      }
    }
    int seq = 0;
    for (County.Township t : c.townships) {
      if (exitArea[t.index()] <= 0) {
        continue;
      }
      double side = Math.sqrt(exitArea[t.index()] * 0.35);
      double ang = 2 * Math.PI * Hashing.unit(seed, c.col0 + t.index(), c.row0, 971);
      double rr = t.radius() * 1.2;
      double[] centre = c.w.place(t.sx() + rr * Math.cos(ang), t.sy() + rr * Math.sin(ang));
      Polygon g = rectangle(centre[0], centre[1], side * 1.3, side / 1.3, 0);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("BSM", bsm("12", ++seq));
      m.put("AZQMC", t.name() + "集中安置区");
      m.put("XZQDM", c.code + t.code());
      m.put("AZHS", households.get(t.index()).size());
      m.put("MJ", round2(area.area(g)));
      azq.add(new Feature(String.valueOf(seq), g, m));
    }
  }

  private static Coordinate bilinear(double[] p00, double[] p10, double[] p01, double[] p11, double u, double v) {
    double x = (1 - u) * (1 - v) * p00[0] + u * (1 - v) * p10[0] + (1 - u) * v * p01[0] + u * v * p11[0];
    double y = (1 - u) * (1 - v) * p00[1] + u * (1 - v) * p10[1] + (1 - u) * v * p01[1] + u * v * p11[1];
    return new Coordinate(World.round3(x), World.round3(y));
  }

  // --------------------------------------------------------------- linkage

  private void buildLinkage() {
    int cseq = 0;
    int jseq = 0;
    for (Linkage.Plot p : c.linkage.plots) {
      Linkage.Project pr = c.linkage.projects.get(p.project());
      Polygon g = run(p.j(), p.i0(), p.i1());
      String date = pr.year() + String.format("-%02d-%02d", 3 + p.project() % 9, 10 + p.project() % 18);
      Map<String, Object> m = new LinkedHashMap<>();
      String zl = zldwdm(c.idx(p.i0(), p.j()));
      if (p.demolition()) {
        m.put("BSM", bsm("09", ++cseq));
        m.put("XMBH", pr.xmbh());
        m.put("XMMC", pr.xmmc());
        m.put("DKBH", pr.xmbh() + "-CJ" + String.format("%02d", p.seq()));
        m.put("ZLDWDM", zl);
        m.put("DLBM", p.occupied());
        m.put("FKDL", p.fkdl());
        m.put("ZLDB", p.grade());
        m.put("MJ", round2(area.area(g)));
        m.put("PFRQ", date);
        m.put("XMZT", pr.completed() ? "已验收" : "实施中");
        cjq.add(new Feature(String.valueOf(cseq), g, m));
      } else {
        m.put("BSM", bsm("10", ++jseq));
        m.put("XMBH", pr.xmbh());
        m.put("XMMC", pr.xmmc());
        m.put("DKBH", pr.xmbh() + "-JX" + String.format("%02d", p.seq()));
        m.put("ZLDWDM", zl);
        m.put("DLBM", p.occupied());
        m.put("GDDB", codes.isFarmland(p.occupied()) ? p.grade() : null);
        m.put("JSYT", p.use());
        m.put("MJ", round2(area.area(g)));
        m.put("PFRQ", date);
        m.put("GHQX", (pr.year() + 3) + date.substring(4));
        m.put("XMZT", pr.completed() ? "已验收" : "实施中");
        jxq.add(new Feature(String.valueOf(jseq), g, m));
      }
    }
  }

  // ----------------------------------------------------------------- plans

  private void buildPlans() {
    int count = c.layout.compact() ? 12 : 60;
    String[][] kinds = {{"0601", "产业园项目"}, {"05H1", "商业综合体项目"}, {"0701", "安置住房项目"},
        {"0809", "污水处理厂项目"}, {"08H2", "学校建设项目"}};
    County.Township seatT = c.townships.stream().filter(County.Township::countySeat).findFirst().orElseThrow();
    int seq = 0;
    for (int p = 0; p < count; p++) {
      double h = Hashing.unit(seed, c.col0 + p, c.row0, 951);
      double ang = 2 * Math.PI * Hashing.unit(seed, c.col0 + p, c.row0, 952);
      double[] centre;
      County.Township where = seatT;
      int mode = p % 10; // 0–5 inside the boundary, 6–7 on permanent farmland, 8 on the red line, 9 outside
      if (mode == 6 || mode == 7) {
        if (yjjbnttb.isEmpty()) {
          continue;
        }
        Geometry g = yjjbnttb.get(Hashing.below(seed, c.col0 + p, c.row0, 953, yjjbnttb.size())).geometry();
        Coordinate ip = g.getInteriorPoint().getCoordinate();
        centre = new double[] {ip.x, ip.y};
      } else if (mode == 8) {
        if (stbhhx.isEmpty()) {
          continue;
        }
        Geometry g = stbhhx.get(Hashing.below(seed, c.col0 + p, c.row0, 954, stbhhx.size())).geometry();
        Coordinate ip = g.getInteriorPoint().getCoordinate();
        centre = new double[] {ip.x, ip.y};
      } else if (mode == 9) {
        County.Village v = c.villages.get(Hashing.below(seed, c.col0 + p, c.row0, 955, c.villages.size()));
        where = c.townships.get(v.township());
        centre = c.w.place(v.vx() + v.radius() * 1.4 * Math.cos(ang), v.vy() + v.radius() * 1.4 * Math.sin(ang));
      } else {
        double rr = seatT.radius() * (1.08 + 0.25 * h);
        centre = c.w.place(seatT.sx() + rr * Math.cos(ang), seatT.sy() + rr * Math.sin(ang));
      }
      double len = 80 + 170 * Hashing.unit(seed, c.col0 + p, c.row0, 956);
      double wid = 60 + 100 * Hashing.unit(seed, c.col0 + p, c.row0, 957);
      double rot = Math.toRadians(-25 + 50 * Hashing.unit(seed, c.col0 + p, c.row0, 958));
      Polygon g = rectangle(centre[0], centre[1], len, wid, rot);
      String[] kind = kinds[Hashing.below(seed, c.col0 + p, c.row0, 959, kinds.length)];
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("BSM", bsm("11", ++seq));
      m.put("XMMC", c.name + where.name() + kind[1] + String.format("（%02d）", seq));
      m.put("GHYT", kind[0]);
      m.put("NGMJ", round2(area.area(g)));
      m.put("XZQDM", c.code + where.code());
      m.put("NF", 2024 + p % 2);
      plan.add(new Feature(String.valueOf(seq), g, m));
    }
  }

  private static Polygon rectangle(double x, double y, double len, double wid, double rot) {
    double[][] corners = {{-len / 2, -wid / 2}, {-len / 2, wid / 2}, {len / 2, wid / 2}, {len / 2, -wid / 2}};
    Coordinate[] cs = new Coordinate[5];
    for (int k = 0; k < 4; k++) {
      double px = corners[k][0] * Math.cos(rot) - corners[k][1] * Math.sin(rot);
      double py = corners[k][0] * Math.sin(rot) + corners[k][1] * Math.cos(rot);
      cs[k] = new Coordinate(World.round3(x + px), World.round3(y + py));
    }
    cs[4] = cs[0].copy();
    return GF.createPolygon(cs);
  }
}
