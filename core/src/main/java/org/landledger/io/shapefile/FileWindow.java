package org.landledger.io.shapefile;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * 文件窗口: positioned reads of one file through a reusable buffer. A read that continues where the window
 * ends (a scan in record order) fills a large window ahead; a jump elsewhere (an index hit) reads only a small
 * one, so a sparse box query does not drag whole megabytes through memory per record.
 *
 * <p>Positioned reads rather than a memory map: nothing stays mapped after close (Windows can replace the file),
 * and a file truncated under us is an {@link EOFException}, not a JVM fault. One window per cursor: not
 * thread-safe; the channel is shared (positioned reads are).
 */
final class FileWindow {

  private static final int AHEAD = 1 << 20;
  private static final int JUMP = 8 << 10;

  private final FileChannel channel;
  private final long size;
  private ByteBuffer buf = ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
  /** File position of {@code buf[0]}; bytes [start, start + limit) are loaded. */
  private long start = -1;

  FileWindow(FileChannel channel, long size) {
    this.channel = channel;
    this.size = size;
  }

  /**
   * Makes bytes {@code [pos, pos + len)} available and returns their index in {@link #buffer()} (little-endian;
   * read big-endian words with {@link Integer#reverseBytes}).
   *
   * @throws EOFException when the file ends before {@code pos + len}
   */
  int at(long pos, int len) throws IOException {
    if (start >= 0 && pos >= start && pos + len <= start + buf.limit()) {
      return (int) (pos - start);
    }
    boolean sequential = start >= 0 && pos >= start && pos <= start + buf.limit();
    int want = (int) Math.min(Math.max(len, sequential ? AHEAD : JUMP), Math.max(len, size - pos));
    if (buf.capacity() < want) {
      buf = ByteBuffer.allocate(want).order(ByteOrder.LITTLE_ENDIAN);
    }
    buf.clear().limit(want);
    while (buf.hasRemaining()) {
      int n = channel.read(buf, pos + buf.position());
      if (n < 0) {
        break;
      }
    }
    int got = buf.position();
    buf.flip();
    start = pos;
    if (got < len) {
      start = -1;
      throw new EOFException("file ends at byte " + (pos + got) + ", " + len + " bytes wanted from " + pos);
    }
    return 0;
  }

  ByteBuffer buffer() {
    return buf;
  }

  long size() {
    return size;
  }

  /** A big-endian int at a buffer index. */
  int intBE(int i) {
    return Integer.reverseBytes(buf.getInt(i));
  }
}
