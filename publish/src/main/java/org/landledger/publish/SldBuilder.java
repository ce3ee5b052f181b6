package org.landledger.publish;

import java.util.ArrayList;
import java.util.List;

/**
 * 样式描述 (SLD 1.0) 生成器: a small builder for the OGC Styled Layer Descriptor 1.0.0 documents the publisher
 * uploads to GeoServer — one named layer, one user style, one feature type style, rules with optional
 * Filter 1.0 conditions and polygon/line/point symbolizers. Element order follows the SLD 1.0 XSD (it is
 * validated against it in the tests).
 */
public final class SldBuilder {

  private final String layerName;
  private final String styleName;
  private final String title;
  private final List<String> rules = new ArrayList<>();

  private SldBuilder(String layerName, String styleName, String title) {
    this.layerName = layerName;
    this.styleName = styleName;
    this.title = title;
  }

  /** A style {@code styleName} for the named layer {@code layerName}, with a human title. */
  public static SldBuilder style(String layerName, String styleName, String title) {
    return new SldBuilder(layerName, styleName, title);
  }

  /** A rule drawn when {@code filter} (from {@link #equalTo}, {@link #like}, {@link #or}) holds, or always when null. */
  public SldBuilder rule(String name, String title, String filter, String... symbolizers) {
    StringBuilder r = new StringBuilder();
    r.append("      <Rule>\n");
    r.append("        <Name>").append(esc(name)).append("</Name>\n");
    r.append("        <Title>").append(esc(title)).append("</Title>\n");
    if (filter != null) {
      r.append("        <ogc:Filter>").append(filter).append("</ogc:Filter>\n");
    }
    for (String s : symbolizers) {
      r.append("        ").append(s).append('\n');
    }
    r.append("      </Rule>\n");
    rules.add(r.toString());
    return this;
  }

  /** A rule for the features no other rule matched (SLD ElseFilter). */
  public SldBuilder elseRule(String name, String title, String... symbolizers) {
    StringBuilder r = new StringBuilder();
    r.append("      <Rule>\n");
    r.append("        <Name>").append(esc(name)).append("</Name>\n");
    r.append("        <Title>").append(esc(title)).append("</Title>\n");
    r.append("        <ElseFilter/>\n");
    for (String s : symbolizers) {
      r.append("        ").append(s).append('\n');
    }
    r.append("      </Rule>\n");
    rules.add(r.toString());
    return this;
  }

  public String toXml() {
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\"")
        .append(" xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
        .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        .append(" xsi:schemaLocation=\"http://www.opengis.net/sld")
        .append(" http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd\">\n");
    x.append("  <NamedLayer>\n");
    x.append("    <Name>").append(esc(layerName)).append("</Name>\n");
    x.append("    <UserStyle>\n");
    x.append("      <Name>").append(esc(styleName)).append("</Name>\n");
    x.append("      <Title>").append(esc(title)).append("</Title>\n");
    x.append("      <FeatureTypeStyle>\n");
    for (String r : rules) {
      x.append(r.indent(2));
    }
    x.append("      </FeatureTypeStyle>\n");
    x.append("    </UserStyle>\n");
    x.append("  </NamedLayer>\n");
    x.append("</StyledLayerDescriptor>\n");
    return x.toString();
  }

  // ------------------------------------------------------------------ filters (OGC Filter 1.0)

  public static String equalTo(String property, String literal) {
    return "<ogc:PropertyIsEqualTo><ogc:PropertyName>" + esc(property) + "</ogc:PropertyName><ogc:Literal>"
        + esc(literal) + "</ogc:Literal></ogc:PropertyIsEqualTo>";
  }

  /** {@code property} matches {@code pattern}, where {@code *} stands for any characters. */
  public static String like(String property, String pattern) {
    return "<ogc:PropertyIsLike wildCard=\"*\" singleChar=\".\" escape=\"!\"><ogc:PropertyName>" + esc(property)
        + "</ogc:PropertyName><ogc:Literal>" + esc(pattern) + "</ogc:Literal></ogc:PropertyIsLike>";
  }

  public static String or(String... filters) {
    return "<ogc:Or>" + String.join("", filters) + "</ogc:Or>";
  }

  // ------------------------------------------------------------------ symbolizers

  /** A filled polygon with an outline; colours as {@code #RRGGBB}. */
  public static String polygon(String fill, double fillOpacity, String stroke, double strokeWidth) {
    return "<PolygonSymbolizer><Fill>" + css("fill", fill) + css("fill-opacity", num(fillOpacity)) + "</Fill>"
        + stroke(stroke, strokeWidth, null) + "</PolygonSymbolizer>";
  }

  /** A polygon filled with a repeated cross-hatch mark (GeoServer's {@code shape://times}) and an outline. */
  public static String hatchedPolygon(String colour, double hatchSize, double strokeWidth) {
    return "<PolygonSymbolizer><Fill><GraphicFill><Graphic><Mark><WellKnownName>shape://times</WellKnownName>"
        + "<Stroke>" + css("stroke", colour) + css("stroke-width", "1") + "</Stroke></Mark>"
        + "<Size>" + num(hatchSize) + "</Size></Graphic></GraphicFill></Fill>"
        + stroke(colour, strokeWidth, null) + "</PolygonSymbolizer>";
  }

  public static String line(String colour, double width, String dashArray) {
    return "<LineSymbolizer>" + stroke(colour, width, dashArray) + "</LineSymbolizer>";
  }

  public static String point(String wellKnownName, String fill, String stroke, double size) {
    return "<PointSymbolizer><Graphic><Mark><WellKnownName>" + esc(wellKnownName) + "</WellKnownName>"
        + "<Fill>" + css("fill", fill) + "</Fill><Stroke>" + css("stroke", stroke) + css("stroke-width", "1")
        + "</Stroke></Mark><Size>" + num(size) + "</Size></Graphic></PointSymbolizer>";
  }

  private static String stroke(String colour, double width, String dashArray) {
    return "<Stroke>" + css("stroke", colour) + css("stroke-width", num(width))
        + (dashArray == null ? "" : css("stroke-dasharray", dashArray)) + "</Stroke>";
  }

  private static String css(String name, String value) {
    return "<CssParameter name=\"" + name + "\">" + esc(value) + "</CssParameter>";
  }

  private static String num(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
