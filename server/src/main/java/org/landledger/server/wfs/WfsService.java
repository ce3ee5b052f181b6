package org.landledger.server.wfs;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.LayerSchema;
import org.landledger.server.Limits;
import org.landledger.server.catalog.Catalog;
import org.landledger.server.catalog.Envelopes;
import org.landledger.server.catalog.ServedLayer;
import org.landledger.server.ows.GeoJson;
import org.landledger.server.ows.OwsException;
import org.landledger.server.ows.OwsParams;
import org.landledger.server.ows.OwsResponse;
import org.landledger.server.ows.RequestCrs;
import org.landledger.server.ows.Xml;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * WFS 2.0 服务: GetCapabilities, DescribeFeatureType, GetFeature (GML 3.2 and GeoJSON; BBOX, RESOURCEID,
 * CQL_FILTER, FES 2.0 FILTER, COUNT/STARTINDEX paging with next links, resultType=hits, SRSNAME,
 * PROPERTYNAME), ListStoredQueries, DescribeStoredQueries and the GetFeatureById stored query; KVP over
 * GET and XML over POST (parsed with external entities refused).
 */
public final class WfsService {

  public static final String GET_FEATURE_BY_ID = "urn:ogc:def:query:OGC-WFS::GetFeatureById";
  static final List<String> GML_FORMATS = List.of("application/gml+xml; version=3.2", "text/xml; subtype=gml/3.2", "gml32");
  static final List<String> JSON_FORMATS = List.of("application/json", "application/geo+json", "json", "geojson");

  private final Catalog catalog;
  private final Limits limits;

  public WfsService(Catalog catalog, Limits limits) {
    this.catalog = catalog;
    this.limits = limits;
  }

  public OwsResponse handle(OwsParams p, String url) {
    String request = p.require("REQUEST");
    String version = p.get("VERSION");
    if (version != null && !version.startsWith("2.0") && !request.equalsIgnoreCase("GetCapabilities")) {
      throw OwsException.invalid("VERSION", "only WFS 2.0.0 is offered, not " + version);
    }
    return switch (request.toLowerCase(Locale.ROOT)) {
      case "getcapabilities" -> OwsResponse.text("text/xml", WfsCapabilities.write(catalog, limits, url));
      case "describefeaturetype" -> describe(p.get("TYPENAMES", p.get("TYPENAME")));
      case "getfeature" -> getFeature(kvpRequest(p), url);
      case "getpropertyvalue" -> getPropertyValue(p, url);
      case "liststoredqueries" -> OwsResponse.text("text/xml", StoredQueries.list(catalog));
      case "describestoredqueries" -> OwsResponse.text("text/xml", StoredQueries.describe(p.get("STOREDQUERY_ID")));
      default -> throw new OwsException("OperationNotSupported", "request", "WFS has no operation " + request);
    };
  }

  /** One GetFeature request, however it was encoded. */
  record FeatureRequest(List<QuerySpec> queries, int count, int startIndex, boolean hits, boolean json,
      RequestCrs srs, boolean byId, OwsParams kvp) {}

  /** One query: a layer, a predicate, an optional native-CRS bbox and the properties to return. */
  record QuerySpec(ServedLayer layer, Predicate<Feature> filter, Geometry bbox, Set<String> properties) {}

