package org.landledger.homestead;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 宅基地退出复垦与节余指标: from the exited parcels, the reclaimable area, the net quota after resettlement land
 * (节余建设用地指标), its value and how the proceeds are shared.
 *
 * <p>Arithmetic (exact decimals; {@code round2} = half-up to 0.01):
 * <ul>
 *   <li>exitedAreaM2 = Σ parcel areas (each already rounded to 0.01 m²);
 *   <li>quotaBaseM2 = Σ of the parts of exited parcels on construction land (the whole parcels without a 三调
 *       check); reclaimableM2 = round2(quotaBaseM2 × rate);
 *   <li>netQuotaM2 = reclaimableM2 − resettlementM2 (may be negative: resettlement used more land than was
 *       reclaimed — then no quota, no value);
 *   <li>netQuotaMu = netQuotaM2 × 15 / 10000 (exact, 6 decimals);
 *   <li>valueYuan = round2(netQuotaMu × pricePerMu); reclamationCostYuan = round2(reclaimableM2 × 15/10000 ×
 *       costPerMu); netProceedsYuan = max(0, value − cost);
 *   <li>households = round2(netProceeds × householdShare); collective = netProceeds − households (so the two
 *       add up exactly);
 *   <li>the households' amount is split over exiting households in proportion to their exited area by the
 *       largest-remainder method in fen ({@link Apportionment}), so the lines add up exactly.
 * </ul>
 */
public final class Reclamation {

  private static final BigDecimal MU_PER_M2_NUM = BigDecimal.valueOf(15);

  private Reclamation() {}

  /** One household's compensation (ownerless exited parcels form one line with a null key). */
  public record CompensationLine(String householdKey, String ownerMasked, List<String> parcelIds,
      BigDecimal exitedAreaM2, BigDecimal amountYuan) {}

  /** The result; money fields are null when no price was given. */
  public record Result(List<String> exitedParcelIds, BigDecimal exitedAreaM2, BigDecimal reclaimableM2,
      BigDecimal resettlementM2, BigDecimal netQuotaM2, BigDecimal netQuotaMu, BigDecimal valueYuan,
      BigDecimal reclamationCostYuan, BigDecimal netProceedsYuan, BigDecimal householdsYuan,
      BigDecimal collectiveYuan, List<CompensationLine> lines, List<String> notes, BigDecimal quotaBaseM2) {

    /** The quota-ledger entries this reclamation creates: one surplus entry when the net quota is positive. */
    public List<ReclaimedQuota> ledgerEntries() {
      if (netQuotaM2.signum() <= 0) {
        return List.of();
      }
      return List.of(new ReclaimedQuota(netQuotaM2, netQuotaMu, exitedParcelIds, ReclaimedQuota.ORIGIN,
          "宅基地自愿有偿退出复垦节余建设用地指标 (surplus quota from reclaimed exited homesteads)"));
    }
  }

  public static BigDecimal m2ToMu(BigDecimal m2) {
    return m2.multiply(MU_PER_M2_NUM).movePointLeft(4);
  }

