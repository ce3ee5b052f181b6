package org.landledger.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.Layer;
import org.landledger.io.LayerSchema;
import org.landledger.io.Layers;
import org.landledger.io.WriteOptions;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A small results folder like the analyses write, in CGCS2000 GK zone 39 (EPSG:4527):
 * {@code run1/redline.gpkg} (parcels PASS/WARN/FAIL, one conflict), {@code run1/landuse.gpkg} (DLTB with
 * DLBM), {@code run2/redline.gpkg} (one parcel, no conflicts).
 */
final class ResultsFixture {

  static final Crs GK39 = Crs.epsg(4527);
  static final double X0 = 39_500_000;
  static final double Y0 = 4_000_000;
  private static final GeometryFactory GF = new GeometryFactory();

  private ResultsFixture() {}

  static Path write(Path dir) throws Exception {
    Path results = dir.resolve("results");
    Files.createDirectories(results.resolve("run1"));
    Files.createDirectories(results.resolve("run2"));
    Layers.write(List.of(
        Layer.fromRows("parcels", GK39, "Polygon", List.of(
            parcel("P1", 0, "PASS"), parcel("P2", 200, "WARN"), parcel("P3", 400, "FAIL"))),
        Layer.fromRows("conflicts", GK39, "Polygon", List.of(
            new Feature("1", square(400, 0, 50), attrs("parcel_id", "P3", "type", "PERMANENT_FARMLAND"))))),
        results.resolve("run1/redline.gpkg"), WriteOptions.DEFAULT);
    Layers.write(List.of(Layer.fromRows("DLTB", GK39, "Polygon", List.of(
            new Feature("1", square(0, 0, 300), attrs("DLBM", "0101", "DLMC", "水田")),
            new Feature("2", square(300, 0, 300), attrs("DLBM", "0303", "DLMC", "红树林地"))))),
        results.resolve("run1/landuse.gpkg"), WriteOptions.DEFAULT);
    Layers.write(List.of(
        Layer.fromRows("parcels", GK39, "Polygon", List.of(parcel("Q1", 1000, "PASS"))),
        new Layer(new LayerSchema("conflicts", List.of(new Field("parcel_id", FieldType.STRING),
            new Field("type", FieldType.STRING)), "Polygon"), GK39, List.of(), "conflicts")),
        results.resolve("run2/redline.gpkg"), WriteOptions.DEFAULT);
    return results;
  }

  /** The extent of run1's redline.gpkg: parcels at x 0–500, y 0–100 from the origin. */
  static Envelope run1RedlineExtent() {
    return new Envelope(X0, X0 + 500, Y0, Y0 + 100);
  }

  private static Feature parcel(String id, double dx, String status) {
    return new Feature(id, square(dx, 0, 100), attrs("id", id, "status", status));
  }

  static Geometry square(double dx, double dy, double side) {
    double x = X0 + dx;
    double y = Y0 + dy;
    return GF.toGeometry(new Envelope(x, x + side, y, y + side));
  }

  private static Map<String, Object> attrs(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
