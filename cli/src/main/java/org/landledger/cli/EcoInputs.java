package org.landledger.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.landledger.ecovalue.LandUseAreas;
import org.landledger.ecovalue.change.LandUseTransfer;
import org.landledger.ecovalue.esv.EcosystemMapping;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.GeometryRepair;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.io.WriteOptions;
import org.landledger.landuse.LocalOverlayEngine;
import org.landledger.landuse.OverlayEngine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options the ecological-value commands share: land-use maps of one or two dates, regions, mapping, output. */
final class EcoInputs {

  @Option(names = "--landuse", required = true, paramLabel = "DLTB",
      description = "三调地类图斑 (current / after map).")
  String landuse;

  @Option(names = "--landuse-before", paramLabel = "DLTB_OLD",
      description = "前期地类图斑: adds the change analysis (transfer matrix, delta).")
  String landuseBefore;

  @Option(names = "--by", paramLabel = "XZQ",
      description = "行政区图层 (XZQ) for results by township; default: ZLDWDM's first 9 digits.")
  String by;

  @Option(names = "--by-field", defaultValue = "XZQDM", paramLabel = "FIELD",
      description = "Region code field of --by (default ${DEFAULT-VALUE}).")
  String byField;

  @Option(names = "--by-name-field", defaultValue = "XZQMC", paramLabel = "FIELD",
      description = "Region name field of --by (default ${DEFAULT-VALUE}).")
  String byNameField;

  @Option(names = "--mapping", paramLabel = "CSV",
      description = "地类→生态系统对应表 (code,ecosystem) overriding the default code by code.")
  Path mapping;

  @Option(names = {"--area-mode", "--area"}, defaultValue = "ellipsoidal", paramLabel = "MODE",
      description = "ellipsoidal (三调 TBMJ definition, default), planar, or tbmj (stored TBMJ/KCMJ for 图斑 wholly "
          + "inside a region, so totals tie to the 汇总表).")
  String areaMode;

  @Mixin OverlapOptions overlaps;

  private org.landledger.qc.CoverageSanity.Outcome coverage;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Mixin InputOptions input;

  private final GeometryRepair repair = new GeometryRepair(true);
  private Layer after;
  private Layer before;

  Layer landUse() {
    if (after == null) {
      after = read(landuse);
    }
    return after;
  }

  Layer before() {
    if (landuseBefore != null && before == null) {
      before = read(landuseBefore);
    }
    return before;
  }

  private Layer read(String location) {
    Layer l = Layers.read(location, input.readOptions());
    return l.map(f -> f.geometry() == null ? f : repair.check(l.name(), f));
  }

  AreaCalculator areas() {
    AreaMode mode = switch (areaMode.toLowerCase(Locale.ROOT)) {
      case "ellipsoidal", "tbmj" -> AreaMode.ELLIPSOIDAL;
      case "planar" -> AreaMode.PLANAR;
      default -> throw new IllegalArgumentException("--area-mode must be ellipsoidal, planar or tbmj, got " + areaMode);
    };
    AreaCalculator calc = AreaCalculator.of(landUse().crs(), mode);
    if (coverage == null) {
      // Areas summed over the county: overlapping 图斑 would be counted twice (rule OVERLAP, as in qc).
      coverage = overlaps.check(landUse(), calc);
      if (!coverage.clean()) {
        System.err.println("警告 warning: " + coverage.describe().get("warning"));
      }
    }
    return calc;
  }

  boolean storedAreas() {
    return "tbmj".equalsIgnoreCase(areaMode);
  }

  EcosystemMapping ecosystemMapping() {
    return mapping == null ? EcosystemMapping.standard() : EcosystemMapping.standardWith(mapping);
  }

  LandUseAreas landUseAreas(AreaCalculator areas) {
    return landUseAreas(areas, LocalOverlayEngine.INSTANCE);
  }

  /** Areas by region; with --by, the region layer is overlaid on the land-use map by {@code engine}. */
  LandUseAreas landUseAreas(AreaCalculator areas, OverlayEngine engine) {
    if (by == null) {
      return LandUseAreas.byTownshipCode(landUse(), areas, storedAreas());
    }
    Layer regions = read(by);
    return LandUseAreas.byRegionLayer(landUse(), areas, regions, byField, byNameField, engine, storedAreas());
  }

  /** The transfer from --landuse-before to --landuse, or null for one date. */
  LandUseTransfer transfer(AreaCalculator areas) {
    return transfer(areas, LocalOverlayEngine.INSTANCE, false);
  }

  /**
   * The same, the two maps overlaid by {@code engine}, with progress per polygon on the terminal (always when
   * {@code showProgress}).
   */
  LandUseTransfer transfer(AreaCalculator areas, OverlayEngine engine, boolean showProgress) {
    return before() == null ? null : LandUseTransfer.compute(before(), landUse(), areas, engine,
        org.landledger.io.Progress.onTerminal("土地利用转移 transfer polygons", landUse().size(), showProgress));
  }

  Map<String, Object> describe(AreaCalculator areas) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("landuse", landuse);
    m.put("landuseFeatures", landUse().size());
    m.put("crs", String.valueOf(landUse().crs()));
    if (landuseBefore != null) {
      m.put("landuseBefore", landuseBefore);
      m.put("landuseBeforeFeatures", before().size());
      m.put("landuseBeforeCrs", String.valueOf(before().crs()));
    }
    m.put("areaMode", storedAreas() ? "tbmj" : areas.mode().name().toLowerCase(Locale.ROOT));
    if (coverage != null) {
      m.put("coverage", coverage.describe());
    }
    m.put("regions", by == null ? "ZLDWDM 前 9 位（乡镇）" : by + " (" + byField + ")");
    List<String> issues = new ArrayList<>();
    repair.issues().stream().limit(50).forEach(i -> issues.add(i.toString()));
    m.put("geometryRepairs", repair.issues().size());
    m.put("geometryRepairExamples", issues);
    return m;
  }

  /**
   * Writes the per-polygon layer as {@code base.gpkg}; while GeoPackage writing is not available yet in this
   * build, as {@code base.shp} (DBF field names cut to 10 characters). Returns the file name written.
   */
  static String writePolygons(Path dir, Layer layer, String base) {
    String name = base + ".gpkg";
    try {
      Layers.formatOf(Path.of(name));
    } catch (RuntimeException e) {
      name = base + ".shp";
    }
    Layers.write(List.of(layer), dir.resolve(name), WriteOptions.DEFAULT);
    return name;
  }
}
