package org.landledger.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.TexturePaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.query.FeatureCursor;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * 地图渲染器: draws layers into an image — the project's one renderer (WMS GetMap, viewer tiles, PNG maps in
 * reports). GeoTools' renderer (gt-render) is not in the geotools-wrapper bundle the project builds on, and a
 * styled polygon map needs only this much, so it is written here.
 *
 * <p>Work scales with the screen, not the data: each layer is asked only for what meets the map (plus 4 px),
 * in its own CRS, with the attributes its style reads; vertices are reprojected per request
 * ({@link ScreenTransform}) and generalised in screen space (a vertex closer than half a pixel to the last
 * one kept is dropped); features smaller than a pixel are drawn once per pixel and skipped after that (GeoTools'
 * ScreenMap). Fills and outlines are rasterised anti-aliased by exact coverage ({@link CoverageRasterizer}), by
 * style class in rule order: all fills, then all outlines on top. Point markers are drawn with Java2D.
 * The result is a premultiplied ARGB image, transparent unless a background colour is given.
 */
public final class MapRenderer {

  /** One layer to draw: its features, its style and opacity 0–1. */
  public record MapLayer(FeatureSource source, Style style, float opacity) {}

  /** Margin around the map asked of each layer, in pixels (outlines of features just outside still show). */
  static final double PAD_PX = 4;
  /** Screen-space generalisation: vertices closer than this to the last one kept are dropped, in pixels. */
  static final float DROP_PX = 0.5f;
  /** Rasterisers kept per thread up to this many pixels (a 4096² request gets its own, not kept). */
  private static final int KEEP_PIXELS = 1024 * 1024;

  private static final Map<String, BufferedImage> HATCHES = new ConcurrentHashMap<>();
  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

  private MapRenderer() {}

  /** Renders layers (already in the map's CRS) bottom to top; {@code background} null means transparent. */
  public static BufferedImage render(List<MapLayer> layers, Envelope bbox, int width, int height, Color background) {
    return render(layers, bbox, null, width, height, background);
  }

