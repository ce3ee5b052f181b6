package org.landledger.render;

import org.landledger.io.Layer;

/** 制图图层: a layer to put on a map with the style it is drawn in and its opacity (0–1). */
public record StyledLayer(Layer layer, Style style, float opacity) {

  public StyledLayer {
    if (layer == null || style == null) {
      throw new IllegalArgumentException("a styled layer needs a layer and a style");
    }
    if (!(opacity >= 0f && opacity <= 1f)) {
      throw new IllegalArgumentException("opacity must be within 0–1, got " + opacity);
    }
  }

  /** The layer in the project's style for it ({@link Styles#forLayer}), fully opaque. */
  public static StyledLayer of(Layer layer) {
    return new StyledLayer(layer, Styles.forLayer(layer.schema()), 1f);
  }

  /** The layer in a given style, fully opaque. */
  public static StyledLayer of(Layer layer, Style style) {
    return new StyledLayer(layer, style, 1f);
  }
}
