package org.landledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SamplesCommandTest {

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void writesTheSmallSampleAndASummary(@TempDir Path dir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(out, err, "samples", "--out", dir.toString(), "--scale", "small", "--seed", "3", "--gpkg");
    assertThat(code).as(err.toString()).isEqualTo(Main.OK);
    assertThat(dir.resolve("DLTB.shp")).exists();
    assertThat(dir.resolve("ZJD.dbf")).exists();
    assertThat(org.landledger.io.Layers.layerNames(dir.resolve("samples.gpkg"))).contains("DLTB", "ZJD", "PLAN");
    assertThat(out.toString()).contains("DLTB").contains("01 耕地").contains("公顷");
    // Nothing but the layers: the temporary folder is gone.
    assertThat(dir.toFile().listFiles(f -> f.isDirectory())).isEmpty();
  }

  @Test
  void badScaleIsABadArgument(@TempDir Path dir) throws Exception {
    StringWriter err = new StringWriter();
    int code = run(new StringWriter(), err, "samples", "--out", dir.toString(), "--scale", "planet");
    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("unknown scale 'planet'");
    try (var s = Files.list(dir)) {
      assertThat(s.toList()).isEmpty();
    }
  }
}
