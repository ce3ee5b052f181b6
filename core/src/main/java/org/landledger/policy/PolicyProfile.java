package org.landledger.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.io.InputDataException;

/**
 * 政策参数配置: a versioned policy profile — every rule parameter an analysis applies (prices per 亩, turnover
 * period, reclaimable codes, area standards, fee rates, …) with the document it comes from. Code never
 * holds a policy number; it asks the profile. A province profile {@code "extends"} the national default
 * and overrides what it must.
 *
 * <p>File format (JSON): {@code {"id", "version", "title", "extends"?, "parameters": {"linkage.turnoverYears":
 * {"value": 3, "unit": "年", "source": "…", "note": "…"}, …}}}.
 */
public final class PolicyProfile {

  /** One parameter with its provenance. */
  public record Parameter(String key, JsonNode value, String unit, String source, String note, String profileId) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String NATIONAL_DEFAULT = "cn-national-default";

  private final String id;
  private final String version;
  private final String title;
  private final List<String> lineage;
  private final Map<String, Parameter> parameters;

  private PolicyProfile(String id, String version, String title, List<String> lineage, Map<String, Parameter> parameters) {
    this.id = id;
    this.version = version;
    this.title = title;
    this.lineage = List.copyOf(lineage);
    this.parameters = Collections.unmodifiableMap(parameters);
  }

  /** The shipped national default (rules and numbers from DOMAIN.md, each with its source). */
  public static PolicyProfile nationalDefault() {
    try (InputStream in = PolicyProfile.class.getResourceAsStream(NATIONAL_DEFAULT + ".json")) {
      return parse(JSON.readTree(in), NATIONAL_DEFAULT + ".json");
    } catch (IOException e) {
      throw new IllegalStateException("shipped policy profile unreadable", e);
    }
  }

  /** Loads a profile file; a profile that extends the national default is layered over it. */
  public static PolicyProfile load(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new InputDataException(file, "unreadable policy profile: " + e.getMessage(), e);
    }
    try {
      return parse(root, file.toString());
    } catch (IllegalArgumentException e) {
      throw new InputDataException(file, e.getMessage());
    }
  }

  /** The profiles shipped with LandLedger, by name (the file name without {@code .json}). */
  public static final List<String> SHIPPED = List.of(NATIONAL_DEFAULT, "example-province-homestead");

  /** A shipped profile by name (see {@link #SHIPPED}). */
  public static PolicyProfile shipped(String name) {
    if (!SHIPPED.contains(name)) {
      throw new IllegalArgumentException("no shipped policy profile " + name + "; shipped: " + String.join(", ", SHIPPED));
    }
    if (name.equals(NATIONAL_DEFAULT)) {
      return nationalDefault();
    }
    try (InputStream in = PolicyProfile.class.getResourceAsStream(name + ".json")) {
      return parse(JSON.readTree(in), name + ".json");
    } catch (IOException e) {
      throw new IllegalStateException("shipped policy profile " + name + " unreadable", e);
    }
  }

  /**
   * A profile named on the command line: a shipped profile's name (e.g. {@code example-province-homestead}),
   * else a file path; the national default when {@code nameOrFile} is null.
   */
  public static PolicyProfile resolve(String nameOrFile) {
    if (nameOrFile == null) {
      return nationalDefault();
    }
    return SHIPPED.contains(nameOrFile) ? shipped(nameOrFile) : load(Path.of(nameOrFile));
  }

  /** The profile from a file, or the national default when {@code file} is null. */
  public static PolicyProfile loadOrDefault(Path file) {
    return file == null ? nationalDefault() : load(file);
  }

  private static PolicyProfile parse(JsonNode root, String source) {
    String id = text(root, "id", source);
    String version = text(root, "version", source);
    String title = root.path("title").asText(id);
    Map<String, Parameter> params = new LinkedHashMap<>();
    List<String> lineage = new ArrayList<>();
    if (root.hasNonNull("extends")) {
      String parent = root.get("extends").asText();
      if (!parent.equals(NATIONAL_DEFAULT)) {
        throw new IllegalArgumentException("profile " + id + " extends unknown profile " + parent
            + " (only " + NATIONAL_DEFAULT + " can be extended)");
      }
      PolicyProfile base = nationalDefault();
      params.putAll(base.parameters);
      lineage.addAll(base.lineage);
    }
    lineage.add(id + "@" + version);
    JsonNode ps = root.path("parameters");
    if (!ps.isObject()) {
      throw new IllegalArgumentException("profile " + id + " has no \"parameters\" object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = ps.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode p = e.getValue();
      if (!p.has("value")) {
        throw new IllegalArgumentException("parameter " + e.getKey() + " has no \"value\"");
      }
      if (!p.hasNonNull("source") || p.get("source").asText().isBlank()) {
        throw new IllegalArgumentException("parameter " + e.getKey() + " cites no \"source\"");
      }
      params.put(e.getKey(), new Parameter(e.getKey(), p.get("value"), p.path("unit").asText(null),
          p.get("source").asText(), p.path("note").asText(null), id));
    }
    return new PolicyProfile(id, version, title, lineage, params);
  }

  private static String text(JsonNode root, String field, String source) {
    if (!root.hasNonNull(field)) {
      throw new IllegalArgumentException(source + ": policy profile needs \"" + field + "\"");
    }
    return root.get(field).asText();
  }

  public String id() {
    return id;
  }

  public String version() {
    return version;
  }

  public String title() {
    return title;
  }

  /** Profiles applied, base first, as "id@version". */
  public List<String> lineage() {
    return lineage;
  }

  public boolean has(String key) {
    return parameters.containsKey(key);
  }

  /** A parameter, or an error naming the profile and key (a rule must not run on a guessed number). */
  public Parameter parameter(String key) {
    Parameter p = parameters.get(key);
    if (p == null) {
      throw new IllegalArgumentException("policy profile " + id + "@" + version + " has no parameter " + key
          + "; set it in a profile (--policy) or pass it as an option");
    }
    return p;
  }

  public double number(String key) {
    JsonNode v = parameter(key).value();
    if (!v.isNumber()) {
      throw new IllegalArgumentException("policy parameter " + key + " is not a number: " + v);
    }
    return v.asDouble();
  }

  public String text(String key) {
    return parameter(key).value().asText();
  }

  public List<String> strings(String key) {
    JsonNode v = parameter(key).value();
    List<String> out = new ArrayList<>();
    v.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** All parameters, for reports ("the policy parameters used with their sources"). */
  public Map<String, Parameter> parameters() {
    return parameters;
  }

  /** Parameters whose key starts with {@code prefix} (e.g. "linkage."). */
  public Map<String, Parameter> section(String prefix) {
    Map<String, Parameter> m = new LinkedHashMap<>();
    parameters.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        m.put(k, v);
      }
    });
    return m;
  }

  /** A JSON-friendly description: id, version, lineage and the given parameters with sources. */
  public Map<String, Object> describe(String prefix) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("version", version);
    m.put("title", title);
    m.put("lineage", lineage);
    Map<String, Object> ps = new LinkedHashMap<>();
    section(prefix).forEach((k, p) -> {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("value", JSON.convertValue(p.value(), Object.class));
      if (p.unit() != null) {
        d.put("unit", p.unit());
      }
      d.put("source", p.source());
      if (p.note() != null) {
        d.put("note", p.note());
      }
      ps.put(k, d);
    });
    m.put("parameters", ps);
    return m;
  }
}
