package org.landledger.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * 底图网格与地形: the whole generated area as one grid of cells whose columns and rows alternate field
 * blocks (≈ 80 m) with narrow strips (highways, canals, rural roads, ditches), gently bent by a smooth
 * warp and jittered per vertex. Vertices are a pure function of their grid index, so neighbouring cells
 * (and neighbouring counties of a province) share them exactly: the cells form a coverage by
 * construction. Also holds the terrain fields (elevation, rivers) every county reads.
 *
 * <p>Coordinates are CGCS2000 3-degree Gauss–Krüger zone 39 (EPSG:4527, CM 117°E), around 36.5°N.
 */
final class World {

  static final double CELL = 80.0;
  /** Columns per period: one narrow strip then eight field columns spanning 8 × CELL. */
  static final int COL_PERIOD = 9;
  /** Rows per period: one narrow strip then seven field rows spanning 7 × CELL. */
  static final int ROW_PERIOD = 8;

  enum Strip { FIELD, HIGHWAY, CANAL, ROAD, DITCH, FILLER }

  final long seed;
  final Layout layout;
  final int totalCols;
  final int totalRows;
  final double originX;
  final double originY;
  final double width;
  final double height;
  private final List<River> rivers = new ArrayList<>();

  /** A river: its centre line as y = f(x) (horizontal) or x = f(y) (vertical), half width and extent. */
  record River(boolean horizontal, double base, double a1, double l1, double p1, double a2, double l2, double p2,
      double halfWidth, double from, double to, String name) {

    double centre(double t) {
      return base + a1 * Math.sin(2 * Math.PI * t / l1 + p1) + a2 * Math.sin(2 * Math.PI * t / l2 + p2);
    }

    /** Approximate distance from a point to the centre line (∞ outside the river's extent). */
    double distance(double x, double y) {
      double t = horizontal ? x : y;
      if (t < from || t > to) {
        return Double.POSITIVE_INFINITY;
      }
      double c = centre(t);
      double slope = (centre(t + 1) - centre(t - 1)) / 2;
      double d = Math.abs((horizontal ? y : x) - c);
      return d / Math.sqrt(1 + slope * slope);
    }
  }

  private final boolean tiled;
  private final double hillWavelength;

  World(long seed, Layout layout) {
    this.seed = seed;
    this.layout = layout;
    this.tiled = layout.tiled();
    this.hillWavelength = layout.compact() ? 2_500 : 9_000;
    this.totalCols = layout.cols() * layout.countiesX();
    this.totalRows = layout.rows() * layout.countiesY();
    this.width = colX(totalCols);
    this.height = rowY(totalRows);
    // Zone 39 (EPSG:4527): false easting 39 500 000 m; keep the area within ~±1.5° of the CM.
    this.originX = Math.round(39_500_000 + 12_000 - width / 2);
    this.originY = Math.round(4_040_000 - height / 2);
    double riverHalf = layout.compact() ? 38 : 48;
    int mains = Math.max(1, layout.countiesY());
    for (int k = 0; k < mains; k++) {
      double base = height * (k + 0.42) / mains;
      rivers.add(new River(true, base, height * 0.05 / mains, width / (1.3 * layout.countiesX()), u(k, 1) * 6,
          height * 0.015 / mains, width / (4.1 * layout.countiesX()), u(k, 2) * 6, riverHalf, 0, width,
          k == 0 ? "清河" : "清河" + (k + 1)));
    }
    int tribs = Math.max(1, layout.countiesX());
    for (int k = 0; k < tribs; k++) {
      double base = width * (k + 0.3 + 0.2 * u(k, 3)) / tribs;
      rivers.add(new River(false, base, width * 0.03 / tribs, height / (1.1 * layout.countiesY()), u(k, 4) * 6,
          width * 0.01 / tribs, height / (3.7 * layout.countiesY()), u(k, 5) * 6, riverHalf * 0.6,
          height * 0.42 / mains, height, k == 0 ? "柳溪" : "柳溪" + (k + 1)));
    }
  }

  private double u(long a, long salt) {
    return Hashing.unit(seed, a, 0, 9000 + salt);
  }

  // ------------------------------------------------------------------ grid

  /** What runs along column c (period start) or FIELD. */
  Strip colStrip(int c) {
    return Math.floorMod(c, COL_PERIOD) == 0 ? stripOf(Math.floorDiv(c, COL_PERIOD), 11, 101) : Strip.FIELD;
  }

