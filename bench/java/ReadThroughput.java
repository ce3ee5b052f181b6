import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.landledger.io.Feature;
import org.landledger.io.LayerReader;
import org.landledger.io.Layers;

/**
 * 读取吞吐量: streams a layer with {@code Layers.open(...).features()} and counts features and vertices
 * (so geometries and attributes are really decoded), printing features/s.
 *
 * <pre>java -cp CLASSPATH ReadThroughput LOCATION [RUNS]</pre>
 *
 * Each run is timed separately (wall and process CPU) (first run includes class loading / JIT warm-up; the OS page cache is
 * warm after the first run, so later runs measure decoding, not the disk).
 */
public final class ReadThroughput {

  /** CPU time of the whole process (all threads, GC and JIT included): on a shared machine wall time mostly measures the queue. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  public static void main(String[] args) {
    String location = args[0];
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    for (int run = 1; run <= runs; run++) {
      long t0 = System.nanoTime();
      long c0 = cpuNanos();
      LongAdder features = new LongAdder();
      LongAdder vertices = new LongAdder();
      LongAdder attrs = new LongAdder();
      try (LayerReader r = Layers.open(location); Stream<Feature> s = r.features()) {
        s.forEach(f -> {
          features.increment();
          vertices.add(f.geometry() == null ? 0 : f.geometry().getNumPoints());
          attrs.add(f.attributes().size());
        });
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      double cpu = (cpuNanos() - c0) / 1e9;
      System.out.printf(java.util.Locale.ROOT, "run %d: %d features, %d vertices, %d attribute values in %.2f s wall"
          + " (%.0f features/s), %.2f s CPU (%.0f features per CPU-second)%n",
          run, features.sum(), vertices.sum(), attrs.sum(), secs, features.sum() / secs, cpu, features.sum() / cpu);
    }
  }
}
