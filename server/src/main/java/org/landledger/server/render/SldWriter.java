package org.landledger.server.render;

import java.awt.Color;
import java.util.Locale;
import java.util.TreeSet;
import org.landledger.server.ows.Xml;

/**
 * SLD 导出: writes a {@link Style} as an SLD 1.0.0 document (NamedLayer/UserStyle), so QGIS or GeoServer
 * can draw the layer the same way. Hatches become a GraphicFill with GeoServer's {@code shape://} marks.
 */
public final class SldWriter {

  private SldWriter() {}

  public static String toSld(String layerName, Style style) {
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\"")
        .append(" xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
        .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        .append(" xsi:schemaLocation=\"http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd\">\n")
        .append("<NamedLayer><Name>").append(Xml.esc(layerName)).append("</Name>\n")
        .append("<UserStyle><Name>").append(Xml.esc(style.name())).append("</Name><Title>")
        .append(Xml.esc(style.titleZh())).append("</Title>\n<FeatureTypeStyle>\n");
    for (Rule r : style.rules()) {
      b.append("<Rule><Name>").append(Xml.esc(r.titleEn())).append("</Name><Title>").append(Xml.esc(r.titleZh()))
          .append("</Title>");
      if (r.filter() instanceof RuleFilter.PropertyIn p) {
        b.append("<ogc:Filter>");
        boolean or = p.values().size() > 1;
        if (or) {
          b.append("<ogc:Or>");
        }
        for (String v : new TreeSet<>(p.values())) {
          b.append("<ogc:PropertyIsEqualTo><ogc:PropertyName>").append(Xml.esc(p.property()))
              .append("</ogc:PropertyName><ogc:Literal>").append(Xml.esc(v)).append("</ogc:Literal></ogc:PropertyIsEqualTo>");
        }
        if (or) {
          b.append("</ogc:Or>");
        }
        b.append("</ogc:Filter>");
      } else {
        b.append("<ElseFilter/>");
      }
      Symbolizer s = r.symbolizer();
      b.append("<PolygonSymbolizer>");
      if (s.fill() != null) {
        b.append("<Fill>").append(css("fill", hex(s.fill()))).append(css("fill-opacity", opacity(s.fill()))).append("</Fill>");
      }
      if (s.stroke() != null) {
        b.append("<Stroke>").append(css("stroke", hex(s.stroke()))).append(css("stroke-width", Float.toString(s.strokeWidth())))
            .append("</Stroke>");
      }
      b.append("</PolygonSymbolizer>");
      if (s.hatch() != Symbolizer.Hatch.NONE && s.stroke() != null) {
        String mark = s.hatch() == Symbolizer.Hatch.CROSS ? "shape://times" : "shape://slash";
        b.append("<PolygonSymbolizer><Fill><GraphicFill><Graphic><Mark><WellKnownName>").append(mark)
            .append("</WellKnownName><Stroke>").append(css("stroke", hex(s.stroke())))
            .append("</Stroke></Mark><Size>8</Size></Graphic></GraphicFill></Fill></PolygonSymbolizer>");
      }
      b.append("</Rule>\n");
    }
    b.append("</FeatureTypeStyle>\n</UserStyle>\n</NamedLayer>\n</StyledLayerDescriptor>\n");
    return b.toString();
  }

  private static String css(String name, String value) {
    return "<CssParameter name=\"" + name + "\">" + value + "</CssParameter>";
  }

  private static String hex(Color c) {
    return String.format(Locale.ROOT, "#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
  }

  private static String opacity(Color c) {
    return String.format(Locale.ROOT, "%.2f", c.getAlpha() / 255.0);
  }
}
