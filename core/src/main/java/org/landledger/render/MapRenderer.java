package org.landledger.render;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.TexturePaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.landledger.io.Feature;
import org.locationtech.jts.awt.PointTransformation;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Puntal;

/**
 * 地图渲染器: draws layers into an image with Java2D — the project's one renderer (WMS GetMap, viewer tiles,
 * PNG maps in reports). GeoTools' renderer (gt-render) is not in the geotools-wrapper bundle the project
 * builds on, and a styled polygon map needs only this much, so it is written here.
 *
 * <p>Only features whose envelope meets the bbox are drawn (a spatial-index query on each layer's
 * {@link FeatureSource}), antialiased, over a transparent background unless a background colour is given.
 * Coordinates are x = east, y = north in the map CRS; sources and bbox must both be in it (the server
 * passes its cached per-CRS views; {@link MapImage} reprojects plain layers).
 */
public final class MapRenderer {

  /** One layer to draw: features in the map CRS, its style and opacity 0–1. */
  public record MapLayer(FeatureSource source, Style style, float opacity) {}

  private static final Map<String, Paint> HATCHES = new ConcurrentHashMap<>();

  private MapRenderer() {}

  /** Renders layers bottom to top; {@code background} null means transparent. */
  public static BufferedImage render(List<MapLayer> layers, Envelope bbox, int width, int height, Color background) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      if (background != null) {
        g.setColor(background);
        g.fillRect(0, 0, width, height);
      }
      for (MapLayer l : layers) {
        if (l.opacity() <= 0f) {
          continue;
        }
        if (l.opacity() >= 1f) {
          draw(g, l, bbox, width, height);
        } else {
          // Draw the layer on its own and blend it once, so overlapping features do not add up.
          BufferedImage layerImg = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
          Graphics2D lg = layerImg.createGraphics();
          draw(lg, l, bbox, width, height);
          lg.dispose();
          g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, l.opacity()));
          g.drawImage(layerImg, 0, 0, null);
          g.setComposite(AlphaComposite.SrcOver);
        }
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  private static void draw(Graphics2D g, MapLayer l, Envelope bbox, int width, int height) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    double sx = width / bbox.getWidth();
    double sy = height / bbox.getHeight();
    PointTransformation toScreen = (Coordinate src, Point2D dest) ->
        dest.setLocation((src.x - bbox.getMinX()) * sx, (bbox.getMaxY() - src.y) * sy);
    ShapeWriter writer = new ShapeWriter(toScreen);
    writer.setRemoveDuplicatePoints(true);
    writer.setDecimation(0.5 / Math.max(sx, sy)); // half a pixel, in map units
    // Pad the query by a few pixels so outlines of features just outside still show at the edge.
    Envelope query = new Envelope(bbox);
    query.expandBy(4 / sx, 4 / sy);
    for (Feature f : l.source().query(query)) {
      Geometry geom = f.geometry();
      Symbolizer s = l.style().symbolizerFor(f);
      if (geom == null || geom.isEmpty() || s == null) {
        continue;
      }
      if (geom instanceof Puntal) {
        drawPoints(g, geom, s, toScreen);
        continue;
      }
      Shape shape = writer.toShape(geom);
      if (!(geom instanceof Lineal)) {
        if (s.fill() != null) {
          g.setPaint(s.fill());
          g.fill(shape);
        }
        if (s.hatch() != Symbolizer.Hatch.NONE && s.stroke() != null) {
          g.setPaint(hatch(s.hatch(), s.stroke()));
          g.fill(shape);
        }
      }
      if (s.stroke() != null && s.strokeWidth() > 0) {
        g.setPaint(s.stroke());
        g.setStroke(new BasicStroke(s.strokeWidth(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
      }
    }
  }

  private static void drawPoints(Graphics2D g, Geometry geom, Symbolizer s, PointTransformation t) {
    Point2D p = new Point2D.Double();
    double r = s.pointSize() / 2;
    for (Coordinate c : geom.getCoordinates()) {
      t.transform(c, p);
      Shape dot = new Ellipse2D.Double(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
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
  }

  /** An 8-pixel tile of hatch lines (cached per pattern and colour). */
  static Paint hatch(Symbolizer.Hatch h, Color colour) {
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
      return new TexturePaint(tile, new Rectangle2D.Double(0, 0, n, n));
    });
  }
}
