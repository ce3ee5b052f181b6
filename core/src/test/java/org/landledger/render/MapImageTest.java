package org.landledger.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

class MapImageTest {

  private static final Crs GK = Crs.epsg(4527);
  private static final double X0 = 39_500_000;
  private static final double Y0 = 4_000_000;
  // 200 m × 200 m at 200 × 200 px = 1 px per metre; a 100 m square at (X0, Y0) covers columns 50–150 and,
  // y pointing up, rows 200 − 150 = 50 to 200 − 50 = 150.
  private static final Envelope BBOX = new Envelope(X0 - 50, X0 + 150, Y0 - 50, Y0 + 150);

  private static Layer layer(String name, Crs crs, Geometry g, Map<String, Object> attrs) {
    return Layer.fromRows(name, crs, "Polygon", List.of(new Feature("1", g, attrs)));
  }

  private static BufferedImage decode(byte[] png) throws Exception {
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  @Test
  void aPolygonIsFilledInItsStyleColourAndTheRestIsTransparent() throws Exception {
    Layer dltb = layer("DLTB", GK, MapRendererTest.square(X0, Y0, 100), Map.of("DLBM", "0101"));
    BufferedImage img = decode(MapImage.png(List.of(StyledLayer.of(dltb)), BBOX, GK, 200, 200));
    assertThat(img.getWidth()).isEqualTo(200);
    // 0101 水田 is in 01 耕地: the style's fill, opaque, inside the square (the 0.5 px outline is on its edge).
    Color fill = Styles.landUseColour("01");
    assertThat(fill).isEqualTo(new Color(0xFF, 0xFF, 0x64));
    assertThat(img.getRGB(100, 100)).isEqualTo(fill.getRGB());
    assertThat(img.getRGB(60, 140)).isEqualTo(fill.getRGB());
    // Outside the square: fully transparent.
    assertThat(img.getRGB(10, 10) >>> 24).isZero();
    assertThat(img.getRGB(190, 190) >>> 24).isZero();
    assertThat(img.getRGB(100, 20) >>> 24).isZero();
  }

  @Test
  void layersAreDrawnInOrderEachInItsOwnStyle() throws Exception {
    Layer dltb = layer("DLTB", GK, MapRendererTest.square(X0, Y0, 100), Map.of("DLBM", "0303"));
    // A red-line parcel over the right half only (x from X0 + 50): columns 100–150.
    Layer parcels = layer("parcels", GK, MapRendererTest.square(X0 + 50, Y0, 50).union(
        MapRendererTest.square(X0 + 50, Y0 + 50, 50)), Map.of("status", "PASS"));
    BufferedImage img = MapImage.image(List.of(StyledLayer.of(dltb), StyledLayer.of(parcels)), BBOX, GK, 200, 200);
    // Left half: land use only — 0303 红树林地 is filed under 00 湿地 in 三调, so wetland colour, not forest.
    assertThat(img.getRGB(70, 100)).isEqualTo(Styles.landUseColour("00").getRGB());
    // Right half: the PASS fill (alpha 0xB0) over the wetland colour — neither colour alone.
    int over = img.getRGB(125, 100);
    assertThat(over >>> 24).isEqualTo(0xFF);
    assertThat(over).isNotEqualTo(Styles.landUseColour("00").getRGB());
    // PASS fill #2EA043 at 176/255 over #7FD8D8: green = 0xA0·0.690 + 0xD8·0.310 ≈ 110.4 + 67.0 = 177.
    assertThat((over >> 8) & 0xFF).isBetween(175, 179);
  }

  @Test
  void aLayerInAnotherCrsIsReprojectedToTheMapCrs() throws Exception {
    Geometry inCgcs2000 = GK.transform(MapRendererTest.square(X0, Y0, 100), Crs.epsg(4490));
    Layer dltb = layer("DLTB", Crs.epsg(4490), inCgcs2000, Map.of("DLBM", "1101"));
    BufferedImage img = decode(MapImage.png(List.of(StyledLayer.of(dltb)), BBOX, GK, 200, 200));
    assertThat(img.getRGB(100, 100)).isEqualTo(Styles.landUseColour("11").getRGB());
    assertThat(img.getRGB(10, 10) >>> 24).isZero();
  }

  @Test
  void badSizeOrBboxIsRefused() {
    assertThatThrownBy(() -> MapImage.png(List.of(), BBOX, GK, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MapImage.png(List.of(), new Envelope(X0, X0, Y0, Y0 + 1), GK, 10, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
