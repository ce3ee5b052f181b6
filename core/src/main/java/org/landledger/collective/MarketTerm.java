package org.landledger.collective;

import java.util.List;
import org.landledger.policy.PolicyProfile;

/**
 * 入市出让年限: the longest term collective operational construction land may be granted for, by use
 * ({@code collective.maxTermYears.<use>} of the profile: industrial/warehousing 50 years, commercial/tourism
 * 40 years in the Zibo plan), and the check that a proposed term keeps within it.
 */
public final class MarketTerm {

  public static final String PREFIX = "collective.maxTermYears.";

  private MarketTerm() {}

  /** The maximum term of a use, or bad input naming the uses the profile knows. */
  public static double maxYears(PolicyProfile profile, String use) {
    if (!profile.has(PREFIX + use)) {
      List<String> uses = profile.section(PREFIX).keySet().stream().map(k -> k.substring(PREFIX.length())).toList();
      throw new IllegalArgumentException("policy profile " + profile.id() + " has no maximum term for use " + use
          + " (has " + uses + ")");
    }
    return profile.number(PREFIX + use);
  }

  /** Refuses a term longer than the maximum for the use (or not positive). */
  public static void check(PolicyProfile profile, String use, double years) {
    double max = maxYears(profile, use);
    if (!(years > 0)) {
      throw new IllegalArgumentException("term must be > 0 years, got " + years);
    }
    if (years > max) {
      throw new IllegalArgumentException("term of " + fmt(years) + " years exceeds the maximum of " + fmt(max)
          + " years for " + use + " use (" + profile.parameter(PREFIX + use).source() + ")");
    }
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
