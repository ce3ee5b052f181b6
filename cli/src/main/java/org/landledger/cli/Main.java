package org.landledger.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.landledger.io.InputDataException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * 命令行入口: {@code landledger <command> …}. Exit codes: 0 ok, 2 bad arguments or bad input (one-line
 * message naming file, feature and field), 1 internal error (stack trace with {@code LANDLEDGER_DEBUG=1}).
 */
@Command(
    name = "landledger",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "LandLedger 土地账本: 增减挂钩、耕地红线、宅基地、生态产品价值核算 on 三调 data.",
      "Land books of urban–rural integration on third national land survey data."
    },
    subcommands = {DemoCommand.class, InfoCommand.class, SamplesCommand.class, RedlineCommand.class,
        LinkageCommand.class, QuotaCommand.class, HomesteadCommand.class, CollectiveMarketCommand.class,
        FarmlandBalanceCommand.class,
        EsvCommand.class, CarbonCommand.class, GepCommand.class, StatsCommand.class, QcCommand.class, PublishCommand.class, ServeCommand.class,
        CopyCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  public static final int OK = 0;
  public static final int INTERNAL_ERROR = 1;
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    stopWithParent();
    System.exit(run(args));
  }

  /**
   * An analysis run started by {@code serve} (which sets {@code LANDLEDGER_PARENT_PID}) stops when the server
   * process is gone, even if it was killed without the chance to stop its runs: no orphan keeps writing into a
   * run folder the next start cleans up.
   */
  private static void stopWithParent() {
    String parent = System.getenv("LANDLEDGER_PARENT_PID");
    if (parent == null || !parent.matches("\\d{1,18}")) {
      return;
    }
    java.util.Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(parent));
    if (p.isEmpty()) {
      Runtime.getRuntime().halt(INTERNAL_ERROR);
    }
    p.get().onExit().thenRun(() -> Runtime.getRuntime().halt(INTERNAL_ERROR));
  }

  /** Runs the CLI and returns the exit code (for tests and embedding). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(Main::handle);
    cl.setParameterExceptionHandler((ex, a) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("landledger: " + ex.getMessage());
      err.println("Try 'landledger " + (ex.getCommandLine().getParent() == null ? "" : ex.getCommandLine().getCommandName() + " ") + "--help'.");
      return BAD_INPUT;
    });
    return cl;
  }

  private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (ex instanceof InputDataException || ex instanceof IllegalArgumentException) {
      err.println("landledger: " + ex.getMessage());
      debug(ex, err);
      return BAD_INPUT;
    }
    if (ex instanceof UncheckedIOException || ex instanceof IOException) {
      err.println("landledger: " + ex.getMessage());
      debug(ex, err);
      return INTERNAL_ERROR;
    }
    err.println("landledger: internal error: " + ex);
    if (!debug(ex, err)) {
      err.println("(set LANDLEDGER_DEBUG=1 for the stack trace)");
    }
    return INTERNAL_ERROR;
  }

  private static boolean debug(Exception ex, PrintWriter err) {
    if ("1".equals(System.getenv("LANDLEDGER_DEBUG"))) {
      ex.printStackTrace(err);
      return true;
    }
    return false;
  }

  /** Version from the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"LandLedger " + p.getProperty("version", "dev"),
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
  }
}
