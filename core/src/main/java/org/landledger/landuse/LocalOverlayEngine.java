package org.landledger.landuse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * 本机叠加引擎: the default {@link OverlayEngine} — each target is overlaid when asked, with
 * {@link LandUseOverlay#pieces} (spatial index + per-pair rule), so nothing is held beyond the target in hand and
 * callers may ask from many threads at once.
 */
public final class LocalOverlayEngine implements OverlayEngine {

  public static final String NAME = "local";
  public static final LocalOverlayEngine INSTANCE = new LocalOverlayEngine();

  private LocalOverlayEngine() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engine", NAME);
    return m;
  }

  @Override
  public Pieces pieces(List<Geometry> targets, LandUseOverlay landUse) {
    return i -> landUse.pieces(targets.get(i));
  }
}
