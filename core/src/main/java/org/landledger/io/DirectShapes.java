package org.landledger.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.h2gis.functions.io.shp.internal.IndexFile;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.h2gis.functions.io.shp.internal.ShapefileReader;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFactory;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.impl.CoordinateArraySequenceFactory;
import org.locationtech.jts.geom.util.GeometryEditor;

/**
 * 直接读取形状: the shapes of a plain 2D shapefile (Point, MultiPoint, PolyLine, Polygon — no Z or M) read with
 * H2GIS's shape reader at the record's .shx offset, without the driver's round trip through an H2 geometry value
 * (JTS → EWKB → JTS per record), and copied into one shared {@link GeometryFactory} with 2D coordinates.
 *
 * <p>The result equals what the driver returns (same type, rings, coordinate order, 2D {@code CoordinateXY}
 * sequences, SRID 0) but without a factory and precision model per geometry. Z and M shapes keep the driver's path.
 */
final class DirectShapes implements AutoCloseable {

  private static final CoordinateSequenceFactory SEQUENCES = CoordinateArraySequenceFactory.instance();
  static final GeometryFactory FACTORY = new GeometryFactory(SEQUENCES);
  private static final GeometryEditor.CoordinateSequenceOperation TO_2D = new GeometryEditor.CoordinateSequenceOperation() {
    @Override
    public CoordinateSequence edit(CoordinateSequence s, Geometry g) {
      int n = s.size();
      CoordinateSequence out = SEQUENCES.create(n, 2, 0);
      for (int i = 0; i < n; i++) {
        out.setOrdinate(i, 0, s.getX(i));
        out.setOrdinate(i, 1, s.getY(i));
      }
      return out;
    }
  };

  private final FileChannel shpChannel;
  private final FileChannel shxChannel;
  private final ShapefileReader shapes;
  private final IndexFile index;
  private final GeometryEditor editor = new GeometryEditor(FACTORY);

  /** Whether shapes of this type are read here (plain 2D types only). */
  static boolean handles(ShapeType t) {
    return t == ShapeType.POLYGON || t == ShapeType.ARC || t == ShapeType.POINT || t == ShapeType.MULTIPOINT;
  }

  DirectShapes(Path shp, Path shx) throws IOException {
    FileChannel a = null;
    FileChannel b = null;
    try {
      a = FileChannel.open(shp);
      b = FileChannel.open(shx);
      this.shapes = new ShapefileReader(a);
      this.index = new IndexFile(b);
    } catch (IOException | RuntimeException e) {
      closeQuietly(a);
      closeQuietly(b);
      throw e;
    } catch (Exception e) {
      closeQuietly(a);
      closeQuietly(b);
      throw new IOException(e.getMessage(), e);
    }
    this.shpChannel = a;
    this.shxChannel = b;
  }

  /** The shape of record {@code row} (0-based), null for a null shape. */
  Geometry read(long row) throws IOException {
    Geometry g = shapes.geomAt(index.getOffset(Math.toIntExact(row)));
    return g == null ? null : editor.edit(g, TO_2D);
  }

  @Override
  public void close() {
    closeQuietly(shpChannel);
    closeQuietly(shxChannel);
  }

  private static void closeQuietly(FileChannel c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (IOException ignored) {
      // nothing to do
    }
  }
}
