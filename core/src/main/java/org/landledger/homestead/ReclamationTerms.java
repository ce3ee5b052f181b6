package org.landledger.homestead;

import java.math.BigDecimal;

/**
 * 复垦与收益分配参数: reclamation rate (share of the exited area actually reclaimed), quota price per 亩,
 * reclamation cost per 亩 of reclaimed land, and the households' share of the net proceeds (the rest goes to
 * the collective). Price and share may be null: then only the quota is computed.
 */
public record ReclamationTerms(BigDecimal reclamationRate, BigDecimal pricePerMu, BigDecimal costPerMu,
    BigDecimal householdShare) {

  public ReclamationTerms {
    if (reclamationRate == null || reclamationRate.signum() <= 0 || reclamationRate.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("reclamation rate must be in (0, 1], got " + reclamationRate);
    }
    if (pricePerMu != null && pricePerMu.signum() < 0) {
      throw new IllegalArgumentException("price per 亩 must be ≥ 0, got " + pricePerMu);
    }
    if (costPerMu != null && costPerMu.signum() < 0) {
      throw new IllegalArgumentException("reclamation cost per 亩 must be ≥ 0, got " + costPerMu);
    }
    if (householdShare != null && (householdShare.signum() < 0 || householdShare.compareTo(BigDecimal.ONE) > 0)) {
      throw new IllegalArgumentException("household share must be in [0, 1], got " + householdShare);
    }
    if (pricePerMu != null && householdShare == null) {
      throw new IllegalArgumentException("a price per 亩 needs the household share of the proceeds "
          + "(--household-share S or homestead.householdShare in the policy profile)");
    }
  }

  public static ReclamationTerms quotaOnly(BigDecimal rate) {
    return new ReclamationTerms(rate, null, null, null);
  }
}
