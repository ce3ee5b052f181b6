package org.landledger.render;

import java.util.Arrays;

/**
 * 覆盖率光栅化: anti-aliased polygon fills and strokes by exact pixel coverage, composited straight into a
 * premultiplied ARGB raster — the map renderer's fast path, several times faster than one Java2D {@code fill}
 * and {@code draw} per feature on county-scale land use (measured in BENCHMARKS.md, "Server").
 *
 * <p>Fills use signed-area accumulation (the scanline method of Raph Levien's font-rs and of AGG's
 * rasterizer): each edge adds its signed area to the cells it crosses, a running sum along each row gives the
 * winding number, its magnitude clipped to 1 is the coverage. All paths of one style class go into the same
 * buffer, so adjacent polygons of one class leave no seam. Shells and holes must arrive with opposite signs
 * ({@link Paths#close}). Strokes use a box-filtered band per segment: along the segment's major axis, each
 * pixel column gets the overlap of the line's band with each pixel, combined "over" with what is there
 * (a shared edge drawn twice darkens like two strokes on top of each other, as in MapServer's output).
 *
 * <p>Not thread-safe: one instance per thread (the renderer keeps one per thread and size).
 */
final class CoverageRasterizer {

  /** Coverage below this is not composited (invisible in 8-bit colour). */
  private static final float MIN_COVERAGE = 1f / 512;

  final int width;
  final int height;
  private final int stride;
  private final float[] buf;
  private int dirtyMin;
  private int dirtyMax;
  /** Per row, the first and last cell written (rowHi −1: none): compositing visits only those. */
  private final int[] rowLo;
  private final int[] rowHi;

  CoverageRasterizer(int width, int height) {
    this.width = width;
    this.height = height;
    this.stride = width + 2;
    this.buf = new float[stride * (height + 1)];
    this.rowLo = new int[height];
    this.rowHi = new int[height];
    java.util.Arrays.fill(rowLo, Integer.MAX_VALUE);
    java.util.Arrays.fill(rowHi, -1);
    resetDirty();
  }

  private void touch(int y, int lo, int hi) {
    if (lo < rowLo[y]) {
      rowLo[y] = lo;
    }
    if (hi > rowHi[y]) {
      rowHi[y] = hi;
    }
  }

  private void resetDirty() {
    dirtyMin = Integer.MAX_VALUE;
    dirtyMax = -1;
  }

  /** Paths in pixel coordinates, as one style class collects them: float pairs, per path a start and a sign. */
  static final class Paths {
    float[] xy = new float[1024];
    int size;
    int[] starts = new int[64];
    /** Per path: 0 open (lines, stroked only); ±1 a closed ring with its fill winding sign; 2 closed, not filled. */
    int[] signs = new int[64];
    int count;
    private int open = -1;

    void clear() {
      if (xy.length > (1 << 20)) {
        xy = new float[1024]; // after a very large map: do not keep megabytes per thread
      }
      size = 0;
      count = 0;
      open = -1;
    }

    boolean isEmpty() {
      return count == 0;
    }

    /** Starts a path. */
    void begin() {
      open = size;
    }

    void add(float x, float y) {
      if (size + 2 > xy.length) {
        xy = Arrays.copyOf(xy, xy.length * 2);
      }
      xy[size++] = x;
      xy[size++] = y;
    }

    /** Ends an open path (a line): kept when it has two points or more. */
    void endLine() {
      finish(0);
    }

    /**
     * Ends a ring: {@code hole} gives it the winding opposite to shells, whatever its orientation (taken from its
     * signed area in pixel space); rings with no area are kept for the stroke only.
     */
    void close(boolean hole) {
      double a = 0;
      float x0 = xy[open];
      float y0 = xy[open + 1];
      for (int i = open + 2; i + 3 < size; i += 2) {
        a += (double) (xy[i] - x0) * (xy[i + 3] - y0) - (double) (xy[i + 2] - x0) * (xy[i + 1] - y0);
      }
      int orientation = a > 0 ? 1 : a < 0 ? -1 : 0;
      finish(orientation == 0 ? 2 : hole ? -orientation : orientation);
    }

