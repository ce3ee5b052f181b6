package org.landledger.ecovalue.esv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.ecovalue.LandUseAreas;

/**
 * 栅格区域修正: per-polygon adjustment factors from rasters — factor = the polygon's zonal mean of the raster /
 * a reference mean (the national mean the equivalent table refers to, given by the user), for NPP, precipitation
 * and soil conservation independently; a factor without a raster keeps the scalar value. A polygon with no valid
 * pixel keeps the scalar value too and is counted in {@link #describe()}.
 */
public final class RasterAdjustment {

  /** One raster and the reference mean it is divided by. */
  public record Source(RasterZonalMean raster, double referenceMean) {
    public Source {
      if (!(referenceMean > 0) || !Double.isFinite(referenceMean)) {
        throw new IllegalArgumentException("the reference (national) mean for " + raster.file() + " must be positive");
      }
    }
  }

  private final List<RegionalAdjustment> byPolygon;
  private final Map<String, Object> description = new LinkedHashMap<>();

  private RasterAdjustment(List<RegionalAdjustment> byPolygon) {
    this.byPolygon = byPolygon;
  }

  /** Computes each polygon's factors; any source may be null. */
  public static RasterAdjustment compute(LandUseAreas areas, RegionalAdjustment scalar, Source npp, Source precipitation,
      Source soil) {
    List<RegionalAdjustment> out = new ArrayList<>(areas.polygons().size());
    int[] missing = new int[3];
    for (LandUseAreas.PolygonArea p : areas.polygons()) {
      double n = factor(npp, p, areas, scalar.npp(), missing, 0);
      double r = factor(precipitation, p, areas, scalar.precipitation(), missing, 1);
      double s = factor(soil, p, areas, scalar.soilConservation(), missing, 2);
      out.add(new RegionalAdjustment(n, r, s));
    }
    RasterAdjustment ra = new RasterAdjustment(out);
    describe(ra.description, "npp", npp, missing[0]);
    describe(ra.description, "precipitation", precipitation, missing[1]);
    describe(ra.description, "soilConservation", soil, missing[2]);
    ra.description.put("rule", "factor = polygon zonal mean (pixel centres inside) / reference mean; no valid pixel → scalar factor");
    return ra;
  }

  private static double factor(Source s, LandUseAreas.PolygonArea p, LandUseAreas areas, double scalar, int[] missing, int k) {
    if (s == null) {
      return scalar;
    }
    Double mean = s.raster().mean(p.feature().geometry(), areas.layer().crs());
    if (mean == null) {
      missing[k]++;
      return scalar;
    }
    return Math.max(0, mean / s.referenceMean());
  }

  private static void describe(Map<String, Object> into, String key, Source s, int missing) {
    if (s != null) {
      into.put(key, Map.of("raster", s.raster().file().toString(), "rasterCrs", s.raster().crs().toString(),
          "referenceMean", s.referenceMean(), "polygonsWithoutData", missing));
    }
  }

  public List<RegionalAdjustment> byPolygon() {
    return byPolygon;
  }

  public Map<String, Object> describe() {
    return description;
  }
}
