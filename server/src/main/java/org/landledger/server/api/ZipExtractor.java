package org.landledger.server.api;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.landledger.server.Limits;

/**
 * 压缩包安全解压: extracts a zipped shapefile set into a folder, refusing anything that could write outside
 * it or exhaust the disk. Two passes over the archive: the central directory first (entry count, names,
 * symlinks, what the set contains — nothing inflated yet), then the entries themselves, streamed, counting
 * the bytes actually inflated (the sizes in the headers are never trusted).
 *
 * <p>Refused: names with a {@code ..} or {@code .} segment, absolute paths, drive letters or any ':',
 * backslashes, control characters, empty segments, more than {@value #MAX_DEPTH} folders deep; duplicate
 * names (case-insensitively, so nothing overwrites on a case-insensitive disk); symlinks and other special
 * files; local entries missing from the central directory; ZIP64, split and encrypted archives; more than
 * {@link Limits#maxUploadEntries()} entries; more than {@link Limits#maxUploadUncompressedBytes()} inflated;
 * a compression ratio above {@link Limits#maxCompressionRatio()} once past the first MiB; members other than
 * {@code .shp .shx .dbf .prj .cpg .qix .sbn .sbx .shp.xml .gpkg .geojson}; a {@code .shp} without its
 * {@code .shx} and {@code .dbf}; an archive with no dataset. {@code __MACOSX/} entries (Finder's resource
 * forks) are checked and counted like the others but not written. Names not flagged UTF-8 are read as UTF-8
 * when valid, else as GB18030 (Chinese Windows archivers).
 */
public final class ZipExtractor {

  static final int MAX_DEPTH = 6;
  private static final int EOCD = 0x06054b50;
  private static final int CEN = 0x02014b50;
  private static final List<String> MEMBERS = List.of(".shp.xml", ".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix",
      ".sbn", ".sbx", ".gpkg", ".geojson");

  private ZipExtractor() {}

  /** One central-directory record: what the archive says it holds. */
  record Entry(String name, boolean directory, long declaredSize) {}

