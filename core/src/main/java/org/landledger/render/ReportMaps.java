package org.landledger.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.landledger.io.Attributes;
import org.landledger.io.Feature;
import org.landledger.report.MapImages;
import org.locationtech.jts.geom.Envelope;

/**
 * 报告地图: the report maps drawn by {@link MapRenderer}, the renderer behind GetMap — so a report's map and the
 * server's look alike (the report's styled geometries, where {@link MapImage} draws whole layers in layer styles). Each report layer becomes one renderer layer whose style has a rule per distinct
 * fill/stroke pair of its features.
 */
public final class ReportMaps implements MapImages {

  private static final String STYLE_KEY = "_report_style";

  @Override
  public byte[] png(List<Layer> layers, Envelope bbox, int width, int height) {
    List<MapRenderer.MapLayer> mapLayers = new ArrayList<>();
    for (Layer layer : layers) {
      Map<String, Integer> styles = new LinkedHashMap<>();
      List<Map<String, Object>> styleAttributes = new ArrayList<>(); // one per style, shared by its features
      List<Feature> features = new ArrayList<>();
      for (Styled s : layer.features()) {
        if (s.geometry() == null || s.geometry().isEmpty()) {
          continue;
        }
        int i = styles.computeIfAbsent(s.fill() + "|" + s.stroke(), k -> styles.size());
        if (i == styleAttributes.size()) {
          styleAttributes.add(Attributes.copyOf(Map.of(STYLE_KEY, String.valueOf(i))));
        }
        features.add(new Feature(String.valueOf(features.size()), s.geometry(), styleAttributes.get(i)));
      }
      if (features.isEmpty()) {
        continue;
      }
      List<Rule> rules = new ArrayList<>();
      styles.forEach((key, i) -> {
        String[] fs = key.split("\\|", -1);
        rules.add(new Rule(layer.name(), layer.name(), new RuleFilter.PropertyIn(STYLE_KEY, Set.of(String.valueOf(i))),
            Symbolizer.fill(color(fs[0]), color(fs[1]))));
      });
      mapLayers.add(new MapRenderer.MapLayer(FeatureSource.of(features),
          new Style(layer.name(), layer.name(), layer.name(), rules), 1f));
    }
    return MapImage.encode(MapRenderer.render(mapLayers, bbox, width, height, Color.WHITE));
  }

  /** {@code #rrggbb} or {@code #rrggbbaa}; "null" (or null) is no colour. */
  static Color color(String hex) {
    if (hex == null || hex.equals("null")) {
      return null;
    }
    String h = hex.startsWith("#") ? hex.substring(1) : hex;
    int a = h.length() >= 8 ? Integer.parseInt(h.substring(6, 8), 16) : 255;
    return new Color(Integer.parseInt(h.substring(0, 2), 16), Integer.parseInt(h.substring(2, 4), 16),
        Integer.parseInt(h.substring(4, 6), 16), a);
  }
}
