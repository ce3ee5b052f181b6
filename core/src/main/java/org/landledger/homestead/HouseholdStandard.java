package org.landledger.homestead;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.io.InputDataException;
import org.landledger.policy.PolicyProfile;

/**
 * 户宅基地面积标准: the most a household may hold in all (Σ of its parcels), as provinces set it — a fixed number
 * per household ({@code --household-standard-m2}), by household size ({@code homestead.householdStandard} of the
 * profile: {@code {"bands": [{"maxPersons": 3, "m2": 120}, …, {"m2": 150}]}} or {@code {"perCapitaM2": 30,
 * "minPersons": 3, "maxPersons": 5}}, the size read from a field), or else the province's area standard itself,
 * which the provinces write per household (每户).
 */
public final class HouseholdStandard {

  public static final String PROFILE_KEY = "homestead.householdStandard";
  /** Household size (家庭人口) field read when the profile's rule needs it. */
  public static final String DEFAULT_SIZE_FIELD = "JTRK";

  private final BigDecimal uniform;
  private final JsonNode rule;
  private final String ruleSource;
  private final String sizeField;

  private HouseholdStandard(BigDecimal uniform, JsonNode rule, String ruleSource, String sizeField) {
    this.uniform = uniform;
    this.rule = rule;
    this.ruleSource = ruleSource;
    this.sizeField = sizeField;
  }

  /** From the option when given, else the profile's rule, else the area standard per household. */
  public static HouseholdStandard of(Double optionM2, PolicyProfile profile, String sizeField) {
    if (optionM2 != null) {
      if (!(optionM2 > 0)) {
        throw new IllegalArgumentException("--household-standard-m2 must be > 0, got " + optionM2);
      }
      return new HouseholdStandard(BigDecimal.valueOf(optionM2), null, "--household-standard-m2", sizeField);
    }
    if (profile.has(PROFILE_KEY)) {
      PolicyProfile.Parameter p = profile.parameter(PROFILE_KEY);
      return new HouseholdStandard(null, p.value(), p.source() + " [" + p.profileId() + "]", sizeField);
    }
    return new HouseholdStandard(null, null, null, sizeField);
  }

  /**
   * The standard of a household; null when the rule needs the household size and no parcel gives it (then the
   * caller falls back to the area standard) — a size that is not a whole number ≥ 1 is bad input.
   */
  public BigDecimal forHousehold(List<HomesteadParcel> parcels, Path file) {
    if (uniform != null) {
      return uniform;
    }
    if (rule == null) {
      return null;
    }
    Integer size = size(parcels, file);
    if (size == null) {
      return null;
    }
    if (rule.has("perCapitaM2")) {
      int n = Math.max(size, rule.path("minPersons").asInt(1));
      if (rule.has("maxPersons")) {
        n = Math.min(n, rule.get("maxPersons").asInt());
      }
      return rule.get("perCapitaM2").decimalValue().multiply(BigDecimal.valueOf(n));
    }
    for (JsonNode band : rule.path("bands")) {
      if (!band.has("maxPersons") || size <= band.get("maxPersons").asInt()) {
        return band.get("m2").decimalValue();
      }
    }
    throw new IllegalArgumentException(PROFILE_KEY + " has no band for a household of " + size + " persons");
  }

  private Integer size(List<HomesteadParcel> parcels, Path file) {
    Integer best = null;
    for (HomesteadParcel p : parcels) {
      Object v = null;
      for (Map.Entry<String, Object> e : p.attributes().entrySet()) {
        if (e.getKey().equalsIgnoreCase(sizeField)) {
          v = e.getValue();
        }
      }
      if (v == null || v.toString().isBlank()) {
        continue;
      }
      double d;
      try {
        d = Double.parseDouble(v.toString().trim());
      } catch (NumberFormatException e) {
        throw new InputDataException(file, p.parcelId(), sizeField, "household size is not a number: " + v);
      }
      if (d != Math.rint(d) || d < 1) {
        throw new InputDataException(file, p.parcelId(), sizeField, "household size must be a whole number ≥ 1, got " + v);
      }
      best = best == null ? (int) d : Math.max(best, (int) d);
    }
    return best;
  }

  /** For the report. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (uniform != null) {
      m.put("m2", uniform);
      m.put("source", ruleSource);
    } else if (rule != null) {
      m.put("rule", new com.fasterxml.jackson.databind.ObjectMapper().convertValue(rule, Object.class));
      m.put("sizeField", sizeField);
      m.put("source", ruleSource);
      m.put("fallback", "无户人口时取面积标准 (household size unknown: the area standard)");
    } else {
      m.put("source", "面积标准（省级标准按户规定）(the area standard, which provinces set per household)");
    }
    m.put("check", "户内各宗面积之和（0.01 m²）大于标准为超标 (household flagged when Σ parcels > standard)");
    return m;
  }
}
