package org.landledger.io.shapefile;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXY;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.CoordinateArraySequence;
import org.locationtech.jts.geom.impl.CoordinateArraySequenceFactory;

/**
 * 形状解码: one shapefile record's content → JTS, checking as it goes that the counts fit the record, the part
 * indexes are ordered and inside it, and every coordinate is finite and inside the {@link Domain} — before any
 * array is allocated from a count, and before JTS sees a coordinate (a +Inf vertex makes JTS's orientation test
 * spin forever).
 *
 * <p>Polygons: a clockwise ring is an outer ring (shell), a counter-clockwise one a hole of the smallest shell that
 * contains it, as the specification says — checked against the rings' nesting, which wins (and is reported) when
 * the two disagree, see {@link #assemble}. Every polygon record is a MultiPolygon, a polyline a
 * MultiLineString, a multipoint a MultiPoint, a point a Point; 2D types have {@link CoordinateXY} coordinates, Z
 * types xyz; M values are not read. One shared {@link #FACTORY} (SRID 0).
 */
final class ShapeDecoder {

  static final GeometryFactory FACTORY = new GeometryFactory(CoordinateArraySequenceFactory.instance());

  /** What a ring needs mending for; the reader decides (repair and count, or refuse). */
  interface RingDefects {
    /** Part {@code part} (0-based) is not closed and has {@code distinct} ≥ 3 distinct points: it is closed. */
    void unclosed(int part, int distinct);

    /**
     * Part {@code part} has fewer than 3 distinct points (no area): it is left out of the polygon; {@code others}
     * = how many rings of the record are kept.
     */
    void degenerate(int part, int distinct, int others);

    /**
     * Part {@code part}'s orientation contradicts its nesting (clockwise but inside an odd number of rings, or
     * counter-clockwise at an even depth): it is read as {@code hole} says and turned round.
     */
    void reoriented(int part, boolean hole);
  }

  private final int fileType;
  private final Domain domain;
  private final RingDefects rings;
  private final int dim;

  ShapeDecoder(int fileType, Domain domain, RingDefects rings) {
    this.fileType = fileType;
    this.domain = domain;
    this.rings = rings;
    this.dim = ShapeTypes.hasZ(fileType) ? 3 : 2;
  }

  /**
   * The geometry of the record whose content (starting with the shape type) lies at {@code b[c, c + len)}; null
   * for a null shape of a non-polygon file, an empty MultiPolygon for one of a polygon file.
   */
  Geometry decode(ByteBuffer b, int c, int len) {
    int type = b.getInt(c);
    if (type == ShapeTypes.NULL) {
      return ShapeTypes.isPolygon(fileType) ? FACTORY.createMultiPolygon() : null;
    }
    if (type != fileType) {
      throw new RecordException("shape type " + type + " (" + ShapeTypes.describe(type) + ") in a "
          + ShapeTypes.describe(fileType) + " shapefile");
    }
    if (ShapeTypes.isPoint(type)) {
      return point(b, c, len);
    }
    if (ShapeTypes.isMultiPoint(type)) {
      return multiPoint(b, c, len);
    }
    return ShapeTypes.isPolygon(type) ? polygon(b, c, len) : line(b, c, len);
  }

  private Point point(ByteBuffer b, int c, int len) {
    int need = dim == 3 ? 28 : 20;
    if (len < need) {
      throw new RecordException("a " + ShapeTypes.describe(fileType) + " record needs " + need
          + " bytes of content, this one has " + len);
    }
    Coordinate p = coordinate(b, c + 4, dim == 3 ? c + 20 : -1, 0);
    return FACTORY.createPoint(new CoordinateArraySequence(new Coordinate[] {p}, dim, 0));
  }

