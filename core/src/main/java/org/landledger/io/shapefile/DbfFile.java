package org.landledger.io.shapefile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.InputDataException;

/**
 * DBF 属性表: the dBASE III table of a shapefile, read by position — a record is found at header length + index
 * × record length, and only the fields asked for are decoded. The header is checked against the file once at
 * open (field descriptors, record length, record count against the bytes present); values are parsed strictly:
 * a numeric field holds a number, blanks or asterisks (shapelib's null), or it is an error naming the field.
 *
 * <p>Types: C → STRING (trimmed; first byte NUL → null), N/F → INTEGER (no decimals, width &lt; 10), LONG (no
 * decimals, width &lt; 19) or DOUBLE, L → BOOLEAN, D → DATE as ISO text ("2024-05-01"), M → STRING (the memo
 * block number, as GDAL shows it). Other types (dBASE 7 / Visual FoxPro binary fields) are refused at open.
 */
final class DbfFile implements AutoCloseable {

  private static final int MAX_HEADER_GAP = 264; // Visual FoxPro's 263-byte backlink + 1

  private final Path path;
  private final FileChannel channel;
  private final long size;
  private final int records;
  private final int headerLength;
  private final int recordLength;
  private final List<Field> fields;
  private final char[] types;
  private final int[] offsets;
  private final int[] widths;
  private final Charset charset;

  private DbfFile(Path path, FileChannel channel, Charset charset) throws IOException {
    this.path = path;
    this.channel = channel;
    this.charset = charset;
    this.size = channel.size();
    if (size < 32) {
      throw bad("not a DBF file: header shorter than 32 bytes");
    }
    ByteBuffer head = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
    readFully(head, 0);
    long claimed = Integer.toUnsignedLong(head.getInt(4));
    this.headerLength = Short.toUnsignedInt(head.getShort(8));
    this.recordLength = Short.toUnsignedInt(head.getShort(10));
    if (headerLength > size) {
      throw bad("DBF header length " + headerLength + " is larger than the file (" + size + " bytes)");
    }
    if (headerLength < 33) {
      throw bad("DBF header length " + headerLength + " is too small for a header and its field list");
    }
    ByteBuffer desc = ByteBuffer.allocate(headerLength - 32).order(ByteOrder.LITTLE_ENDIAN);
    readFully(desc, 32);
    List<Field> fs = new ArrayList<>();
    List<int[]> layout = new ArrayList<>();
    List<Character> ts = new ArrayList<>();
    int offset = 1;
    int pos = 0;
    while (pos < desc.limit() && desc.get(pos) != 0x0D) {
      if (pos + 32 > desc.limit()) {
        throw bad("DBF field list runs past the header length " + headerLength + " (no 0x0D terminator)");
      }
      String name = fieldName(desc, pos);
      char type = Character.toUpperCase((char) (desc.get(pos + 11) & 0xff));
      int width = desc.get(pos + 16) & 0xff;
      int decimals = desc.get(pos + 17) & 0xff;
      if (width == 0) {
        throw bad("DBF field " + name + " has width 0");
      }
      FieldType ft = switch (type) {
        case 'C', 'M' -> FieldType.STRING;
        case 'N', 'F' -> decimals > 0 ? FieldType.DOUBLE
            : width < 10 ? FieldType.INTEGER : width < 19 ? FieldType.LONG : FieldType.DOUBLE;
        case 'L' -> FieldType.BOOLEAN;
        case 'D' -> FieldType.DATE;
        default -> throw bad("DBF field " + name + " has type '" + type + "', which shapefiles do not use"
            + " (supported: C, N, F, L, D, M)");
      };
      fs.add(new Field(name, ft, width, decimals));
      ts.add(type);
      layout.add(new int[] {offset, width});
      offset += width;
      pos += 32;
    }
    if (pos >= desc.limit()) {
      throw bad("DBF field list has no 0x0D terminator within the header length " + headerLength);
    }
    int expected = 32 + pos + 1;
    if (headerLength - expected > MAX_HEADER_GAP) {
      throw bad("DBF header length " + headerLength + " does not match its " + fs.size() + " fields (expected "
          + expected + ")");
    }
    if (recordLength < offset) {
      throw bad("DBF record length " + recordLength + " is less than its fields need (" + offset + " bytes)");
    }
    if (claimed > Integer.MAX_VALUE) {
      throw bad("the .dbf header claims " + claimed + " records");
    }
    this.records = (int) claimed;
    long holds = (size - headerLength) / recordLength;
    if (holds < records) {
      throw bad("truncated .dbf: its header claims " + records + " records of " + recordLength
          + " bytes, the file holds " + holds);
    }
    this.fields = List.copyOf(fs);
    this.types = new char[ts.size()];
    this.offsets = new int[ts.size()];
    this.widths = new int[ts.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = ts.get(i);
      offsets[i] = layout.get(i)[0];
      widths[i] = layout.get(i)[1];
    }
  }

