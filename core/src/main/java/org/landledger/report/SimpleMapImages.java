package org.landledger.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * 简易出图: a deliberately tiny Java2D renderer for report maps — filled polygons and lines, no labels, no
 * symbols. Stand-in until the server's GetMap renderer implements {@link MapImages}; keep it small.
 */
public final class SimpleMapImages implements MapImages {

  @Override
  public byte[] png(List<Layer> layers, Envelope bbox, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      double sx = width / bbox.getWidth();
      double sy = height / bbox.getHeight();
      // map (x, y-up) → pixels (x, y-down)
      AffineTransform t = new AffineTransform(sx, 0, 0, -sy, -bbox.getMinX() * sx, bbox.getMaxY() * sy);
      g.setStroke(new BasicStroke(1f));
      for (Layer layer : layers) {
        for (Styled s : layer.features()) {
          if (s.geometry() == null || s.geometry().isEmpty()
              || !s.geometry().getEnvelopeInternal().intersects(bbox)) {
            continue;
          }
          draw(g, t, s.geometry(), color(s.fill()), color(s.stroke()));
        }
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void draw(Graphics2D g, AffineTransform t, Geometry geom, Color fill, Color stroke) {
    for (int i = 0; i < geom.getNumGeometries(); i++) {
      Geometry part = geom.getGeometryN(i);
      Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
      if (part instanceof Polygon p) {
        ring(path, p.getExteriorRing());
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          ring(path, p.getInteriorRingN(h));
        }
        java.awt.Shape shape = t.createTransformedShape(path);
        if (fill != null) {
          g.setColor(fill);
          g.fill(shape);
        }
        if (stroke != null) {
          g.setColor(stroke);
          g.draw(shape);
        }
      } else if (part instanceof LineString l && stroke != null) {
        ring(path, l);
        g.setColor(stroke);
        g.draw(t.createTransformedShape(path));
      } else if (part != geom && part instanceof org.locationtech.jts.geom.GeometryCollection) {
        draw(g, t, part, fill, stroke); // nested collection
      }
    }
  }

  private static void ring(Path2D.Double path, LineString ring) {
    Coordinate[] cs = ring.getCoordinates();
    for (int i = 0; i < cs.length; i++) {
      if (i == 0) {
        path.moveTo(cs[i].x, cs[i].y);
      } else {
        path.lineTo(cs[i].x, cs[i].y);
      }
    }
    if (ring.isClosed()) {
      path.closePath();
    }
  }

  /** {@code #rrggbb} or {@code #rrggbbaa}; null stays null. */
  static Color color(String hex) {
    if (hex == null) {
      return null;
    }
    String h = hex.startsWith("#") ? hex.substring(1) : hex;
    int r = Integer.parseInt(h.substring(0, 2), 16);
    int gr = Integer.parseInt(h.substring(2, 4), 16);
    int b = Integer.parseInt(h.substring(4, 6), 16);
    int a = h.length() >= 8 ? Integer.parseInt(h.substring(6, 8), 16) : 255;
    return new Color(r, gr, b, a);
  }
}
