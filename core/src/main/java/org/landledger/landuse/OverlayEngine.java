package org.landledger.landuse;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;

/**
 * 叠加引擎: how the pieces of many target geometries over a {@link LandUseOverlay} are obtained — one at a time
 * on this machine ({@link LocalOverlayEngine}, the default), or in one batch on a distributed engine (Apache
 * Sedona on Spark, in the optional {@code spark} module). Every engine applies core's per-pair rule
 * ({@link LandUseOverlay#pieceOf}) and area calculator, so the pieces, and all results derived from them, are
 * the same whichever engine made them.
 *
 * <p>Engines are found by name with {@link OverlayEngines#named}. An engine may hold resources (a Spark
 * session): close it when the run is over.
 */
public interface OverlayEngine extends AutoCloseable {

  /** The pieces of each target, by the target's position in the list given to {@link #pieces}. */
  @FunctionalInterface
  interface Pieces {
    /** The pieces of target {@code i}, in land-use layer order, as {@link LandUseOverlay#pieces} lists them. */
    List<LandUseOverlay.Piece> of(int i);
  }

  /** The name it is asked by ({@code local}, {@code sedona}). */
  String name();

  /**
   * What a run's JSON records about the engine: at least {@code "engine": name()}, plus its settings
   * (e.g. {@code "sparkMaster"}).
   */
  Map<String, Object> describe();

  /**
   * The pieces of {@code targets} (in the land-use layer's CRS; null or empty geometries have none) over
   * {@code landUse}. The local engine reads the list lazily, target by target, when {@link Pieces#of} is
   * asked, so a lazily computed list view costs no memory; a batch engine reads it all at once here.
   */
  Pieces pieces(List<Geometry> targets, LandUseOverlay landUse);

  /**
   * A lazy view of {@code items}' target geometries (computed each time one is read), for {@link #pieces}: the
   * local engine then computes a target only when its pieces are asked.
   */
  static <T> List<Geometry> targets(List<T> items, Function<? super T, ? extends Geometry> geometry) {
    return new AbstractList<>() {
      @Override
      public Geometry get(int i) {
        return geometry.apply(items.get(i));
      }

      @Override
      public int size() {
        return items.size();
      }
    };
  }

  /** Releases the engine's resources (nothing for the local engine). */
  @Override
  default void close() {}
}
