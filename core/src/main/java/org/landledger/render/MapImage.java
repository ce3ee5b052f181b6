package org.landledger.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * 专题图图片: a PNG map of whole layers for reports, drawn by {@link MapRenderer} in the same styles as the
 * map server. Layers are drawn in list order (first at the bottom) over a transparent background; a layer
 * in another CRS is reprojected to the map CRS first (features outside the target's domain are left out).
 */
public final class MapImage {

  private MapImage() {}

  /** PNG bytes of {@code layers} in {@code bbox} (in {@code crs}: x = east/lon, y = north/lat). */
  public static byte[] png(List<StyledLayer> layers, Envelope bbox, Crs crs, int width, int height) {
    return encode(image(layers, bbox, crs, width, height));
  }

  /** The map as an ARGB image (for callers that compose it further). */
  public static BufferedImage image(List<StyledLayer> layers, Envelope bbox, Crs crs, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("map size must be positive, got " + width + "×" + height);
    }
    if (bbox == null || bbox.isNull() || bbox.getWidth() <= 0 || bbox.getHeight() <= 0) {
      throw new IllegalArgumentException("map bbox must have a positive width and height, got " + bbox);
    }
    List<MapRenderer.MapLayer> drawn = new ArrayList<>(layers.size());
    for (StyledLayer l : layers) {
      drawn.add(new MapRenderer.MapLayer(FeatureSource.of(inCrs(l.layer(), crs)), l.style(), l.opacity()));
    }
    return MapRenderer.render(drawn, bbox, width, height, null);
  }

  /** PNG encoding of an image. */
  public static byte[] encode(BufferedImage img) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(img, "png", out)) {
        throw new IllegalStateException("no PNG writer in this JDK");
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Feature> inCrs(Layer layer, Crs target) {
    if (layer.crs().equals(target)) {
      return layer.features();
    }
    List<Feature> out = new ArrayList<>(layer.size());
    for (Feature f : layer.features()) {
      Geometry g = f.geometry();
      if (g == null || g.isEmpty()) {
        continue;
      }
      try {
        out.add(f.withGeometry(layer.crs().transform(g, target)));
      } catch (RuntimeException outsideDomain) {
        // Outside the map projection's domain: it cannot be drawn on this map.
      }
    }
    return out;
  }
}
