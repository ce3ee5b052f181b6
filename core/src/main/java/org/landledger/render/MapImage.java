package org.landledger.render;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.landledger.geo.Crs;
import org.locationtech.jts.geom.Envelope;

/**
 * 专题图图片: a PNG map of whole layers for reports, drawn by {@link MapRenderer} in the same styles as the
 * map server. Layers are drawn in list order (first at the bottom) over a transparent background; a layer
 * in another CRS is reprojected to the map CRS vertex by vertex (rings outside the target's domain are left out).
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
      drawn.add(new MapRenderer.MapLayer(FeatureSource.of(l.layer().features(), l.layer().crs()), l.style(), l.opacity()));
    }
    return MapRenderer.render(drawn, bbox, crs, width, height, null);
  }

  /** PNG encoding of an image ({@link PngEncoder}). */
  public static byte[] encode(BufferedImage img) {
    return PngEncoder.encode(img);
  }
}
