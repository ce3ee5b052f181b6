package org.landledger.render;

import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.landledger.geo.Crs;
import org.locationtech.jts.geom.Envelope;

/**
 * 屏幕变换: source coordinates (a layer's CRS) to pixel positions of one map image — so a layer is reprojected
 * per request, vertex by vertex, never copied whole into the map's CRS.
 *
 * <p>Same CRS: an affine map. Another CRS: GDAL's approximate transformer idea (GDALApproxTransform) — exact
 * transforms on a grid over the part of the source CRS the map shows, bilinear interpolation between them,
 * the grid refined until the interpolation error at every cell centre is below {@value #MAX_ERROR_PX} px (else
 * every vertex is transformed exactly). Vertices outside the grid are transformed exactly.
 */
public final class ScreenTransform {

  /** Largest interpolation error accepted, in pixels (GDAL's default for warping is 0.125). */
  static final double MAX_ERROR_PX = 0.125;
  private static final int MAX_CELLS = 64;

  private final double minX;
  private final double maxY;
  private final double sx;
  private final double sy;
  private final MathTransform exact;
  private final Envelope source;
  private final double sourcePixel;
  // Grid of pixel positions over `source`, (cells + 1)² nodes, or cells == 0 when not approximated.
  private int cells;
  private double cellW;
  private double cellH;
  private double[] gx;
  private double[] gy;
  private final double[] one = new double[2];

  private ScreenTransform(Envelope bbox, int width, int height, MathTransform exact, Envelope source) {
    this.minX = bbox.getMinX();
    this.maxY = bbox.getMaxY();
    this.sx = width / bbox.getWidth();
    this.sy = height / bbox.getHeight();
    this.exact = exact;
    this.source = source;
    this.sourcePixel = Math.max(source.getWidth() / width, source.getHeight() / height);
  }

  /**
   * The transform for a map of {@code bbox} in {@code mapCrs} drawn {@code width} × {@code height}, of features in
   * {@code sourceCrs} (null or equal: no reprojection), with {@code padPx} pixels of margin around the map.
   */
  public static ScreenTransform of(Crs sourceCrs, Crs mapCrs, Envelope bbox, int width, int height, double padPx) {
    Envelope padded = new Envelope(bbox);
    padded.expandBy(padPx * bbox.getWidth() / width, padPx * bbox.getHeight() / height);
    if (sourceCrs == null || mapCrs == null || sourceCrs.equals(mapCrs)) {
      return new ScreenTransform(bbox, width, height, null, padded);
    }
    Envelope source = mapCrs.transform(padded, sourceCrs);
    ScreenTransform t = new ScreenTransform(bbox, width, height, sourceCrs.transformTo(mapCrs), source);
    t.buildGrid();
    return t;
  }

  /** The part of the source CRS the map (with its margin) shows: what to ask the layer for. */
  public Envelope sourceEnvelope() {
    return new Envelope(source);
  }

  /** About one pixel, in source units (the generalisation a store may apply while reading). */
  public double sourcePixel() {
    return sourcePixel;
  }

  /**
   * Pixel position of a source coordinate into {@code out[0..1]} (x right, y down); false when the point
   * cannot be transformed (outside the map projection's domain).
   */
  public boolean apply(double x, double y, double[] out) {
    if (exact == null) {
      out[0] = (x - minX) * sx;
      out[1] = (maxY - y) * sy;
      return true;
    }
    if (cells > 0 && source.contains(x, y)) {
      interpolate(x, y, out);
      return true;
    }
    return exactPixel(x, y, out);
  }

  private void interpolate(double x, double y, double[] out) {
    double fx = (x - source.getMinX()) / cellW;
    double fy = (y - source.getMinY()) / cellH;
    int i = Math.min(cells - 1, (int) fx);
    int j = Math.min(cells - 1, (int) fy);
    double u = fx - i;
    double v = fy - j;
    int n = cells + 1;
    int k = j * n + i;
    double w00 = (1 - u) * (1 - v);
    double w10 = u * (1 - v);
    double w01 = (1 - u) * v;
    double w11 = u * v;
    out[0] = gx[k] * w00 + gx[k + 1] * w10 + gx[k + n] * w01 + gx[k + n + 1] * w11;
    out[1] = gy[k] * w00 + gy[k + 1] * w10 + gy[k + n] * w01 + gy[k + n + 1] * w11;
  }

  private boolean exactPixel(double x, double y, double[] out) {
    one[0] = x;
    one[1] = y;
    try {
      exact.transform(one, 0, one, 0, 1);
    } catch (TransformException | RuntimeException outsideDomain) {
      return false;
    }
    if (!Double.isFinite(one[0]) || !Double.isFinite(one[1])) {
      return false;
    }
    out[0] = (one[0] - minX) * sx;
    out[1] = (maxY - one[1]) * sy;
    return true;
  }

  /** Refines the grid until the cell-centre error is small enough; leaves cells = 0 (exact) when it never is. */
  private void buildGrid() {
    if (source.isNull() || source.getWidth() <= 0 || source.getHeight() <= 0) {
      return;
    }
    for (int n = 8; n <= MAX_CELLS; n *= 2) {
      if (tryGrid(n)) {
        return;
      }
    }
    cells = 0;
  }

  private boolean tryGrid(int n) {
    int nodes = n + 1;
    double[] xs = new double[nodes * nodes];
    double[] ys = new double[nodes * nodes];
    double w = source.getWidth() / n;
    double h = source.getHeight() / n;
    double[] p = new double[2];
    for (int j = 0; j < nodes; j++) {
      for (int i = 0; i < nodes; i++) {
        if (!exactPixel(source.getMinX() + i * w, source.getMinY() + j * h, p)) {
          return false;
        }
        xs[j * nodes + i] = p[0];
        ys[j * nodes + i] = p[1];
      }
    }
    cells = n;
    cellW = w;
    cellH = h;
    gx = xs;
    gy = ys;
    double[] q = new double[2];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        double x = source.getMinX() + (i + 0.5) * w;
        double y = source.getMinY() + (j + 0.5) * h;
        if (!exactPixel(x, y, p)) {
          return false;
        }
        interpolate(x, y, q);
        if (Math.abs(p[0] - q[0]) > MAX_ERROR_PX || Math.abs(p[1] - q[1]) > MAX_ERROR_PX) {
          cells = 0;
          return false;
        }
      }
    }
    return true;
  }
}
