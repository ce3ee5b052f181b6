package org.landledger.server.runs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.landledger.io.AtomicFiles;
import org.landledger.io.Json;
import org.landledger.io.ReadOptions;
import org.landledger.server.catalog.Catalog;
import org.landledger.server.catalog.ServedLayer;

/**
 * 分析运行管理: queues analysis runs, runs at most {@code workers} of them at once as child processes, and
 * publishes a finished run's layers as {@code <analysis>_<id>_<layer>} in the catalog (WMS, WFS, OGC API, viewer).
 *
 * <p>Folder of a run: {@code STATE/runs/<id>/} with {@code run.json} (the record, written atomically),
 * {@code log.txt} (the child's stdout), {@code work/} while it runs and {@code out/} once done. The child writes
 * into {@code work/out}; only after it exits with 0 is that folder moved to {@code out/} and published, so a
 * failed, cancelled or killed run never leaves layers or a half-written folder (its {@code work/} is deleted).
 * On start, done runs are published again, queued runs queued again, and runs found running (the server
 * stopped under them) are marked failed.
 */
public final class RunManager implements AutoCloseable {

  private static final Pattern ID = Pattern.compile("r([1-9][0-9]{0,8})");
  private static final Pattern PROGRESS = Pattern.compile("progress (\\d+) (\\d+)");
  private static final Pattern FILE_NAME = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_.\\-]*");
  private static final int TAIL_LINES = 20;
  private static final String LAST_ID = "last-id";
  private static final long MAX_ANALYSIS_JSON = 64L << 20;

  private final Catalog catalog;
  private final Path runsDir;
  private final RunOptions options;
  private final Consumer<String> log;
  private final Map<String, Run> runs = new LinkedHashMap<>();
  private final AtomicInteger counter = new AtomicInteger();
  private final ThreadPoolExecutor pool;
  private volatile boolean closing;

  public RunManager(Catalog catalog, Path stateDir, RunOptions options, Consumer<String> log) {
    this.catalog = catalog;
    this.runsDir = stateDir.resolve("runs").toAbsolutePath().normalize();
    this.options = options;
    this.log = log;
    AtomicInteger threads = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(options.workers(), options.workers(), 0, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "landledger-run-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    try {
      Files.createDirectories(runsDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + runsDir + ": " + e.getMessage(), e);
    }
  }

  /** Reads the runs kept in the state folder: republishes done runs, requeues queued ones, fails interrupted ones. */
  public void recover() {
    List<Run> found = new ArrayList<>();
    Path lastId = runsDir.resolve(LAST_ID);
    if (Files.isRegularFile(lastId)) {
      try {
        Matcher m = ID.matcher(Files.readString(lastId, StandardCharsets.UTF_8).trim());
        if (m.matches()) {
          counter.accumulateAndGet(Integer.parseInt(m.group(1)), Math::max);
        }
      } catch (IOException e) {
        log.accept("cannot read " + lastId + ": " + e.getMessage());
      }
    }
    try (Stream<Path> s = Files.list(runsDir)) {
      for (Path dir : s.filter(Files::isDirectory).toList()) {
        Path json = dir.resolve("run.json");
        Matcher m = ID.matcher(dir.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        counter.accumulateAndGet(Integer.parseInt(m.group(1)), Math::max);
        if (!Files.isRegularFile(json)) {
          log.accept("run " + dir.getFileName() + ": no run.json, skipped");
          continue;
        }
        try {
          @SuppressWarnings("unchecked") Map<String, Object> rec = Json.MAPPER.readValue(json.toFile(), Map.class);
          Run run = Run.fromRecord(rec);
          if (!dir.getFileName().toString().equals(run.id) || !Analyses.all().containsKey(run.analysis)) {
            throw new IllegalArgumentException("id or analysis does not match its folder");
          }
          found.add(run);
        } catch (IOException | RuntimeException e) {
          log.accept("run " + dir.getFileName() + ": unreadable run.json, skipped: " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + runsDir + ": " + e.getMessage(), e);
    }
    found.sort(Comparator.comparingInt(r -> Integer.parseInt(r.id.substring(1))));
    for (Run run : found) {
      synchronized (this) {
        runs.put(run.id, run);
      }
      switch (run.status) {
        case done -> {
          try {
            Results results = Results.load(run, dir(run).resolve("out"));
            synchronized (this) {
              results.addTo(catalog, run);
            }
          } catch (RuntimeException e) {
            fail(run, "results cannot be published again: " + String.valueOf(e.getMessage()).replace(dir(run).toString(), "(run folder)"));
          }
        }
        case queued -> pool.execute(() -> execute(run));
        case running -> fail(run, "interrupted: server stopped");
        default -> clean(run);
      }
    }
  }

  /** Checks and queues a run; throws {@link IllegalArgumentException} naming what is wrong. */
  public synchronized Map<String, Object> submit(String analysis, Map<String, String> inputs, Map<String, Object> params) {
    if (options.launcher() == null) {
      throw new IllegalStateException("runs are not available on this server");
    }
    Analyses.Analysis a = Analyses.of(analysis);
    a.check(inputs, params);
    Map<String, String> sources = new LinkedHashMap<>();
    inputs.forEach((role, name) -> {
      ServedLayer l = catalog.layer(name).orElseThrow(() ->
          new IllegalArgumentException("input '" + role + "': no layer named '" + name + "' is served"));
      sources.put(role, absolute(l.source()));
    });
    String id = "r" + counter.incrementAndGet();
    // Ids are never reused, not even those of deleted runs: a client polling an old id must not get another run.
    AtomicFiles.writeString(runsDir.resolve(LAST_ID), id + "\n");
    Run run = new Run(id, a.name(), inputs, sources, params, Run.now());
    try {
      Files.createDirectories(dir(run));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir(run) + ": " + e.getMessage(), e);
    }
    runs.put(id, run);
    save(run);
    pool.execute(() -> execute(run));
    return view(run);
  }

  public synchronized Optional<Map<String, Object>> get(String id) {
    Run r = runs.get(id);
    return r == null ? Optional.empty() : Optional.of(view(r));
  }

  public synchronized List<Map<String, Object>> list() {
    return runs.values().stream().map(this::view).toList();
  }

  /**
   * Cancels a queued or running run (the child process is killed, its work folder deleted), or deletes a finished
   * one (its layers leave the catalog, its folder is deleted). Returns the run's last view, or empty when unknown.
   */
  public Optional<Map<String, Object>> cancel(String id) {
    Process p;
    Map<String, Object> view;
    synchronized (this) {
      Run r = runs.get(id);
      if (r == null) {
        return Optional.empty();
      }
      if (r.finished()) {
        catalog.removeGroup(group(r));
        runs.remove(id);
        deleteTree(dir(r));
        Map<String, Object> v = view(r);
        v.put("status", "deleted");
        return Optional.of(v);
      }
      r.status = Run.Status.cancelled;
      r.finished = Run.now();
      r.error = "cancelled";
      p = r.process;
      save(r);
      view = view(r);
    }
    if (p != null) {
      kill(p); // the worker sees the run cancelled when the process ends, and deletes its work folder
      try {
        p.waitFor(10, TimeUnit.SECONDS); // answer once the child has stopped writing
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      synchronized (this) {
        clean(runs.get(id));
      }
    }
    return Optional.of(view);
  }

  /**
   * A result file of a done run: a plain file directly inside its {@code out} folder, by name (no separators,
   * no leading dot — nothing outside the folder can be named).
   */
  public synchronized Optional<Path> file(String id, String name) {
    Run r = runs.get(id);
    if (r == null || r.status != Run.Status.done || name == null || !FILE_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    Path out = dir(r).resolve("out");
    Path f = out.resolve(name).normalize();
    if (!out.equals(f.getParent()) || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return Optional.of(f);
  }

  // ------------------------------------------------------------------------------------------------ execution

  private void execute(Run run) {
    Analyses.Analysis a = Analyses.of(run.analysis);
    Path dir = dir(run);
    Path work = dir.resolve("work");
    Process p;
    synchronized (this) {
      if (run.status != Run.Status.queued || closing) {
        return;
      }
      try {
        deleteTree(work);
        Files.createDirectories(work);
        List<String> args = a.arguments(run.sources, run.params, options.extraArgs(), work.resolve("out"));
        p = options.launcher().start(args, dir.resolve("log.txt"));
      } catch (IOException | RuntimeException e) {
        fail(run, "cannot start the analysis: " + e.getMessage());
        return;
      }
      run.process = p;
      run.status = Run.Status.running;
      run.started = Run.now();
      save(run);
    }
    Deque<String> tail = new ArrayDeque<>();
    try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = err.readLine()) != null; ) {
        Matcher m = PROGRESS.matcher(line.trim());
        if (m.matches()) {
          long done = Long.parseLong(m.group(1));
          long total = Long.parseLong(m.group(2));
          if (total > 0) {
            synchronized (this) {
              // 1 means published: writing the outputs after the last step still takes a moment
              run.progress = Math.min(0.99, (double) done / total);
            }
          }
        } else if (!line.isBlank()) {
          tail.addLast(line);
          if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      // the process was killed under us: its exit code below decides
    }
    int exit;
    try {
      exit = p.waitFor();
    } catch (InterruptedException e) {
      kill(p);
      Thread.currentThread().interrupt();
      return; // the server is stopping: the record stays "running" and is failed on the next start
    }
    synchronized (this) {
      run.process = null;
      if (closing) {
        return;
      }
      if (run.status != Run.Status.running) { // cancelled meanwhile
        clean(run);
        return;
      }
      if (exit != 0) {
        fail(run, message(run, tail, exit));
        return;
      }
    }
    Path produced = work.resolve("out");
    Path out = dir.resolve("out");
    try {
      if (!Files.isDirectory(produced)) {
        throw new IllegalStateException("the analysis wrote no output");
      }
      move(produced, out);
      deleteTree(work);
      Results results = Results.load(run, out); // outside the lock: polls go on while a big result is read
      synchronized (this) {
        if (closing || run.status != Run.Status.running) {
          results.close();
          if (!closing) {
            clean(run);
          }
          return;
        }
        run.progress = 1;
        run.status = Run.Status.done;
        run.finished = Run.now();
        run.error = null;
        results.addTo(catalog, run);
        save(run);
      }
    } catch (RuntimeException e) {
      synchronized (this) {
        fail(run, "results cannot be published: " + String.valueOf(e.getMessage()).replace(dir.toString(), "(run folder)"));
      }
    }
  }

  /** A done run's results, read through strictly (all or nothing) and served from their files, ready to be added to the catalog. */
  private record Results(String group, List<ServedLayer> layers, Map<String, Map<String, Object>> summaries,
      Map<String, Object> analysisJson) {

    static Results load(Run run, Path out) {
      if (!Files.isDirectory(out)) {
        throw new IllegalStateException("result folder missing");
      }
      String group = RunManager.group(run);
      return new Results(group, Catalog.load(out, group + "_", group, ReadOptions.DEFAULT), Catalog.summariesIn(out),
          analysisJson(out.resolve(Analyses.of(run.analysis).summaryFile())));
    }

    /** The analysis's own JSON, read whatever its size (the catalog's summaries stop at 256 KB). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> analysisJson(Path file) {
      try {
        return Files.isRegularFile(file) && Files.size(file) < MAX_ANALYSIS_JSON
            ? Json.MAPPER.readValue(file.toFile(), Map.class) : null;
      } catch (IOException | RuntimeException e) {
        return null; // no summary, the results are still published
      }
    }

    void addTo(Catalog catalog, Run run) {
      try {
        catalog.add(layers);
      } catch (RuntimeException e) {
        close();
        throw e;
      }
      summaries.forEach((file, s) -> catalog.addSummary(group, file, s));
      run.layers = layers.stream().map(ServedLayer::name).toList();
      run.summary = summaryOf(analysisJson);
    }

    /** Closes the sources when the results are not published after all. */
    void close() {
      layers.forEach(ServedLayer::close);
    }
  }

  /** Marks a run failed (when not already finished otherwise), removes any layers and its work and out folders. */
  private synchronized void fail(Run run, String message) {
    if (run.status != Run.Status.cancelled) {
      run.status = Run.Status.failed;
      run.error = message;
    }
    run.finished = run.finished == null ? Run.now() : run.finished;
    run.layers = List.of();
    run.summary = null;
    catalog.removeGroup(group(run));
    clean(run);
    save(run);
  }

  private void clean(Run run) {
    if (run == null) {
      return;
    }
    deleteTree(dir(run).resolve("work"));
    if (run.status != Run.Status.done) {
      deleteTree(dir(run).resolve("out"));
    }
  }

  /**
   * The error of a failed run: the CLI's one-line message ({@code landledger: …}) or the last lines of stderr,
   * without stack frames, with server file paths replaced by the layer names the client knows.
   */
  private String message(Run run, Deque<String> tail, int exit) {
    List<String> lines = tail.stream().filter(l -> !l.startsWith("\tat ") && !l.startsWith("Caused by")
        && !l.startsWith("\t...")).toList();
    String msg = null;
    for (String l : lines) {
      if (l.startsWith("landledger: ")) {
        msg = l.substring("landledger: ".length());
      }
    }
    if (msg == null) {
      msg = lines.isEmpty() ? "the analysis stopped with exit code " + exit
          : String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
    for (Map.Entry<String, String> e : run.sources.entrySet()) {
      String name = run.inputs.get(e.getKey());
      msg = msg.replace(e.getValue(), name);
      String file = e.getValue().replaceFirst("#[^#]*$", "");
      msg = msg.replace(file, name);
    }
    msg = msg.replace(dir(run).toString(), "(run folder)");
    return msg.length() > 2000 ? msg.substring(0, 2000) + "…" : msg;
  }

  /**
   * The analysis JSON's summary: its "summary" (or "totals") object, or else its top level — the scalar members,
   * and the scalar members of member objects (lists left out: per-parcel detail stays in the downloads).
   */
  static Map<String, Object> summaryOf(Map<String, Object> json) {
    if (json == null) {
      return null;
    }
    Map<String, Object> src = json;
    for (String key : List.of("summary", "totals")) {
      if (json.get(key) instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked") Map<String, Object> mm = (Map<String, Object>) m;
        src = mm;
        break;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    src.forEach((k, v) -> {
      if (scalar(v)) {
        out.put(k, v);
      } else if (v instanceof Map<?, ?> m) {
        Map<String, Object> flat = new LinkedHashMap<>();
        m.forEach((mk, mv) -> {
          if (scalar(mv) && flat.size() < 50) {
            flat.put(String.valueOf(mk), mv);
          }
        });
        if (!flat.isEmpty()) {
          out.put(k, flat);
        }
      }
    });
    return out;
  }

  private static boolean scalar(Object v) {
    return v == null || v instanceof Number || v instanceof String || v instanceof Boolean;
  }

  /** A layer's location with an absolute file path (a restart may happen in another working folder). */
  private static String absolute(String location) {
    if (location.startsWith("pg:")) {
      return location;
    }
    int hash = location.lastIndexOf('#');
    String file = hash < 0 ? location : location.substring(0, hash);
    String table = hash < 0 ? "" : location.substring(hash);
    if (!Files.exists(Path.of(file)) && hash >= 0) { // a '#' in the file name itself
      file = location;
      table = "";
    }
    return Path.of(file).toAbsolutePath().normalize() + table;
  }

  private Map<String, Object> view(Run r) {
    Map<String, Object> v = r.toView();
    List<Map<String, Object>> downloads = new ArrayList<>();
    if (r.status == Run.Status.done) {
      Path out = dir(r).resolve("out");
      try (Stream<Path> s = Files.list(out)) {
        for (Path f : s.filter(x -> Files.isRegularFile(x, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
          String name = f.getFileName().toString();
          if (!FILE_NAME.matcher(name).matches()) {
            continue;
          }
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("name", name);
          d.put("href", "/api/runs/" + r.id + "/files/" + name);
          d.put("bytes", Files.size(f));
          downloads.add(d);
        }
      } catch (IOException e) {
        // the folder went away (deleted run): nothing to download
      }
    }
    v.put("downloads", downloads);
    return v;
  }

  private void save(Run run) {
    if (runs.get(run.id) != run) {
      return; // deleted
    }
    Json.write(dir(run).resolve("run.json"), run.toRecord());
  }

  private Path dir(Run run) {
    return runsDir.resolve(run.id);
  }

  private static String group(Run run) {
    return run.analysis + "_" + run.id;
  }

  private static void move(Path from, Path to) {
    try {
      deleteTree(to);
      try {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(from, to);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move results into place: " + e.getMessage(), e);
    }
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Stops: kills running children (their records stay "running" and are failed on the next start). */
  @Override
  public void close() {
    closing = true;
    pool.shutdownNow();
    List<Process> ps;
    synchronized (this) {
      ps = runs.values().stream().map(r -> r.process).filter(p -> p != null).toList();
    }
    for (Process p : ps) {
      kill(p);
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