  private Geometry multiPoint(ByteBuffer b, int c, int len) {
    if (len < 40) {
      throw new RecordException("a multipoint record needs at least 40 bytes of content, this one has " + len);
    }
    int n = b.getInt(c + 36);
    long need = 40L + 16L * Integer.toUnsignedLong(n) + (dim == 3 ? 16L + 8L * Integer.toUnsignedLong(n) : 0);
    if (n < 0 || need > len) {
      throw new RecordException("claims " + n + " points, more than its " + len + " bytes of content hold");
    }
    Envelope box = recordBox(b, c);
    int xy = c + 40;
    int z = xy + 16 * n + 16;
    Point[] points = new Point[n];
    for (int i = 0; i < n; i++) {
      Coordinate p = coordinate(b, xy + 16 * i, dim == 3 ? z + 8 * i : -1, i);
      checkInBox(box, p);
      points[i] = FACTORY.createPoint(new CoordinateArraySequence(new Coordinate[] {p}, dim, 0));
    }
    return FACTORY.createMultiPoint(points);
  }

  /** Part starts of a polyline or polygon record, checked against the point count. */
  private int[] parts(ByteBuffer b, int c, int len, int parts, int points) {
    long extra = dim == 3 ? 16L + 8L * Integer.toUnsignedLong(points) : 0;
    long need = 44L + 4L * Integer.toUnsignedLong(parts) + 16L * Integer.toUnsignedLong(points) + extra;
    if (parts < 0 || points < 0 || need > len) {
      throw new RecordException("claims " + parts + " parts and " + points + " points, more than its " + len
          + " bytes of content hold");
    }
    if (parts == 0 && points > 0) {
      throw new RecordException("has " + points + " points but no parts");
    }
    int[] starts = new int[parts + 1];
    for (int k = 0; k < parts; k++) {
      starts[k] = b.getInt(c + 44 + 4 * k);
    }
    starts[parts] = points;
    if (parts > 0 && starts[0] != 0) {
      throw new RecordException("part 1 starts at point " + starts[0] + ", not 0");
    }
    for (int k = 0; k < parts; k++) {
      if (starts[k + 1] <= starts[k] || starts[k + 1] > points) {
        throw new RecordException("part " + (k + 1) + " has no points (part starts " + starts[k] + ", "
            + starts[k + 1] + " of " + points + " points)");
      }
    }
    return starts;
  }

  private Geometry line(ByteBuffer b, int c, int len) {
    if (len < 44) {
      throw new RecordException("a polyline record needs at least 44 bytes of content, this one has " + len);
    }
    int nParts = b.getInt(c + 36);
    int nPoints = b.getInt(c + 40);
    int[] starts = parts(b, c, len, nParts, nPoints);
    Envelope box = recordBox(b, c);
    int xy = c + 44 + 4 * nParts;
    int z = xy + 16 * nPoints + 16;
    LineString[] lines = new LineString[nParts];
    for (int k = 0; k < nParts; k++) {
      int n = starts[k + 1] - starts[k];
      if (n < 2) {
        throw new RecordException("part " + (k + 1) + " of a polyline has a single point");
      }
      Coordinate[] cs = new Coordinate[n];
      for (int i = 0; i < n; i++) {
        int p = starts[k] + i;
        cs[i] = coordinate(b, xy + 16 * p, dim == 3 ? z + 8 * p : -1, p);
        checkInBox(box, cs[i]);
      }
      lines[k] = FACTORY.createLineString(new CoordinateArraySequence(cs, dim, 0));
    }
    return FACTORY.createMultiLineString(lines);
  }

