package org.landledger.report;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * 地图出图: draws layers of styled geometries to a PNG — what a report needs from a map renderer. Implemented by
 * the project renderer behind GetMap ({@code org.landledger.render.ReportMaps}), so reports and GetMap draw the
 * same way.
 */
public interface MapImages {

  /** A geometry with its fill and stroke ({@code #rrggbb} or {@code #rrggbbaa}; null = none). */
  record Styled(Geometry geometry, String fill, String stroke) {}

  /** A named layer, drawn in list order (first = bottom). */
  record Layer(String name, List<Styled> features) {
    public Layer {
      features = List.copyOf(features);
    }
  }

  /** The layers drawn into {@code bbox} (map units; y up) as a {@code width}×{@code height} PNG. */
  byte[] png(List<Layer> layers, Envelope bbox, int width, int height);

  /** {@code bbox} grown to the image's aspect ratio plus a margin, so the map is not distorted or cropped. */
  static Envelope fit(Envelope bbox, int width, int height, double margin) {
    Envelope e = new Envelope(bbox);
    double w = Math.max(e.getWidth(), 1e-9);
    double h = Math.max(e.getHeight(), 1e-9);
    e.expandBy(w * margin, h * margin);
    w = e.getWidth();
    h = e.getHeight();
    double want = (double) width / height;
    if (w / h < want) {
      e.expandBy((h * want - w) / 2, 0);
    } else {
      e.expandBy(0, (w / want - h) / 2);
    }
    return e;
  }
}
