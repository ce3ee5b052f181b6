package org.landledger.publish;

import java.nio.file.Path;
import java.util.List;
import org.landledger.geo.Crs;
import org.landledger.io.LayerSchema;
import org.locationtech.jts.geom.Envelope;

/**
 * 发布清单: what a results folder holds, as GeoServer will see it — runs (one per folder holding GeoPackages,
 * each becoming a layer group), their GeoPackages (data stores) and the tables in them (feature types).
 */
public record PublishPlan(Path root, List<Run> runs) {

  public PublishPlan {
    runs = List.copyOf(runs);
  }

  /** One analysis run: a folder of the results tree; {@code folder} is relative to the root ("" for the root). */
  public record Run(String name, String folder, List<Store> stores) {
    public Run {
      stores = List.copyOf(stores);
    }
  }

  /** One GeoPackage; {@code relativePath} uses '/' and is relative to the results root. */
  public record Store(String name, Path file, String relativePath, List<Table> tables) {
    public Store {
      tables = List.copyOf(tables);
    }
  }

  /**
   * One table: its name in the GeoPackage, the published layer name (unique in the workspace), schema, CRS
   * (null when undeclared), extent (null when empty) and feature count, and the style it is drawn with.
   */
  public record Table(String nativeName, String layerName, LayerSchema schema, Crs crs, Envelope bounds, long count,
      PublishStyle style) {}
}
