package org.landledger.io.shapefile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * 索引文件: finds or builds the spatial index of a shapefile. In order: a {@code .qix} written by MapServer's
 * {@code shptree} or GDAL (when not older than the .shp and it indexes the same number of shapes); our own
 * {@code .llidx} when its {@link PackedRTree.Stamp} matches the shapefile; else a new {@code .llidx} built from
 * every record's envelope and written beside the .shp atomically (temporary file, then rename) — or kept in
 * memory when the folder is not writable. Every decision that is not "use what is there" is noted.
 */
final class IndexFiles {

  /** Builds an index's bytes by reading every record (the reader's own decode, so the same envelopes). */
  interface Builder {
    ByteBuffer build(PackedRTree.Stamp stamp);
  }

  private IndexFiles() {}

  /** The index and what was noted finding it. */
  record Found(SpatialIndex index, List<String> notes) {}

  static Found find(Path shp, int records, ShpFile shapes, Builder builder) {
    List<String> notes = new ArrayList<>();
    long shpModified;
    try {
      shpModified = Files.getLastModifiedTime(shp).toMillis();
    } catch (IOException e) {
      shpModified = 0;
    }
    Path qix = ShapefileFiles.sibling(shp, ".qix");
    if (Files.isRegularFile(qix)) {
      SpatialIndex q = qix(qix, records, shpModified, notes);
      if (q != null) {
        return new Found(q, notes);
      }
    }
    PackedRTree.Stamp stamp;
    try {
      stamp = shapes.stamp(shpModified);
    } catch (IOException e) {
      stamp = new PackedRTree.Stamp(-1, shpModified, 0, 0, records);
    }
    Path ours = ShapefileFiles.sibling(shp, ".llidx");
    if (Files.isRegularFile(ours)) {
      PackedRTree t = mapped(ours, stamp);
      if (t != null) {
        return new Found(t, notes);
      }
    }
    ByteBuffer built = builder.build(stamp);
    try {
      write(ours, built);
      PackedRTree t = mapped(ours, stamp);
      if (t != null) {
        return new Found(t, notes);
      }
    } catch (IOException | RuntimeException e) {
      notes.add("spatial index of " + shp.getFileName() + " kept in memory: cannot write " + ours.getFileName()
          + " beside it (" + e.getMessage() + ")");
    }
    return new Found(PackedRTree.open(built, stamp, "in memory"), notes);
  }

  private static SpatialIndex qix(Path qix, int records, long shpModified, List<String> notes) {
    try {
      if (Files.getLastModifiedTime(qix).toMillis() < shpModified) {
        notes.add("ignored " + qix.getFileName() + ": older than the .shp");
        return null;
      }
      return QixIndex.read(Files.readAllBytes(qix), records, qix.getFileName().toString());
    } catch (QixIndex.Unusable e) {
      notes.add("ignored " + qix.getFileName() + ": " + e.getMessage());
    } catch (IOException e) {
      notes.add("ignored " + qix.getFileName() + ": cannot read it (" + e.getMessage() + ")");
    }
    return null;
  }

  /** Our index file mapped read-only, or null when it is not ours for this stamp. */
  private static PackedRTree mapped(Path file, PackedRTree.Stamp stamp) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() > Integer.MAX_VALUE) {
        return null;
      }
      return PackedRTree.open(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()), stamp,
          file.getFileName().toString());
    } catch (IOException e) {
      return null;
    }
  }

  /** Writes {@code bytes} to {@code target} all at once: a temporary file beside it, then an atomic rename. */
  private static void write(Path target, ByteBuffer bytes) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(
        ThreadLocalRandom.current().nextLong()) + ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer b = bytes.duplicate().position(0);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // nothing was created (e.g. the folder is read-only)
      }
    }
  }
}
