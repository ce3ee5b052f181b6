package org.landledger.ecovalue.carbon;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.landledger.ecovalue.CsvTable;
import org.landledger.ecovalue.esv.EcosystemMapping;
import org.landledger.io.InputDataException;
import org.landledger.landuse.LandUseClass;
import org.landledger.landuse.LandUseCodes;

/**
 * 碳密度表: carbon density (t C/ha) per land class for the four pools of the InVEST carbon model — above-ground,
 * below-ground, soil, dead organic matter. Columns {@code class,c_above,c_below,c_soil,c_dead} (others ignored).
 * A land-use code takes the row of its exact code, else of its level-1 group code (三调 groups, 00 = 湿地),
 * else of its ESV ecosystem type; a code matching none is reported with its area and stores 0.
 * The shipped table ({@link #example()}) is an illustrative example, to be replaced with local data.
 */
public final class CarbonDensities {

  /** One class's densities, t C/ha. */
  public record Density(String key, double above, double below, double soil, double dead) {
    public double total() {
      return above + below + soil + dead;
    }

    public double[] pools() {
      return new double[] {above, below, soil, dead};
    }
  }

  public static final String[] POOLS = {"above", "below", "soil", "dead"};

  private final Map<String, Density> byClass;
  private final String source;
  private final boolean example;

  private CarbonDensities(Map<String, Density> byClass, String source, boolean example) {
    this.byClass = byClass;
    this.source = source;
    this.example = example;
  }

  /** The shipped EXAMPLE table (illustrative values; replace with local data). */
  public static CarbonDensities example() {
    return from(CsvTable.resource(CarbonDensities.class, "/org/landledger/ecovalue/carbon-density-example.csv"),
        "carbon-density-example.csv (EXAMPLE values, replace with local data)", true);
  }

  public static CarbonDensities load(Path csv) {
    return from(CsvTable.read(csv), csv.toString(), false);
  }

  static CarbonDensities from(CsvTable t, String source, boolean example) {
    t.require("class", "c_above", "c_below", "c_soil", "c_dead");
    Map<String, Density> m = new LinkedHashMap<>();
    for (CsvTable.Row r : t.rows()) {
      String key = t.requiredText(r, "class");
      Density d = new Density(key, t.nonNegative(r, "c_above"), t.nonNegative(r, "c_below"),
          t.nonNegative(r, "c_soil"), t.nonNegative(r, "c_dead"));
      if (m.put(key, d) != null) {
        throw new InputDataException(t.source(), "line " + r.line(), "class", "duplicate class " + key, null);
      }
    }
    return new CarbonDensities(m, source, example);
  }

  public String source() {
    return source;
  }

  public boolean isExample() {
    return example;
  }

  /** The densities that apply to a land-use code (exact code, group code, ecosystem type), if any. */
  public Optional<Density> forCode(String code, EcosystemMapping mapping) {
    Density d = byClass.get(code);
    if (d != null) {
      return Optional.of(d);
    }
    Optional<LandUseClass> c = LandUseCodes.standard().find(code);
    if (c.isPresent() && byClass.containsKey(c.get().groupCode())) {
      return Optional.of(byClass.get(c.get().groupCode()));
    }
    return mapping.ecosystem(code).map(byClass::get);
  }

  public Map<String, Density> all() {
    return byClass;
  }
}
