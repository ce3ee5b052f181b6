package org.landledger.redline.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.landledger.landuse.LandUseCodes;
import org.landledger.redline.Conflict;
import org.landledger.redline.ParcelResult;
import org.landledger.redline.Reason;
import org.landledger.redline.RedLineResult;
import org.landledger.redline.Status;
import org.landledger.redline.Totals;
import org.landledger.redline.TownshipSummary;
import org.landledger.redline.compensation.Amounts;
import org.landledger.redline.compensation.CompensationLedger;
import org.landledger.report.BarChart;
import org.landledger.report.Fmt;
import org.landledger.report.LandUseStructure;
import org.landledger.report.MapImages;
import org.landledger.report.Messages;
import org.landledger.report.PolicyTable;
import org.landledger.report.Report;
import org.landledger.report.ReportContext;
import org.locationtech.jts.geom.Envelope;

/**
 * 红线检查报告: the report of a {@link RedLineResult} — status counts (table and chart), occupied areas in m², 亩
 * and 公顷, townships, land-use structure of the occupied land, 占补平衡, a map of the parcels by status, the FAIL
 * and WARN parcels with their reasons, the policy parameters with sources and the run's notes.
 */
public final class RedLineReport {

  static final String BUNDLE = "org/landledger/redline/report/messages";
  /** Findings tables list at most this many parcels; the CSV has them all. */
  static final int MAX_ROWS = 500;

  private static final Map<Status, String> STATUS_COLOURS = Map.of(
      Status.FAIL, "#d7301f", Status.WARN, "#f39c12", Status.PASS, "#1a9850");

  private RedLineReport() {}

  public static Report build(RedLineResult r, ReportContext context) {
    Map<String, String> names = new TreeMap<>();
    r.townships().forEach(t -> {
      if (t.code() != null && t.name() != null) {
        names.put(t.code(), t.name());
      }
    });
    ReportContext ctx = context.withSurvey(context.survey().withTownshipNames(names));
    Messages msg = Messages.of(ctx.lang(), BUNDLE);
    Report.Builder b = Report.builder(ctx.lang(), msg.get("redline.title"));
    ctx.titleBlock(b, msg);
    regime(b, msg, org.landledger.redline.compensation.Regime.describe(r.policy()));
    String crs = r.crs() == null ? "?" : r.crs().toString();
    b.meta(msg.get("meta.crs"), msg.get("redline.meta.crs", crs,
        msg.get(r.areaMode() == org.landledger.geo.AreaMode.PLANAR ? "area.planar" : "area.ellipsoidal"),
        Fmt.num(r.minOverlapM2(), 2)));
    b.meta(msg.get("redline.meta.checked"), msg.get("redline.meta.checked.value",
        r.ecoRedlineChecked() ? msg.get("redline.meta.checked.eco") : "",
        r.devBoundaryChecked() ? msg.get("redline.meta.checked.dev") : ""));

    b.section(msg.get("redline.section.summary"), summary(r.totals(), msg));
    b.section(msg.get("redline.section.areas"), List.of(areas(r.totals(), msg)));
    if (!r.townships().isEmpty()) {
      b.section(msg.get("redline.section.townships"), List.of(townships(r.townships(), msg)));
    }
    LandUseStructure structure = new LandUseStructure(LandUseCodes.standard());
    Map<String, Double> byCode = new TreeMap<>();
    r.parcels().forEach(p -> p.byLandUse().forEach((k, v) -> byCode.merge(k, v, Double::sum)));
    List<Report.Block> lu = structure.blocks(msg.get("redline.landuse.caption"), byCode, msg);
    if (!lu.isEmpty()) {
      b.section(msg.get("redline.section.landuse"), lu);
    }
    b.section(msg.get("redline.section.compensation"), compensation(r, msg));
    List<Report.Block> map = map(r, ctx, structure, msg);
    if (!map.isEmpty()) {
      b.section(msg.get("section.map"), map);
    }
    b.section(msg.get("redline.section.fail"), findings(r, Status.FAIL, msg));
    List<ParcelResult> warn = r.parcels().stream().filter(p -> p.status() == Status.WARN).toList();
    if (!warn.isEmpty()) {
      b.section(msg.get("redline.section.warn"), findings(r, Status.WARN, msg));
    }
    b.section(msg.get("section.policy"), PolicyTable.blocks(r.policy(), msg));
    List<String> notes = new ArrayList<>(r.notes());
    if (!r.repairs().isEmpty()) {
      notes.add(msg.get("redline.repairs", r.repairs().size()));
    }
    if (!notes.isEmpty()) {
      b.section(msg.get("section.notes"), List.of(new Report.Bullets(notes)));
    }
    return b.build();
  }

  private static String status(Status s, Messages msg) {
    return msg.pick(s.zh(), s.en()) + " " + s.name();
  }

