package org.landledger.render;

import static org.landledger.io.XmlText.esc;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * SLD 导出: writes a {@link Style} as an SLD 1.0.0 document (NamedLayer/UserStyle), so QGIS or GeoServer
 * draw the layer as the project's renderer does — the one style definition behind WMS maps, report maps and
 * the styles the GeoServer publisher uploads. Each {@link Symbolizer} becomes the SLD symbolizer for the
 * layer's geometry kind (polygon: fill + outline; line: the outline stroke; point: a circle mark of the
 * point size), as {@link MapRenderer} draws it. Hatches become a GraphicFill with GeoServer's
 * {@code shape://} marks.
 */
public final class SldWriter {

  /** Which SLD symbolizer a layer's features take. */
  public enum GeometryKind {
    POLYGON, LINE, POINT;

    /** From a schema geometry type name ("MultiLineString", "Point", …); anything else is POLYGON. */
    public static GeometryKind of(String geometryType) {
      String g = geometryType == null ? "" : geometryType.toLowerCase(Locale.ROOT);
      if (g.contains("line")) {
        return LINE;
      }
      if (g.contains("point")) {
        return POINT;
      }
      return POLYGON;
    }
  }

  private SldWriter() {}

  /** A polygon layer's SLD (the NamedLayer is {@code layerName}). */
  public static String toSld(String layerName, Style style) {
    return toSld(layerName, style, GeometryKind.POLYGON);
  }

  public static String toSld(String layerName, Style style, GeometryKind kind) {
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\"")
        .append(" xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
        .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        .append(" xsi:schemaLocation=\"http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd\">\n")
        .append("<NamedLayer><Name>").append(esc(layerName)).append("</Name>\n")
        .append("<UserStyle><Name>").append(esc(style.name())).append("</Name><Title>")
        .append(esc(style.titleZh())).append("</Title>\n<FeatureTypeStyle>\n");
    List<Rule> rules = style.rules();
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      if (r.isElse() && rules.subList(0, i).stream().anyMatch(Rule::isElse)) {
        continue; // the renderer takes only the first else rule
      }
      b.append("<Rule><Name>").append(esc(r.titleEn())).append("</Name><Title>").append(esc(r.titleZh()))
          .append("</Title>");
      filter(b, r, rules.subList(0, i), rules);
      switch (kind) {
        case POLYGON -> polygon(b, r.symbolizer());
        case LINE -> line(b, r.symbolizer());
        case POINT -> point(b, r.symbolizer());
      }
      b.append("</Rule>\n");
    }
    b.append("</FeatureTypeStyle>\n</UserStyle>\n</NamedLayer>\n</StyledLayerDescriptor>\n");
    return b.toString();
  }

  /**
   * The rule's OGC filter with the renderer's "first match wins": a rule excludes the earlier rules it could
   * overlap, and the else rule is written as {@code Not(Or(every other rule))} rather than {@code ElseFilter},
   * which QGIS applies to every feature.
   */
  private static void filter(StringBuilder b, Rule r, List<Rule> earlier, List<Rule> all) {
    List<RuleFilter.PropertyIn> excluded = new ArrayList<>();
    if (r.filter() instanceof RuleFilter.PropertyIn own) {
      for (Rule e : earlier) {
        if (e.filter() instanceof RuleFilter.PropertyIn p && overlaps(p, own)) {
          excluded.add(p);
        }
      }
    } else {
      for (Rule e : all) {
        if (e.filter() instanceof RuleFilter.PropertyIn p) {
          excluded.add(p);
        }
      }
    }
    RuleFilter.PropertyIn own = r.filter() instanceof RuleFilter.PropertyIn p ? p : null;
    if (own == null && excluded.isEmpty()) {
      return; // the only rule: every feature
    }
    b.append("<ogc:Filter>");
    boolean and = own != null && !excluded.isEmpty();
    if (and) {
      b.append("<ogc:And>");
    }
    if (own != null) {
      anyOf(b, List.of(own));
    }
    if (!excluded.isEmpty()) {
      b.append("<ogc:Not>");
      anyOf(b, excluded);
      b.append("</ogc:Not>");
    }
    if (and) {
      b.append("</ogc:And>");
    }
    b.append("</ogc:Filter>");
  }

  /** Whether two rules can take the same feature (another property, or a shared value). */
  private static boolean overlaps(RuleFilter.PropertyIn a, RuleFilter.PropertyIn b) {
    if (!a.property().equalsIgnoreCase(b.property())) {
      return true;
    }
    return a.values().stream().anyMatch(b.values()::contains);
  }

  /** Or of PropertyIsEqualTo over every value of every filter (no Or around a single comparison). */
  private static void anyOf(StringBuilder b, List<RuleFilter.PropertyIn> filters) {
    int n = filters.stream().mapToInt(f -> f.values().size()).sum();
    if (n > 1) {
      b.append("<ogc:Or>");
    }
    for (RuleFilter.PropertyIn p : filters) {
      for (String v : new TreeSet<>(p.values())) {
        b.append("<ogc:PropertyIsEqualTo><ogc:PropertyName>").append(esc(p.property()))
            .append("</ogc:PropertyName><ogc:Literal>").append(esc(v)).append("</ogc:Literal></ogc:PropertyIsEqualTo>");
      }
    }
    if (n > 1) {
      b.append("</ogc:Or>");
    }
  }

  private static void polygon(StringBuilder b, Symbolizer s) {
    b.append("<PolygonSymbolizer>");
    fill(b, s.fill());
    stroke(b, s.stroke(), s.strokeWidth());
    b.append("</PolygonSymbolizer>");
    if (s.hatch() != Symbolizer.Hatch.NONE && s.stroke() != null) {
      String mark = s.hatch() == Symbolizer.Hatch.CROSS ? "shape://times" : "shape://slash";
      b.append("<PolygonSymbolizer><Fill><GraphicFill><Graphic><Mark><WellKnownName>").append(mark)
          .append("</WellKnownName><Stroke>").append(css("stroke", hex(s.stroke())))
          .append("</Stroke></Mark><Size>8</Size></Graphic></GraphicFill></Fill></PolygonSymbolizer>");
    }
  }

  /** The renderer draws lines with the outline stroke only. */
  private static void line(StringBuilder b, Symbolizer s) {
    b.append("<LineSymbolizer>");
    stroke(b, s.stroke() != null ? s.stroke() : s.fill(), Math.max(1f, s.strokeWidth()));
    b.append("</LineSymbolizer>");
  }

  /** The renderer draws points as circles of {@code pointSize} pixels, filled and outlined. */
  private static void point(StringBuilder b, Symbolizer s) {
    b.append("<PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName>");
    fill(b, s.fill());
    stroke(b, s.stroke(), Math.max(1f, s.strokeWidth()));
    b.append("</Mark><Size>").append(num(s.pointSize())).append("</Size></Graphic></PointSymbolizer>");
  }

  private static void fill(StringBuilder b, Color fill) {
    if (fill != null) {
      b.append("<Fill>").append(css("fill", hex(fill))).append(css("fill-opacity", opacity(fill))).append("</Fill>");
    }
  }

  private static void stroke(StringBuilder b, Color stroke, float width) {
    if (stroke != null) {
      b.append("<Stroke>").append(css("stroke", hex(stroke))).append(css("stroke-opacity", opacity(stroke)))
          .append(css("stroke-width", num(width))).append("</Stroke>");
    }
  }

  private static String css(String name, String value) {
    return "<CssParameter name=\"" + name + "\">" + value + "</CssParameter>";
  }

  private static String num(float v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Float.toString(v);
  }

  /** {@code #RRGGBB} of a colour (its alpha goes to the opacity parameter). */
  public static String hex(Color c) {
    return String.format(Locale.ROOT, "#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
  }

  private static String opacity(Color c) {
    return String.format(Locale.ROOT, "%.2f", c.getAlpha() / 255.0);
  }
}
