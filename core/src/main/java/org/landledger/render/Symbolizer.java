package org.landledger.render;

import java.awt.Color;

/**
 * 符号: how one class of features is drawn — fill (may be translucent or null), outline colour and width in
 * pixels, an optional hatch drawn over the fill in the outline colour, and the point marker diameter.
 * The vocabulary is that of an SLD 1.0 PolygonSymbolizer so styles export to SLD one to one.
 */
public record Symbolizer(Color fill, Color stroke, float strokeWidth, Hatch hatch, float pointSize) {

  /** Hatch patterns (SLD GraphicFill with a well-known mark). */
  public enum Hatch {
    NONE,
    /** 斜线 "/" lines, 45°. */
    DIAGONAL,
    /** 交叉 "x" lines. */
    CROSS
  }

  public static Symbolizer fill(Color fill, Color stroke) {
    return new Symbolizer(fill, stroke, 1f, Hatch.NONE, 7f);
  }

  public Symbolizer withHatch(Hatch h) {
    return new Symbolizer(fill, stroke, strokeWidth, h, pointSize);
  }

  public Symbolizer withStrokeWidth(float w) {
    return new Symbolizer(fill, stroke, w, hatch, pointSize);
  }
}