  private static List<Report.Block> summary(Totals t, Messages msg) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(status(Status.FAIL, msg), Fmt.integer(t.fail())));
    rows.add(List.of(status(Status.WARN, msg), Fmt.integer(t.warn())));
    rows.add(List.of(status(Status.PASS, msg), Fmt.integer(t.pass())));
    rows.add(List.of(msg.get("total"), Fmt.integer(t.parcels())));
    Report.Table table = new Report.Table(null, List.of(msg.get("redline.status"), msg.get("redline.parcels")),
        rows, new boolean[] {false, true}, t.fail() > 0 ? List.of(0) : List.of());
    List<String> cats = List.of(status(Status.FAIL, msg), status(Status.WARN, msg), status(Status.PASS, msg));
    BarChart chart = new BarChart(msg.get("redline.chart.status"), msg.get("redline.chart.unit"), cats,
        List.of(new BarChart.Series(msg.get("redline.parcels"), "#1f4e79",
            List.of((double) t.fail(), (double) t.warn(), (double) t.pass()))));
    return List.of(table, new Report.Chart(chart));
  }

  private static Report.Table areas(Totals t, Messages msg) {
    List<List<String>> rows = new ArrayList<>();
    row(rows, msg.get("redline.area.parcels"), t.areaM2());
    row(rows, msg.get("redline.area.farmland"), t.farmlandM2());
    row(rows, msg.get("redline.area.farmlandNet"), t.farmlandNetM2());
    row(rows, msg.get("redline.area.paddy"), t.paddyM2());
    row(rows, msg.get("redline.area.pbf"), t.permanentFarmlandM2());
    if (t.ecoRedlineM2() != null) {
      row(rows, msg.get("redline.area.eco"), t.ecoRedlineM2());
    }
    if (t.outsideDevBoundaryM2() != null) {
      row(rows, msg.get("redline.area.outside"), t.outsideDevBoundaryM2());
    }
    return new Report.Table(null, List.of(msg.get("table.item"), msg.get("unit.m2"), msg.get("unit.mu"),
        msg.get("unit.ha")), rows, new boolean[] {false, true, true, true}, List.of());
  }

  private static void row(List<List<String>> rows, String label, double m2) {
    rows.add(List.of(label, Fmt.m2(m2), Fmt.mu(m2), Fmt.ha(m2)));
  }

  private static Report.Table townships(List<TownshipSummary> towns, Messages msg) {
    List<List<String>> rows = new ArrayList<>();
    List<Integer> hl = new ArrayList<>();
    for (TownshipSummary s : towns) {
      Totals t = s.totals();
      if (t.fail() > 0) {
        hl.add(rows.size());
      }
      rows.add(List.of(s.code() == null ? msg.get("redline.town.none") : s.code(), s.name() == null ? "" : s.name(),
          Fmt.integer(t.parcels()), Fmt.integer(t.fail()), Fmt.integer(t.warn()), Fmt.integer(t.pass()),
          Fmt.mu(t.farmlandNetM2()), Fmt.ha(t.farmlandNetM2()), Fmt.mu(t.permanentFarmlandM2())));
    }
    return new Report.Table(null, List.of(msg.get("redline.town.code"), msg.get("redline.town.name"),
        msg.get("redline.parcels"), status(Status.FAIL, msg), status(Status.WARN, msg), status(Status.PASS, msg),
        msg.get("redline.area.farmlandNet") + " (" + msg.get("unit.mu") + ")",
        msg.get("redline.area.farmlandNet") + " (" + msg.get("unit.ha") + ")",
        msg.get("redline.area.pbf") + " (" + msg.get("unit.mu") + ")"), rows,
        new boolean[] {false, false, true, true, true, true, true, true, true}, hl);
  }

  private static List<Report.Block> compensation(RedLineResult r, Messages msg) {
    CompensationLedger.Result l = r.ledger();
    Amounts owed = l.owed();
    Amounts avail = l.available();
    Amounts gap = l.shortfall();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(msg.get("redline.comp.area"), Fmt.m2(owed.areaM2()), Fmt.m2(avail.areaM2()), Fmt.m2(gap.areaM2())));
    rows.add(List.of(msg.get("redline.comp.areaMu"), Fmt.mu(owed.areaM2()), Fmt.mu(avail.areaM2()), Fmt.mu(gap.areaM2())));
    rows.add(List.of(msg.get("redline.comp.paddy"), Fmt.m2(owed.paddyM2()), Fmt.m2(avail.paddyM2()),
        Fmt.m2(gap.paddyM2())));
    rows.add(List.of(msg.get("redline.comp.capacity"), Fmt.num(owed.capacityKg(), 2), Fmt.num(avail.capacityKg(), 2),
        Fmt.num(gap.capacityKg(), 2)));
    List<Report.Block> out = new ArrayList<>();
    out.add(new Report.Paragraph(msg.get(l.balanced() ? "redline.comp.balanced" : "redline.comp.unbalanced"),
        !l.balanced()));
    out.add(new Report.Table(null, List.of(msg.get("redline.comp.indicator"), msg.get("redline.comp.owed"),
        msg.get("redline.comp.available"), msg.get("redline.comp.shortfall")), rows,
        new boolean[] {false, true, true, true}, List.of()));
    out.add(new Report.Chart(new BarChart(msg.get("redline.section.compensation"), msg.get("unit.mu"),
        List.of(msg.get("redline.comp.owed"), msg.get("redline.comp.available"), msg.get("redline.comp.shortfall")),
        List.of(new BarChart.Series(msg.get("redline.comp.areaMu"), "#b8860b", List.of(
            org.landledger.geo.Units.m2ToMu(owed.areaM2()), org.landledger.geo.Units.m2ToMu(avail.areaM2()),
            org.landledger.geo.Units.m2ToMu(gap.areaM2())))))));
    if (r.grainTable().isExample()) {
      out.add(new Report.Paragraph(msg.get("redline.comp.example"), true));
    }
    return out;
  }

  private static List<Report.Block> map(RedLineResult r, ReportContext ctx, LandUseStructure structure,
      Messages msg) {
    Envelope env = new Envelope();
    r.parcels().forEach(p -> {
      if (p.geometry() != null && !p.geometry().isEmpty()) {
        env.expandToInclude(p.geometry().getEnvelopeInternal());
      }
    });
    List<MapImages.Styled> parcels = new ArrayList<>();
    List<MapImages.Styled> conflicts = new ArrayList<>();
    for (ParcelResult p : r.parcels()) {
      parcels.add(new MapImages.Styled(p.geometry(), STATUS_COLOURS.get(p.status()) + "b0", "#333333"));
      for (Conflict c : p.conflicts()) {
        if (!c.sliver() && (c.type() == Reason.PERMANENT_FARMLAND || c.type() == Reason.ECO_REDLINE)) {
          conflicts.add(new MapImages.Styled(c.geometry(), "#7b000080", "#7b0000"));
        }
      }
    }
    List<String> colours = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Status s : Status.values()) {
      colours.add(STATUS_COLOURS.get(s));
      labels.add(status(s, msg));
    }
    colours.add("#7b0000");
    labels.add(msg.get("redline.map.conflict"));
    return ctx.map(env, List.of(new MapImages.Layer("parcels", parcels), new MapImages.Layer("conflicts", conflicts)),
        msg.get("redline.map.caption"), colours, labels, structure, msg);
  }

  private static List<Report.Block> findings(RedLineResult r, Status status, Messages msg) {
    List<ParcelResult> ps = r.parcels().stream().filter(p -> p.status() == status).toList();
    if (ps.isEmpty()) {
      return List.of(new Report.Paragraph(msg.get("findings.none"), false));
    }
    List<List<String>> rows = new ArrayList<>();
    List<Integer> hl = new ArrayList<>();
    for (ParcelResult p : ps.subList(0, Math.min(ps.size(), MAX_ROWS))) {
      Map<Reason, List<String>> sources = new EnumMap<>(Reason.class);
      p.conflicts().stream().filter(c -> !c.sliver())
          .forEach(c -> sources.computeIfAbsent(c.type(), k -> new ArrayList<>()).addAll(c.sources()));
      String src = sources.entrySet().stream().filter(e -> !e.getValue().isEmpty())
          .map(e -> msg.pick(e.getKey().zh(), e.getKey().en()) + ": " + String.join(", ", e.getValue().stream()
              .distinct().limit(10).toList()))
          .collect(Collectors.joining("; "));
      if (status == Status.FAIL) {
        hl.add(rows.size());
      }
      rows.add(List.of(p.id(), p.township() == null ? "" : p.township(), Fmt.mu(p.areaM2()),
          p.reasons().stream().map(x -> msg.pick(x.zh(), x.en())).collect(Collectors.joining(msg.pick("；", "; "))),
          Fmt.m2(p.permanentFarmlandM2()), p.ecoRedlineM2() == null ? "—" : Fmt.m2(p.ecoRedlineM2()),
          Fmt.mu(p.farmlandNetM2()), p.outsideDevBoundaryM2() == null ? "—" : Fmt.m2(p.outsideDevBoundaryM2()), src));
    }
    List<Report.Block> out = new ArrayList<>();
    out.add(new Report.Table(null, List.of(msg.get("redline.f.id"), msg.get("redline.f.township"),
        msg.get("redline.f.area"), msg.get("redline.f.reasons"), msg.get("redline.f.pbf"), msg.get("redline.f.eco"),
        msg.get("redline.f.farmNet"), msg.get("redline.f.outside"), msg.get("redline.f.sources")), rows,
        new boolean[] {false, false, true, false, true, true, true, true, false}, hl));
    if (ps.size() > MAX_ROWS) {
      out.add(new Report.Paragraph(msg.get("redline.f.cut", MAX_ROWS, ps.size()), false));
    }
    return out;
  }

  /** 占补平衡制度 and the profile version in the title block (every output names them). */
  public static void regime(Report.Builder b, Messages msg, Map<String, Object> regime) {
    if (regime.get("regime") != null) {
      b.meta(msg.pick("占补平衡制度", "Regime"), regime.get("regime") + " — " + regime.get("regimeSource"));
      b.meta(msg.pick("政策参数集", "Policy profile"), String.valueOf(regime.get("policyProfile")));
    }
  }
}
