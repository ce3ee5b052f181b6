package org.landledger.server.wms;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.server.Limits;
import org.landledger.server.catalog.Catalog;
import org.landledger.server.catalog.ServedLayer;
import org.landledger.server.ows.GeoJson;
import org.landledger.server.ows.OwsException;
import org.landledger.server.ows.OwsParams;
import org.landledger.server.ows.OwsResponse;
import org.landledger.server.ows.RequestCrs;
import org.landledger.server.ows.Xml;
import org.landledger.render.LegendRenderer;
import org.landledger.render.MapRenderer;
import org.landledger.render.PngEncoder;
import org.landledger.io.query.FeatureCursor;
import org.landledger.io.query.Query;
import org.landledger.server.catalog.StyleBook;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * WMS 1.3.0 服务: GetCapabilities, GetMap (PNG, JPEG), GetFeatureInfo (JSON, HTML, text) and
 * GetLegendGraphic over the catalog. BBOX is read in the CRS's EPSG axis order (4490/4326 lat,lon,
 * Gauss–Krüger zones north,east, 3857 east,north; CRS:84 lon,lat), as WMS 1.3.0 requires.
 */
public final class WmsService {

  /** CRSs every layer can be drawn in, besides each layer's own. */
  public static final List<Integer> COMMON_CRS = List.of(Crs.CGCS2000, Crs.WGS84, Crs.WEB_MERCATOR);
  static final List<String> INFO_FORMATS = List.of("application/json", "text/html", "text/plain");

  private final Catalog catalog;
  private final StyleBook styles;
  private final Limits limits;
  private final TileCache tiles;

  public WmsService(Catalog catalog, StyleBook styles, Limits limits) {
    this(catalog, styles, limits, new TileCache(0));
  }

  /** With a tile cache (emptied whenever the catalog changes; {@code new TileCache(0)}: none). */
  public WmsService(Catalog catalog, StyleBook styles, Limits limits, TileCache tiles) {
    this.catalog = catalog;
    this.styles = styles;
    this.limits = limits;
    this.tiles = tiles;
    catalog.onChange(tiles::clear);
  }

  public OwsResponse handle(OwsParams p, String serviceUrl) {
    String request = p.require("REQUEST");
    return switch (request.toLowerCase(Locale.ROOT)) {
      case "getcapabilities" -> OwsResponse.text("text/xml",
          WmsCapabilities.write(catalog, styles, limits, serviceUrl, supportedCrs()));
      case "getmap" -> getMap(p);
      case "getfeatureinfo" -> getFeatureInfo(p);
      case "getlegendgraphic" -> getLegendGraphic(p);
      default -> throw new OwsException("OperationNotSupported", "REQUEST", "WMS has no operation " + request);
    };
  }

  /** EPSG codes offered: the common ones and every layer's own. */
  public Set<Integer> supportedCrs() {
    Set<Integer> s = new LinkedHashSet<>(COMMON_CRS);
    catalog.layers().forEach(l -> s.add(l.crs().epsg()));
    return s;
  }

  /** The map extent and size of a GetMap or GetFeatureInfo request. */
  record MapRequest(List<ServedLayer> layers, RequestCrs crs, Envelope bbox, int width, int height) {}

  private MapRequest mapRequest(OwsParams p, String layersParam) {
    String version = p.get("VERSION");
    if (version != null && !version.equals("1.3.0")) {
      throw OwsException.invalid("VERSION", "only WMS 1.3.0 is offered, not " + version);
    }
    List<ServedLayer> layers = resolveLayers(p.require(layersParam), layersParam);
    String crsText = p.get("CRS");
    if (crsText == null) {
      crsText = p.require("CRS");
    }
    RequestCrs crs = RequestCrs.parse(crsText, true, "CRS");
    if (!supportedCrs().contains(crs.crs().epsg())) {
      throw new OwsException("InvalidCRS", "CRS", "CRS " + crsText + " is not offered");
    }
    Envelope bbox = crs.envelope(p.require("BBOX"), "BBOX");
    if (bbox.getWidth() <= 0 || bbox.getHeight() <= 0) {
      throw OwsException.invalid("BBOX", "BBOX has zero width or height");
    }
    int max = limits.maxImageSize();
    int w = p.integer("WIDTH", -1, 1, max);
    int h = p.integer("HEIGHT", -1, 1, max);
    if (w < 0) {
      throw OwsException.missing("WIDTH");
    }
    if (h < 0) {
      throw OwsException.missing("HEIGHT");
    }
    return new MapRequest(layers, crs, bbox, w, h);
  }

