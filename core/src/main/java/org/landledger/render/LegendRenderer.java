package org.landledger.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * 图例: a legend image for a style, one swatch per rule. Labels are Chinese when a font on this machine
 * can show them; a server without CJK fonts falls back to the English titles rather than drawing boxes.
 */
public final class LegendRenderer {

  private static final int ROW = 20;
  private static final int SWATCH_W = 20;
  private static final int SWATCH_H = 14;
  private static final int PAD = 4;

  private LegendRenderer() {}

  /** Whether the default sans-serif font can draw Chinese here. */
  public static boolean canDrawChinese() {
    return new Font(Font.SANS_SERIF, Font.PLAIN, 12).canDisplayUpTo("耕地林地草地") == -1;
  }

  public static BufferedImage render(Style style, boolean chinese) {
    boolean zh = chinese && canDrawChinese();
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
    Graphics2D pg = probe.createGraphics();
    FontMetrics fm = pg.getFontMetrics(font);
    int textW = 0;
    for (Rule r : style.rules()) {
      textW = Math.max(textW, fm.stringWidth(r.title(zh)));
    }
    pg.dispose();
    int w = PAD + SWATCH_W + PAD + textW + PAD;
    int h = PAD + ROW * style.rules().size();
    BufferedImage img = new BufferedImage(Math.max(w, 1), Math.max(h, 1), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(font);
    int y = PAD;
    for (Rule r : style.rules()) {
      Symbolizer s = r.symbolizer();
      int sy = y + (ROW - SWATCH_H) / 2;
      if (s.fill() != null) {
        g.setPaint(s.fill());
        g.fillRect(PAD, sy, SWATCH_W, SWATCH_H);
      }
      if (s.hatch() != Symbolizer.Hatch.NONE && s.stroke() != null) {
        g.setPaint(MapRenderer.hatch(s.hatch(), s.stroke()));
        g.fillRect(PAD, sy, SWATCH_W, SWATCH_H);
      }
      if (s.stroke() != null) {
        g.setPaint(s.stroke());
        g.setStroke(new BasicStroke(Math.min(2f, Math.max(1f, s.strokeWidth()))));
        g.drawRect(PAD, sy, SWATCH_W, SWATCH_H);
      }
      g.setColor(Color.BLACK);
      g.drawString(r.title(zh), PAD + SWATCH_W + PAD, y + ROW / 2 + fm.getAscent() / 2 - 1);
      y += ROW;
    }
    g.dispose();
    return img;
  }
}
