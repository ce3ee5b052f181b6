package org.landledger.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.landledger.io.InputDataException;
import org.landledger.io.ReadOptions;
import org.landledger.io.ShapefileIndexCheck;
import org.landledger.server.Limits;
import org.landledger.server.catalog.Catalog;
import org.landledger.server.catalog.LayerSource;
import org.landledger.server.catalog.ServedLayer;

/**
 * 上传数据集: datasets uploaded over HTTP, kept under {@code <state>/uploads/<dataset>/} and served as the
 * layer group {@code <dataset>} with layers {@code <dataset>_<layer>} (layer = shapefile stem or GeoPackage
 * table, made safe; collisions inside a dataset get {@code _2}, …).
 *
 * <p>An upload is all or nothing: the body is streamed (with a byte cap) into {@code uploads/.tmp-<random>/},
 * checked to be what it claims, extracted there ({@link ZipExtractor}), its GeoPackages and shapefiles checked
 * for what the readers would trust ({@link GeoPackageCheck}, {@link ShapefileIndexCheck}), read through strictly
 * with {@link Catalog#load} (a bad .dbf, a missing .prj → refused, naming file, feature and field), and only then
 * renamed atomically to {@code uploads/<dataset>/} and added to the catalog (served from there, not held in memory). The temporary folder is deleted
 * whatever happens; leftovers of a killed server ({@code .tmp-*}, {@code .trash-*}) are deleted on start, and
 * the datasets found there are served again.
 */
public final class UploadStore {

