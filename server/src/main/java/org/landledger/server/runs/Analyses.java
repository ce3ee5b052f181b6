package org.landledger.server.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 可运行的分析: the analyses the server runs, with their input roles (layers of the catalog) and parameters,
 * named in camelCase after the CLI options ({@code --permanent-farmland} → {@code permanentFarmland}).
 * A request is checked against this table before it is queued, and turned into CLI arguments with
 * {@code --option=value} (so that no value can pass for another option).
 *
 * <p>Options that name a server file (grain tables, coefficient tables, rasters, salt files, the quota ledger)
 * or service (the Spark master) are refused over HTTP: a client must not make the server read (or write) an arbitrary path. Those runs are
 * for the command line. {@code policy} is accepted as the name of a shipped profile only.
 */
public final class Analyses {

  /** How a parameter's JSON value becomes CLI arguments. */
  public enum Kind { TEXT, NUMBER, FLAG, TEXTS }

  /** A parameter: its CLI option, kind, whether it must be given, and the allowed values (empty: any). */
  public record Param(String option, Kind kind, boolean required, Set<String> choices) {
    static Param text(String option) {
      return new Param(option, Kind.TEXT, false, Set.of());
    }

    static Param number(String option) {
      return new Param(option, Kind.NUMBER, false, Set.of());
    }
  }

  /** An input role: its CLI option and whether it must be given. */
  public record Role(String option, boolean required) {}

  /** One analysis: CLI command, input roles, parameters, refused file parameters, summary JSON file. */
  public record Analysis(String name, Map<String, Role> roles, Map<String, Param> params, Set<String> refused,
      String summaryFile) {

    /** Checks a request; throws {@link IllegalArgumentException} naming the first problem. */
    public void check(Map<String, String> inputs, Map<String, Object> values) {
      for (String role : inputs.keySet()) {
        if (!roles.containsKey(role)) {
          throw new IllegalArgumentException("unknown input role '" + role + "' for " + name + "; roles: "
              + String.join(", ", roles.keySet()));
        }
      }
      roles.forEach((role, r) -> {
        if (r.required() && !inputs.containsKey(role)) {
          throw new IllegalArgumentException("input role '" + role + "' is required for " + name);
        }
      });
      for (Map.Entry<String, Object> e : values.entrySet()) {
        String key = e.getKey();
        if (refused.contains(key)) {
          throw new IllegalArgumentException("parameter '" + key + "' names a file or service on the server and "
              + "is not accepted over HTTP; run `landledger " + name + "` on the command line for it");
        }
        Param p = params.get(key);
        if (p == null) {
          throw new IllegalArgumentException("unknown parameter '" + key + "' for " + name + "; parameters: "
              + String.join(", ", params.keySet()));
        }
        checkValue(key, p, e.getValue());
      }
      params.forEach((key, p) -> {
        if (p.required() && values.get(key) == null) {
          throw new IllegalArgumentException("parameter '" + key + "' is required for " + name);
        }
      });
    }

    private static void checkValue(String key, Param p, Object v) {
      if (v == null) {
        return;
      }
      boolean ok = switch (p.kind()) {
        case TEXT -> (v instanceof String s && !s.isBlank() || v instanceof Number)
            && (p.choices().isEmpty() || p.choices().contains(String.valueOf(v)));
        case NUMBER -> v instanceof Number n && Double.isFinite(n.doubleValue());
        case FLAG -> v instanceof Boolean;
        case TEXTS -> v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String || x instanceof Number);
      };
      if (!ok) {
        String what = switch (p.kind()) {
          case TEXT -> p.choices().isEmpty() ? "a non-empty text" : "one of " + String.join(", ", p.choices());
          case NUMBER -> "a number";
          case FLAG -> "true or false";
          case TEXTS -> "a list of texts";
        };
        throw new IllegalArgumentException("parameter '" + key + "' must be " + what + ", got " + v);
      }
    }

