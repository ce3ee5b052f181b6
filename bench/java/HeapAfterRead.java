import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.landledger.io.Layer;
import org.landledger.io.Layers;

/**
 * 内存占用: reads layers fully into memory with {@code Layers.read} (as the analyses do), forces a full GC and
 * prints the live heap and the bytes per feature; with {@code --histogram N} also the N largest classes of the
 * heap histogram (the JVM's own {@code GC.class_histogram}).
 *
 * <pre>java -cp CLASSPATH HeapAfterRead [--histogram N] LOCATION…</pre>
 */
public final class HeapAfterRead {

  static long liveHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  public static void main(String[] args) throws Exception {
    int top = 0;
    List<String> locations = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--histogram")) {
        top = Integer.parseInt(args[++i]);
      } else {
        locations.add(args[i]);
      }
    }
    Layers.read(locations.get(0)); // warm-up: CRS database, classes (not counted)
    long base = liveHeap();
    List<Layer> held = new ArrayList<>();
    long features = 0;
    long vertices = 0;
    for (String location : locations) {
      Layer l = Layers.read(location);
      held.add(l);
      features += l.size();
      vertices += l.features().stream().mapToLong(f -> f.geometry() == null ? 0 : f.geometry().getNumPoints()).sum();
    }
    long live = liveHeap() - base;
    System.out.printf(java.util.Locale.ROOT, "%d features, %d vertices: live heap %.1f MB, %.0f bytes per feature%n",
        features, vertices, live / 1e6, (double) live / features);
    if (top > 0) {
      String h = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      h.lines().limit(top + 3).forEach(System.out::println);
    }
    System.out.println(held.size() + " layers held");
  }
}
