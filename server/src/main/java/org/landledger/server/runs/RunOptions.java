package org.landledger.server.runs;

import java.util.List;

/**
 * 运行选项: how the server runs analyses — the launcher (null: runs are off), how many run at once (further
 * runs queue), and arguments added to every run (the server's own {@code --crs}/{@code --encoding}, so that
 * the child reads the input layers as the server did).
 */
public record RunOptions(AnalysisLauncher launcher, int workers, List<String> extraArgs) {

  public static final RunOptions NONE = new RunOptions(null, 1, List.of());

  public RunOptions {
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be ≥ 1");
    }
    extraArgs = List.copyOf(extraArgs);
  }
}
