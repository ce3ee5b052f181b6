package org.landledger.server.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.landledger.io.InputDataException;
import org.landledger.io.Layers;
import org.landledger.io.ReadOptions;

/**
 * 图层目录: every dataset found under the data folders, by public name. Discovery goes only through
 * {@link Layers#formatOf}/{@link Layers#layerNames}/{@link Layers#open}, so any format registered with
 * the core (shapefile, GeoPackage tables, GeoJSON, …) is served without change here. The catalog holds
 * sources, not features: {@link #scan} reads each layer's metadata (schema, CRS, count, extent) and every
 * request reads what it needs through the store's query ({@link LayerSource}).
 *
 * <p>Names are the file or table name reduced to letters, digits, '_', '-' and '.', never starting with a
 * digit or '.' (they become XML element names in WFS); collisions get a suffix {@code _2}, {@code _3}, …
 * and are logged. A dataset that cannot be opened is logged in one line and skipped: one bad file must not
 * keep the other layers off the map.
 */
public final class Catalog {

  private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}_.\\-]");
  private static final int MAX_DEPTH = 8;

  private static final long MAX_SUMMARY_BYTES = 256 * 1024;

  // Copy-on-write: requests iterate a consistent snapshot while uploads and finished runs add layers.
  private volatile Map<String, ServedLayer> layers = Map.of();
  private volatile Map<String, Map<String, Object>> summaries = Map.of();
  private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  public Catalog(Collection<ServedLayer> layers) {
    Map<String, ServedLayer> m = new LinkedHashMap<>();
    for (ServedLayer l : layers) {
      if (m.putIfAbsent(l.name(), l) != null) {
        throw new IllegalArgumentException("duplicate layer name " + l.name());
      }
    }
    this.layers = java.util.Collections.unmodifiableMap(m);
  }

  /**
   * Adds layers all at once or not at all: when any name is already served (case-insensitively, as
   * WFS type names are compared) nothing is added and an {@link IllegalArgumentException} names it.
   */
  public synchronized void add(Collection<ServedLayer> added) {
    Map<String, ServedLayer> m = new LinkedHashMap<>(layers);
    java.util.Set<String> taken = new java.util.HashSet<>();
    m.keySet().forEach(k -> taken.add(k.toLowerCase(Locale.ROOT)));
    for (ServedLayer l : added) {
      if (!taken.add(l.name().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("layer name " + l.name() + " is already served");
      }
      m.put(l.name(), l);
    }
    layers = java.util.Collections.unmodifiableMap(m);
    changed();
  }

  /** Called after every change of the served layers (e.g. to drop cached tiles). */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  private void changed() {
    listeners.forEach(Runnable::run);
  }

  /** Adds a run's summary JSON under its group (shown by the viewer next to the group's layers). */
  public synchronized void addSummary(String group, String file, Map<String, Object> summary) {
    Map<String, Map<String, Object>> m = new LinkedHashMap<>(summaries);
    Map<String, Object> g = new LinkedHashMap<>(m.getOrDefault(group, Map.of()));
    g.put(file, summary);
    m.put(group, java.util.Collections.unmodifiableMap(g));
    summaries = java.util.Collections.unmodifiableMap(m);
  }

  /** Removes every layer of a group (closing its sources) and its summaries; returns how many layers went. */
  public synchronized int removeGroup(String group) {
    Map<String, ServedLayer> m = new LinkedHashMap<>(layers);
    List<ServedLayer> gone = m.values().stream().filter(l -> group.equals(l.group())).toList();
    m.values().removeAll(gone);
    layers = java.util.Collections.unmodifiableMap(m);
    Map<String, Map<String, Object>> s = new LinkedHashMap<>(summaries);
    s.remove(group);
    summaries = java.util.Collections.unmodifiableMap(s);
    gone.forEach(ServedLayer::close);
    changed();
    return gone.size();
  }

  /** Closes every source (server shutdown). */
  public synchronized void close() {
    layers.values().forEach(ServedLayer::close);
  }

  /** Whether a public name is served (case-insensitively). */
  public boolean contains(String name) {
    return layers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name));
  }

  /**
   * Opens every dataset under {@code dir} (a folder or one file) strictly — each is read through once, so any
   * unreadable record or a dataset without a coordinate system fails the whole load with an
   * {@link InputDataException} — naming each layer {@code prefix + safeName(layer)}. Only the sources are kept,
   * not the features. Nothing is added to the catalog: pass the result to {@link #add}.
   */
  public static List<ServedLayer> load(Path dir, String prefix, String group, ReadOptions options) {
    List<String[]> found = new ArrayList<>();
    try (Stream<Path> s = Files.isDirectory(dir) ? Files.walk(dir, MAX_DEPTH) : Stream.of(dir)) {
      for (Path file : s.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
        if (isDataset(file)) {
          found.addAll(datasetsIn(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan " + dir, e);
    }
    List<ServedLayer> out = new ArrayList<>();
    java.util.Set<String> taken = new java.util.HashSet<>();
    try {
      for (String[] f : found) {
        LayerSource source = LayerSource.open(f[0], options);
        String name = uniqueName(safeName(prefix + f[1]), taken);
        out.add(new ServedLayer(name, f[0], source, group));
        if (source.crs() == null) {
          throw new InputDataException(Path.of(f[0].replaceFirst("#.*$", "")), null, null,
              "no coordinate system (.prj or srs): cannot be served");
        }
        readThrough(source);
      }
    } catch (RuntimeException e) {
      out.forEach(ServedLayer::close);
      throw e;
    }
    return out;
  }

  /** Reads every feature once (and drops it): a strict check that the whole dataset reads. */
  private static void readThrough(LayerSource source) {
    try (org.landledger.io.query.FeatureCursor c = source.query(org.landledger.io.query.Query.all())) {
      while (c.hasNext()) {
        c.next();
      }
    }
  }

  /** A file served as layers: one a core format reads, that is neither a run summary nor another JSON document. */
  private static boolean isDataset(Path file) {
    return summary(file) == null && handled(file) && !jsonDocument(file);
  }

  /**
   * The layers of one file as {location, proposed name}: single-layer files are named by the file (what users
   * see in the folder), containers (GeoPackage) by table.
   */
  private static List<String[]> datasetsIn(Path file) {
    List<String> names = Layers.layerNames(file);
    String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    boolean container = Layers.extension(file).equals("gpkg");
    if (names.size() == 1 && !container && !file.getFileName().toString().contains("#")) {
      return List.<String[]>of(new String[] {file.toString(), stem});
    }
    return names.stream().map(n -> new String[] {file + "#" + n, n}).toList();
  }

  /** {@code base}, or {@code base_2}, {@code base_3}, … — the first not yet in {@code taken} (lower case), which it joins. */
  private static String uniqueName(String base, java.util.Set<String> taken) {
    String name = base;
    for (int k = 2; !taken.add(name.toLowerCase(Locale.ROOT)); k++) {
      name = base + "_" + k;
    }
    return name;
  }

  /** The summary JSON files of a result folder (top level), by file name; see {@link #summary}. */
  public static Map<String, Map<String, Object>> summariesIn(Path dir) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path file : s.filter(Files::isRegularFile).sorted().toList()) {
        Object o = summary(file);
        if (o instanceof Map<?, ?> m) {
          @SuppressWarnings("unchecked") Map<String, Object> mm = (Map<String, Object>) m;
          out.put(file.getFileName().toString(), mm);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return out;
  }

  /**
   * Scans folders (recursively) for datasets and opens them (metadata only). A dataset that cannot be opened or
   * has no coordinate system is logged in one line and skipped.
   */
  public static Catalog scan(List<Path> dirs, ReadOptions options, Consumer<String> log) {
    List<String[]> found = new ArrayList<>(); // {location, proposed name, group}
    Map<String, Map<String, Object>> summaries = new LinkedHashMap<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("--data " + dir + ": not a directory");
      }
      try (Stream<Path> s = Files.walk(dir, MAX_DEPTH)) {
        for (Path file : s.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
          Path parent = dir.relativize(file.getParent() == null ? dir : file.getParent());
          String group = parent.toString().isEmpty() ? null : safeName(parent.toString().replace('/', '_').replace('\\', '_'));
          Object summary = summary(file);
          if (summary != null) {
            summaries.computeIfAbsent(group == null ? "" : group, k -> new LinkedHashMap<>())
                .put(file.getFileName().toString(), summary);
            continue;
          }
          if (!handled(file) || jsonDocument(file)) {
            continue;
          }
          try {
            for (String[] d : datasetsIn(file)) {
              found.add(new String[] {d[0], d[1], group});
            }
          } catch (RuntimeException e) {
            log.accept("skipped " + file + ": " + e.getMessage());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot scan " + dir, e);
      }
    }
    List<ServedLayer> out = new ArrayList<>();
    java.util.Set<String> taken = new java.util.HashSet<>();
    for (String[] f : found) {
      LayerSource source;
      try {
        source = LayerSource.open(f[0], options);
      } catch (RuntimeException e) {
        log.accept("skipped " + f[0] + ": " + oneLine(e));
        continue;
      }
      if (source.crs() == null) {
        source.close();
        log.accept("skipped " + f[0] + ": no coordinate system (.prj); start with --crs EPSG:nnnn to state it");
        continue;
      }
      String base = safeName(f[1]);
      String name = uniqueName(base, taken);
      if (!name.equals(base)) {
        log.accept("layer name " + base + " already taken: " + f[0] + " served as " + name);
      }
      out.add(new ServedLayer(name, f[0], source, f[2]));
    }
    Catalog c = new Catalog(out);
    c.summaries = java.util.Collections.unmodifiableMap(summaries);
    return c;
  }

  private static String oneLine(RuntimeException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /**
   * An analysis run's summary: a {@code .json} file (not {@code .geojson}) of at most 256 KB whose top level
   * is an object that is not GeoJSON. Returns the parsed object, or null when the file is anything else.
   */
  private static Object summary(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!n.endsWith(".json")) {
      return null;
    }
    try {
      if (Files.size(file) > MAX_SUMMARY_BYTES) {
        return null;
      }
      var node = org.landledger.io.Json.MAPPER.readTree(file.toFile());
      if (node == null || !node.isObject()) {
        return null;
      }
      String type = node.path("type").asText("");
      if (type.equals("FeatureCollection") || type.equals("Feature")) {
        return null;
      }
      return org.landledger.io.Json.MAPPER.convertValue(node, Map.class);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * A {@code .json} file that is a JSON document but not GeoJSON (an analysis's full result, e.g. a homestead.json
   * too large to be a summary): not a layer. Reads only the top-level member names (streaming), not the values.
   */
  private static boolean jsonDocument(Path file) {
    if (!Layers.extension(file).equals("json")) {
      return false;
    }
    try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(file.toFile())) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        return false; // not an object: let the GeoJSON reader say what is wrong
      }
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("type")) {
          String type = p.getValueAsString("");
          return !(type.equals("FeatureCollection") || type.equals("Feature"));
        }
        p.skipChildren();
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean handled(Path file) {
    try {
      Layers.formatOf(file);
      return true;
    } catch (InputDataException e) {
      return false;
    }
  }

  /** A file or table name made safe as a URL segment and an XML NCName. */
  public static String safeName(String raw) {
    String s = UNSAFE.matcher(raw.trim()).replaceAll("_");
    if (s.isEmpty() || !Character.isLetter(s.charAt(0)) && s.charAt(0) != '_') {
      s = "_" + s;
    }
    return s;
  }

  /** The served layers: a snapshot, unchanged by later additions. */
  public Collection<ServedLayer> layers() {
    return layers.values();
  }

  /** A layer by its public name (exact; names that are not in the catalog are never resolved as paths). */
  public Optional<ServedLayer> layer(String name) {
    return Optional.ofNullable(name == null ? null : layers.get(name));
  }

  /** Layer groups (one per analysis-run folder) with their layers, in catalog order. */
  public Map<String, List<ServedLayer>> groups() {
    Map<String, List<ServedLayer>> g = new LinkedHashMap<>();
    for (ServedLayer l : layers.values()) {
      if (l.group() != null) {
        g.computeIfAbsent(l.group(), k -> new ArrayList<>()).add(l);
      }
    }
    return g;
  }

  /** Summary JSON files by group ("" for the top level) and file name. */
  public Map<String, Map<String, Object>> summaries() {
    return summaries;
  }

  public int size() {
    return layers.size();
  }
}