  /** Layer names (or layer group names) to layers; unknown names are LayerNotDefined, never paths. */
  List<ServedLayer> resolveLayers(String names, String param) {
    List<ServedLayer> out = new ArrayList<>();
    Map<String, List<ServedLayer>> groups = catalog.groups();
    for (String raw : names.split(",")) {
      String n = raw.trim();
      if (n.isEmpty()) {
        continue;
      }
      var l = catalog.layer(n);
      if (l.isPresent()) {
        out.add(l.get());
      } else if (groups.containsKey(n)) {
        out.addAll(groups.get(n));
      } else {
        throw new OwsException("LayerNotDefined", param, "no layer named " + abbreviate(n));
      }
    }
    if (out.isEmpty()) {
      throw OwsException.missing(param);
    }
    return out;
  }

  private OwsResponse getMap(OwsParams p) {
    MapRequest m = mapRequest(p, "LAYERS");
    String styleParam = p.get("STYLES", "");
    for (String s : styleParam.split(",")) {
      String st = s.trim();
      if (!st.isEmpty() && !st.equalsIgnoreCase("default")
          && m.layers().stream().noneMatch(l -> styles.styleOf(l).name().equals(st))) {
        throw new OwsException("StyleNotDefined", "STYLES", "no style named " + abbreviate(st));
      }
    }
    String format = p.get("FORMAT", "image/png").toLowerCase(Locale.ROOT);
    boolean jpeg = format.equals("image/jpeg") || format.equals("image/jpg");
    if (!jpeg && !format.startsWith("image/png")) {
      throw new OwsException("InvalidFormat", "FORMAT", "GetMap formats are image/png and image/jpeg, not " + format);
    }
    boolean transparent = "true".equalsIgnoreCase(p.get("TRANSPARENT", "false"));
    Color bg = parseColour(p.get("BGCOLOR", "0xFFFFFF"));
    Color background = transparent && !jpeg ? null : bg;
    String type = jpeg ? "image/jpeg" : "image/png";
    TileCache.Key key = tiles.enabled() ? new TileCache.Key(m.layers().stream().map(ServedLayer::version).toList(),
        m.layers().stream().map(l -> styles.styleOf(l).name()).toList(), m.crs().crs().epsg(), m.bbox(), m.width(),
        m.height(), type, background == null ? 0 : background.getRGB() | 0x1_0000_0000L) : null;
    byte[] cached = key == null ? null : tiles.get(key);
    if (cached != null) {
      return OwsResponse.ok(type, cached);
    }
    List<MapRenderer.MapLayer> ml = new ArrayList<>();
    for (ServedLayer l : m.layers()) {
      ml.add(new MapRenderer.MapLayer(l.mapSource(), styles.styleOf(l), 1f));
    }
    BufferedImage img = MapRenderer.render(ml, m.bbox(), m.crs().crs(), m.width(), m.height(), background);
    byte[] body = encode(img, jpeg);
    if (key != null) {
      tiles.put(key, body);
    }
    return OwsResponse.ok(type, body);
  }

