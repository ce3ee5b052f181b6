package org.landledger.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.landledger.io.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class MapRendererTest {

  private static final GeometryFactory GF = new GeometryFactory();

  static Polygon square(double x, double y, double side) {
    return GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + side, y),
        new Coordinate(x + side, y + side), new Coordinate(x, y + side), new Coordinate(x, y)});
  }

  static FeatureSource source(Map<String, Object> attrs) {
    return FeatureSource.of(List.of(new Feature("1", square(0, 0, 10), attrs)));
  }

  @Test
  void conflictsAreHatchedOverATranslucentFill() {
    // 20 × 20 m map at 10 px per metre; the 10 m square fills pixels 0–100 (x) and rows 100–200.
    BufferedImage img = MapRenderer.render(List.of(new MapRenderer.MapLayer(source(Map.of()), Styles.conflict(), 1f)),
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
        List.of(new MapRenderer.MapLayer(source(Map.of("status", "FAIL")), Styles.redLineStatus(), 0.5f)),
        new Envelope(0, 20, 0, 20), 200, 200, null);
    // FAIL fill alpha 0xC0 = 192, at half opacity → 96 (±1 for rounding).
    assertThat(img.getRGB(50, 150) >>> 24).isBetween(95, 97);
  }

  @Test
  void aSourceReturnsOnlyFeaturesMeetingTheBboxInLayerOrder() {
    FeatureSource s = FeatureSource.of(List.of(new Feature("c", square(5, 5, 10), Map.of()),
        new Feature("a", square(0, 0, 10), Map.of()), new Feature("b", square(1000, 0, 10), Map.of())));
    List<Feature> got = new java.util.ArrayList<>();
    try (var c = s.features(new Envelope(-5, 20, -5, 20), List.of(), 0)) {
      c.forEachRemaining(got::add);
    }
    assertThat(got).extracting(Feature::id).containsExactly("c", "a");
  }

  @Test
  void forLayerPicksOneStyleByNameAndFields() {
    assertThat(Styles.forLayer(schema("parcels", "status")).name()).isEqualTo("redline-status");
    assertThat(Styles.forLayer(schema("conflicts", "type")).name()).isEqualTo("conflict");
    assertThat(Styles.forLayer(schema("linkage_violations", "CODE")).name()).isEqualTo("conflict");
    assertThat(Styles.forLayer(schema("DLTB", "DLBM")).name()).isEqualTo("landuse");
    assertThat(Styles.forLayer(schema("homestead", "area")).name()).isEqualTo("default");
  }

  private static org.landledger.io.LayerSchema schema(String name, String field) {
    return new org.landledger.io.LayerSchema(name,
        List.of(new org.landledger.io.Field(field, org.landledger.io.FieldType.STRING)), "MultiPolygon");
  }
}
