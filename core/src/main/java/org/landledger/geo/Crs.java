package org.landledger.geo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.GeographicCRS;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.landledger.io.InputDataException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * 坐标参考系: a coordinate reference system identified by its EPSG code, as used in China's land data —
 * CGCS2000 geographic (EPSG:4490), its Gauss–Krüger 3° zones (4513–4533 with zone prefix, 4534–4554 by
 * central meridian) and 6° zones (4491–4512), WGS 84 (4326) and Web Mercator (3857).
 *
 * <p>The GeoTools CRS held here is always x = east/longitude, y = north/latitude: that is how shapefiles
 * and GeoPackages store coordinates. EPSG axis order (4490 lat,lon; GK zones north,east) is applied only
 * by the OGC services, through {@link #epsgAxisOrderNorthFirst()}.
 */
public final class Crs {

  public static final int CGCS2000 = 4490;
  public static final int WGS84 = 4326;
  public static final int WEB_MERCATOR = 3857;

  private static final Map<Integer, Crs> CACHE = new ConcurrentHashMap<>();
  private static final Map<String, MathTransform> TRANSFORMS = new ConcurrentHashMap<>();

  private final int epsg;
  private final CoordinateReferenceSystem crs;

  private Crs(int epsg, CoordinateReferenceSystem crs) {
    this.epsg = epsg;
    this.crs = crs;
  }

  /** The CRS of an EPSG code. */
  public static Crs epsg(int code) {
    return CACHE.computeIfAbsent(code, c -> {
      try {
        return new Crs(c, CRS.decode("EPSG:" + c, true));
      } catch (FactoryException e) {
        throw new IllegalArgumentException("unknown CRS EPSG:" + c, e);
      }
    });
  }

  /** Parses "EPSG:4527", "epsg:4527" or "4527". */
  public static Crs parse(String text) {
    String t = text.trim();
    String digits = t.toUpperCase(Locale.ROOT).startsWith("EPSG:") ? t.substring(5) : t;
    try {
      return epsg(Integer.parseInt(digits.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an EPSG code: " + text);
    }
  }

  public int epsg() {
    return epsg;
  }

  /** The GeoTools CRS, in x = east, y = north order. */
  public CoordinateReferenceSystem geotools() {
    return crs;
  }

  public boolean isGeographic() {
    return crs instanceof GeographicCRS;
  }

  /**
   * Whether the EPSG definition puts north (latitude or northing) first: true for 4490, 4326 and the
   * CGCS2000 Gauss–Krüger zones; false for 3857.
   */
  public boolean epsgAxisOrderNorthFirst() {
    try {
      return CRS.getAxisOrder(CRS.decode("EPSG:" + epsg, false)) == CRS.AxisOrder.NORTH_EAST;
    } catch (FactoryException e) {
      return false;
    }
  }

  /** Reprojects a geometry from this CRS to {@code target}. */
  public Geometry transform(Geometry g, Crs target) {
    if (target.epsg == epsg) {
      return g;
    }
    try {
      return JTS.transform(g, transformTo(target));
    } catch (TransformException e) {
      throw new IllegalArgumentException("cannot reproject from " + this + " to " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reprojects an envelope by its densified outline (16 steps a side), so curved edges are covered; a
   * degenerate box is widened a little first.
   */
  public Envelope transform(Envelope e, Crs target) {
    if (e.isNull() || target.epsg == epsg) {
      return e;
    }
    Envelope box = e;
    if (box.getWidth() == 0 || box.getHeight() == 0) {
      box = new Envelope(box);
      box.expandBy(isGeographic() ? 1e-6 : 0.1);
    }
    org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
    Geometry outline = org.locationtech.jts.densify.Densifier.densify(gf.toGeometry(box),
        Math.max(box.getWidth(), box.getHeight()) / 16);
    return transform(outline, target).getEnvelopeInternal();
  }

  /** The math transform from this CRS to {@code target} (cached). */
  public MathTransform transformTo(Crs target) {
    return TRANSFORMS.computeIfAbsent(epsg + ">" + target.epsg, k -> {
      try {
        return CRS.findMathTransform(crs, target.crs, true);
      } catch (FactoryException e) {
        throw new IllegalArgumentException("no transform from " + this + " to " + target, e);
      }
    });
  }

  /** The Gauss–Krüger 3° zone CRS (EPSG:4513–4533, zone-prefixed easting) containing a longitude. */
  public static Crs gaussKruger3DegreeZoneFor(double longitude) {
    int zone = (int) Math.round(longitude / 3.0);
    if (zone < 25 || zone > 45) {
      throw new IllegalArgumentException("longitude " + longitude + " is outside China's 3° zones 25–45");
    }
    return epsg(4513 + zone - 25);
  }

  /** Reads a shapefile .prj and resolves it; unknown definitions are bad input naming the file. */
  public static Crs fromPrj(Path prj) {
    String wkt;
    try {
      wkt = Files.readString(prj, StandardCharsets.ISO_8859_1).trim();
    } catch (IOException e) {
      throw new InputDataException(prj, "cannot read .prj: " + e.getMessage(), e);
    }
    try {
      return fromWkt(wkt);
    } catch (IllegalArgumentException e) {
      throw new InputDataException(prj, "unknown coordinate system in .prj (" + e.getMessage()
          + "); pass --crs EPSG:nnnn to state it");
    }
  }

  private static final Pattern PARAM = Pattern.compile(
      "PARAMETER\\[\"([^\"]+)\"\\s*,\\s*([-+0-9.eE]+)\\s*\\]", Pattern.CASE_INSENSITIVE);
  private static final Pattern AUTHORITY = Pattern.compile(
      "AUTHORITY\\[\"EPSG\"\\s*,\\s*\"?(\\d+)\"?\\]\\s*\\]\\s*$", Pattern.CASE_INSENSITIVE);

  /**
   * Resolves an OGC or ESRI WKT to an EPSG code: the trailing EPSG authority if present; else, for
   * CGCS2000 (how Chinese software writes it: "CGCS2000_3_Degree_GK_Zone_39", "GCS_China_Geodetic_
   * Coordinate_System_2000", …), the code implied by central meridian and false easting; else GeoTools'
   * lookup against the EPSG database.
   *
   * @throws IllegalArgumentException when nothing matches
   */
  public static Crs fromWkt(String wkt) {
    Matcher auth = AUTHORITY.matcher(wkt);
    if (auth.find()) {
      return epsg(Integer.parseInt(auth.group(1)));
    }
    String upper = wkt.toUpperCase(Locale.ROOT);
    boolean cgcs2000 = upper.contains("CGCS2000") || upper.contains("CGCS_2000")
        || upper.contains("CHINA_GEODETIC_COORDINATE_SYSTEM_2000") || upper.contains("CHINA_2000")
        || upper.contains("CHINA GEODETIC COORDINATE SYSTEM 2000");
    boolean projected = upper.startsWith("PROJCS") || upper.startsWith("PROJCRS");
    if (cgcs2000 && !projected) {
      return epsg(CGCS2000);
    }
    if (cgcs2000) {
      Integer code = gaussKrugerCode(upper);
      if (code != null) {
        return epsg(code);
      }
    }
    if (upper.contains("WEB_MERCATOR") || upper.contains("PSEUDO-MERCATOR") || upper.contains("PSEUDO_MERCATOR")) {
      return epsg(WEB_MERCATOR);
    }
    if (!projected && (upper.contains("WGS_1984") || upper.contains("WGS 84") || upper.contains("WGS84"))) {
      return epsg(WGS84);
    }
    try {
      CoordinateReferenceSystem parsed = CRS.parseWKT(wkt);
      Integer code = CRS.lookupEpsgCode(parsed, true);
      if (code != null) {
        return epsg(code);
      }
    } catch (FactoryException | RuntimeException e) {
      throw new IllegalArgumentException("unparseable WKT: " + e.getMessage());
    }
    throw new IllegalArgumentException("no EPSG code matches " + abbreviate(wkt));
  }

  private static Integer gaussKrugerCode(String upperWkt) {
    Double cm = null;
    Double fe = null;
    Matcher m = PARAM.matcher(upperWkt);
    while (m.find()) {
      String name = m.group(1).replace(' ', '_');
      double v = Double.parseDouble(m.group(2));
      if (name.equals("CENTRAL_MERIDIAN") || name.equals("LONGITUDE_OF_CENTER")
          || name.equals("LONGITUDE_OF_NATURAL_ORIGIN")) {
        cm = v;
      } else if (name.equals("FALSE_EASTING")) {
        fe = v;
      }
    }
    if (cm == null || fe == null) {
      return null;
    }
    boolean sixDegree = isSixDegreeName(upperWkt);
    long prefix = Math.round((fe - 500000.0) / 1_000_000.0);
    if (Math.abs(fe - 500000.0 - prefix * 1_000_000.0) > 1e-6) {
      return null;
    }
    if (!sixDegree && Math.abs(cm / 3.0 - Math.round(cm / 3.0)) < 1e-9) {
      int zone = (int) Math.round(cm / 3.0);
      if (prefix == 0 && zone >= 25 && zone <= 45) {
        return 4534 + zone - 25;
      }
      if (prefix == zone && zone >= 25 && zone <= 45) {
        return 4513 + zone - 25;
      }
    }
    if (Math.abs((cm + 3.0) / 6.0 - Math.round((cm + 3.0) / 6.0)) < 1e-9) {
      int zone = (int) Math.round((cm + 3.0) / 6.0);
      if (zone >= 13 && zone <= 23) {
        if (prefix == 0) {
          return 4502 + zone - 13;
        }
        if (prefix == zone) {
          return 4491 + zone - 13;
        }
      }
    }
    return null;
  }

  /**
   * Whether the projection's name says 6° zone. A 6° zone "by central meridian" has exactly the parameters
   * of the 3° zone on the same meridian (CM 117°E, FE 500 000: EPSG:4509 and 4548), so only the name tells
   * them apart: ESRI writes "CGCS2000_GK_CM_117E" (6°) and "CGCS2000_3_Degree_GK_CM_117E" (3°), EPSG
   * "CGCS2000 / Gauss-Kruger CM 117E" and "CGCS2000 / 3-degree Gauss-Kruger CM 117E". Unnamed → 3°.
   */
  private static boolean isSixDegreeName(String upperWkt) {
    int q1 = upperWkt.indexOf('"');
    int q2 = q1 < 0 ? -1 : upperWkt.indexOf('"', q1 + 1);
    String name = q2 < 0 ? "" : upperWkt.substring(q1 + 1, q2).replaceAll("[\\s\\-/]+", "_");
    if (name.contains("6_DEGREE")) {
      return true;
    }
    if (name.contains("3_DEGREE")) {
      return false;
    }
    return name.contains("GK_CM") || name.contains("GK_ZONE") || name.contains("GAUSS_KRUGER_CM")
        || name.contains("GAUSS_KRUGER_ZONE");
  }

  /**
   * The .prj text for this CRS: ESRI-style WKT for CGCS2000 and its Gauss–Krüger zones (what ArcGIS and
   * Chinese GIS software write and read), GeoTools' WKT otherwise.
   */
  public String toPrj() {
    String gcs = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
        + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
        + "UNIT[\"Degree\",0.0174532925199433]]";
    if (epsg == CGCS2000) {
      return gcs;
    }
    Integer zone = null;
    double cm = 0;
    double fe = 500000;
    String name = null;
    if (epsg >= 4513 && epsg <= 4533) {
      zone = epsg - 4513 + 25;
      cm = zone * 3;
      fe = zone * 1_000_000.0 + 500000;
      name = "CGCS2000_3_Degree_GK_Zone_" + zone;
    } else if (epsg >= 4534 && epsg <= 4554) {
      zone = epsg - 4534 + 25;
      cm = zone * 3;
      name = "CGCS2000_3_Degree_GK_CM_" + (int) cm + "E";
    } else if (epsg >= 4491 && epsg <= 4501) {
      zone = epsg - 4491 + 13;
      cm = zone * 6 - 3;
      fe = zone * 1_000_000.0 + 500000;
      name = "CGCS2000_GK_Zone_" + zone;
    } else if (epsg >= 4502 && epsg <= 4512) {
      zone = epsg - 4502 + 13;
      cm = zone * 6 - 3;
      name = "CGCS2000_GK_CM_" + (int) cm + "E";
    }
    if (zone != null) {
      return "PROJCS[\"" + name + "\"," + gcs + ",PROJECTION[\"Gauss_Kruger\"],"
          + "PARAMETER[\"False_Easting\"," + fe + "],PARAMETER[\"False_Northing\",0.0],"
          + "PARAMETER[\"Central_Meridian\"," + cm + "],PARAMETER[\"Scale_Factor\",1.0],"
          + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    }
    return crs.toWKT().replaceAll("\\s*\\n\\s*", "");
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Crs c && c.epsg == epsg;
  }

  @Override
  public int hashCode() {
    return epsg;
  }

  /** "EPSG:4527". */
  @Override
  public String toString() {
    return "EPSG:" + epsg;
  }
}