  /** Opens and checks a DBF; attributes decoded in {@code charset}. */
  static DbfFile open(Path path, Charset charset) {
    FileChannel ch = null;
    try {
      ch = FileChannel.open(path, StandardOpenOption.READ);
      return new DbfFile(path, ch, charset);
    } catch (IOException e) {
      closeQuietly(ch);
      throw new InputDataException(path, "cannot read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  private String fieldName(ByteBuffer desc, int pos) {
    int end = 0;
    while (end < 11 && desc.get(pos + end) != 0) {
      end++;
    }
    byte[] raw = new byte[end];
    desc.get(pos, raw);
    return new String(raw, charset).trim();
  }

  private void readFully(ByteBuffer b, long at) throws IOException {
    while (b.hasRemaining()) {
      if (channel.read(b, at + b.position()) < 0) {
        throw bad("truncated .dbf header");
      }
    }
  }

  private InputDataException bad(String message) {
    return new InputDataException(path, message);
  }

  Path path() {
    return path;
  }

  int records() {
    return records;
  }

  List<Field> fields() {
    return fields;
  }

  Charset charset() {
    return charset;
  }

  /** A cursor over records (its own read window). */
  Cursor cursor() {
    return new Cursor();
  }

  @Override
  public void close() {
    closeQuietly(channel);
  }

  static void closeQuietly(AutoCloseable c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (Exception ignored) {
      // closing after a failure or at the end
    }
  }

  /** 记录游标: positions on one record and decodes its fields on demand. */
  final class Cursor {
    private final FileWindow window = new FileWindow(channel, size);
    private int base;
    private int record = -1;

    /** Loads record {@code i} (0-based). */
    void load(int i) throws IOException {
      base = window.at(headerLength + (long) i * recordLength, recordLength);
      record = i;
    }

    int record() {
      return record;
    }

    /**
     * The value of field {@code f} of the loaded record.
     *
     * @throws RecordException naming the field when the text is not a value of its type
     */
    Object value(int f) {
      ByteBuffer b = window.buffer();
      int from = base + offsets[f];
      int to = from + widths[f];
      char t = types[f];
      if (t == 'C' || t == 'M') {
        return text(b, from, to);
      }
      while (from < to && blank(b.get(from))) {
        from++;
      }
      while (to > from && blank(b.get(to - 1))) {
        to--;
      }
      if (from == to) {
        return null;
      }
      return switch (t) {
        case 'N', 'F' -> number(b, from, to, f);
        case 'L' -> logical(b.get(from), f);
        default -> date(b, from, to, f);
      };
    }

    private String text(ByteBuffer b, int from, int to) {
      if (b.get(from) == 0) {
        return null;
      }
      while (from < to && blank(b.get(from))) {
        from++;
      }
      while (to > from && blank(b.get(to - 1))) {
        to--;
      }
      byte[] raw = new byte[to - from];
      b.get(from, raw);
      return new String(raw, charset).strip();
    }

    private Object number(ByteBuffer b, int from, int to, int f) {
      if (allAsterisks(b, from, to)) {
        return null; // shapelib writes a null number as asterisks
      }
      String s = ascii(b, from, to);
      FieldType type = fields.get(f).type();
      double v = NumberText.parse(s);
      if (Double.isNaN(v)) {
        throw new RecordException(fields.get(f).name(), "not a number: \"" + text(b, from, to) + "\"");
      }
      return switch (type) {
        case INTEGER, LONG -> {
          long l = (long) v;
          if (l != v || (type == FieldType.INTEGER && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE))) {
            throw new RecordException(fields.get(f).name(), "not an integer: \"" + s + "\"");
          }
          yield type == FieldType.INTEGER ? (Object) (int) l : (Object) l;
        }
        default -> v;
      };
    }

    private Object logical(byte c, int f) {
      return switch (c) {
        case 'T', 't', 'Y', 'y' -> Boolean.TRUE;
        case 'F', 'f', 'N', 'n' -> Boolean.FALSE;
        case '?' -> null;
        default -> throw new RecordException(fields.get(f).name(), "not a logical value: \"" + (char) (c & 0xff) + "\"");
      };
    }

    private Object date(ByteBuffer b, int from, int to, int f) {
      String s = ascii(b, from, to);
      if (s.equals("00000000")) {
        return null;
      }
      if (s.length() == 8 && s.chars().allMatch(Character::isDigit)) {
        try {
          return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
              Integer.parseInt(s.substring(6, 8))).toString();
        } catch (DateTimeException e) {
          // falls through to the error below
        }
      }
      throw new RecordException(fields.get(f).name(), "not a date (YYYYMMDD): \"" + s + "\"");
    }
  }

  private static boolean blank(byte c) {
    return c == ' ' || c == 0 || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean allAsterisks(ByteBuffer b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b.get(i) != '*') {
        return false;
      }
    }
    return true;
  }

  private static String ascii(ByteBuffer b, int from, int to) {
    char[] cs = new char[to - from];
    for (int i = from; i < to; i++) {
      int c = b.get(i) & 0xff;
      cs[i - from] = c < 0x80 ? (char) c : '\uFFFD';
    }
    return new String(cs);
  }
}
