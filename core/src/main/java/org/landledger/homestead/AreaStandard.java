package org.landledger.homestead;

import java.math.BigDecimal;
import java.util.List;
import org.landledger.policy.PolicyProfile;

/**
 * 宅基地面积标准: the maximum homestead area per household, in m², with where it comes from. Standards are set by
 * each province (土地管理法第六十二条) by region type (城郊/平原/山区丘陵…), so there is no national number: it
 * comes from {@code --standard-m2} or from the profile key {@code homestead.areaStandardM2.<areaType>}.
 */
public record AreaStandard(BigDecimal m2, String areaType, String source) {

  public static final String PROFILE_PREFIX = "homestead.areaStandardM2.";

  public AreaStandard {
    if (m2.signum() <= 0) {
      throw new IllegalArgumentException("homestead area standard must be > 0 m², got " + m2);
    }
  }

  public static AreaStandard ofOption(double m2) {
    return new AreaStandard(BigDecimal.valueOf(m2), null, "--standard-m2");
  }

  /**
   * The standard of {@code areaType} in a profile; {@code areaType} may be null when the profile defines
   * exactly one type.
   */
  public static AreaStandard fromProfile(PolicyProfile profile, String areaType) {
    List<String> types = profile.section(PROFILE_PREFIX).keySet().stream()
        .map(k -> k.substring(PROFILE_PREFIX.length())).toList();
    if (types.isEmpty()) {
      throw new IllegalArgumentException("policy profile " + profile.id() + " has no homestead area standard ("
          + PROFILE_PREFIX + "<type>): area standards are provincial — pass --standard-m2 N or a --policy file "
          + "with your province's values");
    }
    String type = areaType;
    if (type == null) {
      if (types.size() > 1) {
        throw new IllegalArgumentException("policy profile " + profile.id() + " has several homestead area standards "
            + types + ": choose one with --area-type");
      }
      type = types.get(0);
    }
    if (!types.contains(type)) {
      throw new IllegalArgumentException("policy profile " + profile.id() + " has no homestead area standard for type "
          + type + " (has " + types + ")");
    }
    PolicyProfile.Parameter p = profile.parameter(PROFILE_PREFIX + type);
    return new AreaStandard(BigDecimal.valueOf(profile.number(PROFILE_PREFIX + type)), type,
        p.source() + " [" + p.profileId() + "]");
  }
}
