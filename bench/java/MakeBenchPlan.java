import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.io.LayerReader;
import org.landledger.io.Layers;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * 基准规划地块: writes a deterministic benchmark plan layer (default 6 000 parcels) inside the county of a
 * samples folder, for the red-line benchmark (the sample's own PLAN layer has far fewer parcels).
 *
 * <pre>java -cp CLASSPATH MakeBenchPlan DATA_DIR [N] [SEED]  → DATA_DIR/PLAN_BENCH.shp</pre>
 *
 * Parcels are rotated rectangles (sides 40–400 m, i.e. ≈ 0.2–12 ha, like 建设项目 parcels) and some
 * rotated pentagons, centred at seeded random points inside the township (XZQ) union; they may overlap
 * one another (as plan layers of several projects do). Same inputs + seed → same file.
 */
public final class MakeBenchPlan {

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 6000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261122L;
    GeometryFactory gf = new GeometryFactory();
    Crs crs;
    List<Geometry> towns = new ArrayList<>();
    try (LayerReader r = Layers.open(dir.resolve("XZQ.shp").toString()); Stream<Feature> s = r.features()) {
      crs = r.crs();
      s.forEach(f -> towns.add(f.geometry()));
    }
    Geometry county = UnaryUnionOp.union(towns);
    PreparedGeometry inside = PreparedGeometryFactory.prepare(county);
    var env = county.getEnvelopeInternal();
    SplittableRandom rnd = new SplittableRandom(seed);
    String[] uses = {"0701", "0601", "0602", "1001", "0501", "0809"};
    List<Feature> rows = new ArrayList<>(n);
    while (rows.size() < n) {
      double cx = env.getMinX() + rnd.nextDouble() * env.getWidth();
      double cy = env.getMinY() + rnd.nextDouble() * env.getHeight();
      if (!inside.contains(gf.createPoint(new Coordinate(cx, cy)))) {
        continue;
      }
      double w = 40 + rnd.nextDouble() * 260;
      double h = 40 + rnd.nextDouble() * 360;
      double rot = rnd.nextDouble() * Math.PI;
      double[][] local = rnd.nextInt(4) == 0
          ? new double[][] {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 6}, {0, h / 2}, {-w / 2, h / 6}}
          : new double[][] {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}};
      Coordinate[] ring = new Coordinate[local.length + 1];
      for (int i = 0; i < local.length; i++) {
        double x = local[i][0] * Math.cos(rot) - local[i][1] * Math.sin(rot);
        double y = local[i][0] * Math.sin(rot) + local[i][1] * Math.cos(rot);
        // centimetre grid, as surveyed coordinates are
        ring[i] = new Coordinate(Math.round((cx + x) * 100) / 100.0, Math.round((cy + y) * 100) / 100.0);
      }
      ring[local.length] = ring[0];
      Geometry g = gf.createPolygon(ring);
      if (!g.isValid()) {
        continue;
      }
      if (g.getArea() > 0 && org.locationtech.jts.algorithm.Orientation.isCCW(ring)) {
        g = g.reverse(); // shapefile outer rings are clockwise
      }
      int k = rows.size() + 1;
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("BSM", String.format("BP%06d", k));
      a.put("XMMC", "基准项目" + ((k - 1) / 10 + 1));
      a.put("GHYT", uses[rnd.nextInt(uses.length)]);
      a.put("NGMJ", Math.round(g.getArea() * 100) / 100.0);
      rows.add(new Feature(String.valueOf(k), g, a));
    }
    Layers.write(Layer.fromRows("PLAN_BENCH", crs, "Polygon", rows), dir.resolve("PLAN_BENCH.shp"));
    System.out.println(n + " plan parcels → " + dir.resolve("PLAN_BENCH.shp"));
  }
}
