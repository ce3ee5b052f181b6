import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.LayerReader;
import org.landledger.io.Layers;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * 红线检查下限 (the "floor"): the least work any red-line check must do — stream the inputs once and
 * intersect exactly the (plan, DLTB) and (plan, YJJBNTTB) pairs that meet, measuring each piece. No
 * repair, no attribute validation, no reports. Plans are indexed (STRtree, prepared geometries); DLTB and
 * YJJBNTTB are streamed in batches of 4 096 through a pool of {@code threads} workers.
 *
 * <pre>java -cp CLASSPATH RedlineFloor DLTB YJJBNTTB PLAN planar|ellipsoidal THREADS [OUT.csv]</pre>
 *
 * Prints seconds for reading+overlay of each layer and the totals; OUT.csv has per-parcel
 * BSM, farmland gross, farmland net (× (1 − KCXS)), PBF overlap, DLTB overlap (m²).
 */
public final class RedlineFloor {

  static final Set<String> FARMLAND = Set.of("0101", "0102", "0103");

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    String dltb = args[0], pbf = args[1], plan = args[2];
    AreaMode mode = args[3].equalsIgnoreCase("planar") ? AreaMode.PLANAR : AreaMode.ELLIPSOIDAL;
    int threads = Integer.parseInt(args[4]);
    List<String> ids = new ArrayList<>();
    List<PreparedGeometry> plans = new ArrayList<>();
    STRtree tree = new STRtree();
    Crs crs;
    try (LayerReader r = Layers.open(plan); Stream<Feature> s = r.features()) {
      crs = r.crs();
      s.forEach(f -> {
        PreparedGeometry pg = PreparedGeometryFactory.prepare(f.geometry());
        tree.insert(f.geometry().getEnvelopeInternal(), plans.size());
        ids.add(f.string("BSM"));
        plans.add(pg);
      });
    }
    tree.build();
    AreaCalculator areas = AreaCalculator.of(crs, mode);
    int n = plans.size();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long t1 = System.nanoTime();
    // columns: 0 overlap, 1 farmland gross, 2 farmland net
    double[][] lu = stream(dltb, tree, plans, areas, pool, n, true);
    long t2 = System.nanoTime();
    double[][] pb = stream(pbf, tree, plans, areas, pool, n, false);
    long t3 = System.nanoTime();
    pool.shutdown();
    double overlap = 0, gross = 0, net = 0, pbfTotal = 0;
    for (int i = 0; i < n; i++) {
      overlap += lu[i][0];
      gross += lu[i][1];
      net += lu[i][2];
      pbfTotal += pb[i][0];
    }
    if (args.length > 5) {
      try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[5])))) {
        w.println("BSM,overlapM2,farmlandM2,farmlandNetM2,permanentFarmlandM2");
        for (int i = 0; i < n; i++) {
          w.printf(java.util.Locale.ROOT, "%s,%.4f,%.4f,%.4f,%.4f%n", ids.get(i), lu[i][0], lu[i][1], lu[i][2], pb[i][0]);
        }
      }
    }
    System.out.printf(java.util.Locale.ROOT,
        "floor %s threads=%d plans=%d: plan read+index %.2f s, DLTB stream+overlay %.2f s, PBF stream+overlay %.2f s, total %.2f s%n",
        mode, threads, n, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (System.nanoTime() - t0) / 1e9);
    System.out.printf(java.util.Locale.ROOT, "totals: overlap %.2f m², farmland %.2f m², farmland net %.2f m², PBF %.2f m²%n",
        overlap, gross, net, pbfTotal);
  }

  /** Streams one layer in batches through the pool; returns per-plan sums. */
  static double[][] stream(String location, STRtree tree, List<PreparedGeometry> plans, AreaCalculator areas,
      ExecutorService pool, int n, boolean landUse) throws Exception {
    List<Future<double[][]>> futures = new ArrayList<>();
    try (LayerReader r = Layers.open(location); Stream<Feature> s = r.features()) {
      List<Feature> batch = new ArrayList<>(4096);
      var it = s.iterator();
      while (it.hasNext()) {
        batch.add(it.next());
        if (batch.size() == 4096 || !it.hasNext()) {
          List<Feature> b = batch;
          futures.add(pool.submit(() -> overlay(b, tree, plans, areas, n, landUse)));
          batch = new ArrayList<>(4096);
        }
      }
    }
    double[][] sum = new double[n][3];
    for (Future<double[][]> f : futures) {
      double[][] part = f.get();
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < 3; j++) {
          sum[i][j] += part[i][j];
        }
      }
    }
    return sum;
  }

  @SuppressWarnings("unchecked")
  static double[][] overlay(List<Feature> batch, STRtree tree, List<PreparedGeometry> plans, AreaCalculator areas,
      int n, boolean landUse) {
    double[][] out = new double[n][3];
    for (Feature f : batch) {
      Geometry g = f.geometry();
      if (g == null || g.isEmpty()) {
        continue;
      }
      List<Integer> cand = tree.query(g.getEnvelopeInternal());
      if (cand.isEmpty()) {
        continue;
      }
      boolean farm = landUse && FARMLAND.contains(f.string("DLBM"));
      double kcxs = 0;
      if (farm) {
        Double k = f.number("KCXS");
        kcxs = k == null ? 0 : k;
      }
      for (int i : cand) {
        PreparedGeometry p = plans.get(i);
        Geometry piece;
        if (p.containsProperly(g)) {
          piece = g;
        } else if (!p.intersects(g)) {
          continue;
        } else {
          piece = OverlayNGRobust.overlay(p.getGeometry(), g, OverlayNG.INTERSECTION);
        }
        double a = areas.area(piece);
        out[i][0] += a;
        if (farm) {
          out[i][1] += a;
          out[i][2] += a * (1 - kcxs);
        }
      }
    }
    return out;
  }
}
