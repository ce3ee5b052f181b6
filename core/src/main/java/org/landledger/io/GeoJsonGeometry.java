package org.landledger.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON 几何: an RFC 7946 geometry object (already parsed by Jackson) as a JTS geometry, strictly: every
 * position two or three finite numbers, rings closed with at least four positions, the nesting each type
 * prescribes. A defect is bad input naming the file, the feature and the field {@code geometry}, with the path
 * to the offending value (e.g. {@code coordinates[0][3][1]}).
 *
 * <p>Why not JTS's {@code GeoJsonReader}: it takes text (a feature already parsed would be printed and parsed
 * again, three copies of a large polygon in memory) and reports a coordinate given as text or a short ring with
 * a class-cast or array message that names neither the position nor the feature.
 */
final class GeoJsonGeometry {

  private final GeometryFactory gf;
  private final String location;
  private final String id;

  private GeoJsonGeometry(GeometryFactory gf, String location, String id) {
    this.gf = gf;
    this.location = location;
    this.id = id;
  }

  /** The geometry of a feature's "geometry" member (null for JSON null). */
  static Geometry read(JsonNode g, GeometryFactory gf, String location, String id) {
    if (g == null || g.isNull()) {
      return null;
    }
    return new GeoJsonGeometry(gf, location, id).geometry(g, "");
  }

  private Geometry geometry(JsonNode g, String path) {
    if (!g.isObject()) {
      throw bad(path, "is " + kind(g) + ", not a geometry object");
    }
    JsonNode typeNode = g.get("type");
    if (typeNode == null || !typeNode.isTextual()) {
      throw bad(path, "has no \"type\"");
    }
    String type = typeNode.asText();
    if (type.equals("GeometryCollection")) {
      JsonNode parts = g.get("geometries");
      if (parts == null || !parts.isArray()) {
        throw bad(path, "is a GeometryCollection without a \"geometries\" array");
      }
      Geometry[] gs = new Geometry[parts.size()];
      for (int i = 0; i < gs.length; i++) {
        gs[i] = geometry(parts.get(i), path + "geometries[" + i + "].");
      }
      return gf.createGeometryCollection(gs);
    }
    JsonNode c = g.get("coordinates");
    String cp = path + "coordinates";
    if (c == null || !c.isArray()) {
      throw bad(path, c == null ? "has no \"coordinates\"" : "has \"coordinates\" that are " + kind(c) + ", not an array");
    }
    return switch (type) {
      case "Point" -> c.isEmpty() ? gf.createPoint() : gf.createPoint(position(c, cp));
      case "MultiPoint" -> {
        Point[] ps = new Point[c.size()];
        for (int i = 0; i < ps.length; i++) {
          ps[i] = gf.createPoint(position(c.get(i), cp + "[" + i + "]"));
        }
        yield gf.createMultiPoint(ps);
      }
      case "LineString" -> line(c, cp);
      case "MultiLineString" -> {
        LineString[] ls = new LineString[c.size()];
        for (int i = 0; i < ls.length; i++) {
          ls[i] = line(array(c.get(i), cp + "[" + i + "]"), cp + "[" + i + "]");
        }
        yield gf.createMultiLineString(ls);
      }
      case "Polygon" -> polygon(c, cp);
      case "MultiPolygon" -> {
        Polygon[] ps = new Polygon[c.size()];
        for (int i = 0; i < ps.length; i++) {
          ps[i] = polygon(array(c.get(i), cp + "[" + i + "]"), cp + "[" + i + "]");
        }
        yield gf.createMultiPolygon(ps);
      }
      default -> throw bad(path, "has the unknown geometry type \"" + type + "\"");
    };
  }

  private LineString line(JsonNode c, String path) {
    if (c.isEmpty()) {
      return gf.createLineString();
    }
    Coordinate[] cs = positions(c, path);
    if (cs.length < 2) {
      throw bad(path, "is a line of " + cs.length + " position; a line needs at least 2");
    }
    return gf.createLineString(cs);
  }

  private Polygon polygon(JsonNode c, String path) {
    if (c.isEmpty()) {
      return gf.createPolygon();
    }
    List<LinearRing> rings = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      String rp = path + "[" + i + "]";
      Coordinate[] cs = positions(array(c.get(i), rp), rp);
      if (cs.length < 4) {
        throw bad(rp, "is a ring of " + cs.length + " positions; a closed ring needs at least 4");
      }
      if (!cs[0].equals2D(cs[cs.length - 1])) {
        throw bad(rp, "is a ring that does not end where it starts");
      }
      rings.add(gf.createLinearRing(cs));
    }
    return gf.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(new LinearRing[0]));
  }

  private JsonNode array(JsonNode n, String path) {
    if (n == null || !n.isArray()) {
      throw bad(path, "is " + kind(n) + ", not an array");
    }
    return n;
  }

  private Coordinate[] positions(JsonNode c, String path) {
    Coordinate[] cs = new Coordinate[c.size()];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = position(c.get(i), path + "[" + i + "]");
    }
    return cs;
  }

  private Coordinate position(JsonNode p, String path) {
    if (p == null || !p.isArray()) {
      throw bad(path, "is " + kind(p) + ", not a position [x, y]");
    }
    if (p.size() < 2) {
      throw bad(path, "is a position of " + p.size() + " number" + (p.size() == 1 ? "" : "s") + "; it needs x and y");
    }
    double x = ordinate(p.get(0), path + "[0]");
    double y = ordinate(p.get(1), path + "[1]");
    return p.size() > 2 ? new Coordinate(x, y, ordinate(p.get(2), path + "[2]")) : new Coordinate(x, y);
  }

  private double ordinate(JsonNode n, String path) {
    if (!n.isNumber()) {
      throw bad(path, "is " + kind(n) + (n.isTextual() ? " \"" + abbreviate(n.asText()) + "\"" : "") + ", not a number");
    }
    double v = n.doubleValue();
    if (!Double.isFinite(v)) {
      throw bad(path, "is not a finite number (" + n.asText() + ")");
    }
    return v;
  }

  private static String kind(JsonNode n) {
    if (n == null) {
      return "missing";
    }
    return switch (n.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING -> "text";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL, MISSING -> "null";
      case BINARY -> "binary";
    };
  }

  private static String abbreviate(String s) {
    return s.length() > 20 ? s.substring(0, 17) + "..." : s;
  }

  private InputDataException bad(String path, String message) {
    String where = path.isEmpty() ? "the geometry" : path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
    return new InputDataException(location, id, "geometry", where + " " + message, null);
  }
}
