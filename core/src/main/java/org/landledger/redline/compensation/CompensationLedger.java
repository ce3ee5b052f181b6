package org.landledger.redline.compensation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 占补平衡台账: matches the supplementary farmland each occupation owes against supplementary-farmland projects,
 * indicator by indicator (数量、水田规模、粮食产能 are accounted and written off separately, 国土资规〔2017〕13号),
 * and reports what is left short.
 *
 * <p>Matching is first come, first served and deterministic: occupations in the order given (plan order) draw
 * on projects in the order given, each indicator independently, until the owed amount is met or the
 * projects are used up. Only verified projects are drawn on (以补定占); unverified ones are reported as pending.
 * Amounts below {@link #EPSILON} are treated as zero (rounding noise).
 */
public final class CompensationLedger {

  /** Below this an owed or remaining amount counts as zero (m² or kg). */
  public static final double EPSILON = 1e-6;

  /** One occupation owing compensation. */
  public record Claim(String parcelId, CompensationOwed owed) {}

  /** Part of one indicator of one occupation met from one project. */
  public record Allocation(String parcelId, String projectId, Indicator indicator, double amount) {}

  /** Owed, allocated and short per indicator for one occupation. */
  public record ClaimBalance(String parcelId, Amounts owed, Amounts allocated, Amounts shortfall, double ungradedM2) {
    public boolean balanced() {
      return !shortfall.anyPositive();
    }
  }

  /** Available, used and remaining per indicator for one project. */
  public record ProjectBalance(String projectId, String name, Amounts available, Amounts used, Amounts remaining,
      boolean verified) {}

  /** The whole ledger. */
  public record Result(List<ClaimBalance> claims, List<ProjectBalance> projects, List<Allocation> allocations,
      Amounts owed, Amounts available, Amounts allocated, Amounts shortfall, Amounts surplus, double ungradedM2,
      Amounts pending) {

    /** Whether every indicator is fully compensated. */
    public boolean balanced() {
      return !shortfall.anyPositive();
    }

    /** Shortfall per indicator, for reports. */
    public Map<Indicator, Double> shortfallByIndicator() {
      Map<Indicator, Double> m = new LinkedHashMap<>();
      for (Indicator i : Indicator.values()) {
        m.put(i, shortfall.get(i));
      }
      return m;
    }
  }

  private CompensationLedger() {}

  /** Settles the claims against the projects. */
  public static Result settle(List<Claim> claims, List<SupplementaryProject> projects) {
    int np = projects.size();
    double[][] left = new double[Indicator.values().length][np];
    Amounts available = Amounts.ZERO;
    Amounts pending = Amounts.ZERO;
    for (int p = 0; p < np; p++) {
      SupplementaryProject sp = projects.get(p);
      if (!sp.verified()) {
        pending = pending.plus(sp.amounts());
        continue;
      }
      for (Indicator i : Indicator.values()) {
        left[i.ordinal()][p] = sp.get(i);
      }
      available = available.plus(sp.amounts());
    }
    int[] cursor = new int[Indicator.values().length];
    List<Allocation> allocations = new ArrayList<>();
    List<ClaimBalance> balances = new ArrayList<>();
    Amounts owedTotal = Amounts.ZERO;
    Amounts allocatedTotal = Amounts.ZERO;
    double ungraded = 0;
    for (Claim c : claims) {
      Amounts owed = new Amounts(c.owed().areaM2(), c.owed().paddyM2(), c.owed().capacityKg());
      Amounts got = Amounts.ZERO;
      for (Indicator i : Indicator.values()) {
        double need = owed.get(i);
        double[] l = left[i.ordinal()];
        while (need > EPSILON && cursor[i.ordinal()] < np) {
          int p = cursor[i.ordinal()];
          double take = Math.min(need, l[p]);
          if (take > EPSILON) {
            allocations.add(new Allocation(c.parcelId(), projects.get(p).id(), i, take));
            l[p] -= take;
            need -= take;
            got = got.with(i, got.get(i) + take);
          }
          if (l[p] <= EPSILON) {
            cursor[i.ordinal()]++;
          }
        }
      }
      Amounts shortfall = clamp(owed.minus(got));
      balances.add(new ClaimBalance(c.parcelId(), owed, got, shortfall, c.owed().ungradedM2()));
      owedTotal = owedTotal.plus(owed);
      allocatedTotal = allocatedTotal.plus(got);
      ungraded += c.owed().ungradedM2();
    }
    List<ProjectBalance> pbs = new ArrayList<>();
    Amounts surplus = Amounts.ZERO;
    for (int p = 0; p < np; p++) {
      SupplementaryProject sp = projects.get(p);
      Amounts avail = sp.verified() ? sp.amounts() : Amounts.ZERO;
      Amounts remaining = clamp(new Amounts(left[0][p], left[1][p], left[2][p]));
      pbs.add(new ProjectBalance(sp.id(), sp.name(), avail, avail.minus(remaining), remaining, sp.verified()));
      surplus = surplus.plus(remaining);
    }
    return new Result(balances, pbs, allocations, owedTotal, available, allocatedTotal,
        clamp(owedTotal.minus(allocatedTotal)), surplus, ungraded, pending);
  }

  private static Amounts clamp(Amounts a) {
    return new Amounts(z(a.areaM2()), z(a.paddyM2()), z(a.capacityKg()));
  }

  private static double z(double v) {
    return v <= EPSILON ? 0.0 : v;
  }
}
