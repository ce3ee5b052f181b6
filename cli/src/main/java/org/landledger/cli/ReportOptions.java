package org.landledger.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.io.Layer;
import org.landledger.privacy.PersonalData;
import org.landledger.report.Lang;
import org.landledger.report.MapImages;
import org.landledger.report.ReportContext;
import org.landledger.report.SurveyMeta;
import org.landledger.render.ReportMaps;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * 报告选项: the options every analysis command shares for its report — {@code --lang zh|en}, {@code --no-pdf},
 * {@code --progress} — and the {@link ReportContext} (区域/数据日期 from the land-use layer, the parameters as
 * given on the command line, the map renderer).
 */
public final class ReportOptions {

  @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh",
      description = "Report (and CSV) language: zh 中文 (default) or en.")
  String lang;

  @Option(names = "--no-pdf", description = "Do not write report.pdf (report.html is always written).")
  boolean noPdf;

  @Option(names = "--progress", description = "Show progress on stderr even when it is not a terminal.")
  boolean progress;

  /** Report maps are drawn by the renderer behind the server's GetMap: one renderer in the project. */
  static MapImages maps() {
    return new ReportMaps();
  }

  Lang lang() {
    return Lang.parse(lang);
  }

  boolean pdf() {
    return !noPdf;
  }

  /** The report context of a run on {@code landUse} with the options the user gave. */
  ReportContext context(CommandSpec spec, Layer landUse) {
    return new ReportContext(lang(), SurveyMeta.of(landUse), parameters(spec), maps(), landUse);
  }

  /** The options given on the command line, in order, as "--name" → value (null for flags). */
  static Map<String, String> parameters(CommandSpec spec) {
    Map<String, String> m = new LinkedHashMap<>();
    List<OptionSpec> matched = spec.commandLine().getParseResult() == null ? List.of()
        : spec.commandLine().getParseResult().matchedOptions();
    for (OptionSpec o : matched) {
      if (o.usageHelp() || o.versionHelp()) {
        continue;
      }
      Object v = o.getValue();
      // Option values go into a shared document: never an ID number (e.g. a --exit-value typed by hand).
      m.put(o.longestName(), o.arity().max() == 0 ? null : PersonalData.redact(String.valueOf(v)));
    }
    return m;
  }
}
