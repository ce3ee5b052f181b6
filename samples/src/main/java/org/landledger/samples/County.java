package org.landledger.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.landledger.landuse.LandUseCodes;
import org.landledger.samples.World.Strip;

/**
 * 样例县: one county of the generated area — its cells (mask, township, village), settlements and the
 * land-use class of every cell now and in the earlier survey year, including the transitions that a
 * change analysis should find (urban growth on farmland, linkage reclamation, afforestation, 可调整地类).
 */
final class County {

  // Zones of a cell.
  static final byte OUT = 0;
  static final byte PLAIN = 1;
  static final byte HILL = 2;
  static final byte TOWN = 3;
  static final byte SEAT = 4;
  static final byte VILLAGE = 5;
  static final byte RIVER = 6;
  static final byte RESERVOIR = 7;
  static final byte BANK = 8;

  static final double HILL_LEVEL = 0.6;

  /** 乡镇. */
  record Township(int index, String code, String name, double sx, double sy, double radius, boolean countySeat) {}

  /** 村 (or 社区 for a township seat). */
  record Village(int index, int township, String code, String name, double vx, double vy, double radius,
      boolean community) {}

  final World w;
  final long seed;
  final Layout layout;
  final int col0;
  final int row0;
  final int nx;
  final int ny;
  final String code;
  final String name;
  final boolean[] inside;
  final int[] township;
  final int[] village;
  final List<Township> townships = new ArrayList<>();
  final List<Village> villages = new ArrayList<>();
  /** Vertex coordinates, (nx + 1) × (ny + 1), row-major. */
  final double[] vx;
  final double[] vy;
  final String[] now;
  final String[] before;
  final byte[] zoneNow;
  final byte[] zoneBefore;
  /** Cells that the 三区三线 keep out of permanent basic farmland (around towns, linkage construction). */
  final boolean[] noPbf;
  /** Cells of demolition plots still being implemented: their homesteads are exiting. */
  final boolean[] exiting;
  final Linkage linkage;
  private final Set<String> usedNames;

  County(World w, int tileX, int tileY, String code, String name, Set<String> usedNames) {
    this.w = w;
    this.seed = w.seed;
    this.layout = w.layout;
    this.col0 = tileX * layout.cols();
    this.row0 = tileY * layout.rows();
    this.nx = layout.cols();
    this.ny = layout.rows();
    this.code = code;
    this.name = name;
    this.usedNames = usedNames;
    int n = nx * ny;
    inside = new boolean[n];
    township = new int[n];
    village = new int[n];
    now = new String[n];
    before = new String[n];
    zoneNow = new byte[n];
    zoneBefore = new byte[n];
    noPbf = new boolean[n];
    exiting = new boolean[n];
    vx = new double[(nx + 1) * (ny + 1)];
    vy = new double[(nx + 1) * (ny + 1)];
    for (int r = 0; r <= ny; r++) {
      for (int c = 0; c <= nx; c++) {
        double[] v = w.vertex(col0 + c, row0 + r);
        vx[r * (nx + 1) + c] = v[0];
        vy[r * (nx + 1) + c] = v[1];
      }
    }
    mask();
    placeSettlements();
    assignCells();
    classifyAll();
    applyTransitions();
    this.linkage = new Linkage(this);
    linkage.plan();
  }

  int idx(int i, int j) {
    return j * nx + i;
  }

  /** Unwarped centre of cell column i (metres from the world origin). */
  double cx(int i) {
    return (w.colX(col0 + i) + w.colX(col0 + i + 1)) / 2;
  }

  double cy(int j) {
    return (w.rowY(row0 + j) + w.rowY(row0 + j + 1)) / 2;
  }

  double minX() {
    return w.colX(col0);
  }

  double maxX() {
    return w.colX(col0 + nx);
  }

  double minY() {
    return w.rowY(row0);
  }

  double maxY() {
    return w.rowY(row0 + ny);
  }

  // ------------------------------------------------------------------ mask

