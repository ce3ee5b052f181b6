package org.landledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.landledger.geo.Units;
import org.landledger.io.InputDataException;
import org.landledger.io.Json;
import org.landledger.policy.PolicyProfile;
import org.landledger.quota.QuotaLedger;
import org.landledger.quota.QuotaLedger.Balance;
import org.landledger.quota.QuotaLedger.Entry;
import org.landledger.quota.QuotaLedger.Quota;
import org.landledger.quota.QuotaSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * 指标台账: {@code landledger quota issue|return|transfer|use|list|overdue|show --ledger FILE …} works the
 * append-only quota ledger ({@link QuotaLedger}). Refused entries exit with 2 and write nothing.
 */
@Command(name = "quota", mixinStandardHelpOptions = true,
    description = {"增减挂钩指标台账（只增不改）：周转指标下达/归还，节余指标形成/调剂/使用，查询。",
        "Append-only quota ledger: turnover quotas issued/returned, surplus quotas created/transferred/used."},
    subcommands = {QuotaCommand.Issue.class, QuotaCommand.Return.class, QuotaCommand.Transfer.class,
        QuotaCommand.Use.class, QuotaCommand.ListQuotas.class, QuotaCommand.Overdue.class, QuotaCommand.Show.class})
public final class QuotaCommand implements Runnable {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options every subcommand shares. */
  static class LedgerOptions {
    @Option(names = "--ledger", required = true, paramLabel = "FILE",
        description = "Ledger file (H2 database; created by the first issue; .mv.db added if absent).")
    Path ledger;

    @Mixin PolicyOption policy;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    QuotaLedger open(boolean create) {
      if (!create && !QuotaLedger.exists(ledger)) {
        throw new InputDataException(ledger, "no quota ledger here (it is created by the first 'quota issue')");
      }
      return QuotaLedger.open(ledger, policy.profile());
    }
  }

  /** Area in m² or 亩 (exactly one). */
  static class AreaOption {
    @Option(names = "--area-m2", required = true, paramLabel = "M2", description = "Area in m².") Double m2;
    @Option(names = "--area-mu", required = true, paramLabel = "MU", description = "Area in 亩.") Double mu;

    double m2() {
      return m2 != null ? m2 : Units.muToM2(mu);
    }
  }

  static LocalDate date(String s, String option) {
    try {
      return LocalDate.parse(s.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " must be a date YYYY-MM-DD, got " + s);
    }
  }

  abstract static class Sub implements Callable<Integer> {
    @picocli.CommandLine.Mixin LedgerOptions opts;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    void printBalances(List<Balance> bs) {
      printBalancesTo(this, bs);
    }

    void print(Object json, String text) {
      PrintWriter o = out();
      o.println(opts.json ? Json.toString(json) : text);
      o.flush();
    }
  }

  @Command(name = "issue", mixinStandardHelpOptions = true,
      description = {"下达周转指标或形成节余指标（可直接取自 linkage.json）。",
          "Issue a turnover quota or create a surplus quota (optionally from a linkage.json project)."})
  static final class Issue extends Sub {
    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "turnover (周转指标) or surplus (节余指标).")
    String type;
    @Option(names = "--project", required = true, description = "Project id (项目区编号).") String project;
    @ArgGroup(exclusive = true, multiplicity = "0..1") AreaOption area;
    @Option(names = "--date", required = true, description = "Issue/creation date YYYY-MM-DD.") String date;
    @Option(names = "--holder", description = "Holder of a surplus quota (e.g. the county).") String holder;
    @Option(names = "--source", paramLabel = "KIND:IDS",
        description = "Source, e.g. linkage-plot:CJ-01,CJ-02 or homestead-parcel:ZDDM1,ZDDM2.") String source;
    @Option(names = "--from-linkage", paramLabel = "LINKAGE_JSON",
        description = "Take area and source plots from this project of a linkage.json (turnover: construction "
            + "area and plots; surplus: surplus quota and demolition plots; refused if the project does not balance).")
    Path fromLinkage;
    @Option(names = "--reference", description = "Approval document number.") String reference;