  private FeatureRequest kvpRequest(OwsParams p) {
    boolean byId = false;
    String typeNames = p.get("TYPENAMES", p.get("TYPENAME"));
    String resourceIds = p.get("RESOURCEID", p.get("FEATUREID"));
    String stored = p.get("STOREDQUERY_ID");
    if (stored != null) {
      if (!stored.equals(GET_FEATURE_BY_ID)) {
        throw OwsException.invalid("STOREDQUERY_ID", "unknown stored query " + stored);
      }
      resourceIds = p.require("ID");
      byId = true;
    }
    List<ServedLayer> layers;
    if (typeNames != null) {
      layers = layers(typeNames, "TYPENAMES");
    } else if (resourceIds != null) {
      layers = layersOfIds(resourceIds);
    } else {
      throw OwsException.missing("TYPENAMES");
    }
    RequestCrs srs = p.has("SRSNAME") ? RequestCrs.parse(p.get("SRSNAME"), false, "SRSNAME") : null;
    if (srs != null && !offered(srs.crs())) {
      throw OwsException.invalid("SRSNAME", "SRSNAME " + p.get("SRSNAME") + " is not offered");
    }
    int count = p.integer("COUNT", p.integer("MAXFEATURES", limits.defaultCount(), 0, limits.maxCount()), 0, limits.maxCount());
    int start = p.integer("STARTINDEX", 0, 0, Integer.MAX_VALUE);
    boolean hits = "hits".equalsIgnoreCase(p.get("RESULTTYPE", "results"));
    boolean json = format(p.get("OUTPUTFORMAT"));
    int filters = (p.has("BBOX") ? 1 : 0) + (resourceIds != null ? 1 : 0) + (p.has("FILTER") ? 1 : 0) + (p.has("CQL_FILTER") ? 1 : 0);
    if (filters > 1) {
      throw OwsException.invalid("FILTER", "BBOX, RESOURCEID, FILTER and CQL_FILTER are mutually exclusive");
    }
    String[] cql = p.has("CQL_FILTER") ? p.get("CQL_FILTER").split(";", -1) : null;
    String[] fes = p.has("FILTER") ? splitFilters(p.get("FILTER")) : null;
    List<QuerySpec> qs = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      ServedLayer l = layers.get(i);
      Predicate<Feature> filter = f -> true;
      Geometry bbox = null;
      if (cql != null) {
        filter = AttributeFilter.ecql(cql[Math.min(i, cql.length - 1)], l.layer().schema());
      } else if (fes != null) {
        filter = AttributeFilter.ecql(Fes.toEcql(Xml.parse(fes[Math.min(i, fes.length - 1)].getBytes(StandardCharsets.UTF_8))
            .getDocumentElement(), l), l.layer().schema());
      } else if (resourceIds != null) {
        filter = idFilter(l, resourceIds);
      } else if (p.has("BBOX")) {
        bbox = bboxGeometry(p.get("BBOX"), l, srs);
      }
      qs.add(new QuerySpec(l, filter, bbox, properties(p.get("PROPERTYNAME"), l)));
    }
    return new FeatureRequest(qs, count, start, hits, json, srs, byId, p);
  }

  private static String[] splitFilters(String s) {
    // Several filters for several type names are given in parentheses: (<Filter>…</Filter>)(<Filter>…)
    String t = s.trim();
    if (!t.startsWith("(")) {
      return new String[] {t};
    }
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = -1;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '(' && depth++ == 0) {
        start = i + 1;
      } else if (c == ')' && --depth == 0) {
        out.add(t.substring(start, i));
      }
    }
    return out.toArray(String[]::new);
  }

  private boolean offered(Crs c) {
    return c.epsg() == Crs.CGCS2000 || c.epsg() == Crs.WGS84 || c.epsg() == Crs.WEB_MERCATOR
        || catalog.layers().stream().anyMatch(l -> l.crs().equals(c));
  }

  private static boolean format(String f) {
    if (f == null) {
      return false;
    }
    String n = f.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    if (JSON_FORMATS.stream().anyMatch(x -> x.replace(" ", "").equals(n))) {
      return true;
    }
    if (GML_FORMATS.stream().anyMatch(x -> x.replace(" ", "").equals(n)) || n.equals("application/gml+xml")
        || n.equals("text/xml")) {
      return false;
    }
    throw OwsException.invalid("outputFormat", "outputFormat must be one of " + GML_FORMATS + " or " + JSON_FORMATS);
  }

  /** Type names (with or without the ll: prefix) to layers. */
  List<ServedLayer> layers(String typeNames, String param) {
    List<ServedLayer> out = new ArrayList<>();
    for (String raw : typeNames.split(",")) {
      String n = raw.trim().replaceFirst("^\\(", "").replaceFirst("\\)$", "");
      if (n.startsWith(Gml32.PREFIX + ":")) {
        n = n.substring(Gml32.PREFIX.length() + 1);
      } else if (n.startsWith("{" + Gml32.NS + "}")) {
        n = n.substring(Gml32.NS.length() + 2);
      }
      String name = n;
      out.add(catalog.layer(name).orElseThrow(() -> OwsException.invalid(param, "no feature type named " + abbreviate(name))));
    }
    return out;
  }

  private List<ServedLayer> layersOfIds(String ids) {
    Set<ServedLayer> out = new LinkedHashSet<>();
    for (String rid : ids.split(",")) {
      for (ServedLayer l : catalog.layers()) {
        if (rid.trim().startsWith(Gml32.elementName(l.name()) + ".")) {
          out.add(l);
        }
      }
    }
    if (out.isEmpty()) {
      throw OwsException.invalid("RESOURCEID", "no feature type has the resource id " + abbreviate(ids));
    }
    return new ArrayList<>(out);
  }

  private static Predicate<Feature> idFilter(ServedLayer l, String ids) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String rid : ids.split(",")) {
      wanted.add(rid.trim());
    }
    return f -> wanted.contains(Gml32.gmlId(l.name(), f.id()));
  }

  /** A KVP BBOX (minx,miny,maxx,maxy[,crs]) as a polygon in the layer's CRS. */
  private static Geometry bboxGeometry(String text, ServedLayer l, RequestCrs srs) {
    String[] parts = text.split(",");
    RequestCrs crs;
    if (parts.length >= 5) {
      crs = RequestCrs.parse(parts[4], false, "BBOX");
    } else if (srs != null) {
      crs = srs;
    } else {
      crs = new RequestCrs(l.crs(), l.crs().epsgAxisOrderNorthFirst(), RequestCrs.urn(l.crs()));
    }
    Envelope e = crs.envelope(text, "BBOX");
    return new GeometryFactory().toGeometry(Envelopes.transform(e, crs.crs(), l.crs()));
  }

  /** PROPERTYNAME: only the layer's fields (and its geometry) may be named. */
  static Set<String> properties(String list, ServedLayer l) {
    if (list == null) {
      return null;
    }
    String one = list.trim().replaceFirst("^\\(", "").replaceFirst("\\)$", "");
    Set<String> out = new LinkedHashSet<>();
    LayerSchema schema = l.layer().schema();
    for (String raw : one.split(",")) {
      String n = raw.trim();
      if (n.startsWith(Gml32.PREFIX + ":")) {
        n = n.substring(Gml32.PREFIX.length() + 1);
      }
      if (!AttributeFilter.known(schema, n)) {
        throw OwsException.invalid("PROPERTYNAME", "unknown property " + abbreviate(n) + " (properties of "
            + l.name() + ": " + AttributeFilter.fieldNames(schema) + ", " + AttributeFilter.GEOMETRY + ")");
      }
      if (AttributeFilter.GEOMETRY_ALIASES.contains(n.toLowerCase(Locale.ROOT)) && !schema.hasField(n)) {
        out.add(AttributeFilter.GEOMETRY);
      } else {
        out.add(schema.field(n).map(Field::name).orElseThrow());
      }
    }
    return out;
  }

  private record Match(QuerySpec query, Feature feature) {}

  private List<Match> matches(FeatureRequest r) {
    List<Match> matches = new ArrayList<>();
    for (QuerySpec q : r.queries()) {
      List<Feature> candidates = q.bbox() == null ? q.layer().features()
          : q.layer().view(q.layer().crs()).query(q.bbox().getEnvelopeInternal());
      PreparedGeometry box = q.bbox() == null ? null : PreparedGeometryFactory.prepare(q.bbox());
      for (Feature f : candidates) {
        if (box != null && (f.geometry() == null || !box.intersects(f.geometry()))) {
          continue;
        }
        if (q.filter().test(f)) {
          matches.add(new Match(q, f));
        }
      }
    }
    return matches;
  }

  /**
   * GetPropertyValue: the values of one attribute (VALUEREFERENCE, a field name only) of the matching
   * features, as a wfs:ValueCollection with the same paging as GetFeature.
   */
  private OwsResponse getPropertyValue(OwsParams p, String url) {
    String ref = p.require("VALUEREFERENCE");
    FeatureRequest r = kvpRequest(p);
    ServedLayer l = r.queries().get(0).layer();
    Set<String> prop = properties(ref, l);
    String field = prop.iterator().next();
    if (field.equals(AttributeFilter.GEOMETRY)) {
      throw OwsException.invalid("VALUEREFERENCE", "GetPropertyValue is offered for attributes, not the geometry");
    }
    List<Match> matches = matches(r);
    int total = matches.size();
    List<Match> page = r.hits() ? List.of()
        : matches.subList(Math.min(r.startIndex(), total), (int) Math.min(total, (long) r.startIndex() + r.count()));
    String n = Gml32.elementName(field);
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<wfs:ValueCollection xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:ll=\"").append(Gml32.NS)
        .append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        .append(" xsi:schemaLocation=\"http://www.opengis.net/wfs/2.0 http://schemas.opengis.net/wfs/2.0/wfs.xsd\"")
        .append(" timeStamp=\"").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("\" numberMatched=\"")
        .append(total).append("\" numberReturned=\"").append(page.size()).append('"');
    if (!r.hits() && r.startIndex() + page.size() < total) {
      b.append(" next=\"").append(Xml.esc(pageLink(url, p, r.startIndex() + page.size()))).append('"');
    }
    b.append(">\n");
    for (Match m : page) {
      Object v = m.feature().get(field);
      b.append("<wfs:member><ll:").append(n).append('>').append(v == null ? "" : Xml.esc(Gml32.value(v)))
          .append("</ll:").append(n).append("></wfs:member>\n");
    }
    b.append("</wfs:ValueCollection>\n");
    return OwsResponse.text("text/xml", b.toString());
  }

  OwsResponse getFeature(FeatureRequest r, String url) {
    List<Match> matches = matches(r);
    int total = matches.size();
    List<Match> page = r.hits() ? List.of()
        : matches.subList(Math.min(r.startIndex(), total), (int) Math.min(total, (long) r.startIndex() + r.count()));
    String next = !r.hits() && r.startIndex() + page.size() < total && r.kvp() != null
        ? pageLink(url, r.kvp(), r.startIndex() + page.size()) : null;
    String previous = !r.hits() && r.startIndex() > 0 && r.kvp() != null
        ? pageLink(url, r.kvp(), Math.max(0, r.startIndex() - r.count())) : null;
    if (r.byId()) {
      if (page.isEmpty()) {
        throw new OwsException("NotFound", "ID", "no feature with id " + abbreviate(r.kvp() == null ? "" : r.kvp().get("ID", "")), 404);
      }
    }
    String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    if (r.json()) {
      return OwsResponse.ok("application/geo+json; charset=UTF-8", json(page, total, r, stamp, next, previous));
    }
    StringBuilder b = new StringBuilder(4096 + page.size() * 512);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if (r.byId()) {
      Match m = page.get(0);
      b.append("<ll:").append(m.query().layer().name()).append(" xmlns:ll=\"").append(Gml32.NS)
          .append("\" xmlns:gml=\"").append(Gml32.GML).append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
          .append(" xsi:schemaLocation=\"").append(Gml32.NS).append(' ').append(Xml.esc(describeUrl(url, List.of(m.query().layer()))))
          .append(" http://www.opengis.net/gml/3.2 http://schemas.opengis.net/gml/3.2.1/gml.xsd\"");
      String one = gml(m, r);
      // Reuse the member encoding but hoist namespace declarations onto the root element.
      b.append(one.substring(("<ll:" + m.query().layer().name()).length()));
      return OwsResponse.text("application/gml+xml; version=3.2", b.toString());
    }
    Set<ServedLayer> types = new LinkedHashSet<>();
    r.queries().forEach(q -> types.add(q.layer()));
    b.append("<wfs:FeatureCollection xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:gml=\"").append(Gml32.GML)
        .append("\" xmlns:ll=\"").append(Gml32.NS).append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        .append(" xsi:schemaLocation=\"http://www.opengis.net/wfs/2.0 http://schemas.opengis.net/wfs/2.0/wfs.xsd ")
        .append(Gml32.NS).append(' ').append(Xml.esc(describeUrl(url, List.copyOf(types))))
        .append(" http://www.opengis.net/gml/3.2 http://schemas.opengis.net/gml/3.2.1/gml.xsd\"")
        .append(" timeStamp=\"").append(stamp).append("\" numberMatched=\"").append(total)
        .append("\" numberReturned=\"").append(page.size()).append('"');
    if (next != null) {
      b.append(" next=\"").append(Xml.esc(next)).append('"');
    }
    if (previous != null) {
      b.append(" previous=\"").append(Xml.esc(previous)).append('"');
    }
    b.append(">\n");
    for (Match m : page) {
      b.append("<wfs:member>").append(gml(m, r)).append("</wfs:member>\n");
    }
    b.append("</wfs:FeatureCollection>\n");
    return OwsResponse.text("application/gml+xml; version=3.2", b.toString());
  }

  private static String gml(Match m, FeatureRequest r) {
    ServedLayer l = m.query().layer();
    RequestCrs out = r.srs() != null ? r.srs() : new RequestCrs(l.crs(), l.crs().epsgAxisOrderNorthFirst(), RequestCrs.urn(l.crs()));
    Feature f = reproject(m.feature(), l.crs(), out.crs());
    StringBuilder b = new StringBuilder(512);
    Gml32.feature(b, l.name(), l.layer().schema(), f, out, m.query().properties());
    return b.toString();
  }

  private static Feature reproject(Feature f, Crs from, Crs to) {
    if (f.geometry() == null || from.equals(to)) {
      return f;
    }
    return f.withGeometry(from.transform(f.geometry(), to));
  }

  private static byte[] json(List<Match> page, int total, FeatureRequest r, String stamp, String next, String previous) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(4096 + page.size() * 256);
      try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
        if (r.byId() && page.size() == 1) {
          feature(g, page.get(0), r);
          return finish(g, out);
        }
        g.writeStartObject();
        g.writeStringField("type", "FeatureCollection");
        g.writeNumberField("numberMatched", total);
        g.writeNumberField("numberReturned", page.size());
        g.writeStringField("timeStamp", stamp);
        Crs c = r.srs() != null ? r.srs().crs() : page.isEmpty() ? null : page.get(0).query().layer().crs();
        if (c != null) {
          g.writeObjectFieldStart("crs");
          g.writeStringField("type", "name");
          g.writeObjectFieldStart("properties");
          g.writeStringField("name", RequestCrs.urn(c));
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeArrayFieldStart("features");
        for (Match m : page) {
          feature(g, m, r);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("links");
        if (next != null) {
          link(g, next, "next");
        }
        if (previous != null) {
          link(g, previous, "previous");
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] finish(JsonGenerator g, ByteArrayOutputStream out) throws IOException {
    g.flush();
    return out.toByteArray();
  }

  private static void link(JsonGenerator g, String href, String rel) throws IOException {
    g.writeStartObject();
    g.writeStringField("href", href);
    g.writeStringField("rel", rel);
    g.writeStringField("type", "application/geo+json");
    g.writeEndObject();
  }

  private static void feature(JsonGenerator g, Match m, FeatureRequest r) throws IOException {
    ServedLayer l = m.query().layer();
    Crs to = r.srs() != null ? r.srs().crs() : l.crs();
    Feature f = reproject(m.feature(), l.crs(), to);
    Set<String> props = m.query().properties();
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", Gml32.gmlId(l.name(), f.id()));
    g.writeFieldName("geometry");
    GeoJson.geometry(g, props == null || props.contains(AttributeFilter.GEOMETRY) ? f.geometry() : null);
    g.writeFieldName("properties");
    Map<String, Object> attrs = new LinkedHashMap<>();
    for (Field fld : l.layer().schema().fields()) {
      if (props == null || props.contains(fld.name())) {
        attrs.put(fld.name(), f.get(fld.name()));
      }
    }
    GeoJson.properties(g, attrs);
    g.writeEndObject();
  }

  private static String pageLink(String url, OwsParams p, int start) {
    Map<String, String> q = new LinkedHashMap<>(p.all());
    q.keySet().removeIf(k -> k.equalsIgnoreCase("STARTINDEX") || k.equalsIgnoreCase("TOKEN"));
    q.put("STARTINDEX", Integer.toString(start));
    StringBuilder b = new StringBuilder(url).append('?');
    q.forEach((k, v) -> b.append(enc(k)).append('=').append(enc(v)).append('&'));
    b.setLength(b.length() - 1);
    return b.toString();
  }

  private static String describeUrl(String url, List<ServedLayer> layers) {
    StringBuilder names = new StringBuilder();
    for (ServedLayer l : layers) {
      names.append(names.length() == 0 ? "" : ",").append(Gml32.PREFIX).append(':').append(l.name());
    }
    return url + "?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=" + enc(names.toString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private OwsResponse describe(String typeNames) {
    List<ServedLayer> ls = typeNames == null ? List.copyOf(catalog.layers()) : layers(typeNames, "TYPENAMES");
    return OwsResponse.text("application/gml+xml; version=3.2",
        Gml32.schema(ls.stream().map(l -> l.layer().schema()).toList()));
  }

  /** WFS requests in XML (POST): GetCapabilities, DescribeFeatureType, GetFeature with Query and fes:Filter. */
  public OwsResponse handleXml(byte[] body, String url) {
    Document doc = Xml.parse(body);
    Element root = doc.getDocumentElement();
    String op = root.getLocalName();
    switch (op) {
      case "GetCapabilities":
        return OwsResponse.text("text/xml", WfsCapabilities.write(catalog, limits, url));
      case "DescribeFeatureType": {
        List<String> names = new ArrayList<>();
        for (Element e : Fes.children(root, "TypeName")) {
          names.add(e.getTextContent().trim());
        }
        return describe(names.isEmpty() ? null : String.join(",", names));
      }
      case "ListStoredQueries":
        return OwsResponse.text("text/xml", StoredQueries.list(catalog));
      case "GetFeature":
        return getFeature(xmlRequest(root), url);
      default:
        throw new OwsException("OperationNotSupported", "request", "WFS has no XML operation " + op);
    }
  }

  private FeatureRequest xmlRequest(Element root) {
    int count = attrInt(root, "count", limits.defaultCount(), limits.maxCount());
    int start = attrInt(root, "startIndex", 0, Integer.MAX_VALUE);
    boolean hits = "hits".equalsIgnoreCase(root.getAttribute("resultType"));
    boolean json = format(root.getAttribute("outputFormat").isEmpty() ? null : root.getAttribute("outputFormat"));
    List<QuerySpec> qs = new ArrayList<>();
    RequestCrs srs = null;
    for (Element q : Fes.children(root, "Query")) {
      if (!q.getAttribute("srsName").isEmpty()) {
        srs = RequestCrs.parse(q.getAttribute("srsName"), false, "srsName");
        if (!offered(srs.crs())) {
          throw OwsException.invalid("srsName", "srsName " + q.getAttribute("srsName") + " is not offered");
        }
      }
      for (ServedLayer l : layers(q.getAttribute("typeNames"), "typeNames")) {
        Predicate<Feature> filter = f -> true;
        List<Element> filters = Fes.children(q, "Filter");
        if (!filters.isEmpty()) {
          filter = AttributeFilter.ecql(Fes.toEcql(filters.get(0), l), l.layer().schema());
        }
        List<String> props = new ArrayList<>();
        for (Element pn : Fes.children(q, "PropertyName")) {
          props.add(pn.getTextContent().trim());
        }
        qs.add(new QuerySpec(l, filter, null, props.isEmpty() ? null : properties(String.join(",", props), l)));
      }
    }
    if (qs.isEmpty()) {
      throw OwsException.missing("Query");
    }
    return new FeatureRequest(qs, count, start, hits, json, srs, false, null);
  }

  private static int attrInt(Element e, String name, int fallback, int max) {
    String v = e.getAttribute(name);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < 0 || n > max) {
        throw OwsException.invalid(name, name + " must be between 0 and " + max);
      }
      return n;
    } catch (NumberFormatException ex) {
      throw OwsException.invalid(name, name + " must be an integer");
    }
  }

  static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