  /**
   * Renders layers bottom to top on a map of {@code bbox} in {@code mapCrs} (x = east, y = north); a layer whose
   * source has another CRS is reprojected per vertex. {@code background} null means transparent.
   */
  public static BufferedImage render(List<MapLayer> layers, Envelope bbox, Crs mapCrs, int width, int height,
      Color background) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
    int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    if (background != null) {
      Arrays.fill(px, CoverageRasterizer.premultiply(background));
    }
    Buffers buffers = BUFFERS.get();
    for (MapLayer l : layers) {
      if (l.opacity() <= 0f) {
        continue;
      }
      if (l.opacity() >= 1f) {
        draw(img, px, l, bbox, mapCrs, buffers);
      } else {
        // Drawn on its own and blended once, so overlapping features do not add up.
        BufferedImage layerImg = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
        int[] lp = ((DataBufferInt) layerImg.getRaster().getDataBuffer()).getData();
        draw(layerImg, lp, l, bbox, mapCrs, buffers);
        int c = Math.round(l.opacity() * 256);
        for (int i = 0; i < px.length; i++) {
          if (lp[i] != 0) {
            px[i] = CoverageRasterizer.over(lp[i], c, px[i]);
          }
        }
      }
    }
    return img;
  }

  private static void draw(BufferedImage img, int[] px, MapLayer l, Envelope bbox, Crs mapCrs, Buffers b) {
    int width = img.getWidth();
    int height = img.getHeight();
    Style style = l.style();
    // By identity: symbolizerFor returns the rules' own instances (a record's hashCode per feature costs).
    Map<Symbolizer, Integer> slots = new IdentityHashMap<>();
    List<Symbolizer> symbolizers = new ArrayList<>();
    for (Rule r : style.rules()) {
      if (slots.putIfAbsent(r.symbolizer(), symbolizers.size()) == null) {
        symbolizers.add(r.symbolizer());
      }
    }
    CoverageRasterizer.Paths[] paths = b.paths(symbolizers.size());
    ScreenTransform t = ScreenTransform.of(l.source().crs(), mapCrs, bbox, width, height, PAD_PX);
    List<Object[]> points = new ArrayList<>();
    long[] screenMap = b.screenMap(width * height);
    double pixel = t.sourcePixel();
    double[] p = new double[2];
    try (FeatureCursor c = l.source().features(t.sourceEnvelope(), style.properties(), pixel / 2)) {
      while (c.hasNext()) {
        Feature f = c.next();
        Geometry g = f.geometry();
        Symbolizer s = g == null || g.isEmpty() ? null : style.symbolizerFor(f);
        if (s == null) {
          continue;
        }
        Envelope e = g.getEnvelopeInternal();
        if (e.getWidth() < pixel && e.getHeight() < pixel && !firstInPixel(t, e, screenMap, width, height, p)) {
          continue;
        }
        add(g, paths[slots.get(s)], t, p, s, points);
      }
    }
    CoverageRasterizer r = b.rasterizer(width, height);
    for (int i = 0; i < symbolizers.size(); i++) {
      Symbolizer s = symbolizers.get(i);
      if (!paths[i].isEmpty()) {
        List<CoverageRasterizer.Ink> inks = new ArrayList<>(2);
        if (s.fill() != null) {
          inks.add(CoverageRasterizer.Ink.solid(CoverageRasterizer.premultiply(s.fill())));
        }
        if (s.hatch() != Symbolizer.Hatch.NONE && s.stroke() != null) {
          inks.add(hatchInk(s.hatch(), s.stroke()));
        }
        if (!inks.isEmpty()) {
          r.fill(paths[i], px, inks.toArray(CoverageRasterizer.Ink[]::new));
        }
      }
    }
    for (int i = 0; i < symbolizers.size(); i++) {
      Symbolizer s = symbolizers.get(i);
      if (!paths[i].isEmpty() && s.stroke() != null && s.strokeWidth() > 0) {
        r.stroke(paths[i], s.strokeWidth(), px, CoverageRasterizer.Ink.solid(CoverageRasterizer.premultiply(s.stroke())));
      }
      paths[i].clear();
    }
    if (!points.isEmpty()) {
      drawPoints(img, points);
    }
  }

  /** A feature smaller than a pixel: true the first time its pixel is met (draw it), false after (skip it). */
  private static boolean firstInPixel(ScreenTransform t, Envelope e, long[] map, int width, int height, double[] p) {
    if (!t.apply((e.getMinX() + e.getMaxX()) / 2, (e.getMinY() + e.getMaxY()) / 2, p)) {
      return false;
    }
    int x = (int) Math.floor(p[0]);
    int y = (int) Math.floor(p[1]);
    if (x < 0 || y < 0 || x >= width || y >= height) {
      return true; // in the margin: drawn (only its outline's edge can show), not remembered
    }
    int bit = y * width + x;
    long mask = 1L << (bit & 63);
    if ((map[bit >> 6] & mask) != 0) {
      return false;
    }
    map[bit >> 6] |= mask;
    return true;
  }

  private static void add(Geometry g, CoverageRasterizer.Paths paths, ScreenTransform t, double[] p, Symbolizer s,
      List<Object[]> points) {
    if (g instanceof Polygon poly) {
      path(poly.getExteriorRing().getCoordinateSequence(), paths, t, p, 1);
      for (int i = 0; i < poly.getNumInteriorRing(); i++) {
        path(poly.getInteriorRingN(i).getCoordinateSequence(), paths, t, p, -1);
      }
    } else if (g instanceof LineString line) {
      path(line.getCoordinateSequence(), paths, t, p, 0);
    } else if (g instanceof Point pt) {
      if (!pt.isEmpty() && t.apply(pt.getX(), pt.getY(), p)) {
        points.add(new Object[] {p[0], p[1], s});
      }
    } else if (g instanceof GeometryCollection gc) {
      for (int i = 0; i < gc.getNumGeometries(); i++) {
        add(gc.getGeometryN(i), paths, t, p, s, points);
      }
    }
  }

  /** One ring (kind 1 shell, −1 hole) or line (0) in pixels, dropping vertices within {@link #DROP_PX} of the last kept. */
  private static void path(CoordinateSequence cs, CoverageRasterizer.Paths paths, ScreenTransform t, double[] p, int kind) {
    int n = cs.size();
    if (n < 2) {
      return;
    }
    int mark = paths.size;
    paths.begin();
    float lx = 0;
    float ly = 0;
    for (int i = 0; i < n; i++) {
      if (!t.apply(cs.getX(i), cs.getY(i), p)) {
        paths.size = mark; // outside the map projection's domain: this ring cannot be drawn here
        return;
      }
      float x = (float) p[0];
      float y = (float) p[1];
      if (i > 0 && i < n - 1 && Math.abs(x - lx) < DROP_PX && Math.abs(y - ly) < DROP_PX) {
        continue;
      }
      paths.add(x, y);
      lx = x;
      ly = y;
    }
    if (kind == 0) {
      paths.endLine();
    } else {
      paths.close(kind < 0);
    }
  }

  private static void drawPoints(BufferedImage img, List<Object[]> points) {
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      for (Object[] pt : points) {
        Symbolizer s = (Symbolizer) pt[2];
        double r = s.pointSize() / 2;
        Shape dot = new Ellipse2D.Double((double) pt[0] - r, (double) pt[1] - r, 2 * r, 2 * r);
        if (s.fill() != null) {
          g.setPaint(s.fill());
          g.fill(dot);
        }
        if (s.stroke() != null) {
          g.setPaint(s.stroke());
          g.setStroke(new BasicStroke(Math.max(1f, s.strokeWidth())));
          g.draw(dot);
        }
      }
    } finally {
      g.dispose();
    }
  }

  /** The hatch as a paint (legend swatches), from the same tile the map uses. */
  static Paint hatch(Symbolizer.Hatch h, Color colour) {
    BufferedImage tile = hatchTile(h, colour);
    return new TexturePaint(tile, new Rectangle2D.Double(0, 0, tile.getWidth(), tile.getHeight()));
  }

  private static CoverageRasterizer.Ink hatchInk(Symbolizer.Hatch h, Color colour) {
    BufferedImage tile = hatchTile(h, colour);
    int n = tile.getWidth();
    int[] argb = tile.getRGB(0, 0, n, n, null, 0, n);
    for (int i = 0; i < argb.length; i++) {
      argb[i] = CoverageRasterizer.premultiply(new Color(argb[i], true));
    }
    return new CoverageRasterizer.Ink(argb, n);
  }

  /** An 8-pixel tile of hatch lines (cached per pattern and colour). */
  private static BufferedImage hatchTile(Symbolizer.Hatch h, Color colour) {
    return HATCHES.computeIfAbsent(h + "/" + colour.getRGB(), k -> {
      int n = 8;
      BufferedImage tile = new BufferedImage(n, n, BufferedImage.TYPE_INT_ARGB);
      Graphics2D tg = tile.createGraphics();
      tg.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      tg.setColor(colour);
      tg.setStroke(new BasicStroke(1.2f));
      tg.drawLine(0, n, n, 0);
      tg.drawLine(-1, 1, 1, -1);
      tg.drawLine(n - 1, n + 1, n + 1, n - 1);
      if (h == Symbolizer.Hatch.CROSS) {
        tg.drawLine(0, 0, n, n);
      }
      tg.dispose();
      return tile;
    });
  }

  /** Per-thread working memory reused between maps: path lists, the rasteriser, the sub-pixel map. */
  private static final class Buffers {
    private final List<CoverageRasterizer.Paths> paths = new ArrayList<>();
    private CoverageRasterizer rasterizer;
    private long[] screenMap = new long[0];

    CoverageRasterizer.Paths[] paths(int n) {
      while (paths.size() < n) {
        paths.add(new CoverageRasterizer.Paths());
      }
      CoverageRasterizer.Paths[] out = new CoverageRasterizer.Paths[n];
      for (int i = 0; i < n; i++) {
        out[i] = paths.get(i);
        out[i].clear();
      }
      return out;
    }

    CoverageRasterizer rasterizer(int w, int h) {
      if (rasterizer != null && rasterizer.width == w && rasterizer.height == h) {
        return rasterizer;
      }
      CoverageRasterizer r = new CoverageRasterizer(w, h);
      if ((long) w * h <= KEEP_PIXELS) {
        rasterizer = r;
      }
      return r;
    }

    long[] screenMap(int pixels) {
      int words = (pixels + 63) >> 6;
      if (screenMap.length < words) {
        long[] m = new long[words];
        if (pixels <= KEEP_PIXELS) {
          screenMap = m;
        }
        return m;
      }
      Arrays.fill(screenMap, 0, words, 0L);
      return screenMap;
    }
  }
}
