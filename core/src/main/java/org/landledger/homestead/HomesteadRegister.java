package org.landledger.homestead;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.Crs;
import org.landledger.geo.GeometryRepair;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.InputDataException;
import org.landledger.io.Layer;
import org.landledger.privacy.HouseholdKeys;
import org.landledger.privacy.IdNumbers;
import org.landledger.privacy.PersonalData;

/**
 * 宅基地登记簿: the homestead parcels of a 房地一体 layer, grouped by household. Reading validates every ID
 * number (GB 11643-1999), keys households by salted hash, measures each parcel from its geometry and records
 * row problems (malformed ID, no owner, duplicate ZDDM) with masked values. Raw identity is dropped here and
 * never kept.
 */
public final class HomesteadRegister {

  private final String layerName;
  private final Crs crs;
  private final List<HomesteadParcel> parcels;
  private final List<ParcelIssue> issues;
  private final List<GeometryRepair.Issue> geometryIssues;
  private final Map<String, List<HomesteadParcel>> households;
  private final boolean idFieldPresent;

  private HomesteadRegister(String layerName, Crs crs, List<HomesteadParcel> parcels, List<ParcelIssue> issues,
      List<GeometryRepair.Issue> geometryIssues, boolean idFieldPresent) {
    this.layerName = layerName;
    this.crs = crs;
    this.parcels = List.copyOf(parcels);
    this.issues = List.copyOf(issues);
    this.geometryIssues = List.copyOf(geometryIssues);
    this.idFieldPresent = idFieldPresent;
    Map<String, List<HomesteadParcel>> h = new LinkedHashMap<>();
    for (HomesteadParcel p : parcels) {
      if (p.hasHousehold()) {
        h.computeIfAbsent(p.householdKey(), k -> new ArrayList<>()).add(p);
      }
    }
    h.replaceAll((k, v) -> List.copyOf(v));
    this.households = Collections.unmodifiableMap(h);
  }

  /**
   * Reads the parcels of {@code layer}.
   *
   * @throws InputDataException when a configured field is missing, a parcel has no geometry or ZDMJ is not a
   *     number (row problems are collected instead, see {@link #issues()})
   */
  public static HomesteadRegister read(Layer layer, HomesteadFields fields, HouseholdKeys keys, AreaCalculator areas) {
    Path file = Path.of(layer.location());
    String identity = fields.ownerIdField() != null ? fields.ownerIdField() : fields.householdField();
    requireField(layer, file, identity);
    if (fields.statusField() != null) {
      requireField(layer, file, fields.statusField());
    }
    if (fields.exitField() != null) {
      requireField(layer, file, fields.exitField());
    }
    boolean idPresent = layer.schema().hasField(fields.idField());
    GeometryRepair repair = new GeometryRepair(true);
    List<HomesteadParcel> parcels = new ArrayList<>();
    List<ParcelIssue> issues = new ArrayList<>();
    Map<String, Integer> firstRowOfId = new HashMap<>();
    int row = 0;
    for (Feature raw : layer.features()) {
      row++;
      String pid = idPresent ? raw.string(fields.idField()) : null;
      if (pid == null) {
        pid = raw.id();
      }
      pid = PersonalData.redact(pid);
      Integer first = firstRowOfId.putIfAbsent(pid, row);
      if (first != null) {
        issues.add(new ParcelIssue(row, pid, fields.idField(), ParcelIssue.Kind.DUPLICATE_PARCEL_ID, null,
            "与第 " + first + " 行重复 (same code as row " + first + ")"));
      }
      if (raw.geometry() == null || raw.geometry().isEmpty()) {
        throw new InputDataException(file, pid, null, "宗地无几何图形 (parcel has no geometry), row " + row);
      }
      Feature f = repair.check(layer.name(), raw);

      String key = null;
      String masked = null;
      String value = f.string(identity);
      if (value == null) {
        issues.add(new ParcelIssue(row, pid, identity, ParcelIssue.Kind.NO_OWNER, null,
            "未填写，不参与一户一宅检查 (blank: left out of the one-household-one-homestead check)"));
      } else if (fields.ownerIdField() != null) {
        IdNumbers.Validation v = IdNumbers.validate(value);
        if (v.valid()) {
          key = keys.ofIdNumber(v.canonical());
          masked = IdNumbers.mask(value);
        } else {
          issues.add(new ParcelIssue(row, pid, identity, ParcelIssue.Kind.MALFORMED_ID, IdNumbers.mask(value),
              v.reason()));
        }
      } else {
        key = keys.ofHouseholdCode(value);
        masked = PersonalData.redact(value);
      }

      Double recorded;
      try {
        recorded = fields.recordedAreaField() == null ? null : f.number(fields.recordedAreaField());
      } catch (NumberFormatException e) {
        throw new InputDataException(file, pid, fields.recordedAreaField(), "宗地面积不是数值 (not a number), row " + row);
      }
      BigDecimal area = BigDecimal.valueOf(areas.area(f.geometry())).setScale(2, RoundingMode.HALF_UP);
      boolean idle = fields.statusField() != null
          && fields.idleValues().stream().anyMatch(v -> sameValue(f.get(fields.statusField()), v));
      boolean exiting = fields.exitField() != null && sameValue(f.get(fields.exitField()), fields.exitValue());
      parcels.add(new HomesteadParcel(row, pid, key, masked, f.geometry(), area, recorded, idle, exiting,
          sanitized(f, fields)));
    }
    return new HomesteadRegister(layer.name(), layer.crs(), parcels, issues, repair.issues(), idPresent);
  }

