package org.landledger.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 汇总表: one statistics table — rows (administrative units, classes…), columns (合计 first, then classes, each with
 * the group its header cell is merged under), exact amounts in 0.01 m² and the displayed 公顷 (two decimals,
 * 强制调平: every row's cells add up to its 合计, the rows to the totals row). Built by {@link #balanced}.
 */
public record SummaryTable(String id, String titleZh, String titleEn, String rowHeaderZh, String rowHeaderEn,
    List<Column> columns, List<Row> rows, Row total, List<String> notes) {

  public SummaryTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }

  /** A column: code, names, and the group (merged header cell above it; null = none). */
  public record Column(String code, String nameZh, String nameEn, String groupZh, String groupEn) {
    public String label(boolean zh) {
      String n = zh ? nameZh : nameEn;
      return code == null || code.isEmpty() ? n : code + " " + n;
    }
  }

  /** A row: code and name; per column the exact cents and the displayed units (0.01 公顷); index 0 is 合计. */
  public record Row(String code, String name, long[] cents, long[] units) {
    public double ha(int column) {
      return Rounding.ha(units[column]);
    }

    public double m2(int column) {
      return Rounding.m2(cents[column]);
    }
  }

  /** The first column of every table. */
  public static Column totalColumn() {
    return new Column("", "合计", "Total", null, null);
  }

  /**
   * Builds a table from exact amounts per row (cents, for the columns after 合计): the grand total is rounded, shared
   * over the rows and each row's share over its cells (largest remainders), so that the table adds up both ways.
   */
  public static SummaryTable balanced(String id, String titleZh, String titleEn, String rowHeaderZh,
      String rowHeaderEn, List<Column> classColumns, List<String[]> rowKeys, List<long[]> cells, List<String> notes) {
    int n = classColumns.size();
    long[] rowTotals = new long[cells.size()];
    long grand = 0;
    for (int r = 0; r < cells.size(); r++) {
      for (long c : cells.get(r)) {
        rowTotals[r] += c;
      }
      grand += rowTotals[r];
    }
    long[] rowUnits = Rounding.balance(rowTotals, Rounding.units(grand));
    List<Row> rows = new ArrayList<>();
    long[] colCents = new long[n + 1];
    long[] colUnits = new long[n + 1];
    for (int r = 0; r < cells.size(); r++) {
      long[] u = Rounding.balance(cells.get(r), rowUnits[r]);
      long[] cents = new long[n + 1];
      long[] units = new long[n + 1];
      cents[0] = rowTotals[r];
      units[0] = rowUnits[r];
      for (int c = 0; c < n; c++) {
        cents[c + 1] = cells.get(r)[c];
        units[c + 1] = u[c];
      }
      for (int c = 0; c <= n; c++) {
        colCents[c] += cents[c];
        colUnits[c] += units[c];
      }
      rows.add(new Row(rowKeys.get(r)[0], rowKeys.get(r)[1], cents, units));
    }
    List<Column> cols = new ArrayList<>();
    cols.add(totalColumn());
    cols.addAll(classColumns);
    return new SummaryTable(id, titleZh, titleEn, rowHeaderZh, rowHeaderEn, cols, rows,
        new Row("", "合计", colCents, colUnits), notes);
  }

  /**
   * The same table with rows merged by {@code key(row code)} (e.g. villages → townships): cells are the sums of the
   * merged rows' cells, cents and displayed units alike, so the coarser table adds up to the finer one.
   */
  public SummaryTable mergedBy(java.util.function.Function<String, String> key, Map<String, String> names,
      String newId, String titleZh, String titleEn, String rowHeaderZh, String rowHeaderEn) {
    Map<String, long[][]> m = new LinkedHashMap<>();
    for (Row r : rows) {
      long[][] acc = m.computeIfAbsent(key.apply(r.code()), k -> new long[2][columns.size()]);
      for (int c = 0; c < columns.size(); c++) {
        acc[0][c] += r.cents()[c];
        acc[1][c] += r.units()[c];
      }
    }
    List<Row> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(new Row(k, names.getOrDefault(k, ""), v[0], v[1])));
    return new SummaryTable(newId, titleZh, titleEn, rowHeaderZh, rowHeaderEn, columns, out, total, notes);
  }

  /** Column code → displayed 公顷 of the totals row (合计 excluded). */
  public Map<String, Double> totalsHa() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int c = 1; c < columns.size(); c++) {
      m.put(columns.get(c).code(), total.ha(c));
    }
    return m;
  }

  /** The JSON form: columns, rows (code, name, ha per column, m² per column), total. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("titleZh", titleZh);
    m.put("titleEn", titleEn);
    m.put("unit", "公顷 (ha), 2 decimals, 强制调平; m² exact");
    m.put("columns", columns.stream().map(c -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("code", c.code());
      x.put("nameZh", c.nameZh());
      x.put("nameEn", c.nameEn());
      if (c.groupZh() != null) {
        x.put("groupZh", c.groupZh());
        x.put("groupEn", c.groupEn());
      }
      return x;
    }).toList());
    List<Map<String, Object>> rs = new ArrayList<>();
    for (Row r : rows) {
      rs.add(rowJson(r));
    }
    m.put("rows", rs);
    m.put("total", rowJson(total));
    if (!notes.isEmpty()) {
      m.put("notes", notes);
    }
    return m;
  }

  private Map<String, Object> rowJson(Row r) {
    Map<String, Object> x = new LinkedHashMap<>();
    x.put("code", r.code());
    x.put("name", r.name());
    List<Double> ha = new ArrayList<>();
    List<Double> m2 = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      ha.add(r.ha(c));
      m2.add(r.m2(c));
    }
    x.put("ha", ha);
    x.put("m2", m2);
    return x;
  }
}