  private void mask() {
    if (layout.tiled()) {
      java.util.Arrays.fill(inside, true);
      return;
    }
    double mx = (minX() + maxX()) / 2;
    double my = (minY() + maxY()) / 2;
    double rx = (maxX() - minX()) * 0.48;
    double ry = (maxY() - minY()) * 0.48;
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        double dx = (cx(i) - mx) / rx;
        double dy = (cy(j) - my) / ry;
        double a = Math.atan2(dy, dx);
        double lim = 1 - 0.22 * Hashing.noise(seed, 2.5 * Math.cos(a), 2.5 * Math.sin(a), 1.0, 51);
        inside[idx(i, j)] = Math.hypot(dx, dy) < lim;
      }
    }
    // Fill diagonal pinches so that the county outline is a simple polygon.
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int j = 0; j + 1 < ny; j++) {
        for (int i = 0; i + 1 < nx; i++) {
          boolean a = inside[idx(i, j)];
          boolean b = inside[idx(i + 1, j)];
          boolean c = inside[idx(i, j + 1)];
          boolean d = inside[idx(i + 1, j + 1)];
          if ((a && d && !b && !c) || (b && c && !a && !d)) {
            inside[idx(a ? i + 1 : i, j)] = true;
            changed = true;
          }
        }
      }
    }
  }

  // ----------------------------------------------------------- settlements

  private void placeSettlements() {
    int kx = layout.townshipsX();
    int ky = layout.townshipsY();
    double w0 = maxX() - minX();
    double h0 = maxY() - minY();
    double seatX = minX() + w0 * 0.6;
    double seatY = minY() + h0 * 0.4;
    int countySeat = -1;
    double best = Double.MAX_VALUE;
    List<double[]> seats = new ArrayList<>();
    for (int b = 0; b < ky; b++) {
      for (int a = 0; a < kx; a++) {
        long key = (long) (col0 + a) * 7919 + row0 + b;
        double x = minX() + w0 * (a + 0.5 + 0.4 * (Hashing.unit(seed, key, 1, 61) - 0.5)) / kx;
        double y = minY() + h0 * (b + 0.5 + 0.4 * (Hashing.unit(seed, key, 2, 61) - 0.5)) / ky;
        if (!layout.tiled()) {
          // Pull seats into the irregular county outline.
          double mx = minX() + w0 / 2;
          double my = minY() + h0 / 2;
          x = mx + (x - mx) * 0.7;
          y = my + (y - my) * 0.7;
        }
        seats.add(new double[] {x, y});
        double d = Math.hypot(x - seatX, y - seatY);
        if (d < best) {
          best = d;
          countySeat = seats.size() - 1;
        }
      }
    }
    seats.set(countySeat, new double[] {seatX, seatY});
    double cellish = World.CELL * (World.COL_PERIOD - 1) / World.COL_PERIOD;
    int zhen = 100;
    int xiang = 200;
    for (int k = 0; k < seats.size(); k++) {
      double[] s = seats.get(k);
      boolean isSeat = k == countySeat;
      boolean hilly = w.elevation(s[0], s[1]) > HILL_LEVEL - 0.05;
      String place = ChineseNames.place(seed, Hashing.hash(seed, col0, row0, k), 71, usedNames);
      String tcode;
      String tname;
      if (isSeat) {
        tcode = "001";
        tname = "城关街道";
      } else if (hilly) {
        tcode = String.format("%03d", ++xiang);
        tname = place + "乡";
      } else {
        tcode = String.format("%03d", ++zhen);
        tname = place + "镇";
      }
      double radius = (isSeat ? layout.townRadius() : Math.max(3, layout.townRadius() / 4.5)) * cellish;
      townships.add(new Township(k, tcode, tname, s[0], s[1], radius, isSeat));
    }
    // Villages on a jittered lattice; each township seat is also a community (社区).
    int[] nextCode = new int[townships.size()];
    java.util.Arrays.fill(nextCode, 200);
    int[] nextCommunity = new int[townships.size()];
    java.util.Arrays.fill(nextCommunity, 0);
    for (Township t : townships) {
      villages.add(new Village(villages.size(), t.index(), String.format("%03d", ++nextCommunity[t.index()]),
          t.name().replaceAll("(街道|镇|乡)$", "") + "社区", t.sx(), t.sy(), t.radius(), true));
    }
    double sp = layout.villageSpacing() * cellish;
    int cols = (int) Math.ceil(w0 / sp);
    int rows = (int) Math.ceil(h0 / sp);
    for (int b = 0; b < rows; b++) {
      for (int a = 0; a < cols; a++) {
        long key = Hashing.hash(seed, col0 + a * 1000L, row0 + b, 81);
        double x = minX() + sp * (a + 0.5 + 0.7 * (Hashing.unit(seed, key, 1, 82) - 0.5));
        double y = minY() + sp * (b + 0.5 + 0.7 * (Hashing.unit(seed, key, 2, 82) - 0.5));
        int ci = cellAt(x, y);
        if (ci < 0 || !inside[ci]) {
          continue;
        }
        Township t = townships.get(nearestTownship(x, y));
        boolean absorbed = false;
        for (Township o : townships) {
          if (Math.hypot(x - o.sx(), y - o.sy()) < o.radius() * 1.6 + 2 * World.CELL) {
            absorbed = true;
          }
        }
        if (absorbed) {
          continue;
        }
        double hillFactor = w.elevation(x, y) > HILL_LEVEL ? 0.75 : 1.0;
        double radius = (2.2 + 1.4 * Hashing.unit(seed, key, 3, 83)) * cellish * hillFactor;
        String vname = ChineseNames.place(seed, key, 84, usedNames) + ChineseNames.villageSuffix(seed, key);
        villages.add(new Village(villages.size(), t.index(), String.format("%03d", ++nextCode[t.index()]), vname,
            x, y, radius, false));
      }
    }
  }

  private int cellAt(double x, double y) {
    if (x < minX() || x >= maxX() || y < minY() || y >= maxY()) {
      return -1;
    }
    // Columns and rows are nearly uniform: search around the estimate.
    int i = Math.min(nx - 1, (int) ((x - minX()) / (maxX() - minX()) * nx));
    while (i > 0 && w.colX(col0 + i) > x) {
      i--;
    }
    while (i < nx - 1 && w.colX(col0 + i + 1) <= x) {
      i++;
    }
    int j = Math.min(ny - 1, (int) ((y - minY()) / (maxY() - minY()) * ny));
    while (j > 0 && w.rowY(row0 + j) > y) {
      j--;
    }
    while (j < ny - 1 && w.rowY(row0 + j + 1) <= y) {
      j++;
    }
    return idx(i, j);
  }

  /** Nearest township seat, with a noisy distance so boundaries wander like real ones. */
  private int nearestTownship(double x, double y) {
    int best = 0;
    double bd = Double.MAX_VALUE;
    // Displace the query point by smooth noise: boundaries wander but stay continuous.
    double qx = x + 900 * (2 * Hashing.noise(seed, x, y, 3_000, 91) - 1);
    double qy = y + 900 * (2 * Hashing.noise(seed, x, y, 3_000, 92) - 1);
    for (Township t : townships) {
      double dx = qx - t.sx();
      double dy = qy - t.sy();
      double d = dx * dx + dy * dy;
      if (d < bd) {
        bd = d;
        best = t.index();
      }
    }
    return best;
  }

  private void assignCells() {
    List<List<Village>> byTownship = new ArrayList<>();
    for (int k = 0; k < townships.size(); k++) {
      byTownship.add(new ArrayList<>());
    }
    for (Village v : villages) {
      byTownship.get(v.township()).add(v);
    }
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        int k = idx(i, j);
        if (!inside[k]) {
          township[k] = -1;
          village[k] = -1;
          continue;
        }
        double x = cx(i);
        double y = cy(j);
        int t = nearestTownship(x, y);
        township[k] = t;
        Village best = null;
        double bd = Double.MAX_VALUE;
        double qx = x + 250 * (2 * Hashing.noise(seed, x, y, 1_000, 97) - 1);
        double qy = y + 250 * (2 * Hashing.noise(seed, x, y, 1_000, 98) - 1);
        for (Village v : byTownship.get(t)) {
          double dx = qx - v.vx();
          double dy = qy - v.vy();
          double d = dx * dx + dy * dy;
          if (d < bd) {
            bd = d;
            best = v;
          }
        }
        village[k] = best.index();
      }
    }
  }

  // ------------------------------------------------------------------ zones

  /** Distance from the nearest seat in units of its radius (no noise), and which seat. */
  double seatDistance(double x, double y, int[] which) {
    double best = Double.MAX_VALUE;
    for (Township t : townships) {
      double d = Math.hypot(x - t.sx(), y - t.sy()) / t.radius();
      if (d < best) {
        best = d;
        which[0] = t.index();
      }
    }
    return best;
  }

  byte zone(int i, int j, boolean earlier) {
    int k = idx(i, j);
    if (!inside[k]) {
      return OUT;
    }
    double x = cx(i);
    double y = cy(j);
    double[] d = new double[1];
    World.River river = w.nearestRiver(x, y, 400, d);
    if (river != null && d[0] < river.halfWidth()) {
      return RIVER;
    }
    if (isReservoir(x, y)) {
      return RESERVOIR;
    }
    if (river != null && d[0] < river.halfWidth() + 70 && Hashing.unit(seed, col0 + i, row0 + j, 521) < 0.5) {
      return BANK;
    }
    double wobble = 0.8 + 0.4 * Hashing.noise(seed, x, y, 700, 531);
    for (Township t : townships) {
      double grow = earlier ? (t.countySeat() ? 0.84 : 0.92) : 1.0;
      if (Math.hypot(x - t.sx(), y - t.sy()) < t.radius() * wobble * grow) {
        return t.countySeat() ? TOWN : SEAT;
      }
    }
    Village v = villages.get(village[k]);
    if (!v.community()) {
      double vw = 0.75 + 0.5 * Hashing.noise(seed, x, y, 250, 532);
      if (Math.hypot(x - v.vx(), y - v.vy()) < v.radius() * vw) {
        return VILLAGE;
      }
    }
    return w.elevation(x, y) > HILL_LEVEL ? HILL : PLAIN;
  }

  private boolean isReservoir(double x, double y) {
    for (World.River r : w.rivers()) {
      if (r.horizontal()) {
        continue;
      }
      double t = r.from() + (r.to() - r.from()) * 0.78;
      double rx = r.centre(t);
      double rad = 5 * World.CELL * (0.8 + 0.4 * Hashing.noise(seed, x, y, 300, 533));
      if (Math.hypot(x - rx, y - t) < rad) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- classes

  private void classifyAll() {
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        int k = idx(i, j);
        zoneNow[k] = zone(i, j, false);
        zoneBefore[k] = zone(i, j, true);
        if (zoneNow[k] == OUT) {
          continue;
        }
        now[k] = classify(i, j, zoneNow[k], false);
        before[k] = classify(i, j, zoneBefore[k], true);
      }
    }
  }

  /** East–west highways were built after the earlier survey (a farmland → transport transition). */
  private boolean newHighway(int c, int r) {
    return w.rowStrip(r) == Strip.HIGHWAY && w.colStrip(c) != Strip.HIGHWAY;
  }

  String classify(int i, int j, byte z, boolean earlier) {
    int c = col0 + i;
    int r = row0 + j;
    Strip cs = w.colStrip(c);
    Strip rs = w.rowStrip(r);
    boolean ignoreStrips = earlier && newHighway(c, r);
    if (ignoreStrips) {
      cs = Strip.FIELD;
      rs = Strip.FIELD;
    }
    if (cs == Strip.HIGHWAY || rs == Strip.HIGHWAY) {
      return "1003";
    }
    switch (z) {
      case RIVER:
        return "1101";
      case RESERVOIR:
        return "1103";
      case BANK:
        return "1106";
      default:
        break;
    }
    if (cs == Strip.CANAL || rs == Strip.CANAL) {
      return "1107A";
    }
    boolean road = cs == Strip.ROAD || rs == Strip.ROAD;
    boolean ditch = cs == Strip.DITCH || rs == Strip.DITCH;
    double x = cx(i);
    double y = cy(j);
    double hc = Hashing.unit(seed, c, r, 502);
    switch (z) {
      case TOWN:
      case SEAT:
        if (road || ditch) {
          return "1004";
        }
        return townClass(c, r, x, y, z == TOWN);
      case VILLAGE:
        if (road) {
          return "1004";
        }
        return villageClass(i, j, hc);
      case HILL:
        if (road) {
          return "1006";
        }
        return hillClass(c, r, x, y, hc);
      default:
        if (road) {
          return "1006";
        }
        if (ditch) {
          return "1107";
        }
        return plainClass(c, r, x, y, hc);
    }
  }

  private String townClass(int c, int r, double x, double y, boolean countySeat) {
    double hb = Hashing.unit(seed, Math.floorDiv(c, 3), Math.floorDiv(r, 3), 541);
    int[] which = new int[1];
    double d = seatDistance(x, y, which);
    Township t = townships.get(which[0]);
    double angle = Math.atan2(y - t.sy(), x - t.sx());
    if (countySeat) {
      if (angle > -1.1 && angle < 0.1 && d > 0.45) {
        return hb < 0.75 ? "0601" : hb < 0.9 ? "0508" : "1201";
      }
      return hb < 0.46 ? "0701" : hb < 0.61 ? "05H1" : hb < 0.66 ? "08H1" : hb < 0.74 ? "08H2"
          : hb < 0.78 ? "0809" : hb < 0.84 ? "0810" : hb < 0.855 ? "0810A" : hb < 0.87 ? "1005"
          : hb < 0.88 ? "09" : hb < 0.90 ? "1201" : "0701";
    }
    return hb < 0.50 ? "0701" : hb < 0.63 ? "05H1" : hb < 0.67 ? "08H1" : hb < 0.73 ? "08H2" : hb < 0.75 ? "0809"
        : hb < 0.85 ? "0601" : hb < 0.88 ? "0810" : hb < 0.91 ? "1201" : "0702";
  }

  private String villageClass(int i, int j, double hc) {
    Village v = villages.get(village[idx(i, j)]);
    if (cellAt(v.vx(), v.vy()) == idx(i, j)) {
      return "08H1";
    }
    return hc < 0.80 ? "0702" : hc < 0.85 ? "1201" : hc < 0.875 ? "0809" : hc < 0.89 ? "08H2" : hc < 0.92 ? "0601"
        : hc < 0.95 ? "1202" : "0702";
  }

  private String hillClass(int c, int r, double x, double y, double hc) {
    double e = w.elevation(x, y);
    if (e > 0.86) {
      return hc < 0.5 ? "1207" : "0404";
    }
    double hb = Hashing.unit(seed, Math.floorDiv(c, 3), Math.floorDiv(r, 3), 551);
    return hb < 0.52 ? "0301" : hb < 0.64 ? "0305" : hb < 0.72 ? "0307" : hb < 0.75 ? "0302" : hb < 0.80 ? "0404"
        : hb < 0.84 ? "0201" : hb < 0.86 ? "0202" : hb < 0.96 ? "0103" : hb < 0.975 ? "0602" : hb < 0.99 ? "1206"
        : "0301K";
  }

  private String plainClass(int c, int r, double x, double y, double hc) {
    int bx = Math.floorDiv(c, World.COL_PERIOD);
    int by = Math.floorDiv(r, World.ROW_PERIOD);
    double hb = Hashing.unit(seed, bx, by, 511);
    if (hb >= 0.80 && hb < 0.845) {
      return hc < 0.12 ? "0201K" : "0201";
    }
    if (hb >= 0.845 && hb < 0.875) {
      return hc < 0.3 ? "0307" : "0301";
    }
    if (hb >= 0.875 && hb < 0.90 && hc < 0.45) {
      // A cluster of fish ponds among fields.
      return hc < 0.06 ? "1104K" : hc < 0.3 ? "1104A" : "1104";
    }
    if (hb >= 0.90 && hb < 0.915) {
      return "1202";
    }
    if (hb >= 0.915 && hb < 0.93) {
      return "0404";
    }
    if (hb >= 0.93 && hb < 0.94) {
      return "0403";
    }
    if (hc < 0.012) {
      return "1104";
    }
    if (hc < 0.018) {
      return "1202";
    }
    if (hc < 0.024) {
      return "0301";
    }
    if (hc < 0.027) {
      return "0601";
    }
    return farmlandType(bx, by);
  }

  /** 水田 near rivers on low land, otherwise 水浇地 or 旱地 by block. */
  private String farmlandType(int bx, int by) {
    double x = (bx * (World.COL_PERIOD - 1) + 4) * World.CELL;
    double y = (by * (World.ROW_PERIOD - 1) + 3.5) * World.CELL;
    double[] d = new double[1];
    w.nearestRiver(x, y, 1_500, d);
    double h2 = Hashing.unit(seed, bx, by, 512);
    if (d[0] < 1_500 && w.elevation(x, y) < 0.45 && h2 < 0.7) {
      return "0101";
    }
    return w.fertility(x, y) > 0.5 || h2 < 0.4 ? "0102" : "0103";
  }

  // ---------------------------------------------------------- transitions

  private void applyTransitions() {
    LandUseCodes codes = LandUseCodes.standard();
    String[] kCodes = {"0201K", "0301K", "1104K"};
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        int k = idx(i, j);
        if (!inside[k] || !now[k].equals(before[k])) {
          continue;
        }
        int c = col0 + i;
        int r = row0 + j;
        double h = Hashing.unit(seed, c, r, 600);
        String cur = now[k];
        byte z = zoneNow[k];
        if (cur.equals("0301") && z == HILL && h < 0.08) {
          before[k] = "0307"; // afforestation: other woodland → arbor forest
        } else if (codes.isFarmland(cur) && z == PLAIN && h < 0.012) {
          now[k] = kCodes[Hashing.below(seed, c, r, 601, kCodes.length)]; // farmland planted otherwise
        } else if (cur.equals("0103") && z == HILL && h < 0.06) {
          now[k] = "0301"; // 退耕还林: sloping dry land returned to forest
        } else if (cur.equals("0201") && h < 0.12) {
          before[k] = "0103";
        } else if (cur.equals("1104A") && h < 0.3) {
          before[k] = "0101";
        } else if (cur.equals("1202") && h < 0.4) {
          before[k] = "0102";
        } else if (cur.equals("0702") && z == VILLAGE && h < 0.05 && villageEdge(i, j)) {
          before[k] = "0103"; // new homesteads built on farmland
        }
      }
    }
  }

  /** Whether a village cell touches non-village land. */
  boolean villageEdge(int i, int j) {
    int[][] n = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    for (int[] d : n) {
      int a = i + d[0];
      int b = j + d[1];
      if (a < 0 || b < 0 || a >= nx || b >= ny || zoneNow[idx(a, b)] != VILLAGE) {
        return true;
      }
    }
    return false;
  }

  // ----------------------------------------------------------- attributes

  /** 耕地坡度级别 1–5 of a field block. */
  String slopeLevel(int c, int r) {
    double e = blockElevation(c, r);
    return e < 0.48 ? "1" : e < 0.56 ? "2" : e < 0.63 ? "3" : e < 0.72 ? "4" : "5";
  }

  private double blockElevation(int c, int r) {
    int bx = Math.floorDiv(c, World.COL_PERIOD);
    int by = Math.floorDiv(r, World.ROW_PERIOD);
    return w.elevation((bx * (World.COL_PERIOD - 1) + 4) * World.CELL, (by * (World.ROW_PERIOD - 1) + 3.5) * World.CELL);
  }

  /** 扣除系数 of a field block: grows with slope (0.02 on flat land … 0.15 on the steepest). */
  double kcxs(int c, int r) {
    int level = slopeLevel(c, r).charAt(0) - '0';
    double[][] byLevel = {{0.0200, 0.0310, 0.0420, 0.0550}, {0.0650, 0.0780}, {0.0900, 0.1050}, {0.1200, 0.1350},
        {0.1500}};
    double[] v = byLevel[level - 1];
    return v[Hashing.below(seed, Math.floorDiv(c, World.COL_PERIOD), Math.floorDiv(r, World.ROW_PERIOD), 611, v.length)];
  }

  /** 耕地类型: 梯田 TT or 坡地 PD on slopes ≥ 2, blank on flat land. */
  String gdlx(int c, int r) {
    if (slopeLevel(c, r).equals("1")) {
      return null;
    }
    return Hashing.unit(seed, Math.floorDiv(c, World.COL_PERIOD), Math.floorDiv(r, World.ROW_PERIOD), 612) < 0.55 ? "TT" : "PD";
  }

  /** 耕地质量等别 1–15 (smaller is better) of a field block. */
  int gddb(int c, int r) {
    int bx = Math.floorDiv(c, World.COL_PERIOD);
    int by = Math.floorDiv(r, World.ROW_PERIOD);
    double f = w.fertility((bx * (World.COL_PERIOD - 1) + 4) * World.CELL, (by * (World.ROW_PERIOD - 1) + 3.5) * World.CELL);
    int level = slopeLevel(c, r).charAt(0) - '0';
    long g = Math.round(3 + (1 - f) * 8 + (level - 1) * 1.5);
    return (int) Math.max(1, Math.min(15, g));
  }
}
