package org.landledger.homestead;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.landledger.io.InputDataException;
import org.landledger.policy.PolicyProfile;

/**
 * 面积标准适用: which area standard applies to a parcel — one standard for all, or, where a county has villages
 * of several region types (城郊/平原/山区…), the standard named by each parcel's area-type field
 * ({@code homestead.areaStandardM2.<value>} of the profile).
 */
public final class AreaStandards {

  private final AreaStandard uniform;
  private final String field;
  private final Map<String, AreaStandard> byType;

  private AreaStandards(AreaStandard uniform, String field, Map<String, AreaStandard> byType) {
    this.uniform = uniform;
    this.field = field;
    this.byType = byType;
  }

  public static AreaStandards uniform(AreaStandard standard) {
    return new AreaStandards(standard, null, Map.of());
  }

  /** Per parcel by the value of {@code field}; every type of the profile may be used. */
  public static AreaStandards byField(PolicyProfile profile, String field) {
    Map<String, AreaStandard> types = new LinkedHashMap<>();
    profile.section(AreaStandard.PROFILE_PREFIX).keySet().forEach(k -> {
      String type = k.substring(AreaStandard.PROFILE_PREFIX.length());
      types.put(type, AreaStandard.fromProfile(profile, type));
    });
    if (types.isEmpty()) {
      // same message as a single lookup: the profile has no standards at all
      AreaStandard.fromProfile(profile, null);
    }
    return new AreaStandards(null, field, types);
  }

  /** The area-type field, or null for a uniform standard. */
  public String field() {
    return field;
  }

  /** The standard of a parcel; bad input when its area type is blank or not in the profile. */
  public AreaStandard forParcel(HomesteadParcel p, Path file) {
    if (uniform != null) {
      return uniform;
    }
    Object v = p.attributes().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(field))
        .map(Map.Entry::getValue).findFirst().orElse(null);
    String type = v == null ? null : v.toString().trim();
    if (type == null || type.isEmpty()) {
      throw new InputDataException(file, p.parcelId(), field, "未填写面积标准类型 (no area type), row " + p.row());
    }
    AreaStandard s = byType.get(type);
    if (s == null) {
      throw new InputDataException(file, p.parcelId(), field, "面积标准类型 " + type + " 不在政策配置中 (unknown area type; "
          + "profile has " + byType.keySet() + "), row " + p.row());
    }
    return s;
  }

  /** For the report. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (uniform != null) {
      m.put("m2", uniform.m2());
      m.put("areaType", uniform.areaType());
      m.put("source", uniform.source());
    } else {
      m.put("areaTypeField", field);
      Map<String, Object> types = new LinkedHashMap<>();
      byType.forEach((t, s) -> types.put(t, Map.of("m2", s.m2(), "source", s.source())));
      m.put("byType", types);
    }
    m.put("rule", "面积（0.01 m²）大于标准才超标，等于标准不超标 (flagged only when area > standard)");
    return m;
  }
}