  Strip rowStrip(int r) {
    return Math.floorMod(r, ROW_PERIOD) == 0 ? stripOf(Math.floorDiv(r, ROW_PERIOD), 13, 202) : Strip.FIELD;
  }

  private Strip stripOf(int period, int highwayEvery, long salt) {
    if (Math.floorMod(period, highwayEvery) == 5) {
      return Strip.HIGHWAY;
    }
    double h = Hashing.unit(seed, period, 0, salt);
    if (h < 0.10) {
      return Strip.CANAL;
    }
    if (h < 0.62) {
      return Strip.ROAD;
    }
    if (h < 0.86) {
      return Strip.DITCH;
    }
    return Strip.FILLER;
  }

  private double stripWidth(Strip s, int period, long salt) {
    double h = Hashing.unit(seed, period, 1, salt);
    return switch (s) {
      case HIGHWAY -> 28 + 6 * h;
      case CANAL -> 12 + 4 * h;
      case ROAD -> 6 + 3 * h;
      case DITCH -> 3 + 2 * h;
      case FILLER -> 40;
      case FIELD -> CELL;
    };
  }

  /** Unwarped x of column edge c (left edge of column c), metres from the origin. */
  double colX(int c) {
    int p = Math.floorDiv(c, COL_PERIOD);
    int k = c - p * COL_PERIOD;
    double slot = p * (COL_PERIOD - 1) * CELL;
    if (k == 0) {
      return slot;
    }
    if (k == 1) {
      return slot + stripWidth(stripOf(p, 11, 101), p, 101);
    }
    return slot + (k - 1) * CELL;
  }

  double rowY(int r) {
    int p = Math.floorDiv(r, ROW_PERIOD);
    int k = r - p * ROW_PERIOD;
    double slot = p * (ROW_PERIOD - 1) * CELL;
    if (k == 0) {
      return slot;
    }
    if (k == 1) {
      return slot + stripWidth(stripOf(p, 13, 202), p, 202);
    }
    return slot + (k - 1) * CELL;
  }

  /** Vertex at grid edge (c, r), warped and jittered, in world coordinates rounded to the millimetre. */
  double[] vertex(int c, int r) {
    double x = colX(c);
    double y = rowY(r);
    double wx = Math.min(colX(c + 1) - x, x - colX(c - 1));
    double wy = Math.min(rowY(r + 1) - y, y - rowY(r - 1));
    // Jitter stays well inside the narrower neighbour so cells never fold.
    double jx = (Hashing.unit(seed, c, r, 11) * 2 - 1) * 0.12 * wx;
    double jy = (Hashing.unit(seed, c, r, 12) * 2 - 1) * 0.12 * wy;
    double[] w = warp(x, y);
    return new double[] {round3(originX + w[0] + jx), round3(originY + w[1] + jy)};
  }

  /** The smooth bend applied to the whole grid (and to anything drawn in grid coordinates). */
  double[] warp(double x, double y) {
    double a = 2.2 * CELL;
    double l = 60 * CELL;
    return new double[] {x + a * (2 * Hashing.noise(seed, x, y, l, 21) - 1), y + a * (2 * Hashing.noise(seed, x, y, l, 22) - 1)};
  }

  /** Warped world coordinates of an unwarped grid-space point (no jitter). */
  double[] place(double x, double y) {
    double[] w = warp(x, y);
    return new double[] {round3(originX + w[0]), round3(originY + w[1])};
  }

  static double round3(double v) {
    return Math.rint(v * 1000) / 1000;
  }

  // --------------------------------------------------------------- terrain

  /** Elevation index in [0, 1]: hills where high. Hills lie to the north-west of the area. */
  double elevation(double x, double y) {
    double gx = 1 - x / width;
    double gy = y / height;
    double slope = tiled ? gx * 0.8 + gy * 0.2 : (gx + gy) / 2;
    return 0.58 * Hashing.fractal(seed, x, y, hillWavelength, 31) + 0.42 * slope;
  }

  /** Soil fertility index in [0, 1] (drives the farmland quality grade). */
  double fertility(double x, double y) {
    return Hashing.fractal(seed, x, y, 3_000, 41);
  }

  List<River> rivers() {
    return rivers;
  }

  /** The nearest river and its distance, or null when none is within {@code max}. */
  River nearestRiver(double x, double y, double max, double[] distanceOut) {
    River best = null;
    double bd = max;
    for (River r : rivers) {
      double d = r.distance(x, y);
      if (d < bd) {
        bd = d;
        best = r;
      }
    }
    distanceOut[0] = bd;
    return best;
  }
}
