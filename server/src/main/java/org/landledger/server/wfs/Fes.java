package org.landledger.server.wfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.landledger.server.catalog.Envelopes;
import org.landledger.server.catalog.ServedLayer;
import org.landledger.server.ows.OwsException;
import org.landledger.server.ows.RequestCrs;
import org.locationtech.jts.geom.Envelope;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * FES 2.0 过滤: translates an XML {@code fes:Filter} (also the FES 1.1 {@code ogc:} forms clients still
 * send) into ECQL text, so it goes through exactly the same property-name validation and evaluation as
 * {@code CQL_FILTER}. Supported: And, Or, Not, PropertyIsEqualTo/NotEqualTo/LessThan[OrEqualTo]/
 * GreaterThan[OrEqualTo]/Like/Null/Between, ResourceId, BBOX (gml:Envelope, reprojected to the layer CRS).
 */
final class Fes {

  private Fes() {}

  static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<Element> elements(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  static String toEcql(Element filter, ServedLayer layer) {
    if (!"Filter".equals(filter.getLocalName())) {
      throw OwsException.invalid("FILTER", "expected a fes:Filter element, got " + filter.getLocalName());
    }
    List<Element> ops = elements(filter);
    List<String> ids = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (Element op : ops) {
      if (op.getLocalName().equals("ResourceId") || op.getLocalName().equals("FeatureId")) {
        String rid = op.getAttribute(op.hasAttribute("rid") ? "rid" : "fid");
        ids.add(literal(rid, false));
      } else {
        parts.add(op(op, layer));
      }
    }
    if (!ids.isEmpty()) {
      parts.add("IN (" + String.join(", ", ids) + ")");
    }
    if (parts.isEmpty()) {
      throw OwsException.invalid("FILTER", "empty filter");
    }
    return String.join(" AND ", parts);
  }

  private static String op(Element e, ServedLayer layer) {
    String name = e.getLocalName();
    List<Element> kids = elements(e);
    switch (name) {
      case "And", "Or": {
        List<String> p = new ArrayList<>();
        for (Element k : kids) {
          p.add(op(k, layer));
        }
        if (p.size() < 2) {
          throw OwsException.invalid("FILTER", name + " needs two or more operands");
        }
        return "(" + String.join(" " + name.toUpperCase(Locale.ROOT) + " ", p) + ")";
      }
      case "Not":
        if (kids.size() != 1) {
          throw OwsException.invalid("FILTER", "Not needs one operand");
        }
        return "NOT (" + op(kids.get(0), layer) + ")";
      case "PropertyIsEqualTo":
        return binary(kids, "=");
      case "PropertyIsNotEqualTo":
        return binary(kids, "<>");
      case "PropertyIsLessThan":
        return binary(kids, "<");
      case "PropertyIsLessThanOrEqualTo":
        return binary(kids, "<=");
      case "PropertyIsGreaterThan":
        return binary(kids, ">");
      case "PropertyIsGreaterThanOrEqualTo":
        return binary(kids, ">=");
      case "PropertyIsNull":
        return property(only(kids, name)) + " IS NULL";
      case "PropertyIsLike":
        return like(e, kids);
      case "PropertyIsBetween": {
        String p = property(kids.get(0));
        Element lo = children(e, "LowerBoundary").stream().findFirst().orElseThrow(() -> OwsException.invalid("FILTER", "Between needs LowerBoundary"));
        Element hi = children(e, "UpperBoundary").stream().findFirst().orElseThrow(() -> OwsException.invalid("FILTER", "Between needs UpperBoundary"));
        return p + " BETWEEN " + expression(elements(lo).get(0)) + " AND " + expression(elements(hi).get(0));
      }
      case "BBOX":
        return bbox(kids, layer);
      default:
        throw new OwsException("OperationNotSupported", "FILTER", "filter operator " + name + " is not supported");
    }
  }

  private static Element only(List<Element> kids, String op) {
    if (kids.size() != 1) {
      throw OwsException.invalid("FILTER", op + " needs one operand");
    }
    return kids.get(0);
  }

  private static String binary(List<Element> kids, String sym) {
    if (kids.size() != 2) {
      throw OwsException.invalid("FILTER", "comparison needs two operands");
    }
    return expression(kids.get(0)) + " " + sym + " " + expression(kids.get(1));
  }

  private static String expression(Element e) {
    return switch (e.getLocalName()) {
      case "ValueReference", "PropertyName" -> property(e);
      case "Literal" -> literal(e.getTextContent(), true);
      default -> throw new OwsException("OperationNotSupported", "FILTER", "expression " + e.getLocalName() + " is not supported");
    };
  }

  /** A property reference: a bare name only (optionally ll:-prefixed) — never an XPath. */
  private static String property(Element e) {
    if (!e.getLocalName().equals("ValueReference") && !e.getLocalName().equals("PropertyName")) {
      throw OwsException.invalid("FILTER", "expected ValueReference, got " + e.getLocalName());
    }
    String n = e.getTextContent().trim();
    if (n.startsWith(Gml32.PREFIX + ":")) {
      n = n.substring(Gml32.PREFIX.length() + 1);
    }
    if (n.isEmpty() || n.contains("\"")) {
      throw OwsException.invalid("FILTER", "invalid property name " + WfsService.abbreviate(n));
    }
    return "\"" + n + "\"";
  }

  private static String literal(String v, boolean numbersBare) {
    String t = v.trim();
    if (numbersBare && t.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
      return t;
    }
    return "'" + v.replace("'", "''") + "'";
  }

  private static String like(Element e, List<Element> kids) {
    if (kids.size() != 2) {
      throw OwsException.invalid("FILTER", "PropertyIsLike needs a property and a literal");
    }
    String wild = e.getAttribute("wildCard").isEmpty() ? "*" : e.getAttribute("wildCard");
    String single = e.getAttribute("singleChar").isEmpty() ? "?" : e.getAttribute("singleChar");
    String esc = e.hasAttribute("escapeChar") ? e.getAttribute("escapeChar") : e.getAttribute("escape");
    String pattern = kids.get(1).getTextContent();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      String c = pattern.substring(i, i + 1);
      if (!esc.isEmpty() && c.equals(esc) && i + 1 < pattern.length()) {
        b.append(pattern.charAt(++i));
      } else if (c.equals(wild)) {
        b.append('%');
      } else if (c.equals(single)) {
        b.append('_');
      } else {
        b.append(c);
      }
    }
    return property(kids.get(0)) + " LIKE '" + b.toString().replace("'", "''") + "'";
  }

