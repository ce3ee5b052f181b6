package org.landledger.server.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * 分析启动器: starts one analysis run as a child process given the command-line arguments of the
 * {@code landledger} CLI ({@code redline --landuse … --out DIR}). A child process isolates memory, can be
 * killed when a run is cancelled, and runs exactly the code path of the command line.
 *
 * <p>The process's stdout goes to {@code logFile}; its stderr stays a pipe for the caller, who reads the
 * machine-readable progress lines ({@code progress <done> <total>}) and the error message from it.
 */
public interface AnalysisLauncher {

  Process start(List<String> cliArgs, Path logFile) throws IOException;
}
