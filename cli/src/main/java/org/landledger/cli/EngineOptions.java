package org.landledger.cli;

import java.util.Map;
import org.landledger.landuse.OverlayEngine;
import org.landledger.landuse.OverlayEngines;
import picocli.CommandLine.Option;

/**
 * 计算引擎选项: {@code --engine local|sedona} and {@code --spark-master}, for the commands whose heavy part is the
 * overlay on DLTB (redline, esv). The Sedona engine comes from the optional spark module (the launcher builds it
 * and puts it on the classpath when {@code --engine sedona} is given); without it the run stops with exit 2.
 */
public final class EngineOptions {

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
      description = "Overlay engine: local (default) or sedona (Apache Sedona on Spark; same results).")
  String engine;

  @Option(names = "--spark-master", paramLabel = "URL", defaultValue = "local[*]",
      description = "Spark master for --engine sedona (default ${DEFAULT-VALUE}; e.g. spark://host:7077).")
  String sparkMaster;

  /** Opens the engine asked for; the caller closes it. Unknown or unavailable engines: IllegalArgumentException. */
  OverlayEngine open() {
    return OverlayEngines.named(engine, Map.of("sparkMaster", sparkMaster));
  }
}
