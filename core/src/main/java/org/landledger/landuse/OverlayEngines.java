package org.landledger.landuse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * 叠加引擎查找: the {@link OverlayEngine} of a name — {@code local} (built in) or one offered on the classpath
 * through {@link OverlayEngineProvider} ({@code sedona}, from the optional {@code spark} module).
 */
public final class OverlayEngines {

  /** The distributed engine's name; its module is not part of the default build. */
  public static final String SEDONA = "sedona";

  /** How to get the Sedona engine when it is asked for but not on the classpath. */
  static final String SEDONA_HOWTO = "the sedona engine is not on the classpath: it lives in the optional spark module"
      + " (Apache Sedona + Spark, ~300 MB of jars). Run through ./landledger, which builds it when --engine sedona"
      + " is given, or build it yourself with ./mvnw -Pspark -pl spark -am -DskipTests package and put"
      + " spark/target/landledger-spark.jar and spark/target/lib/* on the classpath";

  private OverlayEngines() {}

  /**
   * Opens the engine called {@code name} (case-insensitive) with {@code options}. An unknown name, or
   * {@code sedona} without the spark module, is an {@link IllegalArgumentException} saying what is available
   * and how to get the Sedona engine.
   */
  public static OverlayEngine named(String name, Map<String, String> options) {
    String n = name == null ? LocalOverlayEngine.NAME : name.trim().toLowerCase(Locale.ROOT);
    if (n.equals(LocalOverlayEngine.NAME)) {
      return LocalOverlayEngine.INSTANCE;
    }
    List<String> available = new ArrayList<>(List.of(LocalOverlayEngine.NAME));
    for (OverlayEngineProvider p : ServiceLoader.load(OverlayEngineProvider.class)) {
      if (p.name().equalsIgnoreCase(n)) {
        return p.open(options == null ? Map.of() : options);
      }
      available.add(p.name());
    }
    if (n.equals(SEDONA)) {
      throw new IllegalArgumentException(SEDONA_HOWTO);
    }
    throw new IllegalArgumentException("unknown engine '" + name + "' (available: " + String.join(", ", available)
        + (available.contains(SEDONA) ? "" : "; sedona with the spark module") + ")");
  }
}