  private static String bbox(List<Element> kids, ServedLayer layer) {
    Element env = kids.get(kids.size() - 1);
    if (!env.getLocalName().equals("Envelope")) {
      throw OwsException.invalid("FILTER", "BBOX needs a gml:Envelope");
    }
    String srsName = env.getAttribute("srsName");
    RequestCrs crs = srsName.isEmpty()
        ? new RequestCrs(layer.crs(), layer.crs().epsgAxisOrderNorthFirst(), RequestCrs.urn(layer.crs()))
        : RequestCrs.parse(srsName, false, "FILTER");
    String lower = children(env, "lowerCorner").stream().findFirst().map(Element::getTextContent).orElse("");
    String upper = children(env, "upperCorner").stream().findFirst().map(Element::getTextContent).orElse("");
    String[] lo = lower.trim().split("\\s+");
    String[] hi = upper.trim().split("\\s+");
    if (lo.length != 2 || hi.length != 2) {
      throw OwsException.invalid("FILTER", "gml:Envelope needs lowerCorner and upperCorner with two numbers each");
    }
    Envelope e = crs.envelope(lo[0] + "," + lo[1] + "," + hi[0] + "," + hi[1], "FILTER");
    Envelope n = Envelopes.transform(e, crs.crs(), layer.crs());
    return "BBOX(" + AttributeFilter.GEOMETRY + ", " + RequestCrs.num(n.getMinX()) + ", " + RequestCrs.num(n.getMinY())
        + ", " + RequestCrs.num(n.getMaxX()) + ", " + RequestCrs.num(n.getMaxY()) + ")";
  }
}
