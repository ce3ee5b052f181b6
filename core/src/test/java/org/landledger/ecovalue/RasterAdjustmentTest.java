package org.landledger.ecovalue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.landledger.ecovalue.Fixtures.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.gce.geotiff.GeoTiffWriter;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.ecovalue.esv.EsvModel;
import org.landledger.ecovalue.esv.EsvReport;
import org.landledger.ecovalue.esv.RasterAdjustment;
import org.landledger.ecovalue.esv.RasterZonalMean;
import org.landledger.ecovalue.esv.RegionalAdjustment;
import org.landledger.geo.Crs;
import org.landledger.io.InputDataException;
import org.landledger.io.Layer;

class RasterAdjustmentTest {

  /** 10 × 2 pixels of 50 m over x 0–500, y 0–100: columns 0–1 = 2, 2–7 = 1, 8–9 = NaN (no data). */
  static Path npp(Path dir) throws Exception {
    float[][] m = new float[2][10];
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 10; c++) {
        m[r][c] = c < 2 ? 2f : c < 8 ? 1f : Float.NaN;
      }
    }
    GridCoverage2D cov = new GridCoverageFactory().create("npp", m,
        new ReferencedEnvelope(X0, X0 + 500, Y0, Y0 + 100, GK39.geotools()));
    Path tif = dir.resolve("npp.tif");
    GeoTiffWriter w = new GeoTiffWriter(tif.toFile());
    w.write(cov, null);
    w.dispose();
    return tif;
  }

  @Test
  void zonalMeanOfPixelCentres(@TempDir Path dir) throws Exception {
    RasterZonalMean z = RasterZonalMean.read(npp(dir));
    assertThat(z.crs()).isEqualTo(GK39);
    // A (x 0–100) covers 4 pixels of 2; x 50–250 covers 2 × 2 + 6 × 1 → 10 / 8 = 1.25
    assertThat(z.mean(rect(0, 0, 100, 100), GK39)).isCloseTo(2.0, within(1e-9));
    assertThat(z.mean(rect(50, 0, 250, 100), GK39)).isCloseTo(10.0 / 8, within(1e-9));
    // smaller than a pixel: the pixel under it
    assertThat(z.mean(rect(10, 10, 20, 20), GK39)).isCloseTo(2.0, within(1e-9));
    // only no-data pixels, or off the raster
    assertThat(z.mean(rect(400, 0, 500, 100), GK39)).isNull();
    assertThat(z.mean(rect(900, 0, 1000, 100), GK39)).isNull();
    // a polygon in another CRS is reprojected onto the raster
    var g4490 = GK39.transform(rect(0, 0, 100, 100), Crs.epsg(4490));
    assertThat(z.mean(g4490, Crs.epsg(4490))).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void esvWithAnNppRaster(@TempDir Path dir) throws Exception {
    LandUseAreas areas = LandUseAreas.byTownshipCode(EsvTest.map(), planar());
    RasterAdjustment ra = RasterAdjustment.compute(areas, RegionalAdjustment.NONE,
        new RasterAdjustment.Source(RasterZonalMean.read(npp(dir)), 1.0), null, null);
    EsvModel m = EsvTest.MODEL.withPolygonAdjustments(ra.byPolygon());
    // A: NPP factor 2/1 on every paddy service but water supply (−2.63), hydrological regulation (2.72) and soil
    // conservation (0.01), which sum to 0.10; the others sum to 3.89 − 0.10 = 3.79.
    // A = 0.9 ha × 1000 × (2 × 3.79 + 0.10) = 6912; B = 2 × 23090 = 46180 (factor 1); C, D valued 0
    assertThat(m.value(areas, null).total()).isCloseTo(6912 + 46180, within(1e-6));
    assertThat(m.valuePolygon(areas, 0).total()).isCloseTo(6912, within(1e-6));
    // D has no valid pixel: scalar factor kept and counted
    assertThat(ra.byPolygon().get(3).npp()).isEqualTo(1.0);
    assertThat(((Map<?, ?>) ra.describe().get("npp")).get("polygonsWithoutData")).isEqualTo(1);
    // regions from XZQ are valued polygon by polygon: 甲镇 = A + half of B = 6912 + 23090
    Layer xzq = layer("XZQ", GK39, region("1", rect(0, -10, 200, 110), "110101001", "甲镇"));
    LandUseAreas byXzq = LandUseAreas.byRegionLayer(EsvTest.map(), planar(), xzq, "XZQDM", "XZQMC");
    EsvModel mx = EsvTest.MODEL.withPolygonAdjustments(RasterAdjustment.compute(byXzq, RegionalAdjustment.NONE,
        new RasterAdjustment.Source(RasterZonalMean.read(npp(dir)), 1.0), null, null).byPolygon());
    assertThat(mx.value(byXzq, byXzq.regions().get(0)).total()).isCloseTo(6912 + 23090, within(1e-4));
    // sensitivity still adds up to 1 and the layer carries the factors
    Map<String, Object> j = EsvReport.json(m, areas, null, 0.5);
    assertThat((double) j.get("totalValue")).isCloseTo(53092, within(1e-6));
    assertThat(EsvReport.polygonLayer(m, areas, "esv").features().get(0).number("ADJ_NPP")).isEqualTo(2.0);
  }

  @Test
  void badRaster(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.tif");
    Files.writeString(bad, "not a tiff");
    assertThatThrownBy(() -> RasterZonalMean.read(bad)).isInstanceOf(InputDataException.class).hasMessageContaining("bad.tif");
    assertThatThrownBy(() -> RasterZonalMean.read(dir.resolve("none.tif"))).isInstanceOf(InputDataException.class);
  }
}