  private Geometry polygon(ByteBuffer b, int c, int len) {
    if (len < 44) {
      throw new RecordException("a polygon record needs at least 44 bytes of content, this one has " + len);
    }
    int nParts = b.getInt(c + 36);
    int nPoints = b.getInt(c + 40);
    int[] starts = parts(b, c, len, nParts, nPoints);
    Envelope box = recordBox(b, c);
    int xy = c + 44 + 4 * nParts;
    int z = xy + 16 * nPoints + 16;
    List<LinearRing> rs = new ArrayList<>();
    List<Integer> ringParts = new ArrayList<>();
    List<int[]> degenerate = new ArrayList<>();
    for (int k = 0; k < nParts; k++) {
      int n = starts[k + 1] - starts[k];
      Coordinate[] read = new Coordinate[n];
      for (int i = 0; i < n; i++) {
        int p = starts[k] + i;
        read[i] = coordinate(b, xy + 16 * p, dim == 3 ? z + 8 * p : -1, p);
        checkInBox(box, read[i]);
      }
      boolean closed = read[0].equals2D(read[n - 1]);
      int distinct = distinct(read, closed ? n - 1 : n);
      if (distinct < 3) {
        degenerate.add(new int[] {k, distinct});
        continue;
      }
      Coordinate[] cs = read;
      if (!closed) {
        cs = java.util.Arrays.copyOf(read, n + 1);
        cs[n] = read[0].copy();
        rings.unclosed(k, distinct);
      }
      rs.add(FACTORY.createLinearRing(new CoordinateArraySequence(cs, dim, 0)));
      ringParts.add(k);
    }
    for (int[] d : degenerate) {
      rings.degenerate(d[0], d[1], rs.size());
    }
    return assemble(rs, ringParts);
  }

  /**
   * Rings → polygons. A ring's nesting depth (how many of the record's other rings contain it) says what it is:
   * even = outer ring, odd = hole of the smallest ring one level up that contains it. On a valid record that is
   * exactly what the orientation says (clockwise = outer); where orientation and nesting disagree (a
   * counter-clockwise outer ring, a record written with every ring reversed, a hole outside its shell) nesting wins,
   * the ring is turned to the orientation of its role and reported — as GDAL organises such polygons.
   */
  private Geometry assemble(List<LinearRing> rs, List<Integer> parts) {
    int r = rs.size();
    if (r == 0) {
      return FACTORY.createMultiPolygon();
    }
    boolean[] ccw = new boolean[r];
    for (int i = 0; i < r; i++) {
      ccw[i] = Orientation.isCCW(rs.get(i).getCoordinateSequence());
    }
    int[] depth = r == 1 ? new int[1] : depths(rs, false);
    if (!consistent(ccw, depth) && r > 1) {
      depth = depths(rs, true); // a partial overlap must not pass for nesting: every vertex checked
    }
    List<LinearRing> shells = new ArrayList<>();
    List<Integer> shellOf = new ArrayList<>();
    int[] shellIndex = new int[r];
    for (int i = 0; i < r; i++) {
      boolean hole = depth[i] % 2 == 1;
      LinearRing ring = rs.get(i);
      if (hole != ccw[i]) {
        rings.reoriented(parts.get(i), hole);
        ring = ring.reverse();
        rs.set(i, ring);
      }
      if (!hole) {
        shellIndex[i] = shells.size();
        shells.add(ring);
        shellOf.add(i);
      }
    }
    List<List<LinearRing>> holesOf = new ArrayList<>();
    shells.forEach(s -> holesOf.add(new ArrayList<>()));
    for (int i = 0; i < r; i++) {
      if (depth[i] % 2 == 1) {
        holesOf.get(shellIndex[home(rs, depth, i)]).add(rs.get(i));
      }
    }
    Polygon[] polygons = new Polygon[shells.size()];
    for (int k = 0; k < polygons.length; k++) {
      polygons[k] = FACTORY.createPolygon(shells.get(k), holesOf.get(k).toArray(new LinearRing[0]));
    }
    return FACTORY.createMultiPolygon(polygons);
  }

  private static boolean consistent(boolean[] ccw, int[] depth) {
    for (int i = 0; i < ccw.length; i++) {
      if (ccw[i] != (depth[i] % 2 == 1)) {
        return false;
      }
    }
    return true;
  }

