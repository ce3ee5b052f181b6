package org.landledger.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.sedona.spark.SedonaContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.landuse.LandUseOverlay;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Sedona 叠加: {@link LandUseOverlay} on Apache Sedona. Sedona's spatial join finds the (target, land-use)
 * pairs whose geometries intersect; inside each partition the pairs go through core's per-pair rule
 * ({@link LandUseOverlay#pieceOf}) and {@link AreaCalculator}, so the pieces and their areas are exactly
 * those of the local engine, whatever the Spark master ({@code local[*]} by default).
 *
 * <p>Two ways in for the land-use side: a {@link LandUseOverlay} (read on the driver, shipped as WKB rows; what
 * {@code --engine sedona} uses), or {@link LandUseRanges}, read by the Spark tasks themselves in disjoint record
 * ranges, so the driver holds only the targets and the pieces (province scale).
 */
public final class SedonaOverlay {

  private final SparkSession spark;

  public SedonaOverlay(SparkSession spark) {
    this.spark = SedonaContext.create(spark);
  }

  /** A Sedona-enabled session on {@code master} ("local[*]", "spark://host:7077", …), UI off. */
  public static SparkSession session(String master) {
    return SedonaContext.builder().master(master).appName("landledger")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
  }

  /**
   * The pieces of every target feature over the land-use layer, keyed by target id in target order —
   * for each target, the same pieces (land-use feature, geometry, area) as {@code landUse.pieces(target)}.
   */
  public Map<String, List<LandUseOverlay.Piece>> pieces(Layer targets, LandUseOverlay landUse) {
    List<Feature> fs = targets.features();
    List<List<LandUseOverlay.Piece>> byIndex = pieces(fs.stream().map(Feature::geometry).toList(), landUse);
    Map<String, List<LandUseOverlay.Piece>> out = new LinkedHashMap<>();
    for (int i = 0; i < fs.size(); i++) {
      out.put(fs.get(i).id(), byIndex.get(i));
    }
    return out;
  }

  /**
   * The pieces of each target geometry (in the land-use CRS; null or empty: none), by target position — for
   * each, the same pieces in the same (land-use layer) order as {@code landUse.pieces(target)}. Targets and
   * land-use polygons travel by position, so neither layer needs unique ids.
   */
  public List<List<LandUseOverlay.Piece>> pieces(List<Geometry> targets, LandUseOverlay landUse) {
    List<Feature> lus = landUse.layer().features();
    StructType schema = new StructType()
        .add("id", DataTypes.IntegerType, false)
        .add("wkb", DataTypes.BinaryType, false);
    spark.createDataFrame(rows(targets), schema).createOrReplaceTempView("ll_targets");
    spark.createDataFrame(rows(lus.stream().map(Feature::geometry).toList()), schema)
        .createOrReplaceTempView("ll_landuse");
    List<Object[]> pairs = join(landUse.crs(), landUse.areas().mode());
    List<List<LandUseOverlay.Piece>> out = new ArrayList<>(targets.size());
    for (int i = 0; i < targets.size(); i++) {
      out.add(new ArrayList<>());
    }
    WKBReader reader = new WKBReader();
    for (Object[] p : pairs) {
      int t = (Integer) p[0];
      Feature lu = lus.get(((Number) p[1]).intValue());
      try {
        out.get(t).add(new LandUseOverlay.Piece(lu, landUse.survey(lu), reader.read((byte[]) p[2]), (Double) p[3]));
      } catch (ParseException e) {
        throw new IllegalStateException("piece of target " + t + " × land-use " + lu.id() + ": " + e.getMessage(), e);
      }
    }
    // The local engine lists pieces in land-use layer order: so does this one, so sums run in the same order.
    out.forEach(l -> l.sort(landUse.inLayerOrder()));
    return out;
  }

  /**
   * The pieces of each target geometry (in the land-use CRS) over a land-use layer that the Spark tasks read
   * themselves, range by range ({@link LandUseRanges}): the driver holds the targets and the pieces, never the
   * land-use layer. For each target, the same pieces in the same (layer) order as the local engine's
   * {@code new LandUseOverlay(repaired layer, areas).pieces(target)}; the land-use features of the pieces are
   * read back on the driver by record range (only the records that have a piece).
   */
  public List<List<LandUseOverlay.Piece>> pieces(List<Geometry> targets, LandUseRanges landUse, AreaMode mode) {
    StructType luSchema = new StructType()
        .add("id", DataTypes.LongType, false)
        .add("wkb", DataTypes.BinaryType, false);
    List<long[]> ranges = landUse.ranges();
    var rdd = new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext())
        .parallelize(ranges, Math.max(1, ranges.size()))
        .mapPartitions(landUse.reader());
    spark.createDataFrame(rows(targets), targetSchema()).createOrReplaceTempView("ll_targets");
    spark.createDataFrame(rdd, luSchema).createOrReplaceTempView("ll_landuse");
    List<Object[]> pairs = join(landUse.crs(), mode);

    // The land-use features that have a piece, read back in runs of nearby records.
    java.util.TreeMap<Long, Feature> features = new java.util.TreeMap<>();
    pairs.forEach(p -> features.put(((Number) p[1]).longValue(), null));
    Map<Long, org.landledger.landuse.SurveyPolygon> surveys = new HashMap<>();
    try (org.landledger.io.LayerReader reader = landUse.open()) {
      List<Long> ids = new ArrayList<>(features.keySet());
      for (int i = 0; i < ids.size(); ) {
        int j = i;
        while (j + 1 < ids.size() && ids.get(j + 1) - ids.get(j) <= 64) {
          j++;
        }
        long first = ids.get(i);
        try (var s = landUse.read(reader, first, ids.get(j) - first + 1)) {
          long[] at = {first};
          s.forEach(f -> {
            long k = at[0]++;
            if (features.containsKey(k)) {
              features.put(k, f);
              surveys.put(k, org.landledger.landuse.SurveyPolygon.of(f, landUse.location()));
            }
          });
        }
        i = j + 1;
      }
    }
    List<List<LandUseOverlay.Piece>> out = new ArrayList<>(targets.size());
    for (int i = 0; i < targets.size(); i++) {
      out.add(new ArrayList<>());
    }
    WKBReader reader = new WKBReader();
    pairs.sort(java.util.Comparator.comparingLong(p -> ((Number) p[1]).longValue()));
    for (Object[] p : pairs) {
      int t = (Integer) p[0];
      long k = ((Number) p[1]).longValue();
      try {
        out.get(t).add(new LandUseOverlay.Piece(features.get(k), surveys.get(k), reader.read((byte[]) p[2]), (Double) p[3]));
      } catch (ParseException e) {
        throw new IllegalStateException("piece of target " + t + " × land-use record " + k + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static StructType targetSchema() {
    return new StructType()
        .add("id", DataTypes.IntegerType, false)
        .add("wkb", DataTypes.BinaryType, false);
  }

  /** Joins the views ll_targets and ll_landuse ({id, wkb}) and applies the per-pair rule on the executors. */
  private List<Object[]> join(Crs crs, AreaMode mode) {
    spark.sql("SELECT id, wkb, ST_GeomFromWKB(wkb) AS geom FROM ll_targets").createOrReplaceTempView("ll_t");
    spark.sql("SELECT id, wkb, ST_GeomFromWKB(wkb) AS geom FROM ll_landuse").createOrReplaceTempView("ll_l");
    Dataset<Row> joined = spark.sql("SELECT t.id AS tid, t.wkb AS twkb, l.id AS lid, l.wkb AS lwkb"
        + " FROM ll_t t JOIN ll_l l ON ST_Intersects(t.geom, l.geom)");
    // Pieces travel as {target index, land-use index, piece WKB, area m²}: Sedona's Kryo serializer cannot
    // handle Java records.
    return new ArrayList<>(joined.javaRDD()
        .mapPartitions(new PerPair(crs == null ? 0 : crs.epsg(), mode))
        .collect());
  }

  private static List<Row> rows(List<Geometry> geometries) {
    WKBWriter w = new WKBWriter(2);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < geometries.size(); i++) {
      Geometry g = geometries.get(i);
      if (g != null && !g.isEmpty()) {
        rows.add(RowFactory.create(i, w.write(g)));
      }
    }
    return rows;
  }

  /** Runs on the executors: core's per-pair rule and area on each joined pair of a partition. */
  private static final class PerPair implements FlatMapFunction<Iterator<Row>, Object[]> {
    private final int epsg;
    private final AreaMode mode;

    PerPair(int epsg, AreaMode mode) {
      this.epsg = epsg;
      this.mode = mode;
    }

    @Override
    public Iterator<Object[]> call(Iterator<Row> rows) throws ParseException {
      AreaCalculator areas = AreaCalculator.of(epsg == 0 ? null : Crs.epsg(epsg), mode);
      WKBReader reader = new WKBReader();
      WKBWriter writer = new WKBWriter(2);
      Map<Integer, PreparedGeometry> prepared = new HashMap<>();
      List<Object[]> out = new ArrayList<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        int tid = r.getInt(0);
        PreparedGeometry pg = prepared.get(tid);
        if (pg == null) {
          pg = PreparedGeometryFactory.prepare(reader.read((byte[]) r.get(1)));
          prepared.put(tid, pg);
        }
        Geometry piece = LandUseOverlay.pieceOf(pg, reader.read((byte[]) r.get(3)));
        double a = piece == null ? 0 : areas.area(piece);
        if (a > 0) {
          out.add(new Object[] {tid, ((Number) r.get(2)).longValue(), writer.write(piece), a});
        }
      }
      return out.iterator();
    }
  }
}
