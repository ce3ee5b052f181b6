package org.landledger.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void countRateAndEtaFromAFakeClock() {
    AtomicLong now = new AtomicLong(0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Progress p = new Progress("parcels", 400, out, now::get);
    for (int i = 0; i < 100; i++) {
      p.step();
    }
    now.set(20_000_000_000L); // 20 s later: 100 done → 5.0/s; 300 left → 60 s.
    assertThat(p.line(100, now.get())).isEqualTo("parcels 100/400 (25.0%) 5.0/s ETA 1:00");
    for (int i = 0; i < 300; i++) {
      p.step();
    }
    now.set(80_000_000_000L);
    p.finish();
    String printed = bytes.toString(StandardCharsets.UTF_8);
    // Redrawn on one line (\r), the final line with the elapsed time and a newline.
    assertThat(printed).startsWith("\rparcels 1/400").endsWith("parcels 400/400 (100.0%) 5.0/s 1:20\u001b[K\n");
  }

  @Test
  void noneAndNotATerminalPrintNothing() {
    Progress.NONE.step();
    Progress.NONE.finish();
    assertThat(Progress.NONE.done()).isZero();
    // Under the test runner there is no console: nothing is asked, nothing is printed.
    assertThat(Progress.onTerminal("x", 10, false)).isSameAs(Progress.NONE);
    assertThat(Progress.clock(3725)).isEqualTo("1:02:05");
  }

  @Test
  void linesModePrintsMachineReadableLines() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress p = Progress.lines(new PrintStream(bytes, true, StandardCharsets.UTF_8), "parcels", 3);
    p.step(); // the first step always prints
    p.step();
    p.step();
    p.finish();
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed).startsWith("progress 1 3\n").endsWith("progress 3 3\n").doesNotContain("\r");
  }
}
