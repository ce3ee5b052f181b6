package org.landledger.io.shapefile;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.IntFunction;
import java.util.zip.CRC32;
import org.landledger.io.InputDataException;
import org.locationtech.jts.geom.Envelope;

/**
 * .shp + .shx 形状文件与索引: the main file's header and the index's record offsets, checked against each other
 * once at open — file codes, lengths, shape types, every index entry inside the .shp (within the length its
 * header declares), no two records sharing or overlapping bytes — and then records read by their .shx offset,
 * each record's own header (number, content length) checked against the index when it is read.
 *
 * <p>Offsets and lengths are kept as the .shx holds them, in 16-bit words (two int arrays, 8 bytes a record).
 */
final class ShpFile implements AutoCloseable {

  static final int HEADER = 100;
  private static final int FILE_CODE = 9994;

  private final Path shp;
  private final Path shx;
  private final FileChannel channel;
  private final long limit;
  private final int shapeType;
  private final Envelope bounds;
  private final int[] offsetWords;
  private final int[] lengthWords;
  private final long shxCrc;
  private final long headerCrc;

  /**
   * Opens and checks {@code shp} and {@code shx}; {@code label} names a record (0-based) in messages (record
   * number, and BSM where the DBF has one).
   */
  ShpFile(Path shp, Path shx, IntFunction<String> label) {
    this.shp = shp;
    this.shx = shx;
    FileChannel ch = null;
    try {
      ch = FileChannel.open(shp, StandardOpenOption.READ);
      long size = ch.size();
      if (size < HEADER) {
        throw bad("truncated .shp: the 100-byte header is incomplete");
      }
      ByteBuffer head = ByteBuffer.allocate(HEADER);
      readFully(ch, head, 0, shp);
      int code = head.order(ByteOrder.BIG_ENDIAN).getInt(0);
      if (code != FILE_CODE) {
        throw bad("not a shapefile (bad file code " + code + ")");
      }
      long declared = Integer.toUnsignedLong(head.getInt(24)) * 2;
      if (size < declared) {
        throw bad("truncated .shp: header says " + declared + " bytes, file has " + size);
      }
      this.limit = declared < HEADER ? size : declared;
      head.order(ByteOrder.LITTLE_ENDIAN);
      this.shapeType = head.getInt(32);
      if (!ShapeTypes.known(shapeType)) {
        throw bad("unknown shape type " + shapeType + " in the .shp header");
      }
      if (shapeType == ShapeTypes.MULTIPATCH) {
        throw bad("MultiPatch (3D surface) shapefiles are not supported");
      }
      this.bounds = new Envelope(head.getDouble(36), head.getDouble(52), head.getDouble(44), head.getDouble(60));
      CRC32 crc = new CRC32();
      crc.update(head.array());
      this.headerCrc = crc.getValue();
      long[] words = readIndex(label);
      this.offsetWords = new int[(int) words[0]];
      this.lengthWords = new int[offsetWords.length];
      this.shxCrc = words[1];
      fillIndex(label);
      this.channel = ch;
    } catch (IOException e) {
      DbfFile.closeQuietly(ch);
      throw new InputDataException(shp, "cannot read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      DbfFile.closeQuietly(ch);
      throw e;
    }
  }

  private InputDataException bad(String message) {
    return new InputDataException(shp, message);
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long at, Path file) throws IOException {
    while (b.hasRemaining()) {
      if (ch.read(b, at + b.position()) < 0) {
        throw new EOFException(file + " ends at byte " + (at + b.position()));
      }
    }
  }

  /** Checks the .shx header; returns {record count, CRC-32 of the whole .shx}. */
  private long[] readIndex(IntFunction<String> label) throws IOException {
    try (FileChannel ch = FileChannel.open(shx, StandardOpenOption.READ)) {
      long size = ch.size();
      String name = shx.getFileName().toString();
      if (size < HEADER || (size - HEADER) % 8 != 0) {
        throw bad("damaged index " + name + ": " + size + " bytes is not a 100-byte header plus 8-byte records");
      }
      ByteBuffer head = ByteBuffer.allocate(HEADER).order(ByteOrder.BIG_ENDIAN);
      readFully(ch, head, 0, shx);
      if (head.getInt(0) != FILE_CODE) {
        throw bad("the index " + name + " is not a shapefile index (bad file code " + head.getInt(0) + ")");
      }
      long declared = Integer.toUnsignedLong(head.getInt(24)) * 2;
      if (size < declared) {
        throw bad("truncated index " + name + ": its header says " + declared + " bytes, the file has " + size);
      }
      int type = head.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
      if (type != shapeType) {
        throw bad("the index " + name + " is for shape type " + type + ", the .shp holds type " + shapeType);
      }
      long records = (size - HEADER) / 8;
      if (records > (Integer.MAX_VALUE - HEADER) / 8) {
        throw bad("the index " + name + " lists " + records + " records, more than a shapefile can hold");
      }
      // Each record takes at least its 8-byte header and a 4-byte shape type.
      if (records > (limit - HEADER) / 12) {
        throw bad("the index " + name + " lists " + records + " records, more than a .shp of " + limit
            + " bytes can hold");
      }
      CRC32 crc = new CRC32();
      ByteBuffer all = ByteBuffer.allocate((int) size);
      readFully(ch, all, 0, shx);
      crc.update(all.array());
      shxBytes = all;
      return new long[] {records, crc.getValue()};
    }
  }

  private ByteBuffer shxBytes;

  /** Reads the index entries and checks each lies inside the .shp and that no two records overlap. */
  private void fillIndex(IntFunction<String> label) {
    ByteBuffer b = shxBytes.order(ByteOrder.BIG_ENDIAN);
    shxBytes = null;
    String name = shx.getFileName().toString();
    boolean ordered = true;
    long prevEnd = HEADER;
    for (int i = 0; i < offsetWords.length; i++) {
      int ow = b.getInt(HEADER + 8 * i);
      int lw = b.getInt(HEADER + 8 * i + 4);
      long offset = Integer.toUnsignedLong(ow) * 2;
      long length = Integer.toUnsignedLong(lw) * 2;
      if (offset < HEADER || offset + 8 + length > limit) {
        throw record(label, i, "the index " + name + " points at bytes " + offset + "–" + (offset + 8 + length)
            + ", outside the " + limit + "-byte .shp");
      }
      if (length < 4) {
        throw record(label, i, "the index " + name + " gives a content length of " + length
            + " bytes, too short for a shape type");
      }
      offsetWords[i] = ow;
      lengthWords[i] = lw;
      ordered &= offset >= prevEnd;
      prevEnd = offset + 8 + length;
    }
    if (!ordered) {
      checkOverlaps(label);
    }
  }

  /** Records out of file order: sort by offset and compare neighbours. */
  private void checkOverlaps(IntFunction<String> label) {
    int n = offsetWords.length;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = (Integer.toUnsignedLong(offsetWords[i]) << 31) | i;
    }
    java.util.Arrays.sort(keys);
    for (int k = 1; k < n; k++) {
      int a = (int) (keys[k - 1] & 0x7fffffffL);
      int b = (int) (keys[k] & 0x7fffffffL);
      long aStart = offset(a);
      long aEnd = aStart + 8 + length(a);
      long bStart = offset(b);
      if (bStart < aEnd) {
        int first = Math.min(a, b);
        int second = Math.max(a, b);
        String what = aStart == bStart
            ? "points at the same .shp record (byte " + aStart + ") as record " + (first + 1)
            : "overlaps record " + (first + 1) + " in the .shp (bytes " + offset(second) + "–"
                + (offset(second) + 8 + length(second)) + " and " + offset(first) + "–"
                + (offset(first) + 8 + length(first)) + ")";
        throw record(label, second, "the index " + shx.getFileName() + " " + what);
      }
    }
  }

