package org.landledger.server.wms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.landledger.geo.Crs;
import org.landledger.server.Limits;
import org.landledger.server.catalog.Catalog;
import org.landledger.server.catalog.ServedLayer;
import org.landledger.server.ows.RequestCrs;
import org.landledger.server.ows.Xml;
import org.landledger.render.Style;
import org.landledger.server.catalog.StyleBook;
import org.locationtech.jts.geom.Envelope;

/**
 * WMS 1.3.0 能力文档: the capabilities XML (valid against capabilities_1_3_0.xsd): one root layer, a
 * sub-layer per analysis-run folder (layer group) holding its layers, bounding boxes in EPSG axis order,
 * and a style with a GetLegendGraphic legend URL per layer.
 */
final class WmsCapabilities {

  private WmsCapabilities() {}

  static String write(Catalog catalog, StyleBook styles, Limits limits, String url, Set<Integer> crsCodes) {
    String u = Xml.esc(url);
    StringBuilder b = new StringBuilder(8192);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<WMS_Capabilities version=\"1.3.0\" xmlns=\"http://www.opengis.net/wms\"")
        .append(" xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        .append(" xsi:schemaLocation=\"http://www.opengis.net/wms http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd\">\n")
        .append("<Service><Name>WMS</Name><Title>LandLedger 土地账本 WMS</Title>")
        .append("<Abstract>三调数据与核算结果地图服务 (land survey data and analysis results)</Abstract>")
        .append("<KeywordList><Keyword>三调</Keyword><Keyword>LandLedger</Keyword></KeywordList>")
        .append("<OnlineResource xlink:type=\"simple\" xlink:href=\"").append(u).append("\"/>")
        .append("<Fees>none</Fees><AccessConstraints>none</AccessConstraints>")
        .append("<MaxWidth>").append(limits.maxImageSize()).append("</MaxWidth><MaxHeight>")
        .append(limits.maxImageSize()).append("</MaxHeight></Service>\n<Capability><Request>\n");
    operation(b, "GetCapabilities", List.of("text/xml"), u);
    operation(b, "GetMap", List.of("image/png", "image/jpeg"), u);
    operation(b, "GetFeatureInfo", WmsService.INFO_FORMATS, u);
    b.append("</Request>\n<Exception><Format>XML</Format></Exception>\n");
    // Root layer: title only, holds every CRS and the union extent.
    b.append("<Layer><Title>LandLedger</Title>");
    for (int c : crsCodes) {
      b.append("<CRS>EPSG:").append(c).append("</CRS>");
    }
    b.append("<CRS>CRS:84</CRS>");
    Envelope all = new Envelope();
    for (ServedLayer l : catalog.layers()) {
      all.expandToInclude(geographic(l));
    }
    geoBox(b, all);
    b.append('\n');
    Map<String, List<ServedLayer>> groups = catalog.groups();
    for (ServedLayer l : catalog.layers()) {
      if (l.group() == null) {
        layer(b, l, styles, u);
      }
    }
    for (var g : groups.entrySet()) {
      Envelope ge = new Envelope();
      g.getValue().forEach(l -> ge.expandToInclude(geographic(l)));
      b.append("<Layer>");
      if (catalog.layer(g.getKey()).isEmpty()) {
        b.append("<Name>").append(Xml.esc(g.getKey())).append("</Name>");
      }
      b.append("<Title>").append(Xml.esc(g.getKey())).append("</Title><Abstract>分析结果图层组 analysis run</Abstract>");
      geoBox(b, ge);
      b.append('\n');
      for (ServedLayer l : g.getValue()) {
        layer(b, l, styles, u);
      }
      b.append("</Layer>\n");
    }
    b.append("</Layer>\n</Capability>\n</WMS_Capabilities>\n");
    return b.toString();
  }

  private static Envelope geographic(ServedLayer l) {
    return l.bounds(Crs.epsg(Crs.WGS84));
  }

  private static void operation(StringBuilder b, String name, List<String> formats, String u) {
    b.append('<').append(name).append('>');
    for (String f : formats) {
      b.append("<Format>").append(Xml.esc(f)).append("</Format>");
    }
    b.append("<DCPType><HTTP><Get><OnlineResource xlink:type=\"simple\" xlink:href=\"").append(u)
        .append("\"/></Get></HTTP></DCPType></").append(name).append(">\n");
  }

  private static void geoBox(StringBuilder b, Envelope e) {
    if (e.isNull()) {
      e = new Envelope(-180, 180, -90, 90);
    }
    b.append("<EX_GeographicBoundingBox><westBoundLongitude>").append(clamp(e.getMinX(), 180))
        .append("</westBoundLongitude><eastBoundLongitude>").append(clamp(e.getMaxX(), 180))
        .append("</eastBoundLongitude><southBoundLatitude>").append(clamp(e.getMinY(), 90))
        .append("</southBoundLatitude><northBoundLatitude>").append(clamp(e.getMaxY(), 90))
        .append("</northBoundLatitude></EX_GeographicBoundingBox>");
  }

  private static String clamp(double v, double lim) {
    return RequestCrs.num(Math.max(-lim, Math.min(lim, v)));
  }

  private static void layer(StringBuilder b, ServedLayer l, StyleBook styles, String u) {
    Style s = styles.styleOf(l);
    b.append("<Layer queryable=\"1\"><Name>").append(Xml.esc(l.name())).append("</Name><Title>")
        .append(Xml.esc(l.name())).append("</Title><Abstract>").append(Xml.esc(s.titleZh() + " — "
            + l.count() + " 个要素 features"))
        .append("</Abstract>");
    b.append("<CRS>EPSG:").append(l.crs().epsg()).append("</CRS>");
    geoBox(b, geographic(l));
    List<Crs> boxes = new ArrayList<>(List.of(l.crs()));
    if (l.crs().epsg() != Crs.WGS84) {
      boxes.add(Crs.epsg(Crs.WGS84));
    }
    for (Crs c : boxes) {
      Envelope e = l.bounds(c);
      if (e.isNull()) {
        continue;
      }
      boolean nf = c.epsgAxisOrderNorthFirst();
      b.append("<BoundingBox CRS=\"EPSG:").append(c.epsg()).append("\" minx=\"")
          .append(RequestCrs.num(nf ? e.getMinY() : e.getMinX())).append("\" miny=\"")
          .append(RequestCrs.num(nf ? e.getMinX() : e.getMinY())).append("\" maxx=\"")
          .append(RequestCrs.num(nf ? e.getMaxY() : e.getMaxX())).append("\" maxy=\"")
          .append(RequestCrs.num(nf ? e.getMaxX() : e.getMaxY())).append("\"/>");
    }
    b.append("<Style><Name>").append(Xml.esc(s.name())).append("</Name><Title>").append(Xml.esc(s.titleZh()))
        .append("</Title><LegendURL><Format>image/png</Format><OnlineResource xlink:type=\"simple\" xlink:href=\"")
        .append(u).append(u.contains("?") ? "&amp;" : "?").append("SERVICE=WMS&amp;VERSION=1.3.0&amp;REQUEST=GetLegendGraphic&amp;FORMAT=image/png&amp;LAYER=")
        .append(Xml.esc(java.net.URLEncoder.encode(l.name(), java.nio.charset.StandardCharsets.UTF_8)))
        .append("\"/></LegendURL></Style></Layer>\n");
  }
}
