package org.landledger.cli;

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
 * 分步输出: a run that writes several files writes them into a temporary directory inside the output directory
 * and moves them into place only when all are written, so a failed run leaves no partial output.
 */
final class StagedOutput implements AutoCloseable {

  private final Path out;
  private final Path tmp;
  private boolean committed;

  StagedOutput(Path out, String prefix) {
    this.out = out;
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
    }
    try {
      Files.createDirectories(out);
      this.tmp = Files.createTempDirectory(out, "." + prefix + "-tmp-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create output directory " + out + ": " + e.getMessage(), e);
    }
  }

  /** Where to write a file now (inside the staging directory). */
  Path file(String name) {
    return tmp.resolve(name);
  }

  /** Moves every staged file into the output directory; returns the final paths. */
  List<Path> commit() {
    List<Path> moved = new ArrayList<>();
    try (Stream<Path> files = Files.list(tmp)) {
      for (Path f : files.sorted().toList()) {
        Path target = out.resolve(f.getFileName().toString());
        try {
          Files.move(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
        moved.add(target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move outputs into " + out + ": " + e.getMessage(), e);
    }
    committed = true;
    return moved;
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(tmp)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      if (committed) {
        return;
      }
      throw new UncheckedIOException(e);
    }
  }
}
