import java.util.List;
import java.util.Locale;
import org.landledger.io.Feature;
import org.landledger.io.LayerReader;
import org.landledger.io.Layers;
import org.landledger.io.query.FeatureCursor;
import org.landledger.io.query.Query;
import org.locationtech.jts.geom.Envelope;

/**
 * 查询基准: on one layer, times (wall and process CPU, each repeated) a full read of every feature with all fields,
 * a full read of geometries only, a {@code SIDE} m box query around the layer's centre (loose bbox, all fields), the
 * same box counted ({@code count(Query)}), and opening the reader (header, index, CRS).
 *
 * <pre>java -cp CLASSPATH ShapefileQueryBench LOCATION [RUNS=3] [SIDE=2000]</pre>
 */
public final class ShapefileQueryBench {

  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  interface Step {
    long run(LayerReader r);
  }

  public static void main(String[] args) {
    String location = args[0];
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    double side = args.length > 2 ? Double.parseDouble(args[2]) : 2000;
    Envelope box;
    try (LayerReader r = Layers.open(location)) {
      Envelope b = r.bounds();
      double cx = (b.getMinX() + b.getMaxX()) / 2;
      double cy = (b.getMinY() + b.getMaxY()) / 2;
      box = new Envelope(cx - side / 2, cx + side / 2, cy - side / 2, cy + side / 2);
    }
    Query bbox = Query.bbox(box);
    for (int run = 1; run <= runs; run++) {
      time(location, run, "open", r -> r.count());
      time(location, run, "read all (all fields)", r -> drain(r.query(Query.all())));
      time(location, run, "read all (no fields)", r -> drain(r.query(Query.all().withProperties(List.of()))));
      time(location, run, "bbox " + (int) side + " m (all fields)", r -> drain(r.query(bbox)));
      time(location, run, "bbox count", r -> r.count(bbox));
      if (run == 1) {
        try (LayerReader r = Layers.open(location)) {
          System.out.println("index: " + r.getClass().getMethod("spatialIndex").invoke(r));
        } catch (ReflectiveOperationException e) {
          System.out.println("index: none (" + r(e) + ")");
        }
      }
    }
  }

  private static String r(Exception e) {
    return e.getClass().getSimpleName();
  }

  static long drain(FeatureCursor c) {
    long n = 0;
    long v = 0;
    try (c) {
      while (c.hasNext()) {
        Feature f = c.next();
        n++;
        v += f.geometry() == null ? 0 : f.geometry().getNumPoints();
        v += f.attributes().size();
      }
    }
    return n + (v == -1 ? 1 : 0);
  }

  static void time(String location, int run, String what, Step step) {
    long t0 = System.nanoTime();
    long c0 = cpu();
    long n;
    try (LayerReader r = Layers.open(location)) {
      n = step.run(r);
    }
    System.out.printf(Locale.ROOT, "run %d\t%-28s\t%9d\t%.3f s wall\t%.3f s CPU%n", run, what, n,
        (System.nanoTime() - t0) / 1e9, (cpu() - c0) / 1e9);
  }
}