  /**
   * Extracts {@code zip} into the existing empty folder {@code target}; returns the files written. On a
   * refusal the caller deletes {@code target} (files already written stay inside it).
   */
  public static List<Path> extract(Path zip, Path target, Limits limits) {
    Path root = target.toAbsolutePath().normalize();
    Charset names;
    Set<String> listed = new HashSet<>();
    try {
      names = charsetOf(zip, limits.maxUploadEntries());
      List<Entry> entries = centralDirectory(zip, limits.maxUploadEntries(), names);
      checkContents(entries, limits);
      entries.forEach(e -> listed.add(e.name()));
    } catch (IOException e) {
      throw new UploadRefused(400, "InvalidArchive", "not a readable zip archive: " + e.getMessage());
    }
    List<Path> written = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    byte[] buf = new byte[64 * 1024];
    long inflated = 0;
    try (InputStream file = new BufferedInputStream(Files.newInputStream(zip), 64 * 1024);
        CountingInputStream compressed = new CountingInputStream(file);
        ZipInputStream in = new ZipInputStream(compressed, names)) {
      int count = 0;
      for (ZipEntry ze; (ze = in.getNextEntry()) != null; ) {
        String name = ze.getName();
        checkName(name);
        if (++count > limits.maxUploadEntries()) {
          throw UploadRefused.tooLarge("more than " + limits.maxUploadEntries() + " entries in the archive");
        }
        if (!listed.contains(name)) {
          throw UploadRefused.unsafe(name, "not in the archive's central directory");
        }
        if (!seen.add(name.toLowerCase(Locale.ROOT))) {
          throw UploadRefused.unsafe(name, "appears twice");
        }
        Path out = root.resolve(name).normalize();
        if (!out.startsWith(root) || out.equals(root)) {
          throw UploadRefused.unsafe(name, "would be written outside the upload folder");
        }
        boolean skip = ze.isDirectory() || name.startsWith("__MACOSX/");
        OutputStream os = null;
        try {
          try {
            if (ze.isDirectory() && !name.startsWith("__MACOSX/")) {
              Files.createDirectories(out);
            }
            if (!skip) {
              Files.createDirectories(out.getParent());
              os = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                  LinkOption.NOFOLLOW_LINKS);
              written.add(out);
            }
          } catch (FileAlreadyExistsException e) {
            // "a.shp" and "a.shp/": a file where a folder goes, or the reverse.
            throw UploadRefused.unsafe(name, "clashes with another entry of the archive (a file and a folder of one name)");
          }
          // Read even skipped entries through this loop: ZipInputStream would otherwise inflate them uncounted.
          for (int n; (n = in.read(buf)) > 0; ) {
            inflated += n;
            if (inflated > limits.maxUploadUncompressedBytes()) {
              throw UploadRefused.tooLarge("archive inflates to more than " + limits.maxUploadUncompressedBytes()
                  + " bytes (at entry \"" + UploadRefused.printable(name) + "\")");
            }
            if (inflated > Limits.MIB && inflated > (double) limits.maxCompressionRatio() * compressed.count()) {
              throw UploadRefused.tooLarge("compression ratio above " + limits.maxCompressionRatio()
                  + " (at entry \"" + UploadRefused.printable(name) + "\"): refused as a possible zip bomb");
            }
            if (os != null) {
              os.write(buf, 0, n);
            }
          }
        } finally {
          if (os != null) {
            os.close();
          }
        }
      }
    } catch (ZipException | EOFException e) {
      throw new UploadRefused(400, "InvalidArchive", "corrupt zip archive: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      // ZipInputStream: a name that does not decode in the archive's charset.
      throw new UploadRefused(400, "InvalidArchive", "corrupt zip archive: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written;
  }

  /**
   * What the central directory lists, refusing on the first unsafe record. {@code charset} decodes names not
   * flagged UTF-8; null probes UTF-8 (throws {@link NotUtf8} on a name that is not).
   */
  private static List<Entry> centralDirectory(Path zip, int maxEntries, Charset charset) throws IOException {
    List<Entry> out = new ArrayList<>();
    try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
      long size = ch.size();
      int tail = (int) Math.min(size, 22 + 65535);
      ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
      while (end.hasRemaining() && ch.read(end, size - tail + end.position()) > 0) {
        // A file channel may return fewer bytes than asked: read until the buffer is full.
      }
      int eocd = -1;
      for (int i = tail - 22; i >= 0; i--) {
        // The end record's comment must reach exactly to the end of the file (a signature inside a comment is not it).
        if (end.getInt(i) == EOCD && i + 22 + (end.getShort(i + 20) & 0xffff) == tail) {
          eocd = i;
          break;
        }
      }
      if (eocd < 0) {
        throw new ZipException("no end of central directory record");
      }
      int disk = end.getShort(eocd + 4) & 0xffff;
      int cdDisk = end.getShort(eocd + 6) & 0xffff;
      int total = end.getShort(eocd + 10) & 0xffff;
      long cdSize = end.getInt(eocd + 12) & 0xffffffffL;
      long cdOffset = end.getInt(eocd + 16) & 0xffffffffL;
      if (total == 0xffff || cdSize == 0xffffffffL || cdOffset == 0xffffffffL) {
        throw new UploadRefused(400, "InvalidArchive", "ZIP64 archives are not accepted (over 65 535 entries or 4 GB)");
      }
      if (disk != 0 || cdDisk != 0) {
        throw new UploadRefused(400, "InvalidArchive", "split (multi-volume) archives are not accepted");
      }
      if (total > maxEntries) {
        throw UploadRefused.tooLarge(total + " entries in the archive, more than the " + maxEntries + " allowed");
      }
      if (cdOffset + cdSize > size - tail + eocd) {
        throw new ZipException("central directory outside the file");
      }
      DataInputStream in = new DataInputStream(new BufferedInputStream(
          Channels.newInputStream(ch.position(cdOffset)), 64 * 1024));
      for (int i = 0; i < total; i++) {
        byte[] h = new byte[46];
        in.readFully(h);
        ByteBuffer r = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
        if (r.getInt(0) != CEN) {
          throw new ZipException("bad central directory record " + (i + 1));
        }
        int madeBy = (r.getShort(4) & 0xffff) >>> 8;
        int flags = r.getShort(8) & 0xffff;
        long usize = r.getInt(24) & 0xffffffffL;
        int nameLen = r.getShort(28) & 0xffff;
        int extraLen = r.getShort(30) & 0xffff;
        int commentLen = r.getShort(32) & 0xffff;
        long external = r.getInt(38) & 0xffffffffL;
        byte[] raw = new byte[nameLen];
        in.readFully(raw);
        in.skipNBytes(extraLen + commentLen);
        boolean utf8 = (flags & 0x800) != 0;
        String name = decode(raw, utf8 || charset == null ? StandardCharsets.UTF_8 : charset, charset == null && !utf8);
        checkName(name);
        if ((flags & 0x1) != 0) {
          throw UploadRefused.unsafe(name, "encrypted entries are not accepted");
        }
        int type = (int) (external >>> 16) & 0xF000;
        if (madeBy == 3 && type == 0xA000) {
          throw UploadRefused.unsafe(name, "symbolic links are not accepted");
        }
        if (madeBy == 3 && type != 0 && type != 0x8000 && type != 0x4000) {
          throw UploadRefused.unsafe(name, "only regular files and folders are accepted");
        }
        out.add(new Entry(name, name.endsWith("/"), usize));
      }
    }
    return out;
  }

  /** UTF-8 when every name not flagged UTF-8 is valid UTF-8, else GB18030. */
  private static Charset charsetOf(Path zip, int maxEntries) throws IOException {
    try {
      centralDirectory(zip, maxEntries, null);
      return StandardCharsets.UTF_8;
    } catch (NotUtf8 e) {
      return Charset.forName("GB18030");
    }
  }

  private static final class NotUtf8 extends RuntimeException {
    NotUtf8() {
      super(null, null, false, false);
    }
  }

  private static String decode(byte[] raw, Charset cs, boolean probing) {
    try {
      return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw)).toString();
    } catch (CharacterCodingException e) {
      if (probing) {
        throw new NotUtf8();
      }
      throw new UploadRefused(400, "InvalidArchive", "an entry name is neither UTF-8 nor GB18030");
    }
  }

  /** Refuses any name that could resolve outside the extraction folder or mean something special on some disk. */
  static void checkName(String name) {
    if (name.isEmpty() || name.length() > 255) {
      throw UploadRefused.unsafe(name, "empty or longer than 255 characters");
    }
    if (name.indexOf('\\') >= 0) {
      throw UploadRefused.unsafe(name, "backslashes are not accepted in entry names");
    }
    if (name.startsWith("/")) {
      throw UploadRefused.unsafe(name, "absolute paths are not accepted");
    }
    if (name.indexOf(':') >= 0) {
      throw UploadRefused.unsafe(name, "drive letters and ':' are not accepted in entry names");
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      throw UploadRefused.unsafe(name, "control characters are not accepted in entry names");
    }
    String[] parts = name.split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.equals("..") || p.equals(".")) {
        throw UploadRefused.unsafe(name, "'" + p + "' path segments are not accepted");
      }
      if (p.isEmpty() && i < parts.length - 1) {
        throw UploadRefused.unsafe(name, "empty path segment");
      }
    }
    if (parts.length > MAX_DEPTH + 1) {
      throw UploadRefused.unsafe(name, "more than " + MAX_DEPTH + " folders deep");
    }
  }

  /** Members allowed, complete shapefile sets, at least one dataset, declared sizes within the cap. */
  private static void checkContents(List<Entry> entries, Limits limits) {
    Map<String, Set<String>> sets = new HashMap<>(); // folder/stem (lower case) → extensions
    Map<String, String> shown = new HashMap<>();
    Set<String> seen = new HashSet<>();
    boolean dataset = false;
    long declared = 0;
    for (Entry e : entries) {
      if (!seen.add(e.name().toLowerCase(Locale.ROOT))) {
        throw UploadRefused.unsafe(e.name(), "appears twice");
      }
      if (e.directory() || e.name().startsWith("__MACOSX/")) {
        continue;
      }
      declared += e.declaredSize();
      String lower = e.name().toLowerCase(Locale.ROOT);
      String ext = MEMBERS.stream().filter(lower::endsWith).findFirst().orElseThrow(() -> new UploadRefused(400,
          "InvalidArchive", "archive entry \"" + UploadRefused.printable(e.name())
          + "\": not part of a shapefile set or a GeoPackage/GeoJSON (accepted: " + String.join(" ", MEMBERS) + ")"));
      String stem = lower.substring(0, lower.length() - ext.length());
      sets.computeIfAbsent(stem, k -> new HashSet<>()).add(ext);
      shown.putIfAbsent(stem, e.name().substring(0, e.name().length() - ext.length()));
      dataset |= ext.equals(".gpkg") || ext.equals(".geojson");
    }
    if (declared > limits.maxUploadUncompressedBytes()) {
      throw UploadRefused.tooLarge("archive declares " + declared + " bytes uncompressed, more than the "
          + limits.maxUploadUncompressedBytes() + " allowed");
    }
    for (var s : sets.entrySet()) {
      Set<String> exts = s.getValue();
      String stem = shown.get(s.getKey());
      boolean shapefilePart = exts.stream().anyMatch(x -> !x.equals(".gpkg") && !x.equals(".geojson"));
      if (!shapefilePart) {
        continue;
      }
      for (String need : List.of(".shp", ".shx", ".dbf")) {
        if (!exts.contains(need)) {
          throw new UploadRefused(422, "IncompleteShapefile", "shapefile " + UploadRefused.printable(stem)
              + ": missing " + UploadRefused.printable(stem) + need + " (a shapefile needs .shp, .shx and .dbf together)");
        }
      }
      dataset = true;
    }
    if (!dataset) {
      throw new UploadRefused(422, "NoDataset",
          "the archive holds no shapefile (.shp + .shx + .dbf), GeoPackage or GeoJSON");
    }
  }

  /** Counts the compressed bytes ZipInputStream has consumed, for the ratio cap. */
  static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }
  }
}
