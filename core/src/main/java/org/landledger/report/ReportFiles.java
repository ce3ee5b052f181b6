package org.landledger.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.landledger.io.AtomicFiles;

/**
 * 报告文件: writes {@code report.html} and, when a CJK font is found, {@code report.pdf} into a folder (the
 * staging folder of a run). Returns the notes to show the user (e.g. why there is no PDF).
 */
public final class ReportFiles {

  public static final String HTML = "report.html";
  public static final String PDF = "report.pdf";

  private ReportFiles() {}

  /** Writes the report; {@code pdf} false skips the PDF. */
  public static List<String> write(Report report, Path dir, boolean pdf) {
    return write(report, dir, pdf ? CjkFonts.find() : Optional.empty(), pdf);
  }

  static List<String> write(Report report, Path dir, Optional<Path> font, boolean pdf) {
    List<String> notes = new ArrayList<>();
    String html = Html.write(report);
    AtomicFiles.writeString(dir.resolve(HTML), html);
    if (pdf) {
      if (font.isPresent()) {
        Pdf.write(html, font.get(), dir.resolve(PDF));
      } else {
        notes.add(Messages.of(report.lang()).get("pdf.noFont"));
      }
    }
    return notes;
  }
}