  /** Encodes an image: PNG with {@link PngEncoder}; JPEG has no alpha, so it is flattened on white first. */
  public static byte[] encode(BufferedImage img, boolean jpeg) {
    if (!jpeg) {
      return PngEncoder.encode(img);
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
      Graphics2D g = rgb.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.drawImage(img, 0, 0, null);
      g.dispose();
      ImageIO.write(rgb, "jpeg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Color parseColour(String s) {
    String hex = s.toUpperCase(Locale.ROOT).replaceFirst("^0X", "").replaceFirst("^#", "");
    try {
      return new Color(Integer.parseInt(hex, 16));
    } catch (NumberFormatException e) {
      throw OwsException.invalid("BGCOLOR", "BGCOLOR must be 0xRRGGBB");
    }
  }

  private OwsResponse getFeatureInfo(OwsParams p) {
    MapRequest m = mapRequest(p, "QUERY_LAYERS");
    int i = p.integer("I", -1, 0, m.width() - 1);
    int j = p.integer("J", -1, 0, m.height() - 1);
    if (i < 0 || j < 0) {
      throw new OwsException("InvalidPoint", i < 0 ? "I" : "J", "I and J (pixel column and row) are required");
    }
    int count = p.integer("FEATURE_COUNT", 1, 1, limits.maxCount());
    String format = p.get("INFO_FORMAT", "text/plain");
    if (!INFO_FORMATS.contains(format)) {
      throw new OwsException("InvalidFormat", "INFO_FORMAT", "INFO_FORMAT must be one of " + INFO_FORMATS);
    }
    double px = m.bbox().getWidth() / m.width();
    double py = m.bbox().getHeight() / m.height();
    double x = m.bbox().getMinX() + (i + 0.5) * px;
    double y = m.bbox().getMaxY() - (j + 0.5) * py;
    double tol = 3 * Math.max(px, py);
    Point pt = new GeometryFactory().createPoint(new Coordinate(x, y));
    Map<ServedLayer, List<Feature>> hits = new LinkedHashMap<>();
    Crs crs = m.crs().crs();
    Query near = Query.all().withBbox(new Envelope(x - tol, x + tol, y - tol, y + tol), crs, true).withTargetCrs(crs);
    for (ServedLayer l : m.layers()) {
      List<Feature> found = new ArrayList<>();
      try (FeatureCursor c = l.query(near)) {
        while (c.hasNext() && found.size() < count) {
          Feature f = c.next();
          if (f.geometry() != null && f.geometry().isWithinDistance(pt, tol)) {
            found.add(f);
          }
        }
      }
      hits.put(l, found);
    }
    return switch (format) {
      case "application/json" -> OwsResponse.ok("application/json; charset=UTF-8", infoJson(hits));
      case "text/html" -> OwsResponse.text("text/html", infoHtml(hits));
      default -> OwsResponse.text("text/plain", infoText(hits));
    };
  }

  private static byte[] infoJson(Map<ServedLayer, List<Feature>> hits) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
        g.writeStartObject();
        g.writeStringField("type", "FeatureCollection");
        g.writeArrayFieldStart("features");
        for (var e : hits.entrySet()) {
          for (Feature f : e.getValue()) {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeStringField("id", e.getKey().name() + "." + f.id());
            g.writeStringField("layer", e.getKey().name());
            g.writeFieldName("geometry");
            g.writeNull();
            g.writeFieldName("properties");
            GeoJson.properties(g, f.attributes());
            g.writeEndObject();
          }
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String infoHtml(Map<ServedLayer, List<Feature>> hits) {
    StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>要素信息 Feature info</title></head><body>");
    for (var e : hits.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      b.append("<h3>").append(Xml.esc(e.getKey().name())).append("</h3>");
      for (Feature f : e.getValue()) {
        b.append("<table border=\"1\"><tr><th>id</th><td>").append(Xml.esc(f.id())).append("</td></tr>");
        f.attributes().forEach((k, v) -> b.append("<tr><th>").append(Xml.esc(k)).append("</th><td>")
            .append(Xml.esc(v)).append("</td></tr>"));
        b.append("</table>");
      }
    }
    return b.append("</body></html>").toString();
  }

  private static String infoText(Map<ServedLayer, List<Feature>> hits) {
    StringBuilder b = new StringBuilder();
    for (var e : hits.entrySet()) {
      for (Feature f : e.getValue()) {
        b.append("Layer '").append(e.getKey().name()).append("' feature ").append(f.id()).append('\n');
        f.attributes().forEach((k, v) -> b.append("  ").append(k).append(" = ").append(v).append('\n'));
      }
    }
    if (b.length() == 0) {
      b.append("no features found\n");
    }
    return b.toString();
  }

  private OwsResponse getLegendGraphic(OwsParams p) {
    List<ServedLayer> ls = resolveLayers(p.require("LAYER"), "LAYER");
    String format = p.get("FORMAT", "image/png").toLowerCase(Locale.ROOT);
    if (!format.startsWith("image/png")) {
      throw new OwsException("InvalidFormat", "FORMAT", "GetLegendGraphic format is image/png");
    }
    String lang = p.get("LANGUAGE", "zh");
    BufferedImage img = LegendRenderer.render(styles.styleOf(ls.get(0)), !lang.toLowerCase(Locale.ROOT).startsWith("en"));
    return OwsResponse.ok("image/png", encode(img, false));
  }

  static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
