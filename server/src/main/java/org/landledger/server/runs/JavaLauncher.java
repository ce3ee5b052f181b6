package org.landledger.server.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Java 子进程启动器: runs {@code java [jvmOptions] -cp CLASSPATH MAIN args…} with
 * {@code LANDLEDGER_PROGRESS=lines}, so that the child reports progress as lines on stderr, and
 * {@code LANDLEDGER_PARENT_PID}, so that the CLI stops when this process is gone (killed without a clean stop).
 * {@code landledger.*} system properties of this JVM are passed on (e.g. {@code landledger.cjkFont}).
 */
public record JavaLauncher(String javaBinary, String classpath, String mainClass, List<String> jvmOptions)
    implements AnalysisLauncher {

  public JavaLauncher {
    jvmOptions = List.copyOf(jvmOptions);
  }

  /**
   * A launcher using this JVM's java binary and class path (under Maven Surefire, the test class path rather
   * than its booter jar), with {@code -Xmx maxHeap} when given (e.g. {@code 2g}).
   */
  public static JavaLauncher current(String mainClass, String maxHeap) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    List<String> opts = new ArrayList<>();
    if (maxHeap != null && !maxHeap.isBlank()) {
      if (!maxHeap.trim().matches("\\d+[kKmMgG]?")) {
        throw new IllegalArgumentException("memory size must be like 2g or 512m, got " + maxHeap);
      }
      opts.add("-Xmx" + maxHeap.trim());
    }
    opts.add("-Dfile.encoding=UTF-8");
    for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
      String k = String.valueOf(e.getKey());
      if (k.startsWith("landledger.")) {
        opts.add("-D" + k + "=" + e.getValue());
      }
    }
    return new JavaLauncher(java, cp, mainClass, opts);
  }

  @Override
  public Process start(List<String> cliArgs, Path logFile) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBinary);
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(mainClass);
    cmd.addAll(cliArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("LANDLEDGER_PROGRESS", "lines");
    pb.environment().put("LANDLEDGER_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
    pb.redirectOutput(logFile.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(nullFile()));
    return pb.start();
  }

  private static java.io.File nullFile() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
