package org.landledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

  static int run(StringWriter err, String... args) {
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    return cl.execute(args);
  }

  @Test
  void missingDataFolderIsBadInput(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    assertThat(run(err, "serve", "--data", dir.resolve("nope").toString(), "--port", "0")).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("not a directory").doesNotContain("at org.");
  }

  @Test
  void folderWithoutLayersIsBadInput(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("readme.txt"), "no layers here");
    StringWriter err = new StringWriter();
    assertThat(run(err, "serve", "--data", dir.toString(), "--port", "0")).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("no readable layers");
  }

  @Test
  void emptyTokenFileIsBadInput(@TempDir Path dir) throws Exception {
    Path t = Files.writeString(dir.resolve("token"), "  \n");
    StringWriter err = new StringWriter();
    assertThat(run(err, "serve", "--data", dir.toString(), "--token-file", t.toString())).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("is empty");
  }

  @Test
  void neitherDataNorStateIsBadInput() {
    StringWriter err = new StringWriter();
    assertThat(run(err, "serve", "--port", "0")).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("--data DIR").contains("--state DIR");
  }

  @Test
  void uploadCapsMustBePositive(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    assertThat(run(err, "serve", "--state", dir.toString(), "--max-zip-ratio", "0", "--port", "0")).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("--max-zip-ratio");
  }
}
