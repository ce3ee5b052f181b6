package org.landledger.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.geo.Crs;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * GeoServer 发布: makes a GeoServer show analysis results — the workspace, one data store per GeoPackage or
 * PostGIS schema, one feature type per table (Chinese title), the SLD styles and a layer group per run —
 * through the REST API. Idempotent: every resource is looked up first (GET) and then created (POST) when
 * missing or updated (PUT) when present, so publishing again updates and never duplicates.
 *
 * <p>GeoServer reads the data itself; the store kind is the one difference between the two paths. A
 * GeoPackage store's {@code database} is the server-side location, the {@code storePathPrefix} (where the
 * results folder is mounted in the GeoServer container) plus the file's path relative to the results folder.
 * A PostGIS store carries the connection (host, port, database, schema, user and the password, which only
 * the request body holds: printed requests and echoed errors show it masked).
 */
public final class GeoServerPublisher {

  /** Where docker-compose.yml mounts the results folder inside the GeoServer container. */
  public static final String DEFAULT_STORE_PATH_PREFIX = "file:/opt/geoserver_data/landledger/";

  /** What happened to one resource. */
  public enum Action { CREATED, UPDATED }

  /** One resource published: kind (workspace, style, datastore, featuretype, layer, layergroup), name, action. */
  public record Outcome(String kind, String name, Action action) {}

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final RestTransport transport;
  private final String workspace;
  private final String storePathPrefix;
  private final PrintWriter log;

  public GeoServerPublisher(RestTransport transport, String workspace, String storePathPrefix, PrintWriter log) {
    if (!ResourceNames.isValid(workspace)) {
      throw new IllegalArgumentException("--workspace: '" + workspace
          + "' is not a valid GeoServer workspace name (a letter, then letters, digits, '_' or '-')");
    }
    this.transport = transport;
    this.workspace = workspace;
    this.storePathPrefix = normalisePrefix(storePathPrefix);
    this.log = log;
  }

  /** {@code /srv/results} → {@code file:/srv/results/}; a prefix with a scheme is kept, with a final '/'. */
  static String normalisePrefix(String prefix) {
    String p = prefix == null || prefix.isBlank() ? DEFAULT_STORE_PATH_PREFIX : prefix.trim();
    if (p.startsWith("/")) {
      p = "file:" + p;
    }
    if (!p.startsWith("file:")) {
      throw new IllegalArgumentException("--store-path-prefix: expected a server-side path such as "
          + DEFAULT_STORE_PATH_PREFIX + " or /opt/geoserver_data/landledger, got " + prefix);
    }
    return p.endsWith("/") ? p : p + "/";
  }

  public List<Outcome> publish(PublishPlan plan) {
    List<Outcome> done = new ArrayList<>();
    String ws = "/workspaces/" + workspace;
    done.add(ensure("workspace", workspace, ws, "/workspaces", null, null, RestRequest.JSON,
        json(obj("workspace", obj().put("name", workspace)))));

    Map<String, PublishStyle> styles = new LinkedHashMap<>();
    plan.runs().stream().flatMap(r -> r.stores().stream()).flatMap(s -> s.tables().stream())
        .map(PublishPlan.Table::style).sorted(Comparator.comparingInt(PublishStyle::rank))
        .forEach(s -> styles.putIfAbsent(s.name(), s));
    for (PublishStyle s : styles.values()) {
      done.add(ensure("style", s.name(), ws + "/styles/" + s.name(), ws + "/styles", "name=" + s.name(), null,
          RestRequest.SLD, s.sld()));
    }

    for (PublishPlan.Run run : plan.runs()) {
      for (PublishPlan.Store store : run.stores()) {
        Secret dbPassword = store.source() instanceof PublishPlan.PostGisSchema p ? p.password() : null;
        done.add(ensure("datastore", store.name(), ws + "/datastores/" + store.name(), ws + "/datastores", null, null,
            RestRequest.JSON, json(dataStore(store)), dbPassword));
        Envelope storeExtent = extent(store.tables());
        for (PublishPlan.Table t : store.tables()) {
          String ft = ws + "/datastores/" + store.name() + "/featuretypes";
          done.add(ensure("featuretype", t.layerName(), ft + "/" + t.layerName(), ft, null, null, RestRequest.JSON,
              json(featureType(run, store, t, storeExtent))));
          done.add(update("layer", t.layerName(), "/layers/" + workspace + ":" + t.layerName(),
              json(obj("layer", obj().set("defaultStyle", obj().put("name", qualified(t.style().name())))))));
        }
      }
      done.add(ensure("layergroup", run.name(), ws + "/layergroups/" + run.name(), ws + "/layergroups", null, null,
          RestRequest.JSON, json(layerGroup(run))));
    }
    return done;
  }

