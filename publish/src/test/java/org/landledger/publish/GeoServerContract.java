package org.landledger.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The GeoServer REST contract, from the OpenAPI (Swagger 2.0) documents in {@code geoserver-rest/}: checks that
 * a request's method and path exist as a documented operation with a success response, that its query
 * parameters are declared, that its content type is one the operation consumes, and that its body validates
 * against the schema of the operation's body parameter ({@code $ref}s resolved against the document's
 * definitions, validated as JSON Schema draft 4 by networknt's validator; SLD bodies against the SLD 1.0 XSD).
 *
 * <p>Two documented adaptations bridge the Swagger models and GeoServer's JSON wire format (XStream/Jettison,
 * as the same documents' examples show — e.g. {@code {"dataStore":{…,"connectionParameters":{"entry":[{"@key":…,
 * "$":…}]}}}}):
 * <ol>
 *   <li>Root wrapper: most definitions describe the inner object; when the body's single top-level key is not
 *       a property of the schema, it must be the element name GeoServer uses for that definition
 *       ({@link #WRAPPERS}, as in the documents' examples) and the inner object is validated.</li>
 *   <li>Maps: where the schema says {@code type: array} and the body has XStream's {@code {"entry": […]}}, the
 *       entry list is validated as the array, with {@code @key}/{@code $} read as {@code key}/{@code value}
 *       when the item schema names those.</li>
 * </ol>
 * Base paths: each document's {@code basePath}; datastores.yaml and layers.yaml declare none and are read
 * against GeoServer's REST root {@code /geoserver/rest} like their siblings; styles.yaml writes some templates
 * as {@code /rest/workspaces/…} under a base path already ending in {@code /rest}, and the duplicate is dropped.
 */
final class GeoServerContract {

  static final String REST_ROOT = "/geoserver/rest";
  static final List<String> DOCUMENTS = List.of("workspaces.yaml", "datastores.yaml", "featuretypes.yaml",
      "styles.yaml", "layers.yaml", "layergroups.yaml");

  /** GeoServer's JSON root element per Swagger definition (as in the documents' GET examples). */
  static final Map<String, String> WRAPPERS = Map.of(
      "datastore", "dataStore",
      "FeatureTypeInfo", "featureType",
      "Layer", "layer",
      "Layergroup", "layerGroup",
      "StyleInfoPost", "style",
      "Style", "style",
      "StyleWorkspace", "style");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One documented path template of one document. */
  private record Route(String document, JsonNode doc, String template, Pattern pattern, JsonNode item) {}

  private final List<Route> routes = new ArrayList<>();

  GeoServerContract() {
    for (String name : DOCUMENTS) {
      JsonNode doc = load(name);
      String base = doc.path("basePath").asText(REST_ROOT);
      Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String template = e.getKey();
        if (base.endsWith("/rest") && template.startsWith("/rest/")) {
          template = template.substring("/rest".length());
        }
        String full = base + template;
        routes.add(new Route(name, doc, full, compile(full), e.getValue()));
      }
    }
  }

  private static JsonNode load(String name) {
    try (InputStream in = GeoServerContract.class.getResourceAsStream("/geoserver-rest/" + name)) {
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Pattern compile(String template) {
    StringBuilder re = new StringBuilder();
    for (String part : template.split("(?=\\{)|(?<=\\})")) {
      re.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
    }
    return Pattern.compile(re.toString());
  }

  /**
   * Violations of the contract by one request: {@code path} is the full URL path (e.g.
   * {@code /geoserver/rest/workspaces/ll}), {@code query} the raw query string or null.
   */
  List<String> violations(String method, String path, String query, String contentType, String body) {
    List<String> out = new ArrayList<>();
    String what = method + " " + path;
    List<Route> matching = routes.stream().filter(r -> r.pattern().matcher(path).matches()).toList();
    if (matching.isEmpty()) {
      out.add(what + ": no such path in the GeoServer REST documents");
      return out;
    }
    Route route = null;
    JsonNode op = null;
    for (Route r : matching) {
      JsonNode o = r.item().get(method.toLowerCase());
      if (o != null && hasSuccess(o)) {
        route = r;
        op = o;
        break;
      }
    }
    if (op == null) {
      out.add(what + ": " + method + " is not a documented operation with a success response on "
          + matching.get(0).template());
      return out;
    }
    List<JsonNode> params = parameters(route, op);
    if (query != null && !query.isEmpty()) {
      for (String kv : query.split("&")) {
        String key = URLDecoder.decode(kv.split("=", 2)[0], StandardCharsets.UTF_8);
        boolean declared = params.stream().anyMatch(p -> p.path("in").asText().equals("query")
            && p.path("name").asText().equals(key));
        if (!declared) {
          out.add(what + ": query parameter '" + key + "' is not declared for " + route.template());
        }
      }
    }
    JsonNode bodyParam = params.stream().filter(p -> p.path("in").asText().equals("body")).findFirst().orElse(null);
    if (body == null) {
      if (bodyParam != null && bodyParam.path("required").asBoolean(false)) {
        out.add(what + ": the operation requires a body");
      }
      return out;
    }
    String type = contentType == null ? "" : contentType.split(";")[0].trim();
    JsonNode consumes = op.has("consumes") ? op.get("consumes") : route.doc().path("consumes");
    boolean accepted = false;
    for (JsonNode c : consumes) {
      accepted |= c.asText().equals(type);
    }
    if (!accepted) {
      out.add(what + ": content type '" + type + "' is not consumed by the operation (" + consumes + ")");
    }
    if (type.equals(RestRequest.SLD)) {
      try {
        SldSchema.errors(body).forEach(e -> out.add(what + ": SLD invalid: " + e));
      } catch (Exception e) {
        out.add(what + ": SLD not validated: " + e);
      }
      return out;
    }
    if (bodyParam == null) {
      out.add(what + ": the operation takes no body");
      return out;
    }
    out.addAll(validateJson(what, route.doc(), bodyParam.path("schema"), body));
    return out;
  }

  private static boolean hasSuccess(JsonNode op) {
    Iterator<String> codes = op.path("responses").fieldNames();
    while (codes.hasNext()) {
      if (codes.next().startsWith("2")) {
        return true;
      }
    }
    return false;
  }

  /** Path-item and operation parameters, with {@code #/parameters/…} references resolved. */
  private static List<JsonNode> parameters(Route route, JsonNode op) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode p : route.item().path("parameters")) {
      all.add(resolve(route.doc(), p));
    }
    for (JsonNode p : op.path("parameters")) {
      all.add(resolve(route.doc(), p));
    }
    return all;
  }

  private static JsonNode resolve(JsonNode doc, JsonNode node) {
    JsonNode n = node;
    while (n.has("$ref")) {
      String ref = n.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("external $ref not supported: " + ref);
      }
      n = doc.at(ref.substring(1));
      if (n.isMissingNode()) {
        throw new IllegalStateException("dangling $ref " + ref);
      }
    }
    return n;
  }

  private List<String> validateJson(String what, JsonNode doc, JsonNode schemaRef, String body) {
    JsonNode value;
    try {
      value = JSON.readTree(body);
    } catch (IOException e) {
      return List.of(what + ": body is not JSON: " + e.getMessage());
    }
    String definition = schemaRef.has("$ref") ? schemaRef.get("$ref").asText().replace("#/definitions/", "") : null;
    JsonNode schema = resolve(doc, schemaRef);
    List<String> out = new ArrayList<>();
    if (value.isObject() && value.size() == 1) {
      String key = value.fieldNames().next();
      if (!schema.path("properties").has(key)) {
        String expected = definition == null ? null : WRAPPERS.get(definition);
        if (!key.equals(expected)) {
          out.add(what + ": root element '" + key + "' is neither a property of " + definition
              + " nor GeoServer's wrapper for it (" + expected + ")");
          return out;
        }
        value = value.get(key);
      }
    }
    value = xstreamMaps(doc, schema, value);
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("$schema", "http://json-schema.org/draft-04/schema#");
    root.set("definitions", doc.path("definitions"));
    root.setAll((ObjectNode) schemaRef.deepCopy());
    JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(root);
    Set<ValidationMessage> errors = s.validate(value);
    errors.forEach(m -> out.add(what + ": body does not match " + definition + ": " + m.getMessage()));
    return out;
  }

  /** Adaptation 2: XStream's {"entry": [...]} maps read as the arrays the Swagger models declare. */
  private static JsonNode xstreamMaps(JsonNode doc, JsonNode schemaNode, JsonNode value) {
    JsonNode schema = resolve(doc, schemaNode);
    String type = schema.path("type").asText();
    if (type.equals("array") && value.isObject() && value.size() == 1 && value.has("entry")) {
      JsonNode entries = value.get("entry");
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      JsonNode itemSchema = resolve(doc, schema.path("items"));
      boolean keyValue = itemSchema.path("properties").has("key") && !itemSchema.path("properties").has("@key");
      for (JsonNode e : entries.isArray() ? entries : JsonNodeFactory.instance.arrayNode().add(entries)) {
        if (keyValue && e.isObject()) {
          ObjectNode kv = JsonNodeFactory.instance.objectNode();
          e.fields().forEachRemaining(f -> kv.set(f.getKey().equals("@key") ? "key"
              : f.getKey().equals("$") ? "value" : f.getKey(), f.getValue()));
          list.add(kv);
        } else {
          list.add(e);
        }
      }
      return list;
    }
    if (type.equals("array") && value.isArray()) {
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      value.forEach(v -> list.add(xstreamMaps(doc, schema.path("items"), v)));
      return list;
    }
    if (value.isObject() && schema.has("properties")) {
      ObjectNode copy = ((ObjectNode) value).deepCopy();
      schema.get("properties").fields().forEachRemaining(p -> {
        if (copy.has(p.getKey())) {
          copy.set(p.getKey(), xstreamMaps(doc, p.getValue(), copy.get(p.getKey())));
        }
      });
      return copy;
    }
    return value;
  }
}
