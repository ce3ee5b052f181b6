package org.landledger.ecovalue.esv;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.landledger.ecovalue.CsvTable;
import org.landledger.io.InputDataException;
import org.landledger.landuse.LandUseClass;
import org.landledger.landuse.LandUseCodes;

/**
 * 地类—生态系统对应: which ESV ecosystem type a 三调 land-use code counts as. The default is the
 * {@code esv_ecosystem} column of the shipped classification ({@link LandUseCodes#standard()}); a user CSV
 * ({@code code,ecosystem}, or the classification's own layout with {@code esv_ecosystem}) overrides it code
 * by code. A code maps to a type, to nothing (construction land, 田坎, rural roads: no ecosystem value in the
 * equivalent-factor method), or is unknown; the latter two are valued 0 and always reported with their area.
 */
public final class EcosystemMapping {

  /** How a code is valued. */
  public enum Status {
    /** Mapped to an ecosystem type of the equivalent table. */
    VALUED,
    /** A known code deliberately mapped to no ecosystem type. */
    NO_ECOSYSTEM,
    /** A code neither in the classification nor in the mapping. */
    UNKNOWN
  }

  private final Map<String, String> byCode;
  private final String source;

  private EcosystemMapping(Map<String, String> byCode, String source) {
    this.byCode = Collections.unmodifiableMap(byCode);
    this.source = source;
  }

  /** The default: the {@code esv_ecosystem} column of the 三调 classification. */
  public static EcosystemMapping standard() {
    Map<String, String> m = new LinkedHashMap<>();
    for (LandUseClass c : LandUseCodes.standard().all()) {
      m.put(c.code(), c.esvEcosystem() == null ? "" : c.esvEcosystem().trim());
    }
    return new EcosystemMapping(m, "landuse-codes.csv esv_ecosystem (default)");
  }

  /** The default overridden, code by code, by a CSV. */
  public static EcosystemMapping standardWith(Path csv) {
    CsvTable t = CsvTable.read(csv);
    t.require("code");
    String col = t.has("ecosystem") ? "ecosystem" : "esv_ecosystem";
    t.require(col);
    Map<String, String> m = new LinkedHashMap<>(standard().byCode);
    for (CsvTable.Row r : t.rows()) {
      String eco = t.text(r, col);
      m.put(t.requiredText(r, "code"), eco == null ? "" : eco);
    }
    return new EcosystemMapping(m, csv + " over landuse-codes.csv esv_ecosystem");
  }

  /** A mapping given in full (tests, embedding). Empty string = no ecosystem. */
  public static EcosystemMapping of(Map<String, String> byCode, String source) {
    return new EcosystemMapping(new LinkedHashMap<>(byCode), source);
  }

  /** Fails, naming the mapping, when a mapped ecosystem type is not in {@code table}. */
  public EcosystemMapping validateAgainst(EquivalentTable table) {
    byCode.forEach((code, eco) -> {
      if (!eco.isEmpty() && !table.has(eco)) {
        throw new InputDataException(source, "code " + code, "ecosystem",
            "ecosystem type '" + eco + "' is not in the equivalent table " + table.source(), null);
      }
    });
    return this;
  }

  public String source() {
    return source;
  }

  public Status status(String code) {
    String e = byCode.get(code);
    if (e == null) {
      return Status.UNKNOWN;
    }
    return e.isEmpty() ? Status.NO_ECOSYSTEM : Status.VALUED;
  }

  /** The ecosystem type of a code, if it has one. */
  public Optional<String> ecosystem(String code) {
    String e = byCode.get(code);
    return e == null || e.isEmpty() ? Optional.empty() : Optional.of(e);
  }

  public Map<String, String> asMap() {
    return byCode;
  }
}
