package org.landledger.io.shapefile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.locationtech.jts.geom.Envelope;

/**
 * MapServer/GDAL 四叉树索引 {@code .qix}: the quadtree that MapServer's {@code shptree} and GDAL's
 * {@code CREATE SPATIAL INDEX} write beside a shapefile (MapServer {@code maptree.c}, shapelib {@code shptree.c}).
 *
 * <p>Format: an 8-byte header {@code "SQT"}, byte order (1 = LSB, 2 = MSB), version, 3 reserved bytes — absent in
 * the old format, whose byte order is guessed as MapServer does — then the shape count and the tree depth (int32),
 * then the nodes depth-first, each: int32 size in bytes of its subtrees, the node's box (min x, min y, max x, max y
 * as doubles), int32 shape count, that many int32 shape ids (0-based record numbers), int32 subnode count, the
 * subnodes. The whole file is read and checked once (sizes, counts, ids within the shape count, depth); a search
 * returns the ids of every node whose box meets the query box — quadtree cells, not the records' own envelopes,
 * so the reader still checks each candidate.
 */
final class QixIndex implements SpatialIndex {

  private static final int MAX_DEPTH = 64;

  private final double[] boxes;
  private final int[] idStart;
  private final int[] idEnd;
  private final int[] firstChild;
  private final int[] childCount;
  private final int[] childList;
  private final int[] ids;
  private final String where;

  private QixIndex(Parser p, String where) {
    this.boxes = Arrays.copyOf(p.boxes, 4 * p.nodes);
    this.idStart = Arrays.copyOf(p.idStart, p.nodes);
    this.idEnd = Arrays.copyOf(p.idEnd, p.nodes);
    this.firstChild = Arrays.copyOf(p.firstChild, p.nodes);
    this.childCount = Arrays.copyOf(p.childCount, p.nodes);
    this.childList = Arrays.copyOf(p.childList, p.children);
    this.ids = Arrays.copyOf(p.ids, p.idCount);
    this.where = where;
  }

  /** Why a .qix cannot be used. */
  static final class Unusable extends Exception {
    Unusable(String message) {
      super(message, null, false, false);
    }
  }

