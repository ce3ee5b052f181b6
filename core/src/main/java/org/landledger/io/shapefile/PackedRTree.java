package org.landledger.io.shapefile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.locationtech.jts.geom.Envelope;

/**
 * 压缩 Hilbert R 树: a static R-tree packed like FlatGeobuf's index — the records' envelopes sorted by the
 * Hilbert value of their centres, grouped 16 to a node, level upon level up to one root; stored root first, leaves
 * last, so a search is a walk over one byte buffer (a memory-mapped {@code .llidx} file beside the shapefile, or
 * the same bytes in memory when its folder is not writable).
 *
 * <p>Layout, little-endian: a 128-byte header ({@code "LLRTREE1"}, node size, item count, record count, the
 * {@link Stamp} of the shapefile it indexes, the extent) and then one 40-byte entry per node — min x, min y,
 * max x, max y (doubles, the exact envelope for a leaf) and a long: the record index (0-based) for a leaf, the
 * first child's entry for an inner node.
 */
final class PackedRTree implements SpatialIndex {

  static final byte[] MAGIC = "LLRTREE1".getBytes(StandardCharsets.US_ASCII);
  static final int HEADER = 128;
  static final int ENTRY = 40;
  static final int NODE_SIZE = 16;

  /**
   * 指纹: what identifies the shapefile an index was built for — .shp size and modification time, CRC-32 of the
   * .shx and of the .shp header, record count. Any change means rebuild.
   */
  record Stamp(long shpSize, long shpModified, long shxCrc, long shpHeaderCrc, int records) {}

  private final ByteBuffer buf;
  private final int items;
  private final long[] levelStart;
  private final long[] levelCount;
  private final String where;

  private PackedRTree(ByteBuffer buf, String where) {
    this.buf = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    this.items = this.buf.getInt(12);
    long[][] levels = levels(items);
    this.levelCount = levels[0];
    this.levelStart = levels[1];
    this.where = where;
  }

  /** Reads an index; null when the bytes are not one of ours for {@code stamp} (stale, damaged, other file). */
  static PackedRTree open(ByteBuffer bytes, Stamp stamp, String where) {
    ByteBuffer b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    if (b.limit() < HEADER) {
      return null;
    }
    byte[] magic = new byte[MAGIC.length];
    b.get(0, magic);
    if (!Arrays.equals(magic, MAGIC) || b.getInt(8) != NODE_SIZE || !stamp(b).equals(stamp)) {
      return null;
    }
    int items = b.getInt(12);
    long[][] levels = levels(items);
    long nodes = Arrays.stream(levels[0]).sum();
    if (items < 0 || items > stamp.records() || b.limit() != HEADER + nodes * ENTRY) {
      return null;
    }
    return new PackedRTree(b, where);
  }

  private static Stamp stamp(ByteBuffer b) {
    return new Stamp(b.getLong(24), b.getLong(32), b.getLong(40), b.getLong(48), b.getInt(16));
  }

  /** Level sizes and starts, level 0 = leaves, stored top level first. */
  private static long[][] levels(int items) {
    int n = Math.max(items, 0);
    java.util.List<Long> counts = new java.util.ArrayList<>();
    counts.add((long) n);
    long c = n;
    while (c > 1) {
      c = (c + NODE_SIZE - 1) / NODE_SIZE;
      counts.add(c);
    }
    long[] count = counts.stream().mapToLong(Long::longValue).toArray();
    long[] start = new long[count.length];
    long at = 0;
    for (int l = count.length - 1; l >= 0; l--) {
      start[l] = at;
      at += count[l];
    }
    return new long[][] {count, start};
  }