  /** How many other rings contain each ring. */
  private static int[] depths(List<LinearRing> rs, boolean everyVertex) {
    int[] depth = new int[rs.size()];
    for (int i = 0; i < rs.size(); i++) {
      for (int j = 0; j < rs.size(); j++) {
        if (i != j && contains(rs.get(j), rs.get(i), everyVertex)) {
          depth[i]++;
        }
      }
    }
    return depth;
  }

  /**
   * Whether ring {@code outer} contains ring {@code inner}: envelopes, then the first vertex of {@code inner} not
   * on {@code outer}'s boundary lies inside (or, {@code everyVertex}, no vertex lies outside and one inside).
   */
  private static boolean contains(LinearRing outer, LinearRing inner, boolean everyVertex) {
    if (!outer.getEnvelopeInternal().covers(inner.getEnvelopeInternal())) {
      return false;
    }
    org.locationtech.jts.geom.CoordinateSequence seq = outer.getCoordinateSequence();
    org.locationtech.jts.geom.CoordinateSequence in = inner.getCoordinateSequence();
    boolean inside = false;
    for (int k = 0; k < in.size() - 1; k++) {
      int loc = RayCrossingCounter.locatePointInRing(in.getCoordinate(k), seq);
      if (loc == Location.EXTERIOR) {
        return false;
      }
      if (loc == Location.INTERIOR) {
        inside = true;
        if (!everyVertex) {
          return true;
        }
      }
    }
    return inside;
  }

  /** The ring one level up that contains hole {@code h}: the smallest by envelope. */
  private static int home(List<LinearRing> rs, int[] depth, int h) {
    int best = -1;
    for (int j = 0; j < rs.size(); j++) {
      if (depth[j] == depth[h] - 1 && contains(rs.get(j), rs.get(h), false)
          && (best < 0 || rs.get(best).getEnvelopeInternal().covers(rs.get(j).getEnvelopeInternal()))) {
        best = j;
      }
    }
    return best;
  }

  /** Number of distinct points among the first {@code n} (a ring's vertices without its closing one), up to 3. */
  private static int distinct(Coordinate[] cs, int n) {
    if (n <= 0) {
      return 0;
    }
    int d = 1;
    for (int i = 1; i < n && d < 3; i++) {
      boolean seen = false;
      for (int j = 0; j < i && !seen; j++) {
        seen = cs[i].equals2D(cs[j]);
      }
      if (!seen) {
        d++;
      }
    }
    return d;
  }

  /** The record's own bounding box (xmin, ymin, xmax, ymax after the shape type). */
  private Envelope recordBox(ByteBuffer b, int c) {
    double x0 = b.getDouble(c + 4);
    double y0 = b.getDouble(c + 12);
    double x1 = b.getDouble(c + 20);
    double y1 = b.getDouble(c + 28);
    return new Envelope(x0, x1, y0, y1);
  }

  private static void checkInBox(Envelope box, Coordinate p) {
    if (!(p.x >= box.getMinX() && p.x <= box.getMaxX() && p.y >= box.getMinY() && p.y <= box.getMaxY())) {
      throw new RecordException("vertex (" + p.x + ", " + p.y + ") lies outside the record's own bounding box "
          + box.getMinX() + ", " + box.getMinY() + " – " + box.getMaxX() + ", " + box.getMaxY());
    }
  }

  /** Point {@code index} of the record: x, y at {@code xy}, z at {@code z} (or none), checked against the domain. */
  private Coordinate coordinate(ByteBuffer b, int xy, int z, int index) {
    double x = b.getDouble(xy);
    double y = b.getDouble(xy + 8);
    if (!domain.contains(x, y)) {
      throw new RecordException("vertex " + (index + 1) + " at (" + x + ", " + y + ") " + domain.why(x, y));
    }
    if (z < 0) {
      return new CoordinateXY(x, y);
    }
    double zv = b.getDouble(z);
    if (!Double.isFinite(zv)) {
      throw new RecordException("vertex " + (index + 1) + " has a non-finite z (" + zv + ")");
    }
    return new Coordinate(x, y, zv);
  }
}