    private void finish(int sign) {
      int points = (size - open) / 2;
      if (points < 2) {
        size = open;
        open = -1;
        return;
      }
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        signs = Arrays.copyOf(signs, count * 2);
      }
      starts[count] = open;
      signs[count] = sign;
      count++;
      open = -1;
    }

    int end(int path) {
      return path + 1 < count ? starts[path + 1] : size;
    }
  }

  /** What a coverage is composited with: one premultiplied colour, or a tile repeated from the origin. */
  record Ink(int[] tile, int size) {
    static Ink solid(int premultipliedArgb) {
      return new Ink(new int[] {premultipliedArgb}, 1);
    }

    int at(int x, int y) {
      return size == 1 ? tile[0] : tile[(y % size) * size + (x % size)];
    }
  }

  // ---- fills ----

  /** Fills the closed paths with the inks (drawn one after the other with the same coverage) into {@code dst}. */
  void fill(Paths p, int[] dst, Ink... inks) {
    for (int k = 0; k < p.count; k++) {
      int sign = p.signs[k];
      if (sign != 1 && sign != -1) {
        continue;
      }
      int s = p.starts[k];
      int e = p.end(k);
      float[] xy = p.xy;
      for (int i = s; i + 3 < e; i += 2) {
        edge(xy[i], xy[i + 1], xy[i + 2], xy[i + 3], sign);
      }
      edge(xy[e - 2], xy[e - 1], xy[s], xy[s + 1], sign);
    }
    compositeFill(dst, inks);
  }

  /** Adds one edge's signed area (font-rs's draw_line, with x clamped to the raster). */
  private void edge(float ax, float ay, float bx, float by, int sign) {
    if (ay == by) {
      return;
    }
    float dir;
    float x0;
    float y0;
    float x1;
    float y1;
    if (ay < by) {
      dir = sign;
      x0 = ax;
      y0 = ay;
      x1 = bx;
      y1 = by;
    } else {
      dir = -sign;
      x0 = bx;
      y0 = by;
      x1 = ax;
      y1 = ay;
    }
    if (y1 <= 0 || y0 >= height) {
      return;
    }
    float dxdy = (x1 - x0) / (y1 - y0);
    float x = x0;
    if (y0 < 0) {
      x -= y0 * dxdy;
      y0 = 0;
    }
    int ys = (int) y0;
    int ye = Math.min(height, (int) Math.ceil(y1));
    dirtyMin = Math.min(dirtyMin, ys);
    dirtyMax = Math.max(dirtyMax, ye - 1);
    float[] a = buf;
    for (int y = ys; y < ye; y++) {
      int row = y * stride;
      float dy = Math.min(y + 1, y1) - Math.max(y, y0);
      float xn = x + dxdy * dy;
      float d = dy * dir;
      float lo = clampX(Math.min(x, xn));
      float hi = clampX(Math.max(x, xn));
      float loFloor = (float) Math.floor(lo);
      int loi = (int) loFloor;
      float hiCeil = (float) Math.ceil(hi);
      int hii = (int) hiCeil;
      touch(y, loi, Math.max(hii, loi + 1));
      if (hii <= loi + 1) {
        float xmf = 0.5f * (lo + hi) - loFloor;
        a[row + loi] += d - d * xmf;
        a[row + loi + 1] += d * xmf;
      } else {
        float s = 1f / (hi - lo);
        float x0f = lo - loFloor;
        float a0 = 0.5f * s * (1 - x0f) * (1 - x0f);
        float x1f = hi - hiCeil + 1;
        float am = 0.5f * s * x1f * x1f;
        a[row + loi] += d * a0;
        if (hii == loi + 2) {
          a[row + loi + 1] += d * (1 - a0 - am);
        } else {
          float a1 = s * (1.5f - x0f);
          a[row + loi + 1] += d * (a1 - a0);
          float ds = d * s;
          for (int xi = loi + 2; xi < hii - 1; xi++) {
            a[row + xi] += ds;
          }
          float a2 = a1 + (hii - loi - 3) * s;
          a[row + hii - 1] += d * (1 - a2 - am);
        }
        a[row + hii] += d * am;
      }
      x = xn;
    }
  }

  private float clampX(float x) {
    return x < 0 ? 0 : x > width ? width : x;
  }

  /**
   * Running sums along each touched row, from its first written cell to its last; past the last the sum is
   * constant (0 unless a path runs off the right edge), composited as one run.
   */
  private void compositeFill(int[] dst, Ink[] inks) {
    float[] a = buf;
    // One opaque colour (land use): covered pixels are simply that colour, runs of them filled at once.
    int solid = inks.length == 1 && inks[0].size() == 1 && inks[0].tile()[0] >>> 24 == 255 ? inks[0].tile()[0] : 0;
    int y1 = Math.min(height - 1, dirtyMax);
    for (int y = Math.max(0, dirtyMin); y <= y1; y++) {
      int hi = rowHi[y];
      if (hi < 0) {
        continue;
      }
      int lo = rowLo[y];
      rowLo[y] = Integer.MAX_VALUE;
      rowHi[y] = -1;
      int row = y * stride;
      int out = y * width;
      float sum = 0;
      int last = Math.min(hi, width - 1);
      for (int x = lo; x <= last; x++) {
        sum += a[row + x];
        a[row + x] = 0;
        float cov = Math.abs(sum);
        if (solid != 0 && cov >= 1f) {
          int end = x + 1;
          while (end <= last && a[row + end] == 0) {
            end++;
          }
          java.util.Arrays.fill(dst, out + x, out + end, solid);
          x = end - 1;
        } else {
          composite(dst, out, x, y, cov, inks);
        }
      }
      for (int x = width; x <= hi; x++) {
        a[row + x] = 0;
      }
      float rest = Math.abs(sum);
      if (rest >= MIN_COVERAGE) {
        for (int x = last + 1; x < width; x++) {
          composite(dst, out, x, y, rest, inks);
        }
      }
    }
    resetDirty();
  }

  private static void composite(int[] dst, int out, int x, int y, float cov, Ink[] inks) {
    if (cov >= MIN_COVERAGE) {
      int c = cov >= 1f ? 256 : (int) (cov * 256 + 0.5f);
      for (Ink ink : inks) {
        dst[out + x] = over(ink.at(x, y), c, dst[out + x]);
      }
    }
  }

  // ---- strokes ----

  /** Strokes every path ({@code width} px, butt ends; square ends above 1 px so corners close) into {@code dst}. */
  void stroke(Paths p, float lineWidth, int[] dst, Ink ink) {
    float ext = lineWidth > 1 ? lineWidth / 2 : 0;
    for (int k = 0; k < p.count; k++) {
      int s = p.starts[k];
      int e = p.end(k);
      float[] xy = p.xy;
      for (int i = s; i + 3 < e; i += 2) {
        band(xy[i], xy[i + 1], xy[i + 2], xy[i + 3], lineWidth, ext);
      }
      if (p.signs[k] != 0 && (xy[e - 2] != xy[s] || xy[e - 1] != xy[s + 1])) {
        band(xy[e - 2], xy[e - 1], xy[s], xy[s + 1], lineWidth, ext);
      }
    }
    compositeStroke(dst, ink);
  }

  /**
   * One segment as a band of {@code w} px: per pixel column of its major axis, the overlap of the band (the line
   * taken as straight within the column) with each pixel, times the part of the column the segment spans.
   */
  private void band(float x0, float y0, float x1, float y1, float w, float ext) {
    float dx = x1 - x0;
    float dy = y1 - y0;
    float len = (float) Math.sqrt(dx * dx + dy * dy);
    if (len == 0) {
      return;
    }
    if (ext > 0) {
      float ux = dx / len * ext;
      float uy = dy / len * ext;
      x0 -= ux;
      y0 -= uy;
      x1 += ux;
      y1 += uy;
    }
    boolean steep = Math.abs(dy) > Math.abs(dx);
    // u: major axis, v: minor axis.
    float u0 = steep ? y0 : x0;
    float v0 = steep ? x0 : y0;
    float u1 = steep ? y1 : x1;
    float v1 = steep ? x1 : y1;
    if (u0 > u1) {
      float t = u0;
      u0 = u1;
      u1 = t;
      t = v0;
      v0 = v1;
      v1 = t;
    }
    float du = u1 - u0;
    float slope = du == 0 ? 0 : (v1 - v0) / du;
    float half = 0.5f * w * len / Math.max(Math.abs(steep ? dy : dx), 1e-6f);
    int uMax = (steep ? height : width) - 1;
    int vMax = (steep ? width : height) - 1;
    int cs = Math.max(0, (int) Math.floor(u0));
    int ce = Math.min(uMax, (int) Math.floor(u1));
    float[] a = buf;
    for (int c = cs; c <= ce; c++) {
      float l = Math.max(u0, c);
      float r = Math.min(u1, c + 1);
      float frac = r - l;
      if (frac <= 0) {
        continue;
      }
      float vc = v0 + slope * ((l + r) * 0.5f - u0);
      float b0 = vc - half;
      float b1 = vc + half;
      int rs = Math.max(0, (int) Math.floor(b0));
      int re = Math.min(vMax, (int) Math.floor(b1));
      for (int rr = rs; rr <= re; rr++) {
        float cov = (Math.min(b1, rr + 1) - Math.max(b0, rr)) * frac;
        if (cov <= 0) {
          continue;
        }
        int y = steep ? c : rr;
        int x = steep ? rr : c;
        int i = y * stride + x;
        float old = a[i];
        a[i] = old + cov - old * cov;
        touch(y, x, x);
        if (y < dirtyMin) {
          dirtyMin = y;
        }
        if (y > dirtyMax) {
          dirtyMax = y;
        }
      }
    }
  }

  private void compositeStroke(int[] dst, Ink ink) {
    float[] a = buf;
    int y1 = Math.min(height - 1, dirtyMax);
    for (int y = Math.max(0, dirtyMin); y <= y1; y++) {
      int hi = rowHi[y];
      if (hi < 0) {
        continue;
      }
      int lo = rowLo[y];
      rowLo[y] = Integer.MAX_VALUE;
      rowHi[y] = -1;
      int row = y * stride;
      int out = y * width;
      for (int x = lo; x <= hi; x++) {
        float cov = a[row + x];
        if (cov > 0) {
          a[row + x] = 0;
          if (cov >= MIN_COVERAGE) {
            int c = cov >= 1f ? 256 : (int) (cov * 256 + 0.5f);
            dst[out + x] = over(ink.at(x, y), c, dst[out + x]);
          }
        }
      }
    }
    resetDirty();
  }

  /** Premultiplied source-over: {@code src} scaled by coverage {@code c}/256, over {@code dst}. */
  static int over(int src, int c, int dst) {
    int sa = ((src >>> 24) * c) >> 8;
    if (sa == 0) {
      return dst;
    }
    int sr = (((src >> 16) & 0xFF) * c) >> 8;
    int sg = (((src >> 8) & 0xFF) * c) >> 8;
    int sb = ((src & 0xFF) * c) >> 8;
    if (sa == 255 || dst == 0) {
      return (sa << 24) | (sr << 16) | (sg << 8) | sb;
    }
    int k = 255 - sa;
    int a = sa + div255((dst >>> 24) * k);
    int r = sr + div255(((dst >> 16) & 0xFF) * k);
    int g = sg + div255(((dst >> 8) & 0xFF) * k);
    int b = sb + div255((dst & 0xFF) * k);
    return (a << 24) | (r << 16) | (g << 8) | b;
  }

  /** x / 255, rounded, for 0 ≤ x ≤ 255². */
  private static int div255(int x) {
    return (x + 128 + ((x + 128) >> 8)) >> 8;
  }

  /** A colour as premultiplied ARGB. */
  static int premultiply(java.awt.Color c) {
    int a = c.getAlpha();
    return (a << 24) | (div255(c.getRed() * a) << 16) | (div255(c.getGreen() * a) << 8) | div255(c.getBlue() * a);
  }
}