  private InputDataException record(IntFunction<String> label, int i, String message) {
    return new InputDataException(shp.toString(), label.apply(i), null, message, null);
  }

  int records() {
    return offsetWords.length;
  }

  int shapeType() {
    return shapeType;
  }

  /** The extent from the .shp header. */
  Envelope bounds() {
    return new Envelope(bounds);
  }

  long offset(int i) {
    return Integer.toUnsignedLong(offsetWords[i]) * 2;
  }

  long length(int i) {
    return Integer.toUnsignedLong(lengthWords[i]) * 2;
  }

  Path path() {
    return shp;
  }

  Path shx() {
    return shx;
  }

  PackedRTree.Stamp stamp(long modified) throws IOException {
    return new PackedRTree.Stamp(channel.size(), modified, shxCrc, headerCrc, records());
  }

  Cursor cursor() {
    return new Cursor();
  }

  @Override
  public void close() {
    DbfFile.closeQuietly(channel);
  }

  /** 记录游标: reads records by their .shx offset through its own window. */
  final class Cursor {
    private final FileWindow window;

    Cursor() {
      try {
        window = new FileWindow(channel, channel.size());
      } catch (IOException e) {
        throw new InputDataException(shp, "cannot read: " + e.getMessage(), e);
      }
    }

    /**
     * Loads record {@code i} and returns the index of its content (shape type first) in {@link #buffer()}.
     *
     * @throws RecordException when the record's own header contradicts the index
     */
    int load(int i) throws IOException {
      long off = offset(i);
      int len = (int) length(i);
      int at = window.at(off, 8 + len);
      int number = window.intBE(at);
      long claimed = Integer.toUnsignedLong(window.intBE(at + 4)) * 2;
      if (claimed != len) {
        long left = limit - off - 8;
        throw new RecordException(claimed > left
            ? "the record header claims " + claimed + " bytes of content, more than the " + left + " left in the .shp"
            : "the record header claims " + claimed + " bytes of content, the index " + shx.getFileName()
                + " " + len);
      }
      if (number != i + 1) {
        throw new RecordException("the .shp record at byte " + off + " is numbered " + number
            + ", not " + (i + 1) + " (the index " + shx.getFileName() + " and the .shp disagree)");
      }
      return at + 8;
    }

    ByteBuffer buffer() {
      return window.buffer();
    }

    int length(int i) {
      return (int) ShpFile.this.length(i);
    }
  }
}
