package org.landledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * 演示: the main job on the embedded default — generate the synthetic sample county, run all four analyses
 * on it through the same commands an analyst would type, then serve every layer and result over
 * WMS/WFS/OGC API with the viewer.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"样例县 → 四项分析 → 发布图层。", "Sample county → all four analyses → layers served."})
public final class DemoCommand implements Callable<Integer> {

  @Option(names = "--out", defaultValue = "demo", paramLabel = "DIR",
      description = "Working folder: DIR/data (sample layers) and DIR/results (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--scale", defaultValue = "small", description = "Sample scale: small or county (default ${DEFAULT-VALUE}).")
  String scale;

  @Option(names = "--seed", defaultValue = "1", description = "Sample seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--port", defaultValue = "8080", description = "Server port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Server address (default ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--no-serve", description = "Stop after the analyses (do not start the server).")
  boolean noServe;

  @Option(names = "--lang", defaultValue = "zh", description = "Report language zh|en (default ${DEFAULT-VALUE}).")
  String lang;

  @Spec CommandLine.Model.CommandSpec spec;

  /** One step: a title and the command line it runs. */
  record Step(String title, List<String> args) {}

  /** The demo's steps, in order (the serve step last). */
  List<Step> steps() {
    Path data = out.resolve("data");
    Path results = out.resolve("results");
    String d = data.toString() + "/";
    List<Step> s = new ArrayList<>();
    s.add(new Step("生成样例县 sample county", List.of("samples", "--out", data.toString(), "--scale", scale,
        "--seed", Long.toString(seed))));
    s.add(new Step("耕地红线检查 red-line check", List.of("redline", "--landuse", d + "DLTB.shp",
        "--permanent-farmland", d + "YJJBNTTB.shp", "--eco-redline", d + "STBHHX.shp",
        "--dev-boundary", d + "CZKFBJ.shp", "--plan", d + "PLAN.shp", "--plan-id-field", "BSM",
        "--xzq", d + "XZQ.shp", "--lang", lang, "--out", results.resolve("redline").toString())));
    // 耕地进出平衡 between the two surveys, under the profile's regime (the 2024 reform).
    s.add(new Step("耕地进出平衡 farmland in/out balance", List.of("farmland-balance", "--before",
        d + "DLTB_BEFORE.shp", "--after", d + "DLTB.shp", "--xzq", d + "XZQ.shp", "--lang", lang,
        "--out", results.resolve("farmland-balance").toString())));
    // Linkage projects are checked against the survey of their approval years (DLTB_BEFORE): on the current
    // map the demolished homesteads are already farmland. The intra-county quota price and the 田坎 coefficient of
    // reclaimed farmland are local: the EXAMPLE province profile gives labelled values.
    s.add(new Step("增减挂钩 linkage balance", List.of("linkage", "--landuse", d + "DLTB_BEFORE.shp",
        "--demolition", d + "CJQ.shp", "--construction", d + "JXQ.shp",
        "--permanent-farmland", d + "YJJBNTTB.shp", "--eco-redline", d + "STBHHX.shp",
        "--project-field", "XMBH", "--policy", examplePolicy().toString(), "--lang", lang,
        "--out", results.resolve("linkage").toString())));
    // The homestead rules are provincial: the demo applies the shipped EXAMPLE province profile (labelled
    // as such in every output), never a number of our own.
    // Households are keyed by their household code (HHBM); exits are checked against 三调 (only construction land
    // yields quota) and homesteads on 耕地/永久基本农田 are reported.
    s.add(new Step("宅基地 homestead quotas", List.of("homestead", "--parcels", d + "ZJD.shp",
        "--exit-field", "TCBZ", "--exit-value", "1", "--landuse", d + "DLTB.shp",
        "--permanent-farmland", d + "YJJBNTTB.shp",
        "--policy", examplePolicy().toString(), "--area-type", "plain",
        "--lang", lang, "--out", results.resolve("homestead").toString())));
    // D = 3406.50 元/ha is the 2010 national value quoted from Xie et al. 2015 (not confirmed; see DOMAIN.md).
    s.add(new Step("生态系统服务价值 ESV and land-use change", List.of("esv", "--landuse", d + "DLTB.shp",
        "--landuse-before", d + "DLTB_BEFORE.shp", "--unit-value", "3406.5", "--by", d + "XZQ.shp",
        "--lang", lang, "--out", results.resolve("esv").toString())));
    return s;
  }

  /** The shipped example province profile, copied next to the demo data so the run can cite a file. */
  Path examplePolicy() {
    return out.resolve("policy").resolve("example-province-homestead.json");
  }

  private void writeExamplePolicy() throws java.io.IOException {
    try (var in = org.landledger.policy.PolicyProfile.class.getResourceAsStream("example-province-homestead.json")) {
      if (in == null) {
        throw new IllegalStateException("example province profile missing from the build");
      }
      byte[] bytes = in.readAllBytes();
      org.landledger.io.AtomicFiles.write(examplePolicy(), tmp -> java.nio.file.Files.write(tmp, bytes));
    }
  }

  @Override
  public Integer call() throws java.io.IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    writeExamplePolicy();
    List<Step> steps = steps();
    CommandLine root = spec.commandLine().getParent();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      out.printf("%n[%d/%d] %s%n  landledger %s%n", i + 1, steps.size() + (noServe ? 0 : 1), step.title(),
          String.join(" ", step.args()));
      out.flush();
      CommandLine sub = root.getSubcommands().get(step.args().get(0));
      if (sub == null) {
        err.println("landledger demo: command " + step.args().get(0) + " is not available in this build");
        return Main.INTERNAL_ERROR;
      }
      int code = sub.execute(step.args().subList(1, step.args().size()).toArray(String[]::new));
      if (code != Main.OK) {
        err.printf("landledger demo: step %d (%s) failed with exit code %d%n", i + 1, step.title(), code);
        return code;
      }
    }
    Path results = this.out.resolve("results");
    out.printf("%n结果 results:%n");
    for (String a : List.of("redline", "farmland-balance", "linkage", "homestead", "esv")) {
      out.printf("  %-10s %s%n", a, results.resolve(a).toAbsolutePath());
    }
    out.flush();
    if (noServe) {
      return Main.OK;
    }
    out.printf("%n[%d/%d] 发布图层 serving layers%n", steps.size() + 1, steps.size() + 1);
    out.flush();
    // The HTTP API (uploads, runs) is on too, behind a random token kept next to the demo data.
    Path token = demoToken();
    out.printf("HTTP API (上传/运行 uploads, runs): Authorization: Bearer $(cat %s) — see README \"Upload, run, poll, view\"%n",
        token.toAbsolutePath());
    out.flush();
    return root.getSubcommands().get("serve").execute("--data", this.out.resolve("data").toString(),
        "--data", results.toString(), "--port", Integer.toString(port), "--bind", bind,
        "--state", this.out.resolve("state").toString(), "--token-file", token.toString());
  }

  /** DIR/token: 24 random bytes in hex, created once (owner-only where the file system allows). */
  Path demoToken() throws java.io.IOException {
    Path token = this.out.resolve("token");
    if (java.nio.file.Files.isRegularFile(token) && !java.nio.file.Files.readString(token).isBlank()) {
      return token;
    }
    byte[] b = new byte[24];
    new java.security.SecureRandom().nextBytes(b);
    String hex = java.util.HexFormat.of().formatHex(b) + "\n";
    org.landledger.io.AtomicFiles.write(token, tmp -> {
      java.nio.file.Files.writeString(tmp, hex);
      try {
        java.nio.file.Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the folder's own permissions apply
      }
    });
    return token;
  }
}