  // ------------------------------------------------------------------ bodies

  private ObjectNode dataStore(PublishPlan.Store store) {
    ArrayNode entries = JSON.createArrayNode();
    connectionParameters(store.source()).forEach((k, v) -> entries.add(obj().put("@key", k).put("$", v)));
    ObjectNode ds = obj()
        .put("name", store.name())
        .put("description", "LandLedger 分析成果 results: " + store.source().describe())
        .put("enabled", true);
    ds.set("workspace", obj().put("name", workspace));
    ds.set("connectionParameters", obj().set("entry", entries));
    return obj("dataStore", ds);
  }

  /** GeoServer's connection parameters of a store (datastores.yaml: GeoPackage and PostGIS parameter tables). */
  private Map<String, String> connectionParameters(PublishPlan.Source source) {
    Map<String, String> p = new LinkedHashMap<>();
    if (source instanceof PublishPlan.GeoPackageFile g) {
      p.put("database", storePathPrefix + g.relativePath());
      p.put("dbtype", "geopkg");
    } else if (source instanceof PublishPlan.PostGisSchema pg) {
      p.put("dbtype", "postgis");
      p.put("host", pg.serverHost());
      p.put("port", String.valueOf(pg.serverPort()));
      p.put("database", pg.location().database());
      p.put("schema", pg.location().schema());
      p.put("user", pg.location().user());
      if (pg.password() != null) {
        p.put("passwd", pg.password().reveal());
      }
      // The tables' integer key (ogc_fid, the result's feature id) published as an attribute: WFS clients
      // can filter and join on it.
      p.put("Expose primary keys", "true");
      p.put("validate connections", "true");
    } else {
      throw new IllegalStateException("unknown store kind " + source);
    }
    return p;
  }

  private ObjectNode featureType(PublishPlan.Run run, PublishPlan.Store store, PublishPlan.Table t,
      Envelope storeExtent) {
    LayerTitles.Title title = LayerTitles.of(t.nativeName());
    String label = run.label();
    ObjectNode f = obj()
        .put("name", t.layerName())
        .put("nativeName", t.nativeName())
        .put("title", title.zh() + "（" + label + "）")
        .put("abstract", title.en() + ". Run " + label + ", " + store.source().describe() + "#" + t.nativeName() + ", "
            + t.count() + " features. Published by LandLedger.")
        .put("enabled", true);
    ArrayNode kw = JSON.createArrayNode().add("LandLedger").add(title.zh()).add(title.en()).add(run.name());
    f.set("keywords", obj().set("string", kw));
    if (t.crs() != null) {
      String srs = "EPSG:" + t.crs().epsg();
      f.put("srs", srs).put("projectionPolicy", "FORCE_DECLARED");
      // An empty table gets its store's extent, so GeoServer still has a box to advertise.
      Envelope b = t.bounds() != null ? t.bounds() : storeExtent;
      if (b != null) {
        f.set("nativeBoundingBox", box(b, srs));
        f.set("latLonBoundingBox", box(toLonLat(b, t.crs()), "EPSG:4326"));
      }
    }
    return obj("featureType", f);
  }

  private ObjectNode layerGroup(PublishPlan.Run run) {
    List<PublishPlan.Table> tables = run.stores().stream().flatMap(s -> s.tables().stream())
        .sorted(Comparator.comparingInt(t -> t.style().rank())).toList();
    ArrayNode published = JSON.createArrayNode();
    ArrayNode styles = JSON.createArrayNode();
    for (PublishPlan.Table t : tables) {
      published.add(obj().put("@type", "layer").put("name", qualified(t.layerName())));
      styles.add(obj().put("name", qualified(t.style().name())));
    }
    String label = run.label();
    ObjectNode g = obj()
        .put("name", run.name())
        .put("mode", "SINGLE")
        .put("title", "LandLedger 分析成果（" + label + "）")
        .put("abstractTxt", "LandLedger results of run " + label + ": "
            + String.join(", ", tables.stream().map(PublishPlan.Table::layerName).toList()));
    g.set("workspace", obj().put("name", workspace));
    g.set("publishables", obj().set("published", published));
    g.set("styles", obj().set("style", styles));
    return obj("layerGroup", g);
  }

