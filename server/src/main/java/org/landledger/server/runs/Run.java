package org.landledger.server.runs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 分析运行记录: one analysis run — the request (analysis, input layer names and the files they were read from,
 * parameters), its status, progress, timestamps, error and published layers. Persisted as {@code run.json};
 * guarded by the {@link RunManager} that owns it.
 */
final class Run {

  enum Status { queued, running, done, failed, cancelled }

  final String id;
  final String analysis;
  final Map<String, String> inputs;   // role → layer name
  final Map<String, String> sources;  // role → file or file#table (what the layer was read from)
  final Map<String, Object> params;
  final String created;
  Status status = Status.queued;
  double progress;
  String started;
  String finished;
  String error;
  List<String> layers = List.of();
  Map<String, Object> summary;
  transient Process process;

  Run(String id, String analysis, Map<String, String> inputs, Map<String, String> sources, Map<String, Object> params,
      String created) {
    this.id = id;
    this.analysis = analysis;
    this.inputs = new LinkedHashMap<>(inputs);
    this.sources = new LinkedHashMap<>(sources);
    this.params = new LinkedHashMap<>(params);
    this.created = created;
  }

  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  boolean finished() {
    return status == Status.done || status == Status.failed || status == Status.cancelled;
  }

  /** The persisted record (run.json). */
  Map<String, Object> toRecord() {
    Map<String, Object> m = toView();
    m.put("sources", sources);
    return m;
  }

  /** What the API shows: the record without server file paths. */
  Map<String, Object> toView() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("analysis", analysis);
    m.put("status", status.name());
    m.put("progress", progress);
    m.put("inputs", inputs);
    m.put("params", params);
    m.put("layers", layers);
    m.put("summary", summary);
    m.put("error", error);
    m.put("created", created);
    m.put("started", started);
    m.put("finished", finished);
    return m;
  }

  @SuppressWarnings("unchecked")
  static Run fromRecord(Map<String, Object> m) {
    Run r = new Run((String) m.get("id"), (String) m.get("analysis"), (Map<String, String>) m.getOrDefault("inputs", Map.of()),
        (Map<String, String>) m.getOrDefault("sources", Map.of()), (Map<String, Object>) m.getOrDefault("params", Map.of()),
        (String) m.get("created"));
    r.status = Status.valueOf((String) m.get("status"));
    r.progress = m.get("progress") instanceof Number n ? n.doubleValue() : 0;
    r.started = (String) m.get("started");
    r.finished = (String) m.get("finished");
    r.error = (String) m.get("error");
    r.layers = m.get("layers") instanceof List<?> l ? new ArrayList<>((List<String>) l) : List.of();
    r.summary = (Map<String, Object>) m.get("summary");
    return r;
  }
}
