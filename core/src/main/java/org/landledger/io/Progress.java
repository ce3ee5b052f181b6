package org.landledger.io;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 进度: count, rate and ETA of a long run, redrawn on one terminal line at most twice a second. Thread-safe
 * ({@link #step} from worker threads). {@link #NONE} does nothing; {@link #onTerminal} prints to stderr only when
 * the process runs on a terminal (or when asked), so pipes, logs and tests stay clean.
 *
 * <p>With the environment variable {@code LANDLEDGER_PROGRESS=lines} (set by the server for the analysis runs it
 * starts as child processes) progress goes to stderr as machine-readable lines {@code progress <done> <total>}
 * instead, at most twice a second plus a final line.
 */
public final class Progress {

  /** A progress that prints nothing. */
  public static final Progress NONE = new Progress("", 0, null, System::nanoTime);

  private static final long REDRAW_NS = 500_000_000L;

  private final String label;
  private final long total;
  private final PrintStream out;
  private final java.util.function.LongSupplier clock;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong lastDraw = new AtomicLong(Long.MIN_VALUE);
  private final long start;
  private final boolean lines;

  Progress(String label, long total, PrintStream out, java.util.function.LongSupplier clock) {
    this(label, total, out, clock, false);
  }

  Progress(String label, long total, PrintStream out, java.util.function.LongSupplier clock, boolean lines) {
    this.lines = lines;
    this.label = label;
    this.total = total;
    this.out = out;
    this.clock = clock;
    this.start = clock.getAsLong();
  }

  /** Progress on stderr when {@code asked}, or when the process has a console (and TERM is not dumb). */
  public static Progress onTerminal(String label, long total, boolean asked) {
    if ("lines".equals(System.getenv("LANDLEDGER_PROGRESS"))) {
      return lines(System.err, label, total);
    }
    boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    return asked || terminal ? new Progress(label, total, System.err, System::nanoTime) : NONE;
  }

  /** Progress printed to {@code out} (tests, other front ends). */
  public static Progress to(PrintStream out, String label, long total) {
    return new Progress(label, total, out, System::nanoTime);
  }

  /** Machine-readable progress: lines {@code progress <done> <total>} on {@code out}. */
  public static Progress lines(PrintStream out, String label, long total) {
    return new Progress(label, total, out, System::nanoTime, true);
  }

  /** One more item done. */
  public void step() {
    if (out == null) {
      return;
    }
    long n = done.incrementAndGet();
    long now = clock.getAsLong();
    long last = lastDraw.get();
    if ((last == Long.MIN_VALUE || now - last >= REDRAW_NS) && lastDraw.compareAndSet(last, now)) {
      draw(n, now, false);
    }
  }

  /** The final line (with a newline). */
  public void finish() {
    if (out != null) {
      draw(done.get(), clock.getAsLong(), true);
    }
  }

  public long done() {
    return done.get();
  }

  /** "红线检查 120/400 (30.0%) 45.2/s ETA 0:06" */
  String line(long n, long now) {
    double secs = Math.max((now - start) / 1e9, 1e-9);
    double rate = n / secs;
    StringBuilder sb = new StringBuilder(label).append(' ').append(n);
    if (total > 0) {
      sb.append('/').append(total).append(String.format(Locale.ROOT, " (%.1f%%)", 100.0 * n / total));
    }
    sb.append(String.format(Locale.ROOT, " %.1f/s", rate));
    if (total > 0 && n > 0 && n < total) {
      sb.append(" ETA ").append(clock((long) ((total - n) / rate)));
    } else if (n >= total && total > 0) {
      sb.append(' ').append(clock((long) secs));
    }
    return sb.toString();
  }

  private synchronized void draw(long n, long now, boolean last) {
    if (lines) {
      out.print("progress " + n + " " + total + "\n");
      out.flush();
      return;
    }
    out.print("\r" + line(n, now) + "\u001b[K" + (last ? "\n" : ""));
    out.flush();
  }

  static String clock(long seconds) {
    Duration d = Duration.ofSeconds(seconds);
    return d.toHours() > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(),
        d.toSecondsPart()) : String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
  }
}
