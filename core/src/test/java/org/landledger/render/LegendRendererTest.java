package org.landledger.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class LegendRendererTest {

  @Test
  void oneSwatchRowPerRuleInTheRulesColour() {
    Style s = Styles.redLineStatus();
    BufferedImage img = LegendRenderer.render(s, false);
    // 4 px top padding + 20 px per rule; 4 rules → 84 px.
    assertThat(img.getHeight()).isEqualTo(4 + 20 * 4);
    // The first swatch (x 4–24, y 7–21) is the PASS fill #2EA043 at alpha 0xB0 over transparent.
    int p = img.getRGB(14, 14);
    assertThat(p >>> 24).isEqualTo(0xB0);
    assertClose(p, 0x2EA043);
    // The third (FAIL) swatch, rows 47–61.
    assertClose(img.getRGB(14, 54), 0xE53935);
  }

  /** RGB within 1 per channel (ARGB images round translucent colours). */
  private static void assertClose(int argb, int rgb) {
    for (int shift : new int[] {16, 8, 0}) {
      assertThat((argb >> shift) & 0xFF).isCloseTo((rgb >> shift) & 0xFF, org.assertj.core.data.Offset.offset(1));
    }
  }
}
