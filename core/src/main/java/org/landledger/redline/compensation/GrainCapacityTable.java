package org.landledger.redline.compensation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.landledger.geo.Units;
import org.landledger.io.InputDataException;

/**
 * 耕地质量等别—粮食产能对照表: quality grade (耕地等别 GDDB, 1–15, 1 best) → standard grain productivity
 * capacity in kg/亩, the third 占补平衡 indicator (粮食产能).
 *
 * <p>No national table exists (DOMAIN.md §3): the table is local data, read from a CSV with two columns
 * {@code grade,kgPerMu} (or {@code 等别,产能}); lines starting with {@code #} are comments. A labelled
 * {@link #example() EXAMPLE} table ships for demonstrations; results computed with it say so.
 */
public final class GrainCapacityTable {

  static final String EXAMPLE_RESOURCE = "grain-capacity-EXAMPLE.csv";

  private final Map<Integer, Double> kgPerMu;
  private final String source;
  private final boolean example;

  private GrainCapacityTable(Map<Integer, Double> kgPerMu, String source, boolean example) {
    this.kgPerMu = Collections.unmodifiableMap(new TreeMap<>(kgPerMu));
    this.source = source;
    this.example = example;
  }

  /** A table from explicit values (grade → kg/亩). */
  public static GrainCapacityTable of(Map<Integer, Double> kgPerMu, String source) {
    return new GrainCapacityTable(kgPerMu, source, false);
  }

  /** The shipped illustrative table (1600 − 100 × grade kg/亩): NOT a standard, for demonstrations only. */
  public static GrainCapacityTable example() {
    try (InputStream in = GrainCapacityTable.class.getResourceAsStream(EXAMPLE_RESOURCE)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new GrainCapacityTable(parse(text, EXAMPLE_RESOURCE), "EXAMPLE 示例表（非国家标准，不得用于审批）", true);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("shipped example grain table unreadable", e);
    }
  }

  /** Reads a local table from a UTF-8 CSV (a BOM is accepted). */
  public static GrainCapacityTable load(Path csv) {
    String text;
    try {
      text = Files.readString(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputDataException(csv, "cannot read grain capacity table: " + e.getMessage(), e);
    }
    return new GrainCapacityTable(parse(text, csv.toString()), csv.toString(), false);
  }

  private static Map<Integer, Double> parse(String text, String file) {
    Map<Integer, Double> m = new TreeMap<>();
    List<String> lines = text.replace("\uFEFF", "").lines().toList();
    boolean headerSeen = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("[,\t;]");
      if (cells.length < 2) {
        throw new InputDataException(file, "line " + (i + 1), null, "expected two columns grade,kgPerMu: " + line, null);
      }
      String g = cells[0].trim();
      String v = cells[1].trim();
      if (!headerSeen && !g.matches("\\d+")) {
        headerSeen = true; // header row
        continue;
      }
      headerSeen = true;
      int grade;
      double kg;
      try {
        grade = Integer.parseInt(g);
        kg = Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new InputDataException(file, "line " + (i + 1), null, "not a grade and a number: " + line, null);
      }
      if (grade < 1 || grade > 15) {
        throw new InputDataException(file, "line " + (i + 1), "grade", "quality grade must be 1–15, got " + grade, null);
      }
      if (!(kg >= 0) || Double.isInfinite(kg)) {
        throw new InputDataException(file, "line " + (i + 1), "kgPerMu", "capacity must be ≥ 0 kg/亩, got " + v, null);
      }
      if (m.put(grade, kg) != null) {
        throw new InputDataException(file, "line " + (i + 1), "grade", "grade " + grade + " listed twice", null);
      }
    }
    if (m.isEmpty()) {
      throw new InputDataException(file, null, null, "grain capacity table has no rows", null);
    }
    return m;
  }

  /** kg/亩 of a grade, or null when the table does not list it. */
  public Double kgPerMu(int grade) {
    return kgPerMu.get(grade);
  }

  /** Grain capacity in kg of {@code netAreaM2} of farmland of {@code grade}: kg/亩 × area in 亩. */
  public double capacityKg(int grade, double netAreaM2, String context) {
    Double v = kgPerMu.get(grade);
    if (v == null) {
      throw new InputDataException(source, null, "GDDB",
          "grain capacity table has no value for quality grade " + grade + " (" + context + ")", null);
    }
    return v * Units.m2ToMu(netAreaM2);
  }

  public Map<Integer, Double> values() {
    return kgPerMu;
  }

  /** Where the table comes from (file path, or the EXAMPLE label). */
  public String source() {
    return source;
  }

  /** Whether this is the shipped illustrative table (results must not be used for approvals). */
  public boolean isExample() {
    return example;
  }
}
