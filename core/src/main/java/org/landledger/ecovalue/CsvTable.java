package org.landledger.ecovalue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.landledger.io.InputDataException;

/**
 * 参数表: a small comma-separated table (equivalent factors, mappings, densities, prices) read with its
 * header; errors name the file, the line and the column. Quoted fields ("a, b") are supported; a UTF-8 BOM
 * is skipped; blank lines and lines starting with {@code #} are comments.
 */
public final class CsvTable {

  /** One data row: its line number and its values by (lower-case) column name. */
  public record Row(int line, Map<String, String> values) {}

  private final String source;
  private final List<String> header;
  private final List<Row> rows;

  private CsvTable(String source, List<String> header, List<Row> rows) {
    this.source = source;
    this.header = header;
    this.rows = rows;
  }

  public static CsvTable read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new InputDataException(file, "file not found");
    } catch (IOException e) {
      throw new InputDataException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  public static CsvTable resource(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return parse(in, name);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable resource " + name, e);
    }
  }

  static CsvTable parse(InputStream in, String source) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (n == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> cells = split(line);
      if (header == null) {
        header = cells.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        continue;
      }
      if (cells.size() > header.size()) {
        throw new InputDataException(source, "line " + n, null,
            "expected " + header.size() + " columns, got " + cells.size(), null);
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String v = i < cells.size() ? cells.get(i).trim() : "";
        values.put(header.get(i), v);
      }
      rows.add(new Row(n, values));
    }
    if (header == null) {
      throw new InputDataException(source, null, null, "empty table (no header)", null);
    }
    return new CsvTable(source, header, rows);
  }

  private static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  public String source() {
    return source;
  }

  public List<String> header() {
    return header;
  }

  public List<Row> rows() {
    return rows;
  }

  public boolean has(String column) {
    return header.contains(column.toLowerCase(Locale.ROOT));
  }

  /** Fails naming the file when a column is missing. */
  public void require(String... columns) {
    for (String c : columns) {
      if (!has(c)) {
        throw new InputDataException(source, null, c, "missing column (header: " + String.join(",", header) + ")", null);
      }
    }
  }

  /** The text of a cell, or null when blank. */
  public String text(Row row, String column) {
    String v = row.values().get(column.toLowerCase(Locale.ROOT));
    return v == null || v.isBlank() ? null : v;
  }

  /** The text of a required cell. */
  public String requiredText(Row row, String column) {
    String v = text(row, column);
    if (v == null) {
      throw new InputDataException(source, "line " + row.line(), column, "value missing", null);
    }
    return v;
  }

  /** A number; blank gives null. */
  public Double number(Row row, String column) {
    String v = text(row, column);
    if (v == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new InputDataException(source, "line " + row.line(), column, "not a number: " + v, null);
    }
  }

  /** A required number. */
  public double requiredNumber(Row row, String column) {
    Double d = number(row, column);
    if (d == null) {
      throw new InputDataException(source, "line " + row.line(), column, "value missing", null);
    }
    return d;
  }

  /** A required number that must not be negative. */
  public double nonNegative(Row row, String column) {
    double d = requiredNumber(row, column);
    if (d < 0) {
      throw new InputDataException(source, "line " + row.line(), column, "must not be negative, got " + d, null);
    }
    return d;
  }
}
