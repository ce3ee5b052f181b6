package org.landledger.io.shapefile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** 手工 DBF: writes a dBASE III table byte by byte (values as given, left-aligned, space-padded). */
final class DbfBytes {

  private DbfBytes() {}

  record F(String name, char type, int width, int decimals) {}

  static F field(String name, char type, int width, int decimals) {
    return new F(name, type, width, decimals);
  }

  static void write(Path dbf, List<F> fields, List<List<String>> rows) throws IOException {
    write(dbf, fields, rows, StandardCharsets.UTF_8);
  }

  static void write(Path dbf, List<F> fields, List<List<String>> rows, Charset cs) throws IOException {
    int recordLength = 1 + fields.stream().mapToInt(F::width).sum();
    int headerLength = 32 + 32 * fields.size() + 1;
    ByteBuffer b = ByteBuffer.allocate(headerLength + rows.size() * recordLength + 1).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 3).put((byte) 120).put((byte) 1).put((byte) 1).putInt(rows.size())
        .putShort((short) headerLength).putShort((short) recordLength);
    b.position(32);
    for (F f : fields) {
      byte[] name = java.util.Arrays.copyOf(f.name().getBytes(cs), 11);
      b.put(name).put((byte) f.type()).putInt(0).put((byte) f.width()).put((byte) f.decimals()).put(new byte[14]);
    }
    b.put((byte) 0x0D);
    for (List<String> row : rows) {
      b.put((byte) ' ');
      for (int i = 0; i < fields.size(); i++) {
        byte[] v = java.util.Arrays.copyOf(row.get(i).getBytes(cs), fields.get(i).width());
        for (int k = row.get(i).getBytes(cs).length; k < v.length; k++) {
          v[k] = ' ';
        }
        b.put(v);
      }
    }
    b.put((byte) 0x1A);
    Files.write(dbf, b.array());
  }
}
