package org.landledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's HTTP API token: random, created once, readable by its owner only. */
class DemoTokenTest {

  @Test
  void tokenIsCreatedOnceAndKeptPrivate(@TempDir Path dir) throws Exception {
    DemoCommand demo = new DemoCommand();
    demo.out = dir.resolve("demo");
    Path t = demo.demoToken();
    String first = Files.readString(t).trim();
    assertThat(first).matches("[0-9a-f]{48}"); // 24 random bytes in hex
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(t))).isEqualTo("rw-------");
    assertThat(Files.readString(demo.demoToken()).trim()).isEqualTo(first);
    DemoCommand other = new DemoCommand();
    other.out = dir.resolve("other");
    assertThat(Files.readString(other.demoToken()).trim()).isNotEqualTo(first);
  }
}