  /** Dataset names: a letter or '_' first, then letters, digits, '_' or '-' (no dots: never a path trick). */
  private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_\\-]{0,63}");
  private static final Pattern WINDOWS_RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com\\d|lpt\\d)");
  private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path root;
  private final Catalog catalog;
  private final Limits limits;
  private final Map<String, List<ServedLayer>> datasets = new TreeMap<>();
  /** Uploads processed at once: each may hold a large dataset in memory while it is read. */
  static final int MAX_CONCURRENT = 2;
  private final Semaphore slots = new Semaphore(MAX_CONCURRENT);

  /** What an upload became: its name and its served layers. */
  public record Dataset(String name, List<ServedLayer> layers) {}

  /** What the body is (by its first bytes). */
  enum Kind { ZIP, GEOPACKAGE }

  public UploadStore(Path root, Catalog catalog, Limits limits) {
    this.root = root.toAbsolutePath().normalize();
    this.catalog = catalog;
    this.limits = limits;
  }

  public Path root() {
    return root;
  }

  /**
   * Deletes what a killed server left half-done and serves every dataset folder again. A dataset that no
   * longer reads, or whose names are now taken, is logged and left on disk (not served).
   */
  public synchronized void restore(Consumer<String> log) {
    try {
      Files.createDirectories(root);
      List<Path> dirs;
      try (Stream<Path> s = Files.list(root)) {
        dirs = s.sorted().toList();
      }
      for (Path d : dirs) {
        String n = d.getFileName().toString();
        if (n.startsWith(".tmp-") || n.startsWith(".trash-")) {
          deleteTree(d);
          continue;
        }
        if (!Files.isDirectory(d) || n.startsWith(".")) {
          continue;
        }
        if (!NAME.matcher(n).matches()) {
          log.accept(d + ": not a dataset name, ignored");
          continue;
        }
        List<ServedLayer> layers = List.of();
        try {
          layers = Catalog.load(d, n + "_", n, ReadOptions.DEFAULT);
          if (layers.isEmpty()) {
            log.accept("upload " + n + " not served: no layers left in " + d);
            continue;
          }
          checkFree(n, false);
          catalog.add(layers);
          datasets.put(n, List.copyOf(layers));
        } catch (RuntimeException e) {
          layers.forEach(ServedLayer::close);
          log.accept("upload " + n + " not served: " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root, e);
    }
  }

  /**
   * Receives one upload: {@code body} is read at most to the upload cap plus one byte; {@code contentType} is
   * the claim checked against the first bytes ({@code application/octet-stream} or none: by the bytes alone).
   */
  public Dataset receive(InputStream body, long contentLength, String contentType, String requestedName) {
    String name = requestedName == null || requestedName.isBlank() ? generatedName() : checkName(requestedName.trim());
    Kind claimed = claimed(contentType);
    synchronized (this) {
      checkFree(name, true);
    }
    if (contentLength > limits.maxUploadBytes()) {
      throw UploadRefused.tooLarge("upload of " + contentLength + " bytes, more than the " + limits.maxUploadBytes() + " allowed");
    }
    if (!slots.tryAcquire()) {
      throw new UploadRefused(429, "Busy", MAX_CONCURRENT + " uploads are being processed: try again shortly");
    }
    Path tmp;
    try {
      Files.createDirectories(root);
      tmp = Files.createDirectory(root.resolve(".tmp-" + random()));
    } catch (IOException e) {
      slots.release();
      throw new UncheckedIOException("cannot create an upload folder under " + root, e);
    }
    try {
      Path file = tmp.resolve("upload.bin");
      long size = copyCapped(body, file);
      if (size == 0) {
        throw new UploadRefused(400, "EmptyBody", "empty request body: send a zipped shapefile set or a GeoPackage");
      }
      Kind kind = sniff(file, claimed);
      Path data = Files.createDirectory(tmp.resolve("data"));
      if (kind == Kind.ZIP) {
        ZipExtractor.extract(file, data, limits);
      } else {
        Files.move(file, data.resolve(name + ".gpkg"));
      }
      List<ServedLayer> layers = read(data, name);
      return commit(name, tmp, data, layers);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store upload " + name, e);
    } finally {
      deleteTree(tmp);
      slots.release();
    }
  }

  /** Uploads being received or read right now. */
  int active() {
    return MAX_CONCURRENT - slots.availablePermits();
  }

  /** The datasets served, by name. */
  public synchronized List<Dataset> list() {
    return datasets.entrySet().stream().map(e -> new Dataset(e.getKey(), e.getValue())).toList();
  }

  public synchronized Optional<Dataset> get(String name) {
    List<ServedLayer> l = datasets.get(name);
    return l == null ? Optional.empty() : Optional.of(new Dataset(name, l));
  }

  /**
   * Stops serving a dataset and deletes its folder (renamed to {@code .trash-…} first, so a crash mid-delete
   * never brings half a dataset back on restart). Returns the layers removed, or empty when no such upload.
   */
  public Optional<Dataset> delete(String name) {
    Path trash;
    List<ServedLayer> layers;
    synchronized (this) {
      layers = datasets.remove(name);
      if (layers == null) {
        return Optional.empty();
      }
      catalog.removeGroup(name);
      trash = root.resolve(".trash-" + random());
      try {
        Files.move(root.resolve(name), trash, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove upload " + name, e);
      }
    }
    deleteTree(trash);
    return Optional.of(new Dataset(name, layers));
  }

  // ---- steps ----

  private List<ServedLayer> read(Path data, String name) throws IOException {
    List<ServedLayer> layers;
    try {
      checkFiles(data);
      layers = Catalog.load(data, name + "_", name, ReadOptions.DEFAULT);
    } catch (InputDataException e) {
      String file = e.file() == null ? null : relative(data, e.file());
      throw new UploadRefused(422, "InvalidData", new InputDataException(file, e.featureId(), e.field(),
          hidePaths(strip(e.getMessage(), e), data), null).getMessage());
    } catch (RuntimeException e) {
      throw new UploadRefused(422, "InvalidData", "unreadable upload: " + hidePaths(String.valueOf(e.getMessage()), data));
    }
    if (layers.isEmpty()) {
      throw new UploadRefused(422, "NoDataset", "the upload holds no readable layer");
    }
    return layers;
  }

  /**
   * The checks the readers lack, before they open anything: every GeoPackage through {@link GeoPackageCheck}
   * (no views, no foreign triggers, a time bound), every shapefile's index and record headers through
   * {@link ShapefileIndexCheck} (nothing points past the end, no record claims more than the file holds).
   */
  private static void checkFiles(Path data) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(data)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
      if (n.endsWith(".gpkg")) {
        GeoPackageCheck.check(f, GeoPackageCheck.DEFAULT_BUDGET);
      } else if (n.endsWith(".shp")) {
        ShapefileIndexCheck.check(f);
      }
    }
  }

  /** Moves the checked folder into place and serves it, or refuses with 409 when the name was taken meanwhile. */
  private synchronized Dataset commit(String name, Path tmp, Path data, List<ServedLayer> loaded) throws IOException {
    checkFree(name, true);
    Path target = root.resolve(name);
    Files.move(data, target, StandardCopyOption.ATOMIC_MOVE);
    List<ServedLayer> layers = new ArrayList<>();
    try {
      for (ServedLayer l : loaded) {
        // Same layer, read from the final folder from now on (the temporary one is about to go).
        String source = target + l.source().substring(data.toString().length());
        layers.add(new ServedLayer(l.name(), source, LayerSource.open(source, ReadOptions.DEFAULT), l.group()));
      }
      catalog.add(layers);
    } catch (IllegalArgumentException e) {
      layers.forEach(ServedLayer::close);
      Files.move(target, tmp.resolve("data"), StandardCopyOption.ATOMIC_MOVE);
      throw new UploadRefused(409, "Conflict", e.getMessage());
    } finally {
      loaded.forEach(ServedLayer::close);
    }
    datasets.put(name, List.copyOf(layers));
    return new Dataset(name, List.copyOf(layers));
  }

  /** 409 when the dataset, (if {@code folder}) its folder, a layer group or a layer of that name already exists. */
  private void checkFree(String name, boolean folder) {
    String lower = name.toLowerCase(Locale.ROOT);
    boolean taken = datasets.keySet().stream().anyMatch(d -> d.equalsIgnoreCase(name))
        || folder && Files.exists(root.resolve(name))
        || catalog.groups().keySet().stream().anyMatch(g -> g.toLowerCase(Locale.ROOT).equals(lower))
        || catalog.contains(name);
    if (taken) {
      throw new UploadRefused(409, "Conflict", "dataset name " + name + " is already in use: choose another ?name=");
    }
  }

  private long copyCapped(InputStream body, Path file) throws IOException {
    long max = limits.maxUploadBytes();
    long total = 0;
    byte[] buf = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (int n; (n = readBody(body, buf)) > 0; ) {
        total += n;
        if (total > max) {
          throw UploadRefused.tooLarge("upload larger than the " + max + " bytes allowed");
        }
        out.write(buf, 0, n);
      }
    }
    return total;
  }

  /** Reads the request body; the client going away mid-upload is its problem (400), not an internal error. */
  private static int readBody(InputStream body, byte[] buf) {
    try {
      return body.read(buf);
    } catch (IOException e) {
      throw new UploadRefused(400, "IncompleteBody", "the upload was interrupted: " + e.getMessage());
    }
  }

  /** The kind the Content-Type claims, or null when it leaves it to the bytes. */
  static Kind claimed(String contentType) {
    String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).replaceFirst(";.*", "").trim();
    return switch (t) {
      case "application/zip", "application/x-zip-compressed", "application/x-zip" -> Kind.ZIP;
      case "application/geopackage+sqlite3", "application/x-sqlite3", "application/vnd.sqlite3" -> Kind.GEOPACKAGE;
      case "", "application/octet-stream" -> null;
      default -> throw new UploadRefused(415, "UnsupportedMediaType", "Content-Type " + UploadRefused.printable(t)
          + " not accepted: send application/zip (zipped shapefile set) or application/geopackage+sqlite3");
    };
  }

  /**
   * What the first bytes say: a zip local header {@code PK\3\4}, or the SQLite header with the GeoPackage
   * {@code application_id} ('GPKG', or 'GP10'/'GP11' of GeoPackage 1.0/1.1) — or 0, a plain SQLite file, which
   * the GeoPackage reader then refuses unless it has a {@code gpkg_contents} table. Must match the claim.
   */
  static Kind sniff(Path file, Kind claimed) throws IOException {
    byte[] head = new byte[72];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    Kind kind = null;
    if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      kind = Kind.ZIP;
    } else if (n >= 72 && Arrays.equals(head, 0, 16, SQLITE, 0, 16)) {
      String appId = new String(head, 68, 4, StandardCharsets.ISO_8859_1);
      if (!(appId.equals("GPKG") || appId.equals("GP10") || appId.equals("GP11") || appId.equals("\0\0\0\0"))) {
        throw new UploadRefused(415, "UnsupportedMediaType", "an SQLite database but not a GeoPackage (application_id "
            + UploadRefused.printable(appId) + ")");
      }
      kind = Kind.GEOPACKAGE;
    }
    if (kind == null) {
      boolean emptyZip = n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 5 && head[3] == 6;
      throw new UploadRefused(emptyZip ? 422 : 415, emptyZip ? "NoDataset" : "UnsupportedMediaType", emptyZip
          ? "empty zip archive" : claimed == Kind.ZIP ? "the body is not a zip archive"
          : claimed == Kind.GEOPACKAGE ? "the body is not a GeoPackage (SQLite) file"
          : "the body is neither a zip archive nor a GeoPackage");
    }
    if (claimed != null && claimed != kind) {
      throw new UploadRefused(415, "UnsupportedMediaType", "Content-Type says " + (claimed == Kind.ZIP ? "zip" : "GeoPackage")
          + " but the body is a " + (kind == Kind.ZIP ? "zip archive" : "GeoPackage"));
    }
    return kind;
  }

  static String checkName(String name) {
    if (!NAME.matcher(name).matches() || WINDOWS_RESERVED.matcher(name).matches()) {
      throw new UploadRefused(400, "InvalidParameterValue", "dataset name \"" + UploadRefused.printable(name)
          + "\": use 1–64 letters, digits, '_' or '-', starting with a letter or '_'");
    }
    return name;
  }

  private static String generatedName() {
    return "upload_" + random();
  }

  private static String random() {
    byte[] b = new byte[5];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A path inside the upload folder as the client knows it (relative, '/'-separated). */
  private static String relative(Path data, String file) {
    try {
      Path p = Path.of(file).toAbsolutePath().normalize();
      Path d = data.toAbsolutePath().normalize();
      return p.startsWith(d) ? d.relativize(p).toString().replace('\\', '/') : p.getFileName().toString();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The message without the "file, feature, field: " prefix that {@link InputDataException} composed. */
  private static String strip(String message, InputDataException e) {
    String prefix = new InputDataException(e.file(), e.featureId(), e.field(), "", null).getMessage();
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  private static String hidePaths(String message, Path data) {
    return message.replace(data.toAbsolutePath().normalize() + "/", "").replace(data.toAbsolutePath().normalize().toString(), "");
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("landledger serve: cannot delete " + dir + ": " + e.getMessage());
    }
  }
}
