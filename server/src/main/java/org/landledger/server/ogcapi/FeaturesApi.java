package org.landledger.server.ogcapi;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Json;
import org.landledger.io.query.FeatureCursor;
import org.landledger.io.query.Query;
import org.landledger.server.Limits;
import org.landledger.server.catalog.Catalog;
import org.landledger.server.catalog.ServedLayer;
import org.landledger.server.ows.GeoJson;
import org.landledger.server.ows.OwsException;
import org.landledger.server.ows.OwsParams;
import org.landledger.server.ows.OwsResponse;
import org.locationtech.jts.geom.Envelope;

/**
 * OGC API – Features 服务 (Part 1 Core + GeoJSON) at {@code /ogcapi}: landing page, conformance,
 * collections (one per layer), items with bbox (CRS84) / limit / offset and next links, one item by id.
 * Geometries are returned in CRS84 (longitude, latitude) as Part 1 requires. Items are one query on the layer's
 * store (box, paging and reprojection done there), written while they are read.
 */
public final class FeaturesApi {

  private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  private static final Crs WGS84 = Crs.epsg(Crs.WGS84);
  private static final int DEFAULT_LIMIT = 10;

  private final Catalog catalog;
  private final Limits limits;

  public FeaturesApi(Catalog catalog, Limits limits) {
    this.catalog = catalog;
    this.limits = limits;
  }