    /** CLI arguments: command, inputs (as file locations), parameters, extra arguments, {@code --out}. */
    public List<String> arguments(Map<String, String> sources, Map<String, Object> values, List<String> extra,
        Path out) {
      List<String> a = new ArrayList<>();
      a.add(name);
      sources.forEach((role, location) -> a.add(roles.get(role).option() + "=" + location));
      boolean pdf = false;
      for (Map.Entry<String, Object> e : values.entrySet()) {
        Object v = e.getValue();
        if (v == null) {
          continue;
        }
        if (e.getKey().equals("pdf")) {
          pdf = Boolean.TRUE.equals(v);
          continue;
        }
        Param p = params.get(e.getKey());
        switch (p.kind()) {
          case TEXT, NUMBER -> a.add(p.option() + "=" + text(v));
          case FLAG -> {
            if (Boolean.TRUE.equals(v)) {
              a.add(p.option());
            }
          }
          case TEXTS -> ((List<?>) v).forEach(x -> a.add(p.option() + "=" + text(x)));
        }
      }
      if (!pdf) {
        a.add("--no-pdf"); // report.html always; the PDF (seconds of font subsetting) only when asked
      }
      a.addAll(extra);
      a.add("--out=" + out);
      return a;
    }

    private static String text(Object v) {
      if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString(d.longValue());
      }
      return String.valueOf(v);
    }
  }

  private static final Map<String, Analysis> ALL = new LinkedHashMap<>();

  static {
    Map<String, Role> r = new LinkedHashMap<>();
    r.put("landuse", new Role("--landuse", true));
    r.put("permanentFarmland", new Role("--permanent-farmland", true));
    r.put("ecoRedline", new Role("--eco-redline", false));
    r.put("devBoundary", new Role("--dev-boundary", false));
    r.put("plan", new Role("--plan", true));
    r.put("xzq", new Role("--xzq", false));
    r.put("supplementary", new Role("--supplementary", false));
    Map<String, Param> p = common();
    p.put("planIdField", Param.text("--plan-id-field"));
    p.put("area", area("--area"));
    p.put("minOverlapM2", Param.number("--min-overlap-m2"));
    p.put("engine", engine());
    add(new Analysis("redline", r, p, Set.of("grainTable", "sparkMaster"), "redline.json"));

    r = new LinkedHashMap<>();
    r.put("landuse", new Role("--landuse", true));
    r.put("demolition", new Role("--demolition", true));
    r.put("construction", new Role("--construction", true));
    r.put("permanentFarmland", new Role("--permanent-farmland", false));
    r.put("ecoRedline", new Role("--eco-redline", false));
    r.put("supplementary", new Role("--supplementary", false));
    p = common();
    p.put("projectField", Param.text("--project-field"));
    p.put("reclaimedClassField", Param.text("--reclaimed-class-field"));
    p.put("reclaimedGradeField", Param.text("--reclaimed-grade-field"));
    p.put("plotIdField", Param.text("--plot-id-field"));
    p.put("reclaimedKcxsField", Param.text("--reclaimed-kcxs-field"));
    p.put("slopeField", Param.text("--slope-field"));
    p.put("pricePerMu", Param.number("--price-per-mu"));
    p.put("priceClass", new Param("--price-class", Kind.TEXT, false,
        Set.of("intra-county", "ordinary", "high-standard")));
    p.put("area", area("--area"));
    add(new Analysis("linkage", r, p, Set.of(), "linkage.json"));

    r = new LinkedHashMap<>();
    r.put("before", new Role("--before", true));
    r.put("after", new Role("--after", true));
    r.put("xzq", new Role("--xzq", false));
    p = common();
    p.put("regime", new Param("--regime", Kind.TEXT, false, Set.of("2017", "2024")));
    p.put("area", area("--area"));
    p.put("engine", engine());
    add(new Analysis("farmland-balance", r, p, Set.of("grainTable", "sparkMaster"), "balance.json"));

    r = new LinkedHashMap<>();
    r.put("parcels", new Role("--parcels", true));
    r.put("exits", new Role("--exits", false));
    r.put("resettlement", new Role("--resettlement", false));
    r.put("landuse", new Role("--landuse", false));
    r.put("permanentFarmland", new Role("--permanent-farmland", false));
    p = common();
    for (String f : List.of("ownerIdField", "householdField", "idField", "nameField", "areaField", "statusField",
        "exitField", "exitValue", "areaType", "areaTypeField", "householdSizeField")) {
      p.put(f, Param.text(option(f)));
    }
    p.put("idleValue", new Param("--idle-value", Kind.TEXTS, false, Set.of()));
    for (String f : List.of("standardM2", "householdStandardM2", "reclamationRate", "pricePerMu", "reclamationCostPerMu",
        "householdShare")) {
      p.put(f, Param.number(option(f)));
    }
    p.put("allowInvalidIds", new Param("--allow-invalid-ids", Kind.FLAG, false, Set.of()));
    p.put("planar", new Param("--planar", Kind.FLAG, false, Set.of()));
    add(new Analysis("homestead", r, p, Set.of("saltFile", "ledger", "ledgerHolder", "ledgerProject",
        "ledgerDate", "ledgerReference"), "homestead.json"));

    r = new LinkedHashMap<>();
    r.put("landuse", new Role("--landuse", true));
    r.put("landuseBefore", new Role("--landuse-before", false));
    r.put("by", new Role("--by", false));
    p = common();
    p.put("byField", Param.text("--by-field"));
    p.put("byNameField", Param.text("--by-name-field"));
    p.put("areaMode", new Param("--area-mode", Kind.TEXT, false, Set.of("ellipsoidal", "planar", "tbmj")));
    // D given as a number: the grain-table way of computing it reads a server file (refused below).
    p.put("unitValue", new Param("--unit-value", Kind.NUMBER, true, Set.of()));
    p.put("grainConvention", new Param("--grain-convention", Kind.TEXT, false, Set.of("net-profit", "one-seventh")));
    p.put("nppFactor", Param.number("--npp-factor"));
    p.put("precipitationFactor", Param.number("--precipitation-factor"));
    p.put("soilFactor", Param.number("--soil-factor"));
    p.put("allowOverlaps", new Param("--allow-overlaps", Kind.FLAG, false, Set.of()));
    p.put("overlapTolerance", Param.number("--overlap-tolerance"));
    p.put("engine", engine());
    add(new Analysis("esv", r, p, Set.of("sparkMaster", "grainTable", "coefficients", "mapping", "nppRaster", "nppMean",
        "precipitationRaster", "precipitationMean", "soilRaster", "soilMean"), "esv.json"));
  }

  private Analyses() {}

  private static void add(Analysis a) {
    ALL.put(a.name(), a);
  }

  private static Map<String, Param> common() {
    Map<String, Param> p = new LinkedHashMap<>();
    p.put("lang", new Param("--lang", Kind.TEXT, false, Set.of("zh", "en")));
    // Only the shipped profiles by name: a profile file would be a server path chosen by the client.
    p.put("policy", new Param("--policy", Kind.TEXT, false,
        new java.util.LinkedHashSet<>(org.landledger.policy.PolicyProfile.SHIPPED)));
    p.put("pdf", new Param("--no-pdf", Kind.FLAG, false, Set.of())); // true: also write report.pdf
    return p;
  }

  /**
   * The overlay engine; {@code sedona} runs on the server's own Spark master ({@code local[*]}) and needs the
   * spark module on the server's classpath — the run fails with the CLI's message otherwise. The Spark master
   * itself is not a client's choice.
   */
  private static Param engine() {
    return new Param("--engine", Kind.TEXT, false, Set.of("local", "sedona"));
  }

  private static Param area(String option) {
    return new Param(option, Kind.TEXT, false, Set.of("ellipsoidal", "planar"));
  }

  /** camelCase → {@code --kebab-case}. */
  public static String option(String camel) {
    return "--" + camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** The analysis named {@code name}; {@link IllegalArgumentException} naming the known ones otherwise. */
  public static Analysis of(String name) {
    Analysis a = name == null ? null : ALL.get(name);
    if (a == null) {
      throw new IllegalArgumentException("unknown analysis '" + name + "'; analyses: " + String.join(", ", ALL.keySet()));
    }
    return a;
  }

  public static Map<String, Analysis> all() {
    return java.util.Collections.unmodifiableMap(ALL);
  }
}
