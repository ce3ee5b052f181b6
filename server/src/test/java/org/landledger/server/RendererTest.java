package org.landledger.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.server.catalog.LayerView;
import org.landledger.server.render.MapRenderer;
import org.landledger.server.render.Styles;
import org.locationtech.jts.geom.Envelope;

class RendererTest {

  static LayerView view(Map<String, Object> attrs) {
    return new LayerView(Crs.epsg(4527), List.of(new Feature("1", Fixtures.square(0, 0, 10), attrs)));
  }

  @Test
  void conflictsAreHatchedOverATranslucentFill() {
    // 20 × 20 m map at 10 px per metre; the 10 m square fills pixels 0–100 (x) and rows 100–200.
    BufferedImage img = MapRenderer.render(List.of(new MapRenderer.MapLayer(view(Map.of()), Styles.conflict(), 1f)),
        new Envelope(0, 20, 0, 20), 200, 200, null);
    int lines = 0;
    int fillOnly = 0;
    for (int x = 10; x < 90; x++) {
      int a = img.getRGB(x, 150) >>> 24;
      if (a > 0xC0) {
        lines++;
      } else if (a > 0) {
        fillOnly++;
      }
    }
    // Hatch lines are opaque strokes every 8 px; between them only the 25 %-alpha fill (0x40).
    assertThat(lines).isGreaterThan(5);
    assertThat(fillOnly).isGreaterThan(30);
    assertThat(img.getRGB(150, 50) >>> 24).isZero();
  }

  @Test
  void opacityScalesTheLayer() {
    BufferedImage img = MapRenderer.render(
        List.of(new MapRenderer.MapLayer(view(Map.of("status", "FAIL")), Styles.redLineStatus(), 0.5f)),
        new Envelope(0, 20, 0, 20), 200, 200, null);
    // FAIL fill alpha 0xC0 = 192, at half opacity → 96 (±1 for rounding).
    assertThat(img.getRGB(50, 150) >>> 24).isBetween(95, 97);
  }

  @Test
  void onlyFeaturesInTheBboxAreQueried() {
    LayerView v = new LayerView(Crs.epsg(4527), List.of(
        new Feature("a", Fixtures.square(0, 0, 10), Map.of()), new Feature("b", Fixtures.square(1000, 0, 10), Map.of())));
    assertThat(v.query(new Envelope(-5, 20, -5, 20))).extracting(Feature::id).containsExactly("a");
  }
}