  private static BigDecimal round2(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * @param exiting exited parcels in row order
   * @param resettlementM2 area of the resettlement land used (集中安置区), ≥ 0
   */
  public static Result compute(List<HomesteadParcel> exiting, BigDecimal resettlementM2, ReclamationTerms terms) {
    return compute(exiting, null, resettlementM2, terms);
  }

  /**
   * @param quotaAreaM2 per exited parcel id, the part that yields quota (on construction land in 三调); null: the
   *     whole parcel. The quota and the households' lines are computed on these areas.
   */
  public static Result compute(List<HomesteadParcel> exiting, Map<String, BigDecimal> quotaAreaM2,
      BigDecimal resettlementM2, ReclamationTerms terms) {
    if (resettlementM2.signum() < 0) {
      throw new IllegalArgumentException("resettlement area must be ≥ 0");
    }
    List<String> notes = new ArrayList<>();
    BigDecimal exited = exiting.stream().map(HomesteadParcel::areaM2).reduce(BigDecimal.ZERO.setScale(2),
        BigDecimal::add);
    List<HomesteadParcel> base = quotaAreaM2 == null ? exiting : exiting.stream().map(p -> new HomesteadParcel(
        p.row(), p.parcelId(), p.householdKey(), p.ownerMasked(), p.geometry(), quotaAreaM2.get(p.parcelId()),
        p.recordedAreaM2(), p.idle(), p.exitFlagged(), p.attributes())).toList();
    BigDecimal quotaBase = base.stream().map(HomesteadParcel::areaM2).reduce(BigDecimal.ZERO.setScale(2),
        BigDecimal::add);
    BigDecimal reclaimable = round2(quotaBase.multiply(terms.reclamationRate()));
    BigDecimal resettlement = round2(resettlementM2);
    BigDecimal net = reclaimable.subtract(resettlement);
    BigDecimal netMu = m2ToMu(net);
    if (net.signum() < 0) {
      notes.add("安置用地超过复垦面积，无节余指标 (resettlement land exceeds the reclaimed area: no surplus quota)");
    }
    List<String> ids = exiting.stream().map(HomesteadParcel::parcelId).toList();
    if (terms.pricePerMu() == null) {
      return new Result(ids, exited, reclaimable, resettlement, net, netMu, null, null, null, null, null,
          List.of(), notes, quotaBase);
    }
    BigDecimal value = net.signum() > 0 ? round2(netMu.multiply(terms.pricePerMu())) : BigDecimal.ZERO.setScale(2);
    BigDecimal cost = terms.costPerMu() == null ? BigDecimal.ZERO.setScale(2)
        : round2(m2ToMu(reclaimable).multiply(terms.costPerMu()));
    BigDecimal proceeds = value.subtract(cost);
    if (proceeds.signum() < 0) {
      notes.add("复垦成本超过指标价值，无净收益可分配 (reclamation cost exceeds the quota value: nothing to share)");
      proceeds = BigDecimal.ZERO.setScale(2);
    }
    BigDecimal households = round2(proceeds.multiply(terms.householdShare()));
    BigDecimal collective = proceeds.subtract(households);
    List<CompensationLine> lines = lines(base, households);
    lines.stream().filter(l -> l.householdKey() == null).findFirst().ifPresent(l -> notes.add(l.parcelIds().size()
        + " 宗退出宅基地无可识别权利人，其农户份额 " + l.amountYuan().toPlainString() + " 元单列待核实 (exited parcels without an "
        + "identified owner: their household share is listed unassigned, to be settled)"));
    return new Result(ids, exited, reclaimable, resettlement, net, netMu, value, cost, proceeds, households,
        collective, lines, notes, quotaBase);
  }

  private static List<CompensationLine> lines(List<HomesteadParcel> exiting, BigDecimal householdsTotal) {
    Map<String, List<HomesteadParcel>> byHousehold = new LinkedHashMap<>();
    for (HomesteadParcel p : exiting) {
      byHousehold.computeIfAbsent(p.householdKey() == null ? "" : p.householdKey(), k -> new ArrayList<>()).add(p);
    }
    List<String> keys = new ArrayList<>(byHousehold.keySet());
    List<BigDecimal> areas = keys.stream().map(k -> byHousehold.get(k).stream().map(HomesteadParcel::areaM2)
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add)).toList();
    if (keys.isEmpty() || areas.stream().allMatch(a -> a.signum() == 0)) {
      return List.of();
    }
    List<BigDecimal> amounts = Apportionment.largestRemainder(householdsTotal, areas);
    List<CompensationLine> out = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      List<HomesteadParcel> ps = byHousehold.get(keys.get(i));
      String key = keys.get(i).isEmpty() ? null : keys.get(i);
      out.add(new CompensationLine(key, key == null ? null : ps.get(0).ownerMasked(),
          ps.stream().map(HomesteadParcel::parcelId).toList(), areas.get(i), amounts.get(i)));
    }
    return out;
  }
}