  /** Reads the bytes of a .qix for a shapefile of {@code records} records. */
  static QixIndex read(byte[] bytes, int records, String where) throws Unusable {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int pos;
    if (bytes.length >= 8 && bytes[0] == 'S' && bytes[1] == 'Q' && bytes[2] == 'T') {
      b.order(bytes[3] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
      pos = 8;
    } else {
      // Old format: no signature; the shape count and depth are small, so their high bytes are zero.
      boolean lsb = bytes.length >= 8 && (bytes[4] == 0 && bytes[5] == 0 && bytes[6] == 0 && bytes[7] == 0
          ? !(bytes[0] == 0 && bytes[1] == 0) : !(bytes[4] == 0 && bytes[5] == 0));
      b.order(lsb ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
      pos = 0;
    }
    if (bytes.length < pos + 8) {
      throw new Unusable("shorter than its header");
    }
    int shapes = b.getInt(pos);
    if (shapes != records) {
      throw new Unusable("it indexes " + shapes + " shapes, the .shx " + records);
    }
    Parser p = new Parser(b, records);
    int end = p.node(pos + 8, 0);
    if (end != bytes.length) {
      throw new Unusable((bytes.length - end) + " bytes after the tree");
    }
    return new QixIndex(p, where);
  }

  /** One pass over the tree, filling flat arrays. */
  private static final class Parser {
    final ByteBuffer b;
    final int records;
    double[] boxes = new double[64];
    int[] idStart = new int[16];
    int[] idEnd = new int[16];
    int[] firstChild = new int[16];
    int[] childCount = new int[16];
    int[] childList = new int[16];
    int[] ids = new int[64];
    int nodes;
    int children;
    int idCount;

    Parser(ByteBuffer b, int records) {
      this.b = b;
      this.records = records;
    }

    private int need(int pos, long bytes) throws Unusable {
      if (pos < 0 || pos + bytes > b.limit()) {
        throw new Unusable("truncated at byte " + pos);
      }
      return pos;
    }

    /** Parses the node at {@code pos}; returns the position after its subtree. */
    int node(int pos, int depth) throws Unusable {
      if (depth > MAX_DEPTH) {
        throw new Unusable("deeper than " + MAX_DEPTH + " levels");
      }
      need(pos, 40);
      int subtreeBytes = b.getInt(pos);
      int self = nodes++;
      grow();
      for (int k = 0; k < 4; k++) {
        boxes[4 * self + k] = b.getDouble(pos + 4 + 8 * k);
      }
      int n = b.getInt(pos + 36);
      if (n < 0) {
        throw new Unusable("a node claims " + n + " shapes");
      }
      need(pos + 40, 4L * n + 4);
      idStart[self] = idCount;
      for (int i = 0; i < n; i++) {
        int id = b.getInt(pos + 40 + 4 * i);
        if (id < 0 || id >= records) {
          throw new Unusable("shape id " + id + " outside 0–" + (records - 1));
        }
        if (idCount == ids.length) {
          ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[idCount++] = id;
      }
      idEnd[self] = idCount;
      int at = pos + 40 + 4 * n;
      int subnodes = b.getInt(at);
      if (subnodes < 0 || subnodes > 4) {
        throw new Unusable("a node claims " + subnodes + " subnodes");
      }
      at += 4;
      int subtreesStart = at;
      int[] kids = new int[subnodes];
      for (int k = 0; k < subnodes; k++) {
        kids[k] = nodes;
        at = node(at, depth + 1);
      }
      if (at - subtreesStart != subtreeBytes) {
        throw new Unusable("a node's subtree size " + subtreeBytes + " does not match its subnodes ("
            + (at - subtreesStart) + " bytes)");
      }
      firstChild[self] = children;
      childCount[self] = subnodes;
      for (int k : kids) {
        if (children == childList.length) {
          childList = Arrays.copyOf(childList, childList.length * 2);
        }
        childList[children++] = k;
      }
      return at;
    }

    private void grow() {
      if (nodes > idStart.length) {
        int cap = idStart.length * 2;
        boxes = Arrays.copyOf(boxes, 4 * cap);
        idStart = Arrays.copyOf(idStart, cap);
        idEnd = Arrays.copyOf(idEnd, cap);
        firstChild = Arrays.copyOf(firstChild, cap);
        childCount = Arrays.copyOf(childCount, cap);
      }
    }
  }

  @Override
  public int[] candidates(Envelope box) {
    int[] out = new int[64];
    int n = 0;
    int[] stack = new int[64];
    int sp = 0;
    stack[sp++] = 0;
    while (sp > 0) {
      int node = stack[--sp];
      if (boxes[4 * node] > box.getMaxX() || boxes[4 * node + 2] < box.getMinX()
          || boxes[4 * node + 1] > box.getMaxY() || boxes[4 * node + 3] < box.getMinY()) {
        continue;
      }
      for (int i = idStart[node]; i < idEnd[node]; i++) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = ids[i];
      }
      for (int k = 0; k < childCount[node]; k++) {
        if (sp == stack.length) {
          stack = Arrays.copyOf(stack, sp * 2);
        }
        stack[sp++] = childList[firstChild[node] + k];
      }
    }
    int[] r = Arrays.copyOf(out, n);
    Arrays.sort(r);
    int m = 0;
    for (int i = 0; i < r.length; i++) {
      if (m == 0 || r[i] != r[m - 1]) {
        r[m++] = r[i];
      }
    }
    return Arrays.copyOf(r, m);
  }

  @Override
  public long count(Envelope box) {
    return -1;
  }

  @Override
  public String describe() {
    return "MapServer quadtree (" + where + ")";
  }
}
