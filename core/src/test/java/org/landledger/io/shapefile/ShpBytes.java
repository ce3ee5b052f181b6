package org.landledger.io.shapefile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * 手工字节: builds shapefile record contents and rewrites a .shp/.shx pair record by record, for tests that need
 * records no writer produces (open rings, hole-only polygons, counts that lie).
 */
final class ShpBytes {

  private ShpBytes() {}

  /**
   * A polygon (type 5) or polyline (type 3) record's content: parts given as x, y, x, y, … arrays (written as
   * given: closed or not); the box is computed from the points.
   */
  static byte[] poly(int type, double[]... parts) {
    int points = 0;
    for (double[] p : parts) {
      points += p.length / 2;
    }
    ByteBuffer b = ByteBuffer.allocate(44 + 4 * parts.length + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(type);
    double[] box = box(parts);
    for (double v : box) {
      b.putDouble(v);
    }
    b.putInt(parts.length).putInt(points);
    int start = 0;
    for (double[] p : parts) {
      b.putInt(start);
      start += p.length / 2;
    }
    for (double[] p : parts) {
      for (double v : p) {
        b.putDouble(v);
      }
    }
    return b.array();
  }

  /** A point record's content. */
  static byte[] point(double x, double y) {
    return ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putDouble(x).putDouble(y).array();
  }

  /** A null shape's content. */
  static byte[] nullShape() {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0).array();
  }

  /** Min x, min y, max x, max y of the parts (finite values only, so a box stays writable around a bad vertex). */
  static double[] box(double[]... parts) {
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (double[] p : parts) {
      for (int i = 0; i + 1 < p.length; i += 2) {
        if (Double.isFinite(p[i]) && Double.isFinite(p[i + 1])) {
          box[0] = Math.min(box[0], p[i]);
          box[1] = Math.min(box[1], p[i + 1]);
          box[2] = Math.max(box[2], p[i]);
          box[3] = Math.max(box[3], p[i + 1]);
        }
      }
    }
    return box;
  }

  /** The record contents of a .shp, by its .shx. */
  static List<byte[]> records(Path shp) throws IOException {
    byte[] s = Files.readAllBytes(shp);
    byte[] x = Files.readAllBytes(ShapefileFiles.sibling(shp, ".shx"));
    ByteBuffer shx = ByteBuffer.wrap(x).order(ByteOrder.BIG_ENDIAN);
    List<byte[]> out = new ArrayList<>();
    for (int at = 100; at + 8 <= x.length; at += 8) {
      int off = shx.getInt(at) * 2;
      int len = shx.getInt(at + 4) * 2;
      byte[] c = new byte[len];
      System.arraycopy(s, off + 8, c, 0, len);
      out.add(c);
    }
    return out;
  }

  /** Writes a .shp and .shx of shape type {@code type} holding {@code contents}, headers computed (box of all). */
  static void write(Path shp, int type, List<byte[]> contents) throws IOException {
    int size = 100;
    for (byte[] c : contents) {
      size += 8 + c.length;
    }
    ByteBuffer s = ByteBuffer.allocate(size);
    ByteBuffer x = ByteBuffer.allocate(100 + 8 * contents.size());
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (byte[] c : contents) {
      ByteBuffer cb = ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN);
      int t = cb.getInt(0);
      if (t == 1 && c.length >= 20) {
        grow(box, cb.getDouble(4), cb.getDouble(12), cb.getDouble(4), cb.getDouble(12));
      } else if (t != 0 && c.length >= 36) {
        grow(box, cb.getDouble(4), cb.getDouble(12), cb.getDouble(20), cb.getDouble(28));
      }
    }
    header(s, type, size, box);
    header(x, type, x.capacity(), box);
    int n = 1;
    for (byte[] c : contents) {
      x.order(ByteOrder.BIG_ENDIAN).putInt(s.position() / 2).putInt(c.length / 2);
      s.order(ByteOrder.BIG_ENDIAN).putInt(n++).putInt(c.length / 2);
      s.put(c);
    }
    Files.write(shp, s.array());
    Files.write(ShapefileFiles.sibling(shp, ".shx"), x.array());
  }

  private static void grow(double[] box, double x0, double y0, double x1, double y1) {
    if (Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1)) {
      box[0] = Math.min(box[0], x0);
      box[1] = Math.min(box[1], y0);
      box[2] = Math.max(box[2], x1);
      box[3] = Math.max(box[3], y1);
    }
  }

  private static void header(ByteBuffer b, int type, int size, double[] box) {
    b.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, size / 2);
    b.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, type);
    for (int i = 0; i < 4; i++) {
      b.putDouble(36 + 8 * i, box[0] <= box[2] ? box[i] : 0);
    }
    b.position(100);
  }

  /** Replaces record {@code k} (0-based) of a shapefile, all other records kept. */
  static void replace(Path shp, int k, byte[] content) throws IOException {
    List<byte[]> rs = new ArrayList<>(records(shp));
    rs.set(k, content);
    write(shp, ByteBuffer.wrap(Files.readAllBytes(shp)).order(ByteOrder.LITTLE_ENDIAN).getInt(32), rs);
  }
}
