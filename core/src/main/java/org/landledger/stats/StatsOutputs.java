package org.landledger.stats;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.landledger.io.AtomicFiles;
import org.landledger.io.Json;
import org.landledger.io.Layer;

/**
 * 汇总输出: into a (staging) folder — {@code stats.json}, {@code stats.xlsx}, one CSV per table ({@code stats-<id>.csv},
 * UTF-8 with BOM, the same 公顷 as the workbook), {@code tieout-mismatches.csv} and, after 平差, {@code adjusted.csv}.
 */
public final class StatsOutputs {

  public static final String JSON = "stats.json";
  public static final String XLSX = "stats.xlsx";

  private StatsOutputs() {}

  public static void write(Path dir, StatsResult r, Map<String, Object> json, Layer dltb, boolean zh) {
    Json.write(dir.resolve(JSON), json);
    try (OutputStream out = Files.newOutputStream(dir.resolve(XLSX))) {
      StatsWorkbook.write(r, zh, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (SummaryTable t : r.tables()) {
      AtomicFiles.writeString(dir.resolve("stats-" + t.id() + ".csv"), "\uFEFF" + csv(t, zh));
    }
    StringBuilder m = new StringBuilder("\uFEFF");
    m.append(zh ? "标识码,TBMJ,椭球面积,差值,GeographicLib\n" : "bsm,tbmjM2,ellipsoidalM2,diffM2,geographicLibM2\n");
    for (TieOut.Mismatch x : r.tieOut().mismatches()) {
      m.append(org.landledger.io.CsvText.field(x.bsm())).append(',').append(String.format(Locale.ROOT, "%.2f,%.4f,%.4f,%.4f%n", x.tbmjM2(),
          x.ellipsoidalM2(), x.diffM2(), x.geographicLibM2()));
    }
    AtomicFiles.writeString(dir.resolve("tieout-mismatches.csv"), m.toString());
    if (r.adjusted() != null) {
      StringBuilder a = new StringBuilder("\uFEFF");
      a.append(zh ? "标识码,TBMJ,平差后面积,改正数\n" : "bsm,tbmjM2,adjustedM2,correctionM2\n");
      long[] adj = r.adjusted().tbmj();
      for (int i = 0; i < dltb.size(); i++) {
        SurveyRecord s = SurveyRecord.of(dltb.features().get(i), dltb.location());
        a.append(org.landledger.io.CsvText.field(s.bsm())).append(',').append(String.format(Locale.ROOT, "%.2f,%.2f,%.2f%n", Rounding.m2(s.tbmj()),
            Rounding.m2(adj[i]), Rounding.m2(adj[i] - s.tbmj())));
      }
      AtomicFiles.writeString(dir.resolve("adjusted.csv"), a.toString());
    }
  }

  /** A table as CSV: code, name, then 公顷 per column (two decimals) — the workbook's displayed values. */
  public static String csv(SummaryTable t, boolean zh) {
    StringBuilder b = new StringBuilder();
    List<String> h = new ArrayList<>();
    h.add(zh ? "代码" : "code");
    h.add(zh ? t.rowHeaderZh() : t.rowHeaderEn());
    for (SummaryTable.Column c : t.columns()) {
      String g = zh ? c.groupZh() : c.groupEn();
      h.add((g == null ? "" : g + "/") + c.label(zh));
    }
    b.append(String.join(",", h.stream().map(org.landledger.io.CsvText::field).toList())).append('\n');
    for (SummaryTable.Row r : t.rows()) {
      row(b, r, r.code(), r.name());
    }
    row(b, t.total(), "", zh ? "合计" : "Total");
    return b.toString();
  }

  private static void row(StringBuilder b, SummaryTable.Row r, String code, String name) {
    b.append(org.landledger.io.CsvText.field(code)).append(',').append(org.landledger.io.CsvText.field(name));
    for (int c = 0; c < r.units().length; c++) {
      b.append(',').append(String.format(Locale.ROOT, "%.2f", r.ha(c)));
    }
    b.append('\n');
  }
}
