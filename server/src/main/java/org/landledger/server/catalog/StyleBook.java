package org.landledger.server.catalog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.landledger.render.Style;
import org.landledger.render.Styles;

/** 样式表: the style of each served layer (server-side cache of the shared render styles), chosen once by {@link Styles#forLayer} and kept. */
public final class StyleBook {

  private final Map<Long, Style> styles = new ConcurrentHashMap<>();

  public Style styleOf(ServedLayer layer) {
    return styles.computeIfAbsent(layer.version(), k -> Styles.forLayer(layer.schema()));
  }
}
