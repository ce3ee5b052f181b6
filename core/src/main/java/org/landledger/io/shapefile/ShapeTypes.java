package org.landledger.io.shapefile;

/** 形状类型: the shape type codes of the ESRI shapefile specification (1998) and what they hold. */
final class ShapeTypes {

  static final int NULL = 0;
  static final int POINT = 1;
  static final int POLYLINE = 3;
  static final int POLYGON = 5;
  static final int MULTIPOINT = 8;
  static final int POINT_Z = 11;
  static final int POLYLINE_Z = 13;
  static final int POLYGON_Z = 15;
  static final int MULTIPOINT_Z = 18;
  static final int POINT_M = 21;
  static final int POLYLINE_M = 23;
  static final int POLYGON_M = 25;
  static final int MULTIPOINT_M = 28;
  static final int MULTIPATCH = 31;

  private ShapeTypes() {}

  static boolean known(int t) {
    return switch (t) {
      case NULL, POINT, POLYLINE, POLYGON, MULTIPOINT, POINT_Z, POLYLINE_Z, POLYGON_Z, MULTIPOINT_Z, POINT_M,
          POLYLINE_M, POLYGON_M, MULTIPOINT_M, MULTIPATCH -> true;
      default -> false;
    };
  }

  static boolean isPolygon(int t) {
    return t == POLYGON || t == POLYGON_Z || t == POLYGON_M;
  }

  static boolean isLine(int t) {
    return t == POLYLINE || t == POLYLINE_Z || t == POLYLINE_M;
  }

  static boolean isMultiPoint(int t) {
    return t == MULTIPOINT || t == MULTIPOINT_Z || t == MULTIPOINT_M;
  }

  static boolean isPoint(int t) {
    return t == POINT || t == POINT_Z || t == POINT_M;
  }

  static boolean hasZ(int t) {
    return t == POINT_Z || t == POLYLINE_Z || t == POLYGON_Z || t == MULTIPOINT_Z;
  }

  /** The JTS geometry type name the records of a shape type are read as. */
  static String geometryType(int t) {
    if (isPolygon(t)) {
      return "MultiPolygon";
    }
    if (isLine(t)) {
      return "MultiLineString";
    }
    if (isMultiPoint(t)) {
      return "MultiPoint";
    }
    if (isPoint(t)) {
      return "Point";
    }
    return "Geometry";
  }

  /** A word for messages: "polygon", "polyline", "point", … */
  static String describe(int t) {
    if (isPolygon(t)) {
      return "polygon" + suffix(t);
    }
    if (isLine(t)) {
      return "polyline" + suffix(t);
    }
    if (isMultiPoint(t)) {
      return "multipoint" + suffix(t);
    }
    if (isPoint(t)) {
      return "point" + suffix(t);
    }
    return t == NULL ? "null-shape" : t == MULTIPATCH ? "multipatch" : "type-" + t;
  }

  private static String suffix(int t) {
    return hasZ(t) ? " Z" : (t == POINT_M || t == POLYLINE_M || t == POLYGON_M || t == MULTIPOINT_M) ? " M" : "";
  }
}
