package org.landledger.server.ows;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Map;
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
 * GeoJSON 写出: geometries and attribute values to a Jackson generator (x, y order as RFC 7946 asks; the
 * services reproject to EPSG:4326/4490 before calling when the client wants longitude/latitude).
 */
public final class GeoJson {

  private GeoJson() {}

  public static void geometry(JsonGenerator g, Geometry geom) throws IOException {
    if (geom == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    if (geom instanceof Point p) {
      g.writeStringField("type", "Point");
      g.writeFieldName("coordinates");
      if (p.isEmpty()) {
        g.writeStartArray();
        g.writeEndArray();
      } else {
        pos(g, p.getCoordinate());
      }
    } else if (geom instanceof LineString l) {
      g.writeStringField("type", "LineString");
      g.writeFieldName("coordinates");
      line(g, l.getCoordinates());
    } else if (geom instanceof Polygon p) {
      g.writeStringField("type", "Polygon");
      g.writeFieldName("coordinates");
      polygon(g, p);
    } else if (geom instanceof MultiPoint mp) {
      g.writeStringField("type", "MultiPoint");
      g.writeFieldName("coordinates");
      line(g, mp.getCoordinates());
    } else if (geom instanceof MultiLineString ml) {
      g.writeStringField("type", "MultiLineString");
      g.writeFieldName("coordinates");
      g.writeStartArray();
      for (int i = 0; i < ml.getNumGeometries(); i++) {
        line(g, ml.getGeometryN(i).getCoordinates());
      }
      g.writeEndArray();
    } else if (geom instanceof MultiPolygon mp) {
      g.writeStringField("type", "MultiPolygon");
      g.writeFieldName("coordinates");
      g.writeStartArray();
      for (int i = 0; i < mp.getNumGeometries(); i++) {
        polygon(g, (Polygon) mp.getGeometryN(i));
      }
      g.writeEndArray();
    } else if (geom instanceof GeometryCollection gc) {
      g.writeStringField("type", "GeometryCollection");
      g.writeArrayFieldStart("geometries");
      for (int i = 0; i < gc.getNumGeometries(); i++) {
        geometry(g, gc.getGeometryN(i));
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void polygon(JsonGenerator g, Polygon p) throws IOException {
    g.writeStartArray();
    line(g, p.getExteriorRing().getCoordinates());
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      line(g, p.getInteriorRingN(i).getCoordinates());
    }
    g.writeEndArray();
  }

  private static void line(JsonGenerator g, Coordinate[] cs) throws IOException {
    g.writeStartArray();
    for (Coordinate c : cs) {
      pos(g, c);
    }
    g.writeEndArray();
  }

  private static void pos(JsonGenerator g, Coordinate c) throws IOException {
    g.writeStartArray();
    g.writeNumber(c.x);
    g.writeNumber(c.y);
    g.writeEndArray();
  }

  /** Attribute map as a JSON object (dates as ISO text). */
  public static void properties(JsonGenerator g, Map<String, Object> attrs) throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, Object> e : attrs.entrySet()) {
      g.writeFieldName(e.getKey());
      value(g, e.getValue());
    }
    g.writeEndObject();
  }

  public static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isFinite(d)) {
        g.writeNumber(d);
      } else {
        g.writeNull();
      }
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Date d) {
      g.writeString(d.toInstant().toString());
    } else if (v instanceof TemporalAccessor t) {
      g.writeString(t.toString());
    } else {
      g.writeString(v.toString());
    }
  }
}
