package org.landledger.publish;

import java.util.Locale;
import org.landledger.io.LayerSchema;
import org.landledger.render.SldWriter;
import org.landledger.render.SldWriter.GeometryKind;
import org.landledger.render.Style;
import org.landledger.render.Styles;

/**
 * 发布样式表: the GeoServer names and drawing ranks of the project's shared map styles. The style itself —
 * which style a table gets ({@link Styles#forLayer}) and its SLD ({@link SldWriter}) — is the one the
 * map server and report maps draw with; this class only names it for the workspace and orders a run's
 * layer group (land use at the bottom, then plain layers, red-line parcels, conflicts on top).
 */
public final class PublishStyles {

  public static final String LAND_USE = "landledger_landuse";
  public static final String REDLINE_PARCELS = "landledger_redline_parcels";
  public static final String CONFLICTS = "landledger_conflicts";
  /** Prefix of the plain styles, one per table name (their colour derives from the name). */
  public static final String PLAIN_PREFIX = "landledger_plain_";

  private PublishStyles() {}

  /** The shared style for a table, named for GeoServer, with its SLD for the table's geometry kind. */
  public static PublishStyle forTable(LayerSchema schema) {
    return of(Styles.forLayer(schema), schema.name(), GeometryKind.of(schema.geometryType()));
  }

  /** {@code style} as published for table {@code table} of geometry {@code kind}. */
  public static PublishStyle of(Style style, String table, GeometryKind kind) {
    String base;
    int rank;
    switch (style.name()) {
      case "landuse" -> {
        base = LAND_USE;
        rank = 0;
      }
      case "redline-status" -> {
        base = REDLINE_PARCELS;
        rank = 20;
      }
      case "conflict" -> {
        base = CONFLICTS;
        rank = 30;
      }
      default -> {
        // Plain styles differ per table (colour from the name), so each table name gets its own.
        base = PLAIN_PREFIX + ResourceNames.of(table.toLowerCase(Locale.ROOT));
        rank = 10;
      }
    }
    // The SLD symbolizer follows the geometry, so a point or line table gets its own variant of the style.
    String name = kind == GeometryKind.POLYGON ? base : base + "_" + kind.name().toLowerCase(Locale.ROOT);
    return new PublishStyle(name, style.titleZh(), SldWriter.toSld(name, style, kind), rank + kind.ordinal());
  }
}
