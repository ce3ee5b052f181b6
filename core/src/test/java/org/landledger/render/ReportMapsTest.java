package org.landledger.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.landledger.report.MapImages;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

class ReportMapsTest {

  @Test
  void reportLayersDrawnWithTheirColours() throws Exception {
    GeometryFactory gf = new GeometryFactory();
    // Left half red, right half blue, in a 0–20 × 0–10 map drawn at 40 × 20 px.
    MapImages.Layer layer = new MapImages.Layer("x", List.of(
        new MapImages.Styled(gf.toGeometry(new Envelope(0, 10, 0, 10)), "#ff0000", "#ff0000"),
        new MapImages.Styled(gf.toGeometry(new Envelope(10, 20, 0, 10)), "#0000ff", "#0000ff")));
    byte[] png = new ReportMaps().png(List.of(layer), new Envelope(0, 20, 0, 10), 40, 20);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img.getWidth()).isEqualTo(40);
    assertThat(img.getRGB(10, 10) & 0xffffff).isEqualTo(0xff0000);
    assertThat(img.getRGB(30, 10) & 0xffffff).isEqualTo(0x0000ff);
    assertThat(ReportMaps.color("#11223380").getAlpha()).isEqualTo(0x80);
  }
}
