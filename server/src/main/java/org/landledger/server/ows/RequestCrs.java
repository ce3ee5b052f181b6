package org.landledger.server.ows;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.landledger.geo.Crs;
import org.locationtech.jts.geom.Envelope;

/**
 * 请求坐标系: a CRS as a client names it, with the axis order that naming implies. WMS 1.3.0 and the
 * URN/URI forms follow the EPSG definition (4490/4326 lat,lon; CGCS2000 Gauss–Krüger zones north,east;
 * 3857 east,north); {@code CRS:84} is lon,lat; the short {@code EPSG:n} form in WFS is read east,north as
 * GeoServer and most clients do (pass {@code wms = true} for WMS 1.3.0, where it is EPSG order).
 */
public record RequestCrs(Crs crs, boolean northFirst, String asRequested) {

  private static final Pattern URN = Pattern.compile("(?i)urn:(?:x-)?ogc:def:crs:EPSG:[0-9.]*:(\\d+)");
  private static final Pattern URI = Pattern.compile("(?i)https?://www\\.opengis\\.net/def/crs/EPSG/[^/]+/(\\d+)");
  private static final Pattern SHORT = Pattern.compile("(?i)EPSG:(\\d+)");
  private static final Pattern OGC_URI_CRS84 = Pattern.compile("(?i)https?://www\\.opengis\\.net/def/crs/OGC/1\\.3/CRS84|CRS:84|urn:ogc:def:crs:OGC:1\\.3:CRS84");

  public static RequestCrs parse(String text, boolean wms, String param) {
    String t = text.trim();
    try {
      if (OGC_URI_CRS84.matcher(t).matches()) {
        return new RequestCrs(Crs.epsg(Crs.WGS84), false, t);
      }
      Matcher m = URN.matcher(t);
      if (m.matches()) {
        Crs c = Crs.epsg(Integer.parseInt(m.group(1)));
        return new RequestCrs(c, c.epsgAxisOrderNorthFirst(), t);
      }
      m = URI.matcher(t);
      if (m.matches()) {
        Crs c = Crs.epsg(Integer.parseInt(m.group(1)));
        return new RequestCrs(c, c.epsgAxisOrderNorthFirst(), t);
      }
      m = SHORT.matcher(t);
      if (m.matches()) {
        Crs c = Crs.epsg(Integer.parseInt(m.group(1)));
        return new RequestCrs(c, wms && c.epsgAxisOrderNorthFirst(), t);
      }
    } catch (IllegalArgumentException e) {
      // unknown EPSG code: reported below
    }
    throw new OwsException(wms ? "InvalidCRS" : "InvalidParameterValue", param, "unsupported CRS " + t);
  }

  /** Parses "a,b,c,d[,crs]" in this CRS's axis order to an x = east, y = north envelope. */
  public Envelope envelope(String bbox, String param) {
    String[] p = bbox.split(",");
    if (p.length < 4) {
      throw OwsException.invalid(param, param + " needs minx,miny,maxx,maxy");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(p[i].trim());
      } catch (NumberFormatException e) {
        throw OwsException.invalid(param, param + " has a value that is not a number: " + p[i]);
      }
      if (!Double.isFinite(v[i])) {
        throw OwsException.invalid(param, param + " values must be finite");
      }
    }
    if (v[0] > v[2] || v[1] > v[3]) {
      throw OwsException.invalid(param, param + " minimum greater than maximum");
    }
    return northFirst ? new Envelope(v[1], v[3], v[0], v[2]) : new Envelope(v[0], v[2], v[1], v[3]);
  }

  /** Writes an x/y pair in this CRS's axis order. */
  public String pos(double x, double y) {
    return northFirst ? num(y) + " " + num(x) : num(x) + " " + num(y);
  }

  /** The URN form of a CRS (WFS output, EPSG axis order). */
  public static String urn(Crs c) {
    return "urn:ogc:def:crs:EPSG::" + c.epsg();
  }

  public static String num(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    String s = Double.toString(d);
    return s.contains("E") ? String.format(Locale.ROOT, "%.10f", d) : s;
  }
}
