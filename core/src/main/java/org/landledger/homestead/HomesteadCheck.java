package org.landledger.homestead;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 一户一宅与面积标准检查: findings on a register — households holding more homesteads than allowed, parcels
 * above the area standard, idle parcels.
 *
 * <p>Area rule: a parcel is OVERSIZE when its area, rounded to 0.01 m² (the precision areas are reported in),
 * is strictly greater than the standard; a parcel exactly at the standard is within it.
 */
public final class HomesteadCheck {

  private HomesteadCheck() {}

  /** A mismatch between the geometry's area and the recorded ZDMJ. */
  public record AreaMismatch(String parcelId, BigDecimal areaM2, double recordedAreaM2, BigDecimal diffM2) {}

  /**
   * Findings in parcel row order (per parcel: MULTIPLE_HOMESTEADS, OVERSIZE, IDLE).
   *
   * @param standards area standards, or null to skip OVERSIZE
   * @param maxPerHousehold homesteads a household may hold (1 under 一户一宅)
   * @param file the register's file, for messages
   */
  public static List<Finding> check(HomesteadRegister register, AreaStandards standards, int maxPerHousehold,
      java.nio.file.Path file) {
    List<Finding> out = new ArrayList<>();
    Map<String, List<HomesteadParcel>> households = register.households();
    for (HomesteadParcel p : register.parcels()) {
      if (p.hasHousehold()) {
        List<HomesteadParcel> same = households.get(p.householdKey());
        if (same.size() > maxPerHousehold) {
          out.add(new Finding(p.parcelId(), p.householdKey(), FindingType.MULTIPLE_HOMESTEADS, null,
              same.stream().map(HomesteadParcel::parcelId).toList()));
        }
      }
      AreaStandard standard = standards == null ? null : standards.forParcel(p, file);
      if (standard != null && p.areaM2().compareTo(standard.m2()) > 0) {
        out.add(new Finding(p.parcelId(), p.householdKey(), FindingType.OVERSIZE,
            p.areaM2().subtract(standard.m2()).setScale(2), null));
      }
      if (p.idle()) {
        out.add(new Finding(p.parcelId(), p.householdKey(), FindingType.IDLE, null, null));
      }
    }
    return out;
  }

  /**
   * 户面积超标: every parcel of each household whose parcels together exceed the household standard
   * ({@code household}, else the area standard of its first parcel), with the household's excess.
   */
  public static List<Finding> householdOversize(HomesteadRegister register, HouseholdStandard household,
      AreaStandards standards, java.nio.file.Path file) {
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, List<HomesteadParcel>> e : register.households().entrySet()) {
      List<HomesteadParcel> ps = e.getValue();
      BigDecimal standard = household == null ? null : household.forHousehold(ps, file);
      if (standard == null && standards != null) {
        standard = standards.forParcel(ps.get(0), file).m2();
      }
      if (standard == null) {
        continue;
      }
      BigDecimal total = ps.stream().map(HomesteadParcel::areaM2).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (total.compareTo(standard) > 0) {
        List<String> ids = ps.stream().map(HomesteadParcel::parcelId).toList();
        BigDecimal excess = total.subtract(standard).setScale(2, java.math.RoundingMode.HALF_UP);
        ps.forEach(p -> out.add(new Finding(p.parcelId(), e.getKey(), FindingType.HOUSEHOLD_OVERSIZE, excess, ids)));
      }
    }
    return out;
  }

  /** Households with more than {@code maxPerHousehold} parcels, in order of first appearance. */
  public static List<Map.Entry<String, List<HomesteadParcel>>> multipleHomesteadHouseholds(HomesteadRegister register,
      int maxPerHousehold) {
    return register.households().entrySet().stream().filter(e -> e.getValue().size() > maxPerHousehold).toList();
  }

  /** Parcels whose recorded ZDMJ differs from the geometry's area by more than {@code toleranceM2}. */
  public static List<AreaMismatch> areaMismatches(HomesteadRegister register, double toleranceM2) {
    List<AreaMismatch> out = new ArrayList<>();
    for (HomesteadParcel p : register.parcels()) {
      if (p.recordedAreaM2() != null) {
        BigDecimal diff = p.areaM2().subtract(BigDecimal.valueOf(p.recordedAreaM2())).setScale(2,
            java.math.RoundingMode.HALF_UP);
        if (diff.abs().doubleValue() > toleranceM2) {
          out.add(new AreaMismatch(p.parcelId(), p.areaM2(), p.recordedAreaM2(), diff));
        }
      }
    }
    return out;
  }
}
