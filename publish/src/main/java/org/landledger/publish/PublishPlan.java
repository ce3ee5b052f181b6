package org.landledger.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.landledger.geo.Crs;
import org.landledger.io.InputDataException;
import org.landledger.io.LayerSchema;
import org.landledger.io.postgis.PgLocation;
import org.locationtech.jts.geom.Envelope;

/**
 * 发布清单: what is to be published, as GeoServer will see it — runs (each becoming a layer group), their data
 * stores (a GeoPackage file, or a PostGIS schema) and the tables in them (feature types). {@code sources}
 * names where the plan was read from (a results folder, a PostGIS location), for messages.
 */
public record PublishPlan(List<String> sources, List<Run> runs) {

  public PublishPlan {
    sources = List.copyOf(sources);
    runs = List.copyOf(runs);
  }

  /**
   * One analysis run: {@code label} is how titles name it (the folder under the results root, or the results
   * folder's own name, or the PostGIS schema).
   */
  public record Run(String name, String label, List<Store> stores) {
    public Run {
      stores = List.copyOf(stores);
    }
  }

  /** One data store: its GeoServer name, where GeoServer reads it from, and its tables. */
  public record Store(String name, Source source, List<Table> tables) {
    public Store {
      tables = List.copyOf(tables);
    }
  }

  /** 数据源: the one difference between store kinds — where the store's tables live. */
  public sealed interface Source permits GeoPackageFile, PostGisSchema {
    /** For titles and abstracts: a path under the results folder, or a PostGIS location (no password). */
    String describe();
  }

  /** A GeoPackage; {@code relativePath} uses '/' and is relative to the results root. */
  public record GeoPackageFile(Path file, String relativePath) implements Source {
    @Override
    public String describe() {
      return relativePath;
    }
  }

  /**
   * A PostGIS schema: the location LandLedger read it from, the host and port GeoServer connects to (the
   * location's unless GeoServer sees the database elsewhere, e.g. from inside a container), and the password
   * (null for trust authentication) that goes into the store's connection parameters — never printed.
   */
  public record PostGisSchema(PgLocation location, String serverHost, int serverPort, Secret password)
      implements Source {
    @Override
    public String describe() {
      return location.withTable(null).toString();
    }
  }

  /**
   * One table: its name in the store, the published layer name (unique in the workspace), schema, CRS (null
   * when undeclared), extent (null when empty) and feature count, and the style it is drawn with.
   */
  public record Table(String nativeName, String layerName, LayerSchema schema, Crs crs, Envelope bounds, long count,
      PublishStyle style) {}

  /** Secrets (database passwords) the plan's store bodies carry, for masking anything printed. */
  public List<Secret> secrets() {
    List<Secret> out = new ArrayList<>();
    runs.forEach(r -> r.stores().forEach(s -> {
      if (s.source() instanceof PostGisSchema p && p.password() != null) {
        out.add(p.password());
      }
    }));
    return out;
  }

  /**
   * Several plans (a results folder and PostGIS schemas) published together; their run, store and layer names
   * share one namespace, so a name used twice is bad input.
   */
  public static PublishPlan combine(List<PublishPlan> plans) {
    List<String> sources = new ArrayList<>();
    List<Run> runs = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (PublishPlan p : plans) {
      for (Run r : p.runs()) {
        claim(seen, r.name(), p);
        for (Store s : r.stores()) {
          claim(seen, s.name(), p);
          s.tables().forEach(t -> claim(seen, t.layerName(), p));
        }
      }
      sources.addAll(p.sources());
      runs.addAll(p.runs());
    }
    return new PublishPlan(sources, runs);
  }

  private static void claim(Map<String, String> seen, String name, PublishPlan p) {
    String src = String.join(", ", p.sources());
    String before = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), src);
    if (before != null) {
      throw new InputDataException(src, null, null, "its GeoServer name '" + name + "' is also used by "
          + before + "; publish them to different workspaces or rename one", null);
    }
  }

  /** Number of tables (layers) in the plan. */
  public int layerCount() {
    return runs.stream().mapToInt(r -> r.stores().stream().mapToInt(s -> s.tables().size()).sum()).sum();
  }
}
