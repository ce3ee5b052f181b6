package org.landledger.linkage;

import java.time.LocalDate;
import java.util.List;
import org.landledger.linkage.LinkageResult.Plot;
import org.landledger.linkage.LinkageResult.Project;
import org.landledger.quota.QuotaLedger;
import org.landledger.quota.QuotaRefusedException;
import org.landledger.quota.QuotaSource;

/**
 * 挂钩指标入账: records a project's quotas in the {@link QuotaLedger} from its computed balance — the turnover
 * quota for its construction plots, and the surplus quota from its demolition plots — so that each entry
 * names the plots it comes from. A project that does not balance creates no surplus.
 */
public final class LinkageQuotas {

  private LinkageQuotas() {}

  /** Issues the turnover quota (挂钩周转指标) for the project's new construction area, sourced to its construction plots. */
  public static QuotaLedger.Quota issueTurnover(QuotaLedger ledger, Project p, LocalDate issuedOn, String reference) {
    List<String> ids = ids(p, LinkagePlot.Role.CONSTRUCTION);
    if (ids.isEmpty() || p.constructionAreaM2() <= 0) {
      throw new QuotaRefusedException("project " + p.projectId() + " has no construction plots: no turnover quota");
    }
    return ledger.issueTurnover(p.projectId(), p.constructionAreaM2(), issuedOn,
        new QuotaSource(QuotaSource.LINKAGE_PLOT, ids), reference);
  }

  /**
   * Creates the surplus quota (节余指标) of a balanced project, sourced to its demolition plots with reclaimable
   * land; refused when the project has violations or no surplus.
   */
  public static QuotaLedger.Quota createSurplus(QuotaLedger ledger, Project p, String holder, LocalDate createdOn,
      String reference) {
    if (!p.balanced()) {
      throw new QuotaRefusedException("project " + p.projectId() + " does not balance ("
          + p.violations().stream().map(v -> v.code().name()).distinct().toList() + "): no surplus quota");
    }
    if (p.surplusQuotaM2() < 0.005) {
      throw new QuotaRefusedException("project " + p.projectId() + " has no surplus quota");
    }
    List<String> ids = p.plots().stream()
        .filter(pl -> pl.role() == LinkagePlot.Role.DEMOLITION && pl.reclaimableM2() > 0).map(Plot::plotId).toList();
    return ledger.createSurplus(p.projectId(), holder, p.surplusQuotaM2(), createdOn,
        new QuotaSource(QuotaSource.LINKAGE_PLOT, ids), reference);
  }

  private static List<String> ids(Project p, LinkagePlot.Role role) {
    return p.plots().stream().filter(pl -> pl.role() == role).map(Plot::plotId).toList();
  }
}
