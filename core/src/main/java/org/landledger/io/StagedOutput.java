package org.landledger.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * 分步输出: a run that writes several files writes them all into a hidden temporary folder next to the output
 * folder and moves them in only when every one was written — bad input or a failure leaves no partial output.
 */
public final class StagedOutput {

  /** Writes files into the staging folder it is given. */
  @FunctionalInterface
  public interface Writer {
    void write(Path stagingDir) throws IOException;
  }

  private StagedOutput() {}

  /**
   * Runs {@code writer} on a fresh staging folder, then moves every file it wrote into {@code outDir} (created
   * if needed, existing files of the same name replaced). Returns the files, sorted by name.
   */
  public static List<Path> write(Path outDir, String tag, Writer writer) {
    Path abs = outDir.toAbsolutePath().normalize();
    if (Files.exists(abs) && !Files.isDirectory(abs)) {
      throw new IllegalArgumentException("output " + outDir + " exists and is not a folder");
    }
    Path parent = abs.getParent() == null ? abs : abs.getParent();
    Path tmp;
    try {
      Files.createDirectories(parent);
      tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + "." + tag + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder next to " + outDir + ": " + e.getMessage(), e);
    }
    try {
      writer.write(tmp);
      Files.createDirectories(abs);
      List<Path> written = new ArrayList<>();
      try (Stream<Path> s = Files.list(tmp)) {
        for (Path p : s.sorted().toList()) {
          Path dst = abs.resolve(p.getFileName().toString());
          try {
            Files.move(p, dst, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(p, dst, StandardCopyOption.REPLACE_EXISTING);
          }
          written.add(dst);
        }
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + outDir + ": " + e.getMessage(), e);
    } finally {
      deleteTree(tmp);
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // best effort: a leftover hidden temp folder is harmless
    }
  }
}
