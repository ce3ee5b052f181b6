package org.landledger.redline.compensation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.io.Feature;
import org.landledger.io.InputDataException;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.io.ReadOptions;

/**
 * 补充耕地项目读取: reads supplementary-farmland projects from a CSV table or from a layer (any format
 * {@link Layers} reads). Columns/fields, case-insensitive, first match wins:
 * <ul>
 *   <li>id: {@code id}, {@code XMBH}, {@code 项目编号} (required); name: {@code name}, {@code XMMC}, {@code 项目名称};
 *   <li>area (m²): {@code areaM2}, {@code BCGDMJ}, {@code 补充耕地面积} — for a layer, the ellipsoidal area of
 *       the geometry when no such field exists;
 *   <li>paddy (m²): {@code paddyM2}, {@code BCSTMJ}, {@code STMJ}, {@code 水田面积};
 *   <li>capacity (kg): {@code capacityKg}, {@code LSCN}, {@code 粮食产能};
 *   <li>verified (optional): {@code verified}, {@code YSRQ}, {@code 验收日期}, {@code 是否验收} — a date or yes/1/true/是
 *       marks a verified (验收) project; blank, 0, false, no, 否, 未验收 an unverified one, which is not drawn on
 *       (以补定占). Without the column every project is taken as verified (the file is the verified ledger).
 * </ul>
 */
public final class SupplementaryProjects {

  static final List<String> ID = List.of("id", "XMBH", "项目编号");
  static final List<String> NAME = List.of("name", "XMMC", "项目名称");
  static final List<String> AREA = List.of("areaM2", "BCGDMJ", "补充耕地面积");
  static final List<String> PADDY = List.of("paddyM2", "BCSTMJ", "STMJ", "水田面积");
  static final List<String> CAPACITY = List.of("capacityKg", "LSCN", "粮食产能");
  static final List<String> VERIFIED = List.of("verified", "YSRQ", "验收日期", "是否验收");
  private static final Set<String> NOT_VERIFIED = Set.of("", "0", "false", "no", "n", "否", "未验收");

  private SupplementaryProjects() {}

  /** Reads a {@code .csv} table or a layer location. */
  public static List<SupplementaryProject> read(String location, ReadOptions options) {
    if (location.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return readCsv(Path.of(location));
    }
    return fromLayer(Layers.read(location, options));
  }

  /** Projects from a layer; area from a field, else the geometry's ellipsoidal area. */
  public static List<SupplementaryProject> fromLayer(Layer layer) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> rowIds = new ArrayList<>();
    String areaField = first(layer.features().isEmpty() ? Set.of() : layer.features().get(0).attributes().keySet(), AREA);
    AreaCalculator areas = areaField == null && layer.crs() != null ? AreaCalculator.of(layer.crs(), AreaMode.ELLIPSOIDAL) : null;
    for (Feature f : layer.features()) {
      Map<String, Object> row = new LinkedHashMap<>(f.attributes());
      if (areaField == null) {
        if (areas == null) {
          throw new InputDataException(layer.location(), f.id(), AREA.get(0),
              "no area field and no coordinate system to measure the geometry", null);
        }
        row.put(AREA.get(0), areas.area(f.geometry()));
      }
      rows.add(row);
      rowIds.add(f.id());
    }
    return toProjects(rows, rowIds, layer.location());
  }

  /** Projects from a UTF-8 CSV (BOM accepted; GBK tolerated when the bytes are not UTF-8). */
  public static List<SupplementaryProject> readCsv(Path csv) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(csv);
    } catch (IOException e) {
      throw new InputDataException(csv, "cannot read: " + e.getMessage(), e);
    }
    String text = decode(bytes).replace("\uFEFF", "");
    List<String> lines = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    if (lines.isEmpty()) {
      throw new InputDataException(csv, "empty table: expected a header id,areaM2,paddyM2,capacityKg");
    }
    List<String> header = split(lines.get(0));
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> rowIds = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> cells = split(lines.get(i));
      Map<String, Object> row = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), c < cells.size() ? cells.get(c) : null);
      }
      rows.add(row);
      rowIds.add("line " + (i + 1));
    }
    return toProjects(rows, rowIds, csv.toString());
  }

  private static String decode(byte[] bytes) {
    var dec = StandardCharsets.UTF_8.newDecoder();
    try {
      return dec.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return new String(bytes, java.nio.charset.Charset.forName("GBK"));
    }
  }

  /** Splits a CSV line; double quotes protect commas ("" is a quote). */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          sb.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          sb.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(sb.toString().trim());
        sb.setLength(0);
      } else {
        sb.append(ch);
      }
    }
    out.add(sb.toString().trim());
    return out;
  }

  private static String first(Set<String> keys, List<String> candidates) {
    for (String c : candidates) {
      for (String k : keys) {
        if (k.equalsIgnoreCase(c)) {
          return k;
        }
      }
    }
    return null;
  }

  private static List<SupplementaryProject> toProjects(List<Map<String, Object>> rows, List<String> rowIds, String file) {
    List<SupplementaryProject> out = new ArrayList<>();
    if (rows.isEmpty()) {
      return out;
    }
    Set<String> keys = rows.get(0).keySet();
    String idF = require(keys, ID, file);
    String nameF = first(keys, NAME);
    String areaF = require(keys, AREA, file);
    String paddyF = require(keys, PADDY, file);
    String capF = require(keys, CAPACITY, file);
    String verF = first(keys, VERIFIED);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> r = rows.get(i);
      String where = rowIds.get(i);
      Object idv = r.get(idF);
      String id = idv == null ? null : idv.toString().trim();
      if (id == null || id.isEmpty()) {
        throw new InputDataException(file, where, idF, "project id is blank", null);
      }
      if (!seen.add(id)) {
        throw new InputDataException(file, where, idF, "project id " + id + " appears twice", null);
      }
      double area = number(r.get(areaF), file, where, areaF);
      double paddy = number(r.get(paddyF), file, where, paddyF);
      double cap = number(r.get(capF), file, where, capF);
      if (paddy > area + 1e-9) {
        throw new InputDataException(file, where, paddyF,
            "paddy area " + paddy + " m² exceeds the project's farmland area " + area + " m²", null);
      }
      Object nm = nameF == null ? null : r.get(nameF);
      String name = nm == null || nm.toString().isBlank() ? null : nm.toString().trim();
      Object vv = verF == null ? "yes" : r.get(verF);
      boolean verified = !NOT_VERIFIED.contains(vv == null ? "" : vv.toString().trim().toLowerCase(Locale.ROOT));
      out.add(new SupplementaryProject(id, name, area, paddy, cap, verified));
    }
    return out;
  }

  private static String require(Set<String> keys, List<String> candidates, String file) {
    String k = first(keys, candidates);
    if (k == null) {
      throw new InputDataException(file, null, candidates.get(0),
          "missing column (accepted names: " + String.join(", ", candidates) + ")", null);
    }
    return k;
  }

  private static double number(Object v, String file, String where, String field) {
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
        throw new InputDataException(file, where, field, "must be a number ≥ 0, got " + v, null);
      }
      return d;
    }
    String s = v == null ? "" : v.toString().trim();
    if (s.isEmpty()) {
      throw new InputDataException(file, where, field, "value is missing", null);
    }
    try {
      return number(Double.valueOf(s), file, where, field);
    } catch (NumberFormatException e) {
      throw new InputDataException(file, where, field, "not a number: " + s, null);
    }
  }
}