  private String qualified(String name) {
    return workspace + ":" + name;
  }

  private static Envelope extent(List<PublishPlan.Table> tables) {
    Envelope e = new Envelope();
    tables.stream().filter(t -> t.bounds() != null).forEach(t -> e.expandToInclude(t.bounds()));
    return e.isNull() ? null : e;
  }

  private static Envelope toLonLat(Envelope b, Crs crs) {
    if (crs.epsg() == Crs.WGS84) {
      return b;
    }
    return crs.transform(new GeometryFactory().toGeometry(b), Crs.epsg(Crs.WGS84)).getEnvelopeInternal();
  }

  private static ObjectNode box(Envelope b, String crs) {
    return obj().put("minx", b.getMinX()).put("maxx", b.getMaxX()).put("miny", b.getMinY()).put("maxy", b.getMaxY())
        .put("crs", crs);
  }

  // ------------------------------------------------------------------ requests

  /** GET the item; PUT it when it exists, else POST to the collection. */
  private Outcome ensure(String kind, String name, String itemPath, String collectionPath, String postQuery,
      String putQuery, String contentType, String body) {
    return ensure(kind, name, itemPath, collectionPath, postQuery, putQuery, contentType, body, null);
  }

  /** As above, the body holding {@code secret} (masked wherever the request is printed). */
  private Outcome ensure(String kind, String name, String itemPath, String collectionPath, String postQuery,
      String putQuery, String contentType, String body, Secret secret) {
    RestTransport.Response probe = transport.send(RestRequest.get(itemPath));
    if (probe.status() == 200) {
      expect(transport.send(RestRequest.put(itemPath, putQuery, contentType, body).carrying(secret)), "PUT",
          itemPath, 200, 201);
      log.println("updated " + kind + " " + name);
      return new Outcome(kind, name, Action.UPDATED);
    }
    if (probe.status() != 404) {
      fail("GET", itemPath, probe);
    }
    expect(transport.send(RestRequest.post(collectionPath, postQuery, contentType, body).carrying(secret)), "POST",
        collectionPath, 201, 200);
    log.println("created " + kind + " " + name);
    return new Outcome(kind, name, Action.CREATED);
  }

  /** PUT to a resource GeoServer made itself (a feature type's layer). */
  private Outcome update(String kind, String name, String path, String body) {
    expect(transport.send(RestRequest.put(path, null, RestRequest.JSON, body)), "PUT", path, 200, 201);
    log.println("updated " + kind + " " + name);
    return new Outcome(kind, name, Action.UPDATED);
  }

  private void expect(RestTransport.Response r, String method, String path, int... ok) {
    for (int s : ok) {
      if (r.status() == s) {
        return;
      }
    }
    fail(method, path, r);
  }

  private void fail(String method, String path, RestTransport.Response r) {
    String why = switch (r.status()) {
      case 401 -> "GeoServer rejected the user name or password (check --user and --password-file)";
      case 403 -> "the user may not change GeoServer's catalogue (an administrator account is needed)";
      default -> "GeoServer answered " + r.status();
    };
    String detail = r.body() == null || r.body().isBlank() ? "" : ": " + abbreviate(r.body().strip());
    throw new GeoServerException(method + " " + transport.describe() + path + " failed: " + why
        + (r.status() == 401 || r.status() == 403 ? " (HTTP " + r.status() + ")" : detail), r.status());
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() <= 300 ? one : one.substring(0, 300) + "…";
  }

  private static ObjectNode obj() {
    return JSON.createObjectNode();
  }

  private static ObjectNode obj(String key, ObjectNode value) {
    ObjectNode o = JSON.createObjectNode();
    o.set(key, value);
    return o;
  }

  private static String json(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
