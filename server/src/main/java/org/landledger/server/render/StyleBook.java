package org.landledger.server.render;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.landledger.server.catalog.ServedLayer;

/** 样式表: the style of each served layer, chosen once by {@link Styles#forLayer} and kept. */
public final class StyleBook {

  private final Map<String, Style> styles = new ConcurrentHashMap<>();

  public Style styleOf(ServedLayer layer) {
    return styles.computeIfAbsent(layer.name(), k -> Styles.forLayer(layer.layer().schema()));
  }
}