    @Override
    public Integer call() {
      String t = type.trim().toLowerCase(java.util.Locale.ROOT);
      if (!t.equals("turnover") && !t.equals("surplus")) {
        throw new IllegalArgumentException("--type must be turnover or surplus, got " + type);
      }
      if (t.equals("surplus") && holder == null) {
        throw new IllegalArgumentException("--holder is required for a surplus quota");
      }
      double m2;
      QuotaSource src;
      if (fromLinkage != null) {
        if (area != null || source != null) {
          throw new IllegalArgumentException("--from-linkage takes area and source from the file: "
              + "do not also give --area-m2/--area-mu/--source");
        }
        LinkageProjectQuota q = LinkageProjectQuota.read(fromLinkage, project, t.equals("surplus"));
        m2 = q.areaM2();
        src = q.source();
      } else {
        if (area == null || source == null) {
          throw new IllegalArgumentException("give --area-m2 or --area-mu and --source (or --from-linkage)");
        }
        m2 = area.m2();
        src = QuotaSource.parse(source);
      }
      LocalDate d = date(date, "--date");
      try (QuotaLedger l = opts.open(true)) {
        Quota q = t.equals("turnover") ? l.issueTurnover(project, m2, d, src, reference)
            : l.createSurplus(project, holder, m2, d, src, reference);
        print(quotaJson(q, null), "已记账 recorded: " + describe(q));
      }
      return Main.OK;
    }
  }

  /** A project's quota area and source plots read back from a linkage.json. */
  record LinkageProjectQuota(double areaM2, QuotaSource source) {
    static LinkageProjectQuota read(Path json, String projectId, boolean surplus) {
      com.fasterxml.jackson.databind.JsonNode root;
      try {
        root = Json.MAPPER.readTree(json.toFile());
      } catch (java.io.IOException e) {
        throw new InputDataException(json, "cannot read linkage result: " + e.getMessage(), e);
      }
      for (com.fasterxml.jackson.databind.JsonNode p : root.path("projects")) {
        if (!projectId.equals(p.path("projectId").asText())) {
          continue;
        }
        List<String> ids = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode pl : p.path("plots")) {
          boolean demolition = "demolition".equals(pl.path("role").asText());
          if (surplus ? demolition && pl.path("reclaimableM2").asDouble() > 0 : !demolition) {
            ids.add(pl.path("plotId").asText());
          }
        }
        if (surplus && !p.path("balanced").asBoolean(false)) {
          throw new InputDataException(json.toString(), null, "balanced",
              "project " + projectId + " does not balance: no surplus quota can be created from it", null);
        }
        double area = p.path(surplus ? "surplusQuotaM2" : "constructionAreaM2").asDouble(0);
        if (area <= 0 || ids.isEmpty()) {
          throw new InputDataException(json.toString(), null, surplus ? "surplusQuotaM2" : "constructionAreaM2",
              "project " + projectId + " has no " + (surplus ? "surplus" : "construction area") + " to record", null);
        }
        return new LinkageProjectQuota(area, new QuotaSource(QuotaSource.LINKAGE_PLOT, ids));
      }
      throw new InputDataException(json, "no project " + projectId + " in this linkage result");
    }
  }

  @Command(name = "return", mixinStandardHelpOptions = true,
      description = {"归还周转指标（复垦验收）。", "Return turnover quota as reclamation is accepted."})
  static final class Return extends Sub {
    @Option(names = "--quota", required = true, description = "Turnover quota id (T-…).") String quota;
    @ArgGroup(exclusive = true, multiplicity = "1") AreaOption area;
    @Option(names = "--date", required = true, description = "Acceptance date YYYY-MM-DD.") String date;
    @Option(names = "--source", required = true, paramLabel = "KIND:IDS", description = "Reclaimed plots/parcels.") String source;
    @Option(names = "--reference", description = "Acceptance document number.") String reference;

    @Override
    public Integer call() {
      QuotaSource src = QuotaSource.parse(source);
      LocalDate d = date(date, "--date");
      try (QuotaLedger l = opts.open(false)) {
        Entry e = l.returnTurnover(quota, area.m2(), d, src, reference);
        print(entryJson(e), "已记账 recorded: " + describe(e));
      }
      return Main.OK;
    }
  }

  @Command(name = "transfer", mixinStandardHelpOptions = true,
      description = {"调剂节余指标给另一持有方。", "Transfer surplus quota to another holder."})
  static final class Transfer extends Sub {
    @Option(names = "--quota", required = true, description = "Surplus quota id (S-…).") String quota;
    @ArgGroup(exclusive = true, multiplicity = "1") AreaOption area;
    @Option(names = "--to", required = true, description = "Receiving holder.") String to;
    @Option(names = "--date", required = true, description = "Transfer date YYYY-MM-DD.") String date;
    @Option(names = "--reference", description = "Transfer agreement number.") String reference;

    @Override
    public Integer call() {
      LocalDate d = date(date, "--date");
      try (QuotaLedger l = opts.open(false)) {
        Quota q = l.transferSurplus(quota, area.m2(), to, d, reference);
        print(quotaJson(q, null), "已记账 recorded: " + describe(q) + " ← " + q.parentQuotaId());
      }
      return Main.OK;
    }
  }

  @Command(name = "use", mixinStandardHelpOptions = true,
      description = {"使用节余指标。", "Use surplus quota (once per approval reference)."})
  static final class Use extends Sub {
    @Option(names = "--quota", required = true, description = "Surplus quota id (S-…).") String quota;
    @ArgGroup(exclusive = true, multiplicity = "1") AreaOption area;
    @Option(names = "--date", required = true, description = "Use date YYYY-MM-DD.") String date;
    @Option(names = "--source", required = true, paramLabel = "KIND:IDS", description = "What it is used for.") String source;
    @Option(names = "--reference", required = true, description = "Approval number (recorded once per quota).") String reference;

    @Override
    public Integer call() {
      QuotaSource src = QuotaSource.parse(source);
      LocalDate d = date(date, "--date");
      try (QuotaLedger l = opts.open(false)) {
        Entry e = l.useSurplus(quota, area.m2(), d, src, reference);
        print(entryJson(e), "已记账 recorded: " + describe(e));
      }
      return Main.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = {"列出指标及余额。", "List quotas with balances (outstanding / available)."})
  static final class ListQuotas extends Sub {
    @Option(names = "--outstanding", description = "Only turnover quotas not fully returned, by project and due date.")
    boolean outstanding;
    @Option(names = "--available", description = "Only surplus quotas with area available.") boolean available;

    @Override
    public Integer call() {
      try (QuotaLedger l = opts.open(false)) {
        List<Balance> bs = outstanding ? l.outstandingTurnover() : available ? l.surplusAvailable() : l.balances();
        printBalances(bs);
      }
      return Main.OK;
    }
  }

  @Command(name = "overdue", mixinStandardHelpOptions = true,
      description = {"逾期未归还的周转指标。", "Turnover quotas overdue as of a date."})
  static final class Overdue extends Sub {
    @Option(names = "--as-of", required = true, description = "Date YYYY-MM-DD.") String asOf;

    @Override
    public Integer call() {
      LocalDate d = date(asOf, "--as-of");
      try (QuotaLedger l = opts.open(false)) {
        printBalances(l.overdue(d));
      }
      return Main.OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = {"指标分录及来源追溯。", "A quota's entries and provenance back to its source plots."})
  static final class Show extends Sub {
    @Option(names = "--quota", required = true, description = "Quota id.") String quota;

    @Override
    public Integer call() {
      try (QuotaLedger l = opts.open(false)) {
        List<Quota> chain = l.provenance(quota);
        List<Entry> entries = l.entries(quota);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quota", quotaJson(chain.get(0), null));
        m.put("provenance", chain.stream().map(q -> q.quotaId()).toList());
        m.put("origin", l.origin(quota).toString());
        m.put("entries", entries.stream().map(QuotaCommand::entryJson).toList());
        StringBuilder sb = new StringBuilder(describe(chain.get(0)));
        sb.append("\n来源追溯 provenance: ").append(String.join(" ← ", chain.stream().map(Quota::quotaId).toList()))
            .append("  (").append(l.origin(quota)).append(")");
        entries.forEach(e -> sb.append("\n  ").append(describe(e)));
        print(m, sb.toString());
      }
      return Main.OK;
    }
  }

  private static String describe(Quota q) {
    return String.format("%s %s 项目 %s %s m² (%.4f 亩)%s%s", q.quotaId(), q.type().zh, q.projectId(),
        q.areaM2().toPlainString(), Units.m2ToMu(q.areaM2().doubleValue()),
        q.holder() == null ? "" : " 持有 " + q.holder(), q.dueOn() == null ? "" : " 到期 due " + q.dueOn());
  }

  private static String describe(Entry e) {
    return String.format("#%d %s %s %s m² %s%s 来源 %s", e.seq(), e.quotaId(), e.kind().zh,
        e.areaM2().toPlainString(), e.date(), e.reference() == null ? "" : " 文号 " + e.reference(), e.source());
  }

  static Map<String, Object> quotaJson(Quota q, Balance b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("quotaId", q.quotaId());
    m.put("type", q.type().name());
    m.put("typeZh", q.type().zh);
    m.put("projectId", q.projectId());
    m.put("holder", q.holder());
    m.put("areaM2", q.areaM2());
    m.put("createdOn", q.createdOn().toString());
    m.put("dueOn", q.dueOn() == null ? null : q.dueOn().toString());
    m.put("parentQuotaId", q.parentQuotaId());
    m.put("policy", q.policy());
    if (b != null) {
      m.put("balanceM2", b.balanceM2());
      m.put("balanceMu", Math.round(b.balanceMu() * 10000) / 10000.0);
    }
    return m;
  }

  static Map<String, Object> entryJson(Entry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", e.seq());
    m.put("quotaId", e.quotaId());
    m.put("kind", e.kind().name());
    m.put("kindZh", e.kind().zh);
    m.put("areaM2", e.areaM2());
    m.put("date", e.date().toString());
    m.put("reference", e.reference());
    m.put("counterpartQuotaId", e.counterpartQuotaId());
    m.put("source", Map.of("kind", e.source().kind(), "ids", e.source().ids()));
    m.put("recordedAt", e.recordedAt() == null ? null : e.recordedAt().toString());
    return m;
  }

  static void printBalancesTo(Sub sub, List<Balance> bs) {
    List<Object> rows = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-10s %-8s %-14s %-12s %14s %14s %12s %s", "指标 quota", "类型", "项目 project",
        "持有 holder", "面积 m²", "余额 m²", "到期 due", "上级 parent"));
    for (Balance b : bs) {
      Quota q = b.quota();
      rows.add(quotaJson(q, b));
      sb.append(String.format("%n%-10s %-8s %-14s %-12s %14s %14s %12s %s", q.quotaId(), q.type().zh, q.projectId(),
          q.holder() == null ? "" : q.holder(), q.areaM2().toPlainString(), b.balanceM2().toPlainString(),
          q.dueOn() == null ? "" : q.dueOn(), q.parentQuotaId() == null ? "" : q.parentQuotaId()));
    }
    sb.append(String.format("%n共 %d 条 total", bs.size()));
    sub.print(rows, sb.toString());
  }
}