  public OwsResponse landing(String base, Map<String, List<String>> q) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "LandLedger 土地账本 OGC API – Features");
    m.put("description", "三调数据与核算结果 (land survey data and analysis results)");
    m.put("links", List.of(
        link(base + "/ogcapi", "self", "application/json", "this document"),
        link(base + "/", "service-doc", "text/html", "地图查看器 map viewer"),
        link(base + "/ogcapi/conformance", "conformance", "application/json", "conformance classes"),
        link(base + "/ogcapi/collections", "data", "application/json", "collections")));
    return json(m);
  }

  public OwsResponse conformance(String base, Map<String, List<String>> q) {
    return json(Map.of("conformsTo", List.of(
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson")));
  }

  public OwsResponse collections(String base, Map<String, List<String>> q) {
    List<Object> cs = new ArrayList<>();
    for (ServedLayer l : catalog.layers()) {
      cs.add(describe(base, l));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("links", List.of(link(base + "/ogcapi/collections", "self", "application/json", "collections")));
    m.put("collections", cs);
    return json(m);
  }

  public OwsResponse collection(String base, String id, Map<String, List<String>> q) {
    return json(describe(base, layer(id)));
  }

  private Map<String, Object> describe(String base, ServedLayer l) {
    String self = base + "/ogcapi/collections/" + enc(l.name());
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", l.name());
    c.put("title", l.name());
    c.put("description", l.count() + " 个要素 features, " + l.crs());
    Envelope e = l.bounds(Crs.epsg(Crs.WGS84));
    if (!e.isNull()) {
      c.put("extent", Map.of("spatial", Map.of("bbox", List.of(List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY())),
          "crs", CRS84)));
    }
    c.put("itemType", "feature");
    c.put("crs", List.of(CRS84));
    c.put("storageCrs", "http://www.opengis.net/def/crs/EPSG/0/" + l.crs().epsg());
    c.put("links", List.of(
        link(self, "self", "application/json", "this collection"),
        link(self + "/items", "items", "application/geo+json", "features")));
    return c;
  }

  public OwsResponse items(String base, String id, Map<String, List<String>> query) {
    ServedLayer l = layer(id);
    OwsParams p = new OwsParams(query);
    int limit = p.integer("limit", DEFAULT_LIMIT, 1, limits.maxCount());
    int offset = p.integer("offset", 0, 0, Integer.MAX_VALUE);
    Query q = Query.all().withTargetCrs(WGS84);
    if (p.has("bbox")) {
      String crs = p.get("bbox-crs", CRS84);
      if (!crs.equals(CRS84)) {
        throw OwsException.invalid("bbox-crs", "bbox-crs must be " + CRS84);
      }
      String[] v = p.get("bbox").split(",");
      if (v.length != 4) {
        throw OwsException.invalid("bbox", "bbox needs minLon,minLat,maxLon,maxLat");
      }
      Envelope e;
      try {
        e = new Envelope(Double.parseDouble(v[0]), Double.parseDouble(v[2]), Double.parseDouble(v[1]), Double.parseDouble(v[3]));
      } catch (NumberFormatException ex) {
        throw OwsException.invalid("bbox", "bbox values must be numbers");
      }
      q = q.withBbox(e, WGS84, false);
    }
    long matched = l.count(q);
    Query pageQuery = q.withPage(offset, limit);
    long returned = Math.max(0, Math.min(limit, matched - offset));
    String self = base + "/ogcapi/collections/" + enc(l.name()) + "/items";
    List<Map<String, String>> links = new ArrayList<>();
    links.add(link(self + query(p, limit, offset), "self", "application/geo+json", "this page"));
    if (offset + returned < matched) {
      links.add(link(self + query(p, limit, offset + returned), "next", "application/geo+json", "next page"));
    }
    if (offset > 0) {
      links.add(link(self + query(p, limit, Math.max(0, offset - limit)), "prev", "application/geo+json", "previous page"));
    }
    return geojson(g -> {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeNumberField("numberMatched", matched);
      g.writeNumberField("numberReturned", returned);
      g.writeStringField("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      g.writeArrayFieldStart("features");
      try (FeatureCursor c = l.query(pageQuery)) {
        while (c.hasNext()) {
          feature(g, c.next(), null);
        }
      }
      g.writeEndArray();
      g.writeFieldName("links");
      writeLinks(g, links);
      g.writeEndObject();
    });
  }

  public OwsResponse item(String base, String id, String fid, Map<String, List<String>> q) {
    ServedLayer l = layer(id);
    Feature f;
    try (FeatureCursor c = l.query(Query.all().withFilter(ServedLayer.idFilter(List.of(fid))).withTargetCrs(WGS84))) {
      f = c.hasNext() ? c.next() : null;
    }
    if (f == null) {
      throw new OwsException("NotFound", "featureId", "no feature " + abbreviate(fid) + " in " + l.name(), 404);
    }
    String self = base + "/ogcapi/collections/" + enc(l.name()) + "/items/" + enc(fid);
    List<Map<String, String>> links = List.of(
        link(self, "self", "application/geo+json", "this feature"),
        link(base + "/ogcapi/collections/" + enc(l.name()), "collection", "application/json", "the collection"));
    return geojson(g -> feature(g, f, links));
  }

  /** A feature (already in CRS84) as GeoJSON. */
  private static void feature(JsonGenerator g, Feature f, List<Map<String, String>> links) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", f.id());
    g.writeFieldName("geometry");
    GeoJson.geometry(g, f.geometry());
    g.writeFieldName("properties");
    GeoJson.properties(g, f.attributes());
    if (links != null) {
      g.writeFieldName("links");
      writeLinks(g, links);
    }
    g.writeEndObject();
  }

  private static void writeLinks(JsonGenerator g, List<Map<String, String>> links) throws IOException {
    g.writeStartArray();
    for (Map<String, String> l : links) {
      g.writeStartObject();
      for (var e : l.entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static String query(OwsParams p, int limit, long offset) {
    StringBuilder b = new StringBuilder("?limit=").append(limit).append("&offset=").append(offset);
    if (p.has("bbox")) {
      b.append("&bbox=").append(enc(p.get("bbox")));
    }
    return b.toString();
  }

  private ServedLayer layer(String id) {
    return catalog.layer(id).orElseThrow(() -> new OwsException("NotFound", "collectionId", "no collection " + abbreviate(id), 404));
  }

  private static Map<String, String> link(String href, String rel, String type, String title) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("href", href);
    m.put("rel", rel);
    m.put("type", type);
    m.put("title", title);
    return m;
  }

  private static OwsResponse json(Object o) {
    return OwsResponse.text("application/json", Json.toString(o));
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  /** GeoJSON written straight to the client while the features are read. */
  private static OwsResponse geojson(Body body) {
    return OwsResponse.stream("application/geo+json; charset=UTF-8", out -> {
      try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
        body.write(g);
      }
    });
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
