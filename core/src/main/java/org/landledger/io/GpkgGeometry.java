package org.landledger.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * GeoPackage 几何: reads a GeoPackage geometry blob (OGC 12-128r18 §2.1.3: the "GP" header with flags,
 * srs_id and an optional envelope, then standard WKB) into a JTS geometry, checking the header against the
 * geometry: magic and version, the envelope code, the srs_id against the column's, the empty flag and the
 * envelope against the WKB, finite coordinates. Every defect is bad input naming the file, feature and column.
 *
 * <p>Why not NGA's {@code GeoPackageGeometryData}: it parses every geometry into its own object model before
 * we convert it to JTS (twice the work on a full read), and it accepts a header that contradicts its WKB.
 */
final class GpkgGeometry {

  private static final int[] ENVELOPE_DOUBLES = {0, 4, 6, 6, 8};

  private GpkgGeometry() {}

  /**
   * The geometry of a blob (null for SQL NULL); {@code columnSrsId} is the geometry column's srs_id (blobs
   * with 0 or −1, "undefined", are taken to be in it).
   */
  static Geometry read(byte[] blob, WKBReader wkb, int columnSrsId, String location, String fid, String column) {
    if (blob == null) {
      return null;
    }
    if (blob.length < 8) {
      throw bad(location, fid, column, "geometry blob of " + blob.length + " bytes is shorter than a GeoPackage header");
    }
    if (blob[0] != 'G' || blob[1] != 'P') {
      throw bad(location, fid, column, String.format(Locale.ROOT,
          "not a GeoPackage geometry: the blob starts with 0x%02X 0x%02X instead of \"GP\"", blob[0] & 0xff, blob[1] & 0xff));
    }
    if (blob[2] != 0) {
      throw bad(location, fid, column, "unsupported GeoPackage geometry version " + (blob[2] & 0xff));
    }
    int flags = blob[3] & 0xff;
    if ((flags & 0x20) != 0) {
      throw bad(location, fid, column, "extended GeoPackage geometry (flag X) is not supported");
    }
    int envelopeCode = (flags >> 1) & 0x07;
    if (envelopeCode > 4) {
      throw bad(location, fid, column, "invalid envelope code " + envelopeCode + " in the geometry header");
    }
    boolean empty = (flags & 0x10) != 0;
    ByteBuffer header = ByteBuffer.wrap(blob).order((flags & 1) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    int srsId = header.getInt(4);
    int headerLength = 8 + 8 * ENVELOPE_DOUBLES[envelopeCode];
    if (blob.length <= headerLength) {
      throw bad(location, fid, column, "geometry blob of " + blob.length + " bytes ends inside its " + headerLength
          + "-byte header");
    }
    if (srsId != columnSrsId && srsId > 0 && columnSrsId > 0) {
      throw bad(location, fid, column, "geometry srs_id " + srsId + " differs from the column's srs_id " + columnSrsId);
    }
    Geometry g;
    try {
      byte[] body = new byte[blob.length - headerLength];
      System.arraycopy(blob, headerLength, body, 0, body.length);
      g = wkb.read(body);
    } catch (ParseException | RuntimeException e) {
      throw bad(location, fid, column, "unreadable WKB: " + e.getMessage());
    }
    if (empty && !g.isEmpty()) {
      throw bad(location, fid, column, "the header flags the geometry as empty but the WKB holds a "
          + g.getGeometryType() + " of " + g.getNumPoints() + " points");
    }
    checkFinite(g, location, fid, column);
    if (envelopeCode > 0 && !g.isEmpty()) {
      Envelope h = new Envelope(header.getDouble(8), header.getDouble(16), header.getDouble(24), header.getDouble(32));
      Envelope actual = g.getEnvelopeInternal();
      // A writer rounding the envelope in its last bits is not a defect worth refusing a file for.
      double slack = 1e-9 * Math.max(1, Math.max(Math.abs(actual.getMaxX()), Math.abs(actual.getMaxY())));
      Envelope tolerant = new Envelope(h);
      tolerant.expandBy(slack);
      if (!tolerant.covers(actual)) {
        throw bad(location, fid, column, "the header envelope " + text(h) + " does not contain the geometry's " + text(actual));
      }
    }
    return g;
  }

  private static void checkFinite(Geometry g, String location, String fid, String column) {
    int[] index = {0};
    Coordinate[] bad = {null};
    g.apply((CoordinateFilter) c -> {
      if (bad[0] == null && !(Double.isFinite(c.x) && Double.isFinite(c.y))) {
        bad[0] = c;
      }
      if (bad[0] == null) {
        index[0]++;
      }
    });
    if (bad[0] != null && !g.isEmpty()) {
      throw bad(location, fid, column, "coordinate " + (index[0] + 1) + " is not finite (" + bad[0].x + ", " + bad[0].y + ")");
    }
  }

  private static String text(Envelope e) {
    return "[" + e.getMinX() + ", " + e.getMinY() + " – " + e.getMaxX() + ", " + e.getMaxY() + "]";
  }

  private static InputDataException bad(String location, String fid, String column, String message) {
    return new InputDataException(location, fid, column, message, null);
  }
}
