package org.landledger.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * 原子写出: writes a file (or a set of sibling files such as a shapefile's .shp/.shx/.dbf/.prj/.cpg) to
 * temporary names in the target folder and moves them into place only when writing succeeded, so a
 * failed run never leaves partial output.
 */
public final class AtomicFiles {

  /** Writes the content of one file. */
  @FunctionalInterface
  public interface Writer {
    void write(Path temp) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code target} through a temporary sibling and moves it into place. */
  public static void write(Path target, Writer writer) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      Files.delete(tmp);
      try {
        writer.write(tmp);
        move(tmp, target);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Writes a text file atomically in UTF-8. */
  public static void writeString(Path target, String content) {
    write(target, tmp -> Files.writeString(tmp, content, java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * Writes a set of sibling files sharing a base name: the writer gets a temporary base path (without
   * extension) and must create {@code base + ext} for each extension; all are moved in place afterwards.
   */
  public static void writeSet(Path targetBase, List<String> extensions, Writer writer) {
    Path dir = targetBase.toAbsolutePath().getParent();
    String stem = targetBase.getFileName().toString();
    try {
      Files.createDirectories(dir);
      Path tmpDir = Files.createTempDirectory(dir, "." + stem + ".");
      try {
        Path tmpBase = tmpDir.resolve(stem);
        writer.write(tmpBase);
        List<Path[]> moves = new ArrayList<>();
        for (String ext : extensions) {
          Path src = tmpDir.resolve(stem + ext);
          if (Files.exists(src)) {
            moves.add(new Path[] {src, dir.resolve(stem + ext)});
          }
        }
        for (Path[] m : moves) {
          move(m[0], m[1]);
        }
        // A sibling the new set does not have (e.g. the .prj of a previous version written with a CRS)
        // would otherwise be paired with the new files.
        for (String ext : extensions) {
          Path target = dir.resolve(stem + ext);
          if (moves.stream().noneMatch(m -> m[1].equals(target))) {
            Files.deleteIfExists(target);
          }
        }
      } finally {
        try (var s = Files.list(tmpDir)) {
          for (Path p : s.toList()) {
            Files.deleteIfExists(p);
          }
        }
        Files.deleteIfExists(tmpDir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + targetBase + ": " + e.getMessage(), e);
    }
  }

  private static void move(Path src, Path dst) throws IOException {
    try {
      Files.move(src, dst, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(src, dst, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