  /**
   * Builds the index bytes of {@code ids.length} records: {@code boxes} holds min x, min y, max x, max y of each in
   * turn.
   */
  static ByteBuffer build(int[] ids, double[] boxes, Stamp stamp) {
    int n = ids.length;
    Envelope extent = new Envelope();
    for (int i = 0; i < n; i++) {
      extent.expandToInclude(boxes[4 * i], boxes[4 * i + 1]);
      extent.expandToInclude(boxes[4 * i + 2], boxes[4 * i + 3]);
    }
    long[] keys = new long[n];
    double w = extent.getWidth() > 0 ? extent.getWidth() : 1;
    double h = extent.getHeight() > 0 ? extent.getHeight() : 1;
    for (int i = 0; i < n; i++) {
      double cx = (boxes[4 * i] + boxes[4 * i + 2]) / 2;
      double cy = (boxes[4 * i + 1] + boxes[4 * i + 3]) / 2;
      int hx = (int) Math.min(65535, Math.max(0, Math.floor((cx - extent.getMinX()) / w * 65535)));
      int hy = (int) Math.min(65535, Math.max(0, Math.floor((cy - extent.getMinY()) / h * 65535)));
      keys[i] = (hilbert(hx, hy) << 31) | i;
    }
    Arrays.sort(keys);
    long[][] levels = levels(n);
    long nodes = Arrays.stream(levels[0]).sum();
    if (HEADER + nodes * ENTRY > Integer.MAX_VALUE) {
      throw new IllegalStateException("too many records for one index: " + n);
    }
    ByteBuffer b = ByteBuffer.allocate((int) (HEADER + nodes * ENTRY)).order(ByteOrder.LITTLE_ENDIAN);
    b.put(0, MAGIC).putInt(8, NODE_SIZE).putInt(12, n).putInt(16, stamp.records())
        .putLong(24, stamp.shpSize()).putLong(32, stamp.shpModified()).putLong(40, stamp.shxCrc())
        .putLong(48, stamp.shpHeaderCrc());
    if (n > 0) {
      b.putDouble(56, extent.getMinX()).putDouble(64, extent.getMinY()).putDouble(72, extent.getMaxX())
          .putDouble(80, extent.getMaxY());
    }
    long leaves = levels[1][0];
    for (int k = 0; k < n; k++) {
      int i = (int) (keys[k] & 0x7fffffffL);
      put(b, leaves + k, boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3], ids[i]);
    }
    for (int l = 1; l < levels[0].length; l++) {
      long childStart = levels[1][l - 1];
      long childCount = levels[0][l - 1];
      for (long j = 0; j < levels[0][l]; j++) {
        long first = childStart + j * NODE_SIZE;
        long last = Math.min(childStart + childCount, first + NODE_SIZE);
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (long c = first; c < last; c++) {
          int at = (int) (HEADER + c * ENTRY);
          x0 = Math.min(x0, b.getDouble(at));
          y0 = Math.min(y0, b.getDouble(at + 8));
          x1 = Math.max(x1, b.getDouble(at + 16));
          y1 = Math.max(y1, b.getDouble(at + 24));
        }
        put(b, levels[1][l] + j, x0, y0, x1, y1, first);
      }
    }
    return b;
  }

  private static void put(ByteBuffer b, long entry, double x0, double y0, double x1, double y1, long ref) {
    int at = (int) (HEADER + entry * ENTRY);
    b.putDouble(at, x0).putDouble(at + 8, y0).putDouble(at + 16, x1).putDouble(at + 24, y1).putLong(at + 32, ref);
  }

  /** The Hilbert curve index of (x, y) on a 65 536 × 65 536 grid. */
  static long hilbert(int x, int y) {
    long d = 0;
    int n = 1 << 16;
    for (int s = n / 2; s > 0; s /= 2) {
      int rx = (x & s) > 0 ? 1 : 0;
      int ry = (y & s) > 0 ? 1 : 0;
      d += (long) s * s * ((3 * rx) ^ ry);
      if (ry == 0) {
        if (rx == 1) {
          x = n - 1 - x;
          y = n - 1 - y;
        }
        int t = x;
        x = y;
        y = t;
      }
    }
    return d;
  }

  private boolean meets(long entry, Envelope box) {
    int at = (int) (HEADER + entry * ENTRY);
    return buf.getDouble(at) <= box.getMaxX() && buf.getDouble(at + 16) >= box.getMinX()
        && buf.getDouble(at + 8) <= box.getMaxY() && buf.getDouble(at + 24) >= box.getMinY();
  }

  /** Visits the leaf entries that meet the box. */
  private void search(Envelope box, java.util.function.LongConsumer leaf) {
    if (items == 0) {
      return;
    }
    int top = levelCount.length - 1;
    long[] stack = new long[64 * NODE_SIZE];
    int[] stackLevel = new int[stack.length];
    int sp = 0;
    if (meets(levelStart[top], box)) {
      stack[sp] = levelStart[top];
      stackLevel[sp++] = top;
    }
    while (sp > 0) {
      long entry = stack[--sp];
      int level = stackLevel[sp];
      if (level == 0) {
        leaf.accept(entry);
        continue;
      }
      long j = entry - levelStart[level];
      long first = levelStart[level - 1] + j * NODE_SIZE;
      long last = Math.min(levelStart[level - 1] + levelCount[level - 1], first + NODE_SIZE);
      for (long c = last - 1; c >= first; c--) {
        if (meets(c, box)) {
          if (sp == stack.length) {
            stack = Arrays.copyOf(stack, stack.length * 2);
            stackLevel = Arrays.copyOf(stackLevel, stack.length);
          }
          stack[sp] = c;
          stackLevel[sp++] = level - 1;
        }
      }
    }
  }

  @Override
  public int[] candidates(Envelope box) {
    int[] out = new int[64];
    int[] n = {0};
    int[][] holder = {out};
    search(box, e -> {
      if (n[0] == holder[0].length) {
        holder[0] = Arrays.copyOf(holder[0], holder[0].length * 2);
      }
      holder[0][n[0]++] = (int) buf.getLong((int) (HEADER + e * ENTRY) + 32);
    });
    int[] ids = Arrays.copyOf(holder[0], n[0]);
    Arrays.sort(ids);
    return ids;
  }

  @Override
  public long count(Envelope box) {
    long[] n = {0};
    search(box, e -> n[0]++);
    return n[0];
  }

  @Override
  public String describe() {
    return "packed Hilbert R-tree (" + where + ")";
  }
}
