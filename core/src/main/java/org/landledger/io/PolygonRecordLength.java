package org.landledger.io;

import java.lang.reflect.Field;
import org.h2gis.functions.io.shp.internal.PolygonHandler;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.h2gis.functions.io.shp.internal.ShapefileWriter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * 多面记录长度修正: H2GIS 2.2.5's {@code PolygonHandler.getLength} counts rings as
 * {@code nrings += nrings + 1 + holes}, so every multipolygon of two or more parts gets a wrong record
 * length in the .shp header and the .shx: the file cannot be read back past it ("ShapeType changed
 * illegally"). This handler computes the length as the shapefile spec defines it (44 + 4 × parts +
 * 16 × points bytes for a 2-D polygon record) and is installed into the H2GIS writer.
 */
final class PolygonRecordLength extends PolygonHandler {

  private static final Field HANDLER;

  static {
    try {
      HANDLER = ShapefileWriter.class.getDeclaredField("handler");
      HANDLER.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Override
  public int getLength(Geometry geometry) {
    if (geometry.isEmpty()) {
      return 2;
    }
    int rings = 0;
    for (int t = 0; t < geometry.getNumGeometries(); t++) {
      rings += 1 + ((Polygon) geometry.getGeometryN(t)).getNumInteriorRing();
    }
    return 44 + 4 * rings + 16 * geometry.getNumPoints();
  }

  /** Installs the corrected handler after {@code writeHeaders} chose H2GIS's own (2-D polygons only). */
  static void install(ShapefileWriter writer, ShapeType type) {
    if (type != ShapeType.POLYGON) {
      return;
    }
    try {
      HANDLER.set(writer, new PolygonRecordLength());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot patch the H2GIS polygon writer", e);
    }
  }
}
