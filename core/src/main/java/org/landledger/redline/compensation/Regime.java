package org.landledger.redline.compensation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.landledger.landuse.LandUseClass;
import org.landledger.policy.PolicyProfile;

/**
 * 占补平衡制度: which requisition–compensation rules apply, selected by the profile's {@code redline.regime}
 * (or a command's {@code --regime}); each regime's description and source are profile parameters
 * ({@code redline.regime.2017}, {@code redline.regime.2024}).
 *
 * <ul>
 *   <li>{@link #R2017}: 国土资规〔2017〕13号 — only non-agricultural construction occupying 耕地 is balanced
 *       (占一补一、占优补优、占水田补水田; area, paddy and grain capacity accounted separately);
 *   <li>{@link #R2024}: the 2024 central opinion on farmland protection and 自然资发〔2024〕204号 (applied from
 *       2025-01-01) — every conversion of 耕地 to another class (construction, forest, orchard, grass, ponds …)
 *       is balanced, measured between two surveys as 耕地流出/流入 (进出平衡), with 以补定占: occupation only up
 *       to compensation already verified.
 * </ul>
 */
public enum Regime {
  R2017("2017"),
  R2024("2024");

  public static final String KEY = "redline.regime";

  private final String code;

  Regime(String code) {
    this.code = code;
  }

  /** "2017" or "2024", as {@code --regime} takes it and every output names it. */
  public String code() {
    return code;
  }

  /** 2017, construction-2017, 2024, 2024-reform, all-occupation-2025; bad input otherwise. */
  public static Regime parse(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "2017", "construction-2017" -> R2017;
      case "2024", "2024-reform", "all-occupation-2025" -> R2024;
      default -> throw new IllegalArgumentException("unknown 占补平衡 regime '" + s + "' (2017 or 2024)");
    };
  }

  /** The profile's regime. */
  public static Regime of(PolicyProfile profile) {
    return parse(profile.text(KEY));
  }

  /** The override when given, else the profile's regime. */
  public static Regime of(PolicyProfile profile, String override) {
    return override == null ? of(profile) : parse(override);
  }

  /**
   * Whether farmland turned into {@code to} is an outflow (耕地流出) this regime balances: 2017 — construction
   * land only; 2024 — any other class. {@code to} null (a code missing from the classification) counts under
   * 2024 only.
   */
  public boolean countsOutflowTo(LandUseClass to) {
    if (this == R2024) {
      return to == null || !to.farmland();
    }
    return to != null && to.construction();
  }

  /** The regime's profile parameter: what it balances, with its source. */
  public PolicyProfile.Parameter parameter(PolicyProfile profile) {
    return profile.parameter(KEY + "." + code);
  }

  /**
   * What every output says about the rules it applied: {@code regime} (code), {@code regimeRule} (what counts),
   * {@code regimeSource} and {@code policyProfile} (id@version of the profile, base first).
   */
  public Map<String, Object> describe(PolicyProfile profile) {
    PolicyProfile.Parameter p = parameter(profile);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("regime", code);
    m.put("regimeRule", p.value().asText());
    m.put("regimeSource", p.source());
    if (p.note() != null) {
      m.put("regimeNote", p.note());
    }
    m.put("policyProfile", profile.id() + "@" + profile.version());
    return m;
  }

  /**
   * The same description from a result's policy block ({@link PolicyProfile#describe} of a prefix holding
   * {@code redline.regime*}), for outputs that carry the block rather than the profile.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> describe(Map<String, Object> policy) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> ps = policy == null ? Map.of() : (Map<String, Object>) policy.getOrDefault("parameters", Map.of());
    Object regime = ps.get(KEY) instanceof Map<?, ?> r ? ((Map<String, Object>) r).get("value") : null;
    if (regime == null) {
      return m;
    }
    Regime g = parse(regime.toString());
    Map<String, Object> p = ps.get(KEY + "." + g.code) instanceof Map<?, ?> x ? (Map<String, Object>) x : Map.of();
    m.put("regime", g.code);
    m.put("regimeRule", p.get("value"));
    m.put("regimeSource", p.get("source"));
    if (p.get("note") != null) {
      m.put("regimeNote", p.get("note"));
    }
    m.put("policyProfile", policy.get("id") + "@" + policy.get("version"));
    return m;
  }
}
