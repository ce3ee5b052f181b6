package org.landledger.ecovalue.esv;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geotools.api.metadata.spatial.PixelOrientation;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.operation.MathTransform2D;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridEnvelope2D;
import org.geotools.coverage.util.CoverageUtilities;
import org.geotools.gce.geotiff.GeoTiffReader;
import org.geotools.referencing.CRS;
import org.landledger.geo.Crs;
import org.landledger.io.InputDataException;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * 栅格分区均值: the mean of a single-band GeoTIFF (NPP, precipitation, soil conservation …) over a polygon — the
 * pixels whose centres fall inside it (GeoTools coverage); a polygon smaller than a pixel takes the pixel under
 * its interior point. NoData and NaN pixels are skipped; a polygon with no valid pixel gets null.
 */
public final class RasterZonalMean {

  private final Path file;
  private final Crs crs;
  private final Raster data;
  private final MathTransform2D gridToWorld;
  private final MathTransform2D worldToGrid;
  private final GridEnvelope2D range;
  private final Double noData;

  private RasterZonalMean(Path file, Crs crs, Raster data, MathTransform2D gridToWorld, GridEnvelope2D range,
      Double noData) throws TransformException {
    this.file = file;
    this.crs = crs;
    this.data = data;
    this.gridToWorld = gridToWorld;
    this.worldToGrid = (MathTransform2D) gridToWorld.inverse();
    this.range = range;
    this.noData = noData;
  }

  /** Reads a GeoTIFF; its CRS must resolve to an EPSG code. */
  public static RasterZonalMean read(Path tif) {
    if (!Files.isRegularFile(tif)) {
      throw new InputDataException(tif, "file not found");
    }
    GeoTiffReader reader = null;
    try {
      reader = new GeoTiffReader(tif.toFile());
      GridCoverage2D cov = reader.read(null);
      Integer epsg = CRS.lookupEpsgCode(cov.getCoordinateReferenceSystem2D(), true);
      if (epsg == null) {
        throw new InputDataException(tif, "the raster's coordinate system has no EPSG code");
      }
      var nd = CoverageUtilities.getNoDataProperty(cov);
      GridEnvelope2D range = cov.getGridGeometry().getGridRange2D();
      return new RasterZonalMean(tif, Crs.epsg(epsg), cov.getRenderedImage().getData(),
          cov.getGridGeometry().getGridToCRS2D(PixelOrientation.CENTER), range,
          nd == null ? null : nd.getAsSingleValue());
    } catch (IOException | FactoryException | TransformException | RuntimeException e) {
      if (e instanceof InputDataException ide) {
        throw ide;
      }
      throw new InputDataException(tif, "cannot read GeoTIFF: " + e.getMessage(), e);
    } finally {
      if (reader != null) {
        reader.dispose();
      }
    }
  }

  public Path file() {
    return file;
  }

  public Crs crs() {
    return crs;
  }

  /** Mean of the valid pixels whose centres lie in {@code g} (given in {@code gCrs}), or null. */
  public Double mean(Geometry g, Crs gCrs) {
    if (g == null || g.isEmpty()) {
      return null;
    }
    Geometry r = gCrs == null || gCrs.equals(crs) ? g : gCrs.transform(g, crs);
    Envelope e = r.getEnvelopeInternal();
    try {
      double[] corners = {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMinY(), e.getMinX(), e.getMaxY(), e.getMaxX(), e.getMaxY()};
      double[] grid = new double[8];
      worldToGrid.transform(corners, 0, grid, 0, 4);
      int i0 = Integer.MAX_VALUE;
      int i1 = Integer.MIN_VALUE;
      int j0 = Integer.MAX_VALUE;
      int j1 = Integer.MIN_VALUE;
      for (int k = 0; k < 4; k++) {
        i0 = Math.min(i0, (int) Math.floor(grid[2 * k]));
        i1 = Math.max(i1, (int) Math.ceil(grid[2 * k]));
        j0 = Math.min(j0, (int) Math.floor(grid[2 * k + 1]));
        j1 = Math.max(j1, (int) Math.ceil(grid[2 * k + 1]));
      }
      Rectangle box = new Rectangle(range.x, range.y, range.width, range.height)
          .intersection(new Rectangle(i0, j0, i1 - i0 + 1, j1 - j0 + 1));
      IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(r);
      double sum = 0;
      int n = 0;
      double[] p = new double[2];
      for (int j = box.y; j < box.y + box.height; j++) {
        for (int i = box.x; i < box.x + box.width; i++) {
          gridToWorld.transform(new double[] {i, j}, 0, p, 0, 1);
          if (inside.locate(new Coordinate(p[0], p[1])) != Location.EXTERIOR) {
            Double v = valid(i, j);
            if (v != null) {
              sum += v;
              n++;
            }
          }
        }
      }
      if (n > 0) {
        return sum / n;
      }
      // smaller than a pixel: the pixel under an interior point
      Coordinate c = r.getInteriorPoint().getCoordinate();
      worldToGrid.transform(new double[] {c.x, c.y}, 0, p, 0, 1);
      int i = (int) Math.round(p[0]);
      int j = (int) Math.round(p[1]);
      return range.contains(i, j) ? valid(i, j) : null;
    } catch (TransformException ex) {
      throw new IllegalArgumentException("cannot locate a polygon on raster " + file + ": " + ex.getMessage(), ex);
    }
  }

  private Double valid(int i, int j) {
    double v = data.getSampleDouble(i, j, 0);
    if (Double.isNaN(v) || (noData != null && v == noData)) {
      return null;
    }
    return v;
  }
}
