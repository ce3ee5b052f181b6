package org.landledger.linkage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.landledger.linkage.LinkageResult.Project;
import org.landledger.linkage.LinkageResult.Violation;
import org.landledger.redline.compensation.CompensationLedger;
import org.landledger.redline.compensation.CompensationOwed;
import org.landledger.redline.compensation.Indicator;
import org.landledger.redline.compensation.SupplementaryProject;

/**
 * 以补定占 in linkage: a project's farmland and paddy shortfall (reclaimed farmland, net of 田坎, below the farmland
 * it occupies) drawn on the verified supplementary-farmland ledger the red-line check uses, project by project in
 * the order given ({@link CompensationLedger}); what the ledger covers no longer counts as a violation, the rest
 * stays one (with the remaining area), and the project lists what it drew.
 */
final class LinkageCompensation {

  private LinkageCompensation() {}

  /** The projects with their shortfalls settled against the ledger, and the ledger's result. */
  record Settled(List<Project> projects, CompensationLedger.Result ledger) {}

  static Settled settle(List<Project> projects, List<SupplementaryProject> ledger) {
    List<CompensationLedger.Claim> claims = new ArrayList<>();
    for (Project p : projects) {
      double area = shortfall(p, ViolationCode.FARMLAND_NOT_BALANCED);
      double paddy = shortfall(p, ViolationCode.PADDY_NOT_BALANCED);
      if (area > 0 || paddy > 0) {
        claims.add(new CompensationLedger.Claim(p.projectId(), new CompensationOwed(area, paddy, 0, 0, Map.of())));
      }
    }
    CompensationLedger.Result r = CompensationLedger.settle(claims, ledger);
    Map<String, CompensationLedger.ClaimBalance> byProject = new LinkedHashMap<>();
    r.claims().forEach(c -> byProject.put(c.parcelId(), c));
    List<Project> out = new ArrayList<>();
    for (Project p : projects) {
      CompensationLedger.ClaimBalance c = byProject.get(p.projectId());
      out.add(c == null ? p : apply(p, c, r));
    }
    return new Settled(out, r);
  }

  private static double shortfall(Project p, ViolationCode code) {
    return p.violations().stream().filter(v -> v.code() == code).mapToDouble(Violation::areaM2).sum();
  }

  private static Project apply(Project p, CompensationLedger.ClaimBalance c, CompensationLedger.Result r) {
    List<Violation> vs = new ArrayList<>();
    for (Violation v : p.violations()) {
      Indicator i = v.code() == ViolationCode.FARMLAND_NOT_BALANCED ? Indicator.AREA
          : v.code() == ViolationCode.PADDY_NOT_BALANCED ? Indicator.PADDY : null;
      if (i == null) {
        vs.add(v);
      } else if (c.shortfall().get(i) > 0) {
        vs.add(new Violation(v.code(), v.detail() + String.format(Locale.ROOT,
            "；补充耕地台账抵扣 %.2f m² 后仍缺 %.2f m² (after %.2f m² drawn on the verified ledger, %.2f m² short)",
            c.allocated().get(i), c.shortfall().get(i), c.allocated().get(i), c.shortfall().get(i)),
            v.plots(), c.shortfall().get(i), v.geometry()));
      }
    }
    List<String> assumptions = new ArrayList<>(p.assumptions());
    r.allocations().stream().filter(a -> a.parcelId().equals(p.projectId())).forEach(a -> assumptions.add(
        String.format(Locale.ROOT, "以补定占：从已验收补充耕地项目 %s 抵扣%s %.2f m² (drawn on verified supplementary "
            + "farmland %s: %s %.2f m²)", a.projectId(), a.indicator().zh(), a.amount(), a.projectId(),
            a.indicator().en(), a.amount())));
    return new Project(p.projectId(), p.demolitionAreaM2(), p.reclaimableAreaM2(), p.reclaimedFarmlandGrossM2(),
        p.reclaimedFarmlandM2(), p.reclaimedPaddyM2(), p.reclaimedQualityGrade(), p.constructionAreaM2(),
        p.constructionFarmlandM2(), p.constructionFarmlandNetM2(), p.occupiedPaddyM2(), p.occupiedQualityGrade(),
        p.qualityVerified(), p.surplusQuotaM2(), p.surplusValueYuan(), p.counties(), vs, assumptions, p.plots());
  }
}
