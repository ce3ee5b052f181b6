package org.landledger.server.wfs;

import java.util.Map;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.LayerSchema;
import org.landledger.server.ows.RequestCrs;
import org.landledger.server.ows.Xml;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * GML 3.2 编码: features of a layer as {@code ll:LAYER} elements (namespace {@value #NS}) with the
 * geometry in the requested CRS's axis order, and the application schema DescribeFeatureType returns.
 */
public final class Gml32 {

  public static final String NS = "http://landledger.org/ll";
  public static final String PREFIX = "ll";
  public static final String GML = "http://www.opengis.net/gml/3.2";

  private Gml32() {}

  /** An XML name for a field: characters not allowed in an NCName become '_'. */
  public static String elementName(String field) {
    StringBuilder b = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      boolean ok = Character.isLetter(c) || c == '_' || (i > 0 && (Character.isDigit(c) || c == '-' || c == '.'));
      b.append(ok ? c : '_');
    }
    return b.length() == 0 ? "_" : b.toString();
  }

  /** A gml:id for a feature: layer name and feature id. */
  public static String gmlId(String layer, String fid) {
    return elementName(layer + "." + fid);
  }

  public static void feature(StringBuilder b, String layer, LayerSchema schema, Feature f, RequestCrs crs,
      java.util.Set<String> properties) {
    String id = gmlId(layer, f.id());
    String el = PREFIX + ":" + layer;
    b.append('<').append(el).append(" gml:id=\"").append(Xml.esc(id)).append("\">");
    if (properties == null || properties.contains(AttributeFilter.GEOMETRY)) {
      b.append("<ll:").append(AttributeFilter.GEOMETRY).append('>');
      if (f.geometry() != null && !f.geometry().isEmpty()) {
        geometry(b, f.geometry(), crs, id + ".g", new int[1], true);
      }
      b.append("</ll:").append(AttributeFilter.GEOMETRY).append('>');
    }
    Map<String, Object> attrs = f.attributes();
    for (Field fld : schema.fields()) {
      if (properties != null && !properties.contains(fld.name())) {
        continue;
      }
      String n = elementName(fld.name());
      Object v = attrs.containsKey(fld.name()) ? attrs.get(fld.name()) : f.get(fld.name());
      if (v == null) {
        b.append("<ll:").append(n).append(" xsi:nil=\"true\"/>");
      } else {
        b.append("<ll:").append(n).append('>').append(Xml.esc(value(v))).append("</ll:").append(n).append('>');
      }
    }
    b.append("</").append(el).append('>');
  }

  static String value(Object v) {
    if (v instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }
    if (v instanceof java.util.Date d) {
      return d.toInstant().toString();
    }
    return v.toString();
  }

  public static void geometry(StringBuilder b, Geometry g, RequestCrs crs, String idPrefix, int[] n, boolean top) {
    String srs = top ? " srsName=\"" + Xml.esc(RequestCrs.urn(crs.crs())) + "\"" : "";
    String id = " gml:id=\"" + Xml.esc(idPrefix + (n[0]++)) + "\"";
    if (g instanceof Point p) {
      b.append("<gml:Point").append(id).append(srs).append("><gml:pos>")
          .append(crs.pos(p.getX(), p.getY())).append("</gml:pos></gml:Point>");
    } else if (g instanceof LineString l) {
      b.append("<gml:LineString").append(id).append(srs).append('>');
      posList(b, l.getCoordinates(), crs);
      b.append("</gml:LineString>");
    } else if (g instanceof Polygon p) {
      b.append("<gml:Polygon").append(id).append(srs).append("><gml:exterior><gml:LinearRing>");
      posList(b, p.getExteriorRing().getCoordinates(), crs);
      b.append("</gml:LinearRing></gml:exterior>");
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        b.append("<gml:interior><gml:LinearRing>");
        posList(b, p.getInteriorRingN(i).getCoordinates(), crs);
        b.append("</gml:LinearRing></gml:interior>");
      }
      b.append("</gml:Polygon>");
    } else if (g instanceof MultiPolygon mp) {
      multi(b, mp, "MultiSurface", "surfaceMember", id, srs, crs, idPrefix, n);
    } else if (g instanceof MultiLineString ml) {
      multi(b, ml, "MultiCurve", "curveMember", id, srs, crs, idPrefix, n);
    } else if (g instanceof MultiPoint mp) {
      multi(b, mp, "MultiPoint", "pointMember", id, srs, crs, idPrefix, n);
    } else if (g instanceof GeometryCollection gc) {
      multi(b, gc, "MultiGeometry", "geometryMember", id, srs, crs, idPrefix, n);
    }
  }

  private static void multi(StringBuilder b, GeometryCollection gc, String el, String member, String id, String srs,
      RequestCrs crs, String idPrefix, int[] n) {
    b.append("<gml:").append(el).append(id).append(srs).append('>');
    for (int i = 0; i < gc.getNumGeometries(); i++) {
      b.append("<gml:").append(member).append('>');
      geometry(b, gc.getGeometryN(i), crs, idPrefix, n, false);
      b.append("</gml:").append(member).append('>');
    }
    b.append("</gml:").append(el).append('>');
  }

  private static void posList(StringBuilder b, Coordinate[] cs, RequestCrs crs) {
    b.append("<gml:posList srsDimension=\"2\">");
    for (int i = 0; i < cs.length; i++) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(crs.pos(cs[i].x, cs[i].y));
    }
    b.append("</gml:posList>");
  }

  /** The XML Schema of feature types (DescribeFeatureType). */
  public static String schema(java.util.List<LayerSchema> layers) {
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:gml=\"").append(GML)
        .append("\" xmlns:ll=\"").append(NS).append("\" targetNamespace=\"").append(NS)
        .append("\" elementFormDefault=\"qualified\" version=\"1.0\">\n")
        .append("<xsd:import namespace=\"").append(GML).append("\" schemaLocation=\"http://schemas.opengis.net/gml/3.2.1/gml.xsd\"/>\n");
    for (LayerSchema s : layers) {
      String n = s.name();
      b.append("<xsd:complexType name=\"").append(Xml.esc(n)).append("Type\"><xsd:complexContent>")
          .append("<xsd:extension base=\"gml:AbstractFeatureType\"><xsd:sequence>\n")
          .append("<xsd:element name=\"").append(AttributeFilter.GEOMETRY)
          .append("\" type=\"gml:").append(geometryPropertyType(s.geometryType()))
          .append("\" minOccurs=\"0\" maxOccurs=\"1\" nillable=\"true\"/>\n");
      for (Field f : s.fields()) {
        b.append("<xsd:element name=\"").append(Xml.esc(elementName(f.name()))).append("\" type=\"xsd:")
            .append(switch (f.type()) {
              case INTEGER -> "int";
              case LONG -> "long";
              case DOUBLE -> "double";
              case BOOLEAN -> "boolean";
              case DATE, STRING -> "string";
            }).append("\" minOccurs=\"0\" maxOccurs=\"1\" nillable=\"true\"/>\n");
      }
      b.append("</xsd:sequence></xsd:extension></xsd:complexContent></xsd:complexType>\n")
          .append("<xsd:element name=\"").append(Xml.esc(n)).append("\" type=\"ll:").append(Xml.esc(n))
          .append("Type\" substitutionGroup=\"gml:AbstractFeature\"/>\n");
    }
    b.append("</xsd:schema>\n");
    return b.toString();
  }

  /** Geometry property type: only the point/line/surface families are declared specifically. */
  static String geometryPropertyType(String jtsType) {
    return "GeometryPropertyType";
  }
}