  /**
   * Whether an attribute equals an option value: as trimmed text, or as numbers when both are numeric (a DBF
   * flag written as 1 may read back as 1, 1L or 1.0).
   */
  static boolean sameValue(Object attribute, String expected) {
    if (attribute == null || expected == null) {
      return false;
    }
    String a = attribute.toString().trim();
    String e = expected.trim();
    if (a.equals(e)) {
      return true;
    }
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(e)) == 0;
    } catch (NumberFormatException notNumbers) {
      return false;
    }
  }

  /** Attributes safe to write: identity fields dropped, names masked, ID-shaped text masked anywhere. */
  static Map<String, Object> sanitized(Feature f, HomesteadFields fields) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : f.attributes().entrySet()) {
      String k = e.getKey();
      if (fields.identityFields().stream().anyMatch(k::equalsIgnoreCase)) {
        continue;
      }
      Object v = e.getValue();
      if (fields.nameField() != null && k.equalsIgnoreCase(fields.nameField()) && v != null) {
        v = PersonalData.maskName(v.toString());
      } else if (v instanceof CharSequence s) {
        v = PersonalData.redact(s.toString());
      } else if (v instanceof Number n && PersonalData.containsIdLike(n.toString())) {
        v = PersonalData.redact(n.toString());
      }
      out.put(k, v);
    }
    return out;
  }

  private static void requireField(Layer layer, Path file, String field) {
    if (!layer.schema().hasField(field)) {
      throw new InputDataException(file, null, field, "字段不存在 (no such field); fields: "
          + layer.schema().fields().stream().map(Field::name).toList());
    }
  }

  public String layerName() {
    return layerName;
  }

  public Crs crs() {
    return crs;
  }

  public List<HomesteadParcel> parcels() {
    return parcels;
  }

  /** Row problems in row order. */
  public List<ParcelIssue> issues() {
    return issues;
  }

  public List<ParcelIssue> errors() {
    return issues.stream().filter(i -> i.kind().error()).toList();
  }

  public List<GeometryRepair.Issue> geometryIssues() {
    return geometryIssues;
  }

  /** Households (key → parcels in row order), in order of first appearance. */
  public Map<String, List<HomesteadParcel>> households() {
    return households;
  }

  /** Whether the layer has the configured parcel-id field (else feature ids are used). */
  public boolean idFieldPresent() {
    return idFieldPresent;
  }
}
