package org.landledger.server.wfs;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
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
import org.geotools.api.filter.Filter;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.LayerSchema;
import org.landledger.io.query.FeatureCursor;
import org.landledger.io.query.Query;
import org.landledger.server.Limits;
import org.landledger.server.catalog.Catalog;
import org.landledger.server.catalog.ServedLayer;
import org.landledger.server.ows.GeoJson;
import org.landledger.server.ows.OwsException;
import org.landledger.server.ows.OwsParams;
import org.landledger.server.ows.OwsResponse;
import org.landledger.server.ows.RequestCrs;
import org.landledger.server.ows.Xml;
import org.locationtech.jts.geom.Envelope;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * WFS 2.0 服务: GetCapabilities, DescribeFeatureType, GetFeature (GML 3.2 and GeoJSON; BBOX, RESOURCEID,
 * CQL_FILTER, FES 2.0 FILTER, SORTBY, COUNT/STARTINDEX paging with next links, resultType=hits, SRSNAME,
 * PROPERTYNAME), GetPropertyValue, ListStoredQueries, DescribeStoredQueries and the GetFeatureById stored query;
 * KVP over GET and XML over POST (parsed with external entities refused).
 *
 * <p>Every request is one {@link Query} per type name, answered by the layer's store ({@link ServedLayer#query}):
 * box, filter, sort and paging are done there (index, SQL or ScanQuery), counts by {@link ServedLayer#count};
 * this class only formats. Responses are written while the features are read, in constant memory.
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

  /**
   * One query: a layer, a filter (validated against its schema), an optional box in {@code bboxCrs} (matched on
   * the geometries), the properties to return (null: all) and a sort.
   */
  record QuerySpec(ServedLayer layer, Filter filter, Envelope bbox, Crs bboxCrs, Set<String> properties,
      List<Query.SortKey> sort) {}

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
      Filter filter = Filter.INCLUDE;
      Envelope bbox = null;
      Crs bboxCrs = null;
      if (cql != null) {
        filter = AttributeFilter.ecql(cql[Math.min(i, cql.length - 1)], l.schema());
      } else if (fes != null) {
        filter = AttributeFilter.ecql(Fes.toEcql(Xml.parse(fes[Math.min(i, fes.length - 1)].getBytes(StandardCharsets.UTF_8))
            .getDocumentElement(), l), l.schema());
      } else if (resourceIds != null) {
        filter = ServedLayer.idFilter(idsOf(l, resourceIds));
      } else if (p.has("BBOX")) {
        RequestCrs crs = bboxCrs(p.get("BBOX"), l, srs);
        bbox = crs.envelope(p.get("BBOX"), "BBOX");
        bboxCrs = crs.crs();
      }
      List<Query.SortKey> sort = p.has("SORTBY") ? sortBy(p.get("SORTBY"), l) : List.of();
      qs.add(new QuerySpec(l, filter, bbox, bboxCrs, properties(p.get("PROPERTYNAME"), l), sort));
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

  /** The feature ids of a layer among resource ids ({@code DLTB.5} → {@code 5}). */
  private static List<String> idsOf(ServedLayer l, String ids) {
    String prefix = Gml32.elementName(l.name()) + ".";
    List<String> out = new ArrayList<>();
    for (String rid : ids.split(",")) {
      String r = rid.trim();
      if (r.startsWith(prefix)) {
        out.add(r.substring(prefix.length()));
      }
    }
    return out;
  }

  /** The CRS of a KVP BBOX (minx,miny,maxx,maxy[,crs]): its own, else SRSNAME, else the layer's. */
  private static RequestCrs bboxCrs(String text, ServedLayer l, RequestCrs srs) {
    String[] parts = text.split(",");
    if (parts.length >= 5) {
      return RequestCrs.parse(parts[4], false, "BBOX");
    }
    return srs != null ? srs : new RequestCrs(l.crs(), l.crs().epsgAxisOrderNorthFirst(), RequestCrs.urn(l.crs()));
  }

  /** SORTBY: {@code NAME [ASC|DESC]} (or A/D), comma-separated; fields of the layer only. */
  static List<Query.SortKey> sortBy(String text, ServedLayer l) {
    List<Query.SortKey> out = new ArrayList<>();
    for (String part : text.split(",")) {
      String[] t = part.trim().split("\\s+");
      if (t[0].isEmpty() || t.length > 2) {
        throw OwsException.invalid("SORTBY", "SORTBY needs NAME [ASC|DESC], comma-separated");
      }
      String dir = t.length == 2 ? t[1].toUpperCase(Locale.ROOT) : "ASC";
      if (!List.of("ASC", "DESC", "A", "D").contains(dir)) {
        throw OwsException.invalid("SORTBY", "sort order must be ASC or DESC, not " + abbreviate(t[1]));
      }
      out.add(new Query.SortKey(sortField(t[0], l, "SORTBY"), dir.startsWith("A")));
    }
    return out;
  }

  private static String sortField(String raw, ServedLayer l, String param) {
    String n = raw.startsWith(Gml32.PREFIX + ":") ? raw.substring(Gml32.PREFIX.length() + 1) : raw;
    return l.schema().field(n).map(Field::name).orElseThrow(() -> OwsException.invalid(param, "cannot sort by "
        + abbreviate(n) + " (fields of " + l.name() + ": " + AttributeFilter.fieldNames(l.schema()) + ")"));
  }

  /** PROPERTYNAME: only the layer's fields (and its geometry) may be named. */
  static Set<String> properties(String list, ServedLayer l) {
    if (list == null) {
      return null;
    }
    String one = list.trim().replaceFirst("^\\(", "").replaceFirst("\\)$", "");
    Set<String> out = new LinkedHashSet<>();
    LayerSchema schema = l.schema();
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

  /** A spec as the layer's query: filter, box, properties, sort and the output CRS (paging added per page). */
  private static Query query(QuerySpec q, RequestCrs srs) {
    Query x = Query.all().withFilter(q.filter()).withSort(q.sort());
    if (q.bbox() != null) {
      x = x.withBbox(q.bbox(), q.bboxCrs(), false);
    }
    if (q.properties() != null) {
      x = x.withProperties(q.properties().stream().filter(n -> !n.equals(AttributeFilter.GEOMETRY)).toList())
          .withGeometry(q.properties().contains(AttributeFilter.GEOMETRY));
    }
    if (srs != null && !srs.crs().equals(q.layer().crs())) {
      x = x.withTargetCrs(srs.crs());
    }
    return x;
  }

  /** One layer's share of a page: its query with offset and limit. */
  private record Part(QuerySpec spec, Query query) {}

  /** The matches of a request: how many in all, the parts that make up the page asked for, how many it holds. */
  private record Plan(long total, List<Part> parts, long returned) {}

  /**
   * Counts each query (the store answers counts from its index or SQL where it can) and cuts the page
   * {@code [startIndex, startIndex + count)} of their concatenation into per-layer offset and limit.
   */
  private static Plan plan(FeatureRequest r) {
    long total = 0;
    long skip = r.startIndex();
    long wanted = r.hits() ? 0 : r.count();
    long left = wanted;
    List<Part> parts = new ArrayList<>();
    for (QuerySpec spec : r.queries()) {
      Query q = query(spec, r.srs());
      long n = spec.layer().count(q);
      total += n;
      if (skip >= n) {
        skip -= n;
        continue;
      }
      long take = Math.min(left, n - skip);
      if (take > 0) {
        parts.add(new Part(spec, q.withPage(skip, take)));
      }
      left -= take;
      skip = 0;
    }
    return new Plan(total, parts, wanted - left);
  }

  /** What is done with each feature of a page. */
  private interface MatchHandler {
    void accept(QuerySpec spec, Feature f) throws IOException;
  }

  /** The features of the page, layer after layer, each cursor closed when done. */
  private static void forEachMatch(Plan plan, MatchHandler h) throws IOException {
    for (Part part : plan.parts()) {
      try (FeatureCursor c = part.spec().layer().query(part.query())) {
        while (c.hasNext()) {
          h.accept(part.spec(), c.next());
        }
      }
    }
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
    List<QuerySpec> specs = r.queries().stream().map(q -> new QuerySpec(q.layer(), q.filter(), q.bbox(), q.bboxCrs(),
        Set.of(field), q.sort())).toList();
    Plan plan = plan(new FeatureRequest(specs, r.count(), r.startIndex(), r.hits(), false, null, false, p));
    String n = Gml32.elementName(field);
    StringBuilder head = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<wfs:ValueCollection xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:ll=\"").append(Gml32.NS)
        .append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        .append(" xsi:schemaLocation=\"http://www.opengis.net/wfs/2.0 http://schemas.opengis.net/wfs/2.0/wfs.xsd\"")
        .append(" timeStamp=\"").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("\" numberMatched=\"")
        .append(plan.total()).append("\" numberReturned=\"").append(plan.returned()).append('"');
    if (!r.hits() && r.startIndex() + plan.returned() < plan.total()) {
      head.append(" next=\"").append(Xml.esc(pageLink(url, p, r.startIndex() + plan.returned()))).append('"');
    }
    head.append(">\n");
    return OwsResponse.stream("text/xml; charset=UTF-8", out -> {
      Writer w = writer(out);
      w.write(head.toString());
      forEachMatch(plan, (spec, f) -> {
        Object v = f.get(field);
        w.append("<wfs:member><ll:").append(n).append('>').append(v == null ? "" : Xml.esc(Gml32.value(v)))
            .append("</ll:").append(n).append("></wfs:member>\n");
      });
      w.write("</wfs:ValueCollection>\n");
      w.flush();
    });
  }

  OwsResponse getFeature(FeatureRequest r, String url) {
    Plan plan = plan(r);
    long total = plan.total();
    long returned = plan.returned();
    String next = !r.hits() && r.startIndex() + returned < total && r.kvp() != null
        ? pageLink(url, r.kvp(), r.startIndex() + returned) : null;
    String previous = !r.hits() && r.startIndex() > 0 && r.kvp() != null
        ? pageLink(url, r.kvp(), Math.max(0, r.startIndex() - r.count())) : null;
    if (r.byId() && returned == 0) {
      throw new OwsException("NotFound", "ID", "no feature with id " + abbreviate(r.kvp() == null ? "" : r.kvp().get("ID", "")), 404);
    }
    String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    if (r.json()) {
      return OwsResponse.stream("application/geo+json; charset=UTF-8", out -> json(out, plan, r, stamp, next, previous));
    }
    if (r.byId()) {
      ServedLayer l = plan.parts().get(0).spec().layer();
      String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ll:" + l.name() + " xmlns:ll=\"" + Gml32.NS
          + "\" xmlns:gml=\"" + Gml32.GML + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
          + " xsi:schemaLocation=\"" + Gml32.NS + ' ' + Xml.esc(describeUrl(url, List.of(l)))
          + " http://www.opengis.net/gml/3.2 http://schemas.opengis.net/gml/3.2.1/gml.xsd\"";
      Part first = plan.parts().get(0);
      Plan one = new Plan(plan.total(), List.of(new Part(first.spec(), first.query().withPage(first.query().offset(), 1))), 1);
      return OwsResponse.stream("application/gml+xml; version=3.2", out -> {
        Writer w = writer(out);
        forEachMatch(one, (spec, f) -> {
          // The member encoding, its namespace declarations hoisted onto the root element.
          w.write(head);
          w.write(gml(spec, f, r).substring(("<ll:" + l.name()).length()));
        });
        w.flush();
      });
    }
    Set<ServedLayer> types = new LinkedHashSet<>();
    r.queries().forEach(q -> types.add(q.layer()));
    StringBuilder b = new StringBuilder(4096);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<wfs:FeatureCollection xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:gml=\"").append(Gml32.GML)
        .append("\" xmlns:ll=\"").append(Gml32.NS).append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        .append(" xsi:schemaLocation=\"http://www.opengis.net/wfs/2.0 http://schemas.opengis.net/wfs/2.0/wfs.xsd ")
        .append(Gml32.NS).append(' ').append(Xml.esc(describeUrl(url, List.copyOf(types))))
        .append(" http://www.opengis.net/gml/3.2 http://schemas.opengis.net/gml/3.2.1/gml.xsd\"")
        .append(" timeStamp=\"").append(stamp).append("\" numberMatched=\"").append(total)
        .append("\" numberReturned=\"").append(returned).append('"');
    if (next != null) {
      b.append(" next=\"").append(Xml.esc(next)).append('"');
    }
    if (previous != null) {
      b.append(" previous=\"").append(Xml.esc(previous)).append('"');
    }
    b.append(">\n");
    String head = b.toString();
    return OwsResponse.stream("application/gml+xml; version=3.2", out -> {
      Writer w = writer(out);
      w.write(head);
      forEachMatch(plan, (spec, f) -> {
        w.write("<wfs:member>");
        w.write(gml(spec, f, r));
        w.write("</wfs:member>\n");
      });
      w.write("</wfs:FeatureCollection>\n");
      w.flush();
    });
  }

  private static Writer writer(java.io.OutputStream out) {
    return new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
  }

  private static String gml(QuerySpec spec, Feature f, FeatureRequest r) {
    ServedLayer l = spec.layer();
    RequestCrs out = r.srs() != null ? r.srs() : new RequestCrs(l.crs(), l.crs().epsgAxisOrderNorthFirst(), RequestCrs.urn(l.crs()));
    StringBuilder b = new StringBuilder(512);
    Gml32.feature(b, l.name(), l.schema(), f, out, spec.properties());
    return b.toString();
  }

  private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private static void json(java.io.OutputStream out, Plan plan, FeatureRequest r, String stamp, String next,
      String previous) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      if (r.byId() && plan.returned() == 1) {
        forEachMatch(plan, (spec, f) -> feature(g, spec, f));
        return;
      }
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeNumberField("numberMatched", plan.total());
      g.writeNumberField("numberReturned", plan.returned());
      g.writeStringField("timeStamp", stamp);
      Crs c = r.srs() != null ? r.srs().crs() : plan.parts().isEmpty() ? null : plan.parts().get(0).spec().layer().crs();
      if (c != null) {
        g.writeObjectFieldStart("crs");
        g.writeStringField("type", "name");
        g.writeObjectFieldStart("properties");
        g.writeStringField("name", RequestCrs.urn(c));
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeArrayFieldStart("features");
      forEachMatch(plan, (spec, f) -> feature(g, spec, f));
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
  }

  private static void link(JsonGenerator g, String href, String rel) throws IOException {
    g.writeStartObject();
    g.writeStringField("href", href);
    g.writeStringField("rel", rel);
    g.writeStringField("type", "application/geo+json");
    g.writeEndObject();
  }

  private static void feature(JsonGenerator g, QuerySpec spec, Feature f) throws IOException {
    ServedLayer l = spec.layer();
    Set<String> props = spec.properties();
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", Gml32.gmlId(l.name(), f.id()));
    g.writeFieldName("geometry");
    GeoJson.geometry(g, props == null || props.contains(AttributeFilter.GEOMETRY) ? f.geometry() : null);
    g.writeFieldName("properties");
    g.writeStartObject();
    for (Field fld : l.schema().fields()) {
      if (props == null || props.contains(fld.name())) {
        g.writeFieldName(fld.name());
        GeoJson.value(g, f.get(fld.name()));
      }
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static String pageLink(String url, OwsParams p, long start) {
    Map<String, String> q = new LinkedHashMap<>(p.all());
    q.keySet().removeIf(k -> k.equalsIgnoreCase("STARTINDEX") || k.equalsIgnoreCase("TOKEN"));
    q.put("STARTINDEX", Long.toString(start));
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
        Gml32.schema(ls.stream().map(ServedLayer::schema).toList()));
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
        Filter filter = Filter.INCLUDE;
        List<Element> filters = Fes.children(q, "Filter");
        if (!filters.isEmpty()) {
          filter = AttributeFilter.ecql(Fes.toEcql(filters.get(0), l), l.schema());
        }
        List<String> props = new ArrayList<>();
        for (Element pn : Fes.children(q, "PropertyName")) {
          props.add(pn.getTextContent().trim());
        }
        qs.add(new QuerySpec(l, filter, null, null, props.isEmpty() ? null : properties(String.join(",", props), l),
            xmlSortBy(q, l)));
      }
    }
    if (qs.isEmpty()) {
      throw OwsException.missing("Query");
    }
    return new FeatureRequest(qs, count, start, hits, json, srs, false, null);
  }

  /** fes:SortBy of a wfs:Query: SortProperty elements with ValueReference and SortOrder (ASC, DESC). */
  private static List<Query.SortKey> xmlSortBy(Element query, ServedLayer l) {
    List<Query.SortKey> out = new ArrayList<>();
    for (Element sortBy : Fes.children(query, "SortBy")) {
      for (Element p : Fes.children(sortBy, "SortProperty")) {
        List<Element> ref = Fes.children(p, "ValueReference");
        if (ref.isEmpty()) {
          ref = Fes.children(p, "PropertyName");
        }
        if (ref.isEmpty()) {
          throw OwsException.invalid("SortBy", "SortProperty needs a ValueReference");
        }
        List<Element> order = Fes.children(p, "SortOrder");
        String dir = order.isEmpty() ? "ASC" : order.get(0).getTextContent().trim().toUpperCase(Locale.ROOT);
        if (!dir.equals("ASC") && !dir.equals("DESC")) {
          throw OwsException.invalid("SortBy", "SortOrder must be ASC or DESC");
        }
        out.add(new Query.SortKey(sortField(ref.get(0).getTextContent().trim(), l, "SortBy"), dir.equals("ASC")));
      }
    }
    return out;
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
