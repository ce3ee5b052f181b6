package org.landledger.server.viewer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.landledger.geo.Crs;
import org.landledger.io.Json;
import org.landledger.server.catalog.Catalog;
import org.landledger.server.catalog.ServedLayer;
import org.landledger.server.ows.OwsException;
import org.landledger.server.ows.OwsResponse;
import org.landledger.render.Rule;
import org.landledger.render.Style;
import org.landledger.server.catalog.StyleBook;
import org.locationtech.jts.geom.Envelope;

/**
 * 地图查看器: the viewer page and its data — the layer list (name, group, style, legend entries in
 * Chinese and English, WGS 84 bounds, feature count) as JSON, and the page's static files from the
 * classpath (Leaflet 1.9.4 vendored from npm; see viewer/vendor/README.md). No CDN: works offline.
 */
public final class ViewerApi {

  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*\\.[a-z0-9]+");
  private static final String ROOT = "/org/landledger/server/viewer/";

  private final Catalog catalog;
  private final StyleBook styles;
  private final String tiandituKey;

  public ViewerApi(Catalog catalog, StyleBook styles, String tiandituKey) {
    this.catalog = catalog;
    this.styles = styles;
    this.tiandituKey = tiandituKey;
  }

  public OwsResponse layers() {
    List<Object> out = new ArrayList<>();
    for (ServedLayer l : catalog.layers()) {
      Style s = styles.styleOf(l);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", l.name());
      m.put("group", l.group());
      m.put("features", l.count());
      m.put("crs", l.crs().toString());
      m.put("style", s.name());
      m.put("styleTitle", Map.of("zh", s.titleZh(), "en", s.titleEn()));
      List<Object> legend = new ArrayList<>();
      for (Rule r : s.rules()) {
        var sym = r.symbolizer();
        legend.add(Map.of("zh", r.titleZh(), "en", r.titleEn(),
            "fill", sym.fill() == null ? "none" : css(sym.fill()), "stroke", sym.stroke() == null ? "none" : css(sym.stroke()),
            "hatch", sym.hatch().name().toLowerCase(Locale.ROOT)));
      }
      m.put("legend", legend);
      Envelope e = l.bounds(Crs.epsg(Crs.WGS84));
      m.put("bbox", e.isNull() ? null : List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
      out.add(m);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("layers", out);
    doc.put("summaries", catalog.summaries());
    if (tiandituKey != null) {
      doc.put("tianditu", tiandituKey);
    }
    return OwsResponse.text("application/json", Json.toString(doc));
  }

  private static String css(java.awt.Color c) {
    return String.format(Locale.ROOT, "rgba(%d,%d,%d,%.2f)", c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
  }

  /** A static file of the viewer; only plain relative names (no "..", no absolute paths) are served. */
  public static OwsResponse resource(String path) {
    if (path == null || !SAFE_PATH.matcher(path).matches()) {
      throw new OwsException("NotFound", "path", "not found", 404);
    }
    try (InputStream in = ViewerApi.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new OwsException("NotFound", "path", "not found", 404);
      }
      return OwsResponse.ok(type(path), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String type(String path) {
    String ext = path.substring(path.lastIndexOf('.') + 1);
    return switch (ext) {
      case "html" -> "text/html; charset=UTF-8";
      case "js" -> "text/javascript; charset=UTF-8";
      case "css" -> "text/css; charset=UTF-8";
      case "png" -> "image/png";
      case "json" -> "application/json; charset=UTF-8";
      default -> "application/octet-stream";
    };
  }
}
