package org.landledger.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * 农户标识（加盐散列）: keys households by HMAC-SHA256 of the identity under a secret salt, so results can
 * name a household without holding its ID number. An unsalted hash would not do: ID numbers have so little
 * entropy (address code, birth date, 3-digit order) that they can be enumerated from a hash.
 *
 * <p>The salt is never printed. A per-run random salt (the default) makes keys differ between runs; a salt
 * from a protected file or environment variable makes them stable, so runs can be compared.
 */
public final class HouseholdKeys {

  /** Minimum salt length in bytes. */
  public static final int MIN_SALT_BYTES = 16;
  /** Hex characters kept from the MAC: 16 = 64 bits, collision-free at any county's scale. */
  static final int KEY_HEX = 16;

  private final byte[] salt;
  private final String saltDescription;
  private final boolean stable;
  /** Mac instances are not thread-safe; one per thread, initialised once. */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  private HouseholdKeys(byte[] salt, String saltDescription, boolean stable) {
    if (salt.length < MIN_SALT_BYTES) {
      throw new IllegalArgumentException("household-key salt must be at least " + MIN_SALT_BYTES + " bytes, got "
          + salt.length);
    }
    this.salt = salt.clone();
    this.saltDescription = saltDescription;
    this.stable = stable;
  }

  /** A fresh random salt for this run: keys cannot be linked to another run's. */
  public static HouseholdKeys perRun() {
    byte[] s = new byte[32];
    new SecureRandom().nextBytes(s);
    return new HouseholdKeys(s, "每次运行随机生成，户标识在不同运行之间不可比 (per-run random salt: keys differ between runs)",
        false);
  }

  /** A given salt (from a file or the environment), making keys stable across runs. */
  public static HouseholdKeys withSalt(byte[] salt, String whereFrom) {
    return new HouseholdKeys(salt, "固定盐（" + whereFrom + "），户标识在使用同一盐的运行之间稳定 (fixed salt from "
        + whereFrom + ": keys are stable across runs using it)", true);
  }

  public static HouseholdKeys withSalt(String salt, String whereFrom) {
    return withSalt(salt.getBytes(StandardCharsets.UTF_8), whereFrom);
  }

  /** The key of a person by canonical ID number (see {@link IdNumbers#validate}). */
  public String ofIdNumber(String canonicalId) {
    return "H" + mac("id:" + canonicalId);
  }

  /** The key of a household given by a household code/name field. */
  public String ofHouseholdCode(String code) {
    return "H" + mac("household:" + code.trim());
  }

  public boolean stable() {
    return stable;
  }

  /** How keys are made, for the report (never the salt itself). */
  public String describe() {
    return "HMAC-SHA256(盐, 规范化身份证号或户代码) 前 " + KEY_HEX + " 位十六进制; 盐: " + saltDescription;
  }

  private String mac(String text) {
    byte[] out = macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(out).substring(0, KEY_HEX);
  }

  private Mac newMac() {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(salt, "HmacSHA256"));
      return m;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
