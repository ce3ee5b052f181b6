package org.landledger.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * 索引一致性检查: checks a shapefile's {@code .shx} against its {@code .shp} before a reader trusts either, so
 * a damaged or hostile file is refused with a message instead of making the reader seek past the end or
 * allocate what a record header claims (a content length or point count of 2^31).
 *
 * <p>Checked: the {@code .shx} is a 100-byte header plus whole 8-byte records; every index record points
 * inside the {@code .shp} (offset ≥ 100, offset + 8 + content length ≤ the .shp size); the record header
 * found there claims no more content than the file still holds; and a multi-point, polyline or polygon
 * record's part and point counts fit in its content length (44 + 4 × parts + 16 × points bytes, 40 + 16 ×
 * points for a multipoint — the 2-D minimum the spec requires). Reads only the index and the first 52 bytes
 * of each record, so it costs little next to reading the shapes.
 */
public final class ShapefileIndexCheck {

  private static final int HEADER = 100;
  /** Record header (number, content length) plus the fixed start of a multi-point shape (type, box, counts). */
  private static final int PEEK = 8 + 44;

  private ShapefileIndexCheck() {}

  /** Checks {@code shp} and its sibling {@code .shx}; throws {@link InputDataException} naming the record. */
  public static void check(Path shp) {
    Path shx = ShapefileFormat.sibling(shp, ".shx");
    if (!Files.isRegularFile(shp) || !Files.isRegularFile(shx)) {
      return; // the reader reports missing files in its own words
    }
    try (FileChannel ch = FileChannel.open(shp, StandardOpenOption.READ);
        InputStream raw = Files.newInputStream(shx);
        DataInputStream index = new DataInputStream(new BufferedInputStream(raw, 64 * 1024))) {
      long shpSize = ch.size();
      long shxSize = Files.size(shx);
      if (shpSize < HEADER) {
        throw new InputDataException(shp, "truncated .shp: the 100-byte header is incomplete");
      }
      if (shxSize < HEADER || (shxSize - HEADER) % 8 != 0) {
        throw new InputDataException(shp, "damaged index " + shx.getFileName() + ": " + shxSize
            + " bytes is not a 100-byte header plus 8-byte records");
      }
      long records = (shxSize - HEADER) / 8;
      // Each record takes at least its 8-byte header and a 4-byte shape type.
      if (records > (shpSize - HEADER) / 12) {
        throw new InputDataException(shp, "the index " + shx.getFileName() + " lists " + records
            + " records, more than a .shp of " + shpSize + " bytes can hold");
      }
      index.skipNBytes(HEADER);
      ByteBuffer peek = ByteBuffer.allocate(PEEK);
      for (long i = 0; i < records; i++) {
        long offset = Integer.toUnsignedLong(index.readInt()) * 2;
        long length = Integer.toUnsignedLong(index.readInt()) * 2;
        String record = "record " + (i + 1);
        if (offset < HEADER || offset + 8 + length > shpSize) {
          throw new InputDataException(shp, record + ": the index " + shx.getFileName() + " points at bytes "
              + offset + "–" + (offset + 8 + length) + ", outside the " + shpSize + "-byte .shp");
        }
        peek.clear().limit((int) Math.min(PEEK, 8 + length));
        while (peek.hasRemaining() && ch.read(peek, offset + peek.position()) > 0) {
          // fill what the record holds of the peek window
        }
        peek.flip();
        if (peek.remaining() < 8) {
          throw new InputDataException(shp, record + ": truncated record header");
        }
        long claimed = Integer.toUnsignedLong(peek.order(ByteOrder.BIG_ENDIAN).getInt(4)) * 2;
        if (claimed > shpSize - offset - 8) {
          throw new InputDataException(shp, record + ": the record header claims " + claimed
              + " bytes of content, more than the " + (shpSize - offset - 8) + " left in the .shp");
        }
        checkCounts(shp, record, peek, Math.min(length, claimed));
      }
    } catch (EOFException e) {
      throw new InputDataException(shp, "truncated index " + shx.getFileName(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + shp, e);
    }
  }

  /** Part and point counts of a multi-point shape against the content length the headers give. */
  private static void checkCounts(Path shp, String record, ByteBuffer peek, long length) {
    if (peek.remaining() < 12) {
      return; // a null shape or a record too short to hold a type: the reader judges it
    }
    int type = peek.order(ByteOrder.LITTLE_ENDIAN).getInt(8);
    peek.order(ByteOrder.BIG_ENDIAN);
    long need;
    switch (type) {
      case 3, 5, 13, 15, 23, 25, 31 -> { // polyline, polygon (+Z, +M), multipatch
        if (peek.remaining() < 52) {
          throw new InputDataException(shp, record + ": a shape of type " + type + " needs at least 44 bytes of content");
        }
        long parts = peek.order(ByteOrder.LITTLE_ENDIAN).getInt(8 + 36);
        long points = peek.getInt(8 + 40);
        peek.order(ByteOrder.BIG_ENDIAN);
        need = parts < 0 || points < 0 ? Long.MAX_VALUE : 44 + 4 * parts + 16 * points;
        if (need > length) {
          throw new InputDataException(shp, record + ": claims " + parts + " parts and " + points
              + " points, more than its " + length + " bytes of content hold");
        }
      }
      case 8, 18, 28 -> { // multipoint (+Z, +M)
        if (peek.remaining() < 48) {
          throw new InputDataException(shp, record + ": a multipoint needs at least 40 bytes of content");
        }
        long points = peek.order(ByteOrder.LITTLE_ENDIAN).getInt(8 + 36);
        peek.order(ByteOrder.BIG_ENDIAN);
        need = points < 0 ? Long.MAX_VALUE : 40 + 16 * points;
        if (need > length) {
          throw new InputDataException(shp, record + ": claims " + points + " points, more than its " + length
              + " bytes of content hold");
        }
      }
      default -> { }
    }
  }
}
