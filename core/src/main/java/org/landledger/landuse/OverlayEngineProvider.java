package org.landledger.landuse;

import java.util.Map;

/**
 * 叠加引擎提供者: the {@link java.util.ServiceLoader} entry by which an optional module (the {@code spark}
 * module's Sedona engine) offers an {@link OverlayEngine}; listed in the module's
 * {@code META-INF/services/org.landledger.landuse.OverlayEngineProvider}.
 */
public interface OverlayEngineProvider {

  /** The engine's name, as asked with {@code --engine}. */
  String name();

  /**
   * Opens the engine with its options (e.g. {@code sparkMaster}); unknown or bad options are an
   * {@link IllegalArgumentException}.
   */
  OverlayEngine open(Map<String, String> options);
}
