package org.landledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.landledger.geo.AreaMode;
import org.landledger.homestead.AreaStandard;
import org.landledger.homestead.AreaStandards;
import org.landledger.homestead.HomesteadAnalysis;
import org.landledger.homestead.HomesteadFields;
import org.landledger.homestead.HomesteadReport;
import org.landledger.homestead.HouseholdStandard;
import org.landledger.homestead.report.HomesteadReportPage;
import org.landledger.homestead.LedgerFeed;
import org.landledger.homestead.Reclamation;
import org.landledger.homestead.ReclamationTerms;
import org.landledger.io.AtomicFiles;
import org.landledger.io.InputDataException;
import org.landledger.io.Json;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.io.WriteOptions;
import org.landledger.policy.PolicyProfile;
import org.landledger.privacy.HouseholdKeys;
import org.landledger.privacy.PersonalData;
import org.landledger.quota.QuotaLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * 宅基地: {@code landledger homestead} — 一户多宅, 面积超标, 闲置, voluntary exits, reclamation quota and the sharing
 * of proceeds. Writes {@code homestead.json}, the parcel layer with findings and {@code compensation.csv} into
 * {@code --out}, all at once at the end. ID numbers never appear in outputs or messages.
 */
@Command(name = "homestead", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"宅基地：一户多宅、面积超标、自愿有偿退出、复垦节余指标与收益分配。",
        "Homesteads: several per household, over-standard, exits, reclamation quota and how proceeds are shared.",
        "身份证号只以加盐散列（户标识）和脱敏形式（220102********1234）出现。"})
public final class HomesteadCommand implements Callable<Integer> {

  static final String SALT_ENV = "LANDLEDGER_HOUSEHOLD_SALT";
  /** The household code field (户编码) used as the household key when the layer has it. */
  static final String HOUSEHOLD_CODE = "HHBM";

  @Option(names = "--parcels", required = true, paramLabel = "ZJD", description = "宅基地宗地图层 (homestead parcels).")
  String parcels;

  @Option(names = "--owner-id-field", paramLabel = "F",
      description = "权利人身份证号字段，仅在无户编码时使用 (owner ID number field, the fallback; default ZJH).")
  String ownerIdField;

  @Option(names = "--household-field", paramLabel = "F",
      description = "户编码字段 (household code field; default HHBM when the layer has it, else the ID number).")
  String householdField;

  @Option(names = "--landuse", paramLabel = "DLTB",
      description = "三调地类图斑：退出宗地仅建设用地部分产生指标，并检查占用耕地 (the 三调 check of exits and 违法占用).")
  String landuse;

  @Option(names = "--permanent-farmland", paramLabel = "YJJBNTTB",
      description = "永久基本农田图层，检查宅基地占用 (with --landuse).")
  String permanentFarmland;

  @Option(names = "--household-standard-m2", paramLabel = "N",
      description = "户宅基地面积标准 m²：户内各宗之和的上限 (default: profile homestead.householdStandard, else the area "
          + "standard per household).")
  Double householdStandardM2;

  @Option(names = "--household-size-field", defaultValue = "JTRK", paramLabel = "F",
      description = "家庭人口字段，按人口分档的标准用 (household size field; default ${DEFAULT-VALUE}).")
  String householdSizeField;

  @Option(names = "--id-field", defaultValue = "ZDDM", paramLabel = "F", description = "宗地代码字段 (default ${DEFAULT-VALUE}).")
  String idField;

  @Option(names = "--name-field", defaultValue = "QLRMC", paramLabel = "F",
      description = "权利人名称字段，输出时脱敏 (owner name, masked in outputs; default ${DEFAULT-VALUE}).")
  String nameField;

  @Option(names = "--area-field", defaultValue = "ZDMJ", paramLabel = "F",
      description = "登记宗地面积字段，与图形面积比对 (recorded area; default ${DEFAULT-VALUE}).")
  String areaField;

  @Option(names = "--status-field", paramLabel = "F", description = "状态字段，用于识别闲置 (status field for idle parcels).")
  String statusField;

  @Option(names = "--idle-value", paramLabel = "V", description = "表示闲置的取值，可多次给出 (idle value, repeatable).")
  List<String> idleValues = new ArrayList<>();

  @Option(names = "--exit-field", paramLabel = "F", description = "退出标记字段 (field marking exiting parcels).")
  String exitField;

  @Option(names = "--exit-value", paramLabel = "V", description = "退出标记取值 (value meaning 'exits').")
  String exitValue;

  @Option(names = "--exits", paramLabel = "LAYER",
      description = "退出宗地图层：含宗地代码字段按代码匹配，否则按几何覆盖比例匹配 (exits layer, by id or geometry).")
  String exits;

  @Option(names = "--resettlement", paramLabel = "LAYER", description = "集中安置区图层 (resettlement land used).")
  String resettlement;

  @Option(names = "--standard-m2", paramLabel = "N", description = "宅基地面积标准 m²/户 (overrides the profile).")
  Double standardM2;

  @Option(names = "--area-type", paramLabel = "T",
      description = "面积标准类型，对应配置 homestead.areaStandardM2.<T> (e.g. suburban, plain, hilly).")
  String areaType;

  @Option(names = "--area-type-field", paramLabel = "F",
      description = "逐宗地面积标准类型字段，取值对应 homestead.areaStandardM2.<值> (per-parcel area type field).")
  String areaTypeField;

  @Mixin PolicyOption policy;

  @Option(names = "--reclamation-rate", paramLabel = "R", description = "复垦率 (0,1] (default: profile, 1).")
  Double reclamationRate;

  @Option(names = "--price-per-mu", paramLabel = "N", description = "节余指标价格 元/亩 (quota price per 亩).")
  Double pricePerMu;

  @Option(names = "--reclamation-cost-per-mu", paramLabel = "N", description = "复垦成本 元/亩，按复垦面积扣除 (cost per reclaimed 亩).")
  Double costPerMu;

  @Option(names = "--household-share", paramLabel = "S", description = "农户分配比例 [0,1]，其余归集体 (households' share).")
  Double householdShare;

  @Option(names = "--allow-invalid-ids", description = "身份证号格式错误的宗地只报告、不参与一户一宅检查 (report malformed IDs instead of refusing).")
  boolean allowInvalidIds;

  @Option(names = "--salt-file", paramLabel = "FILE",
      description = "户标识盐文件，使户标识跨运行稳定 (salt file: stable household keys; else $" + SALT_ENV
          + ", else a per-run random salt).")
  Path saltFile;

  @Option(names = "--planar", description = "平面面积（默认椭球面积）(planar instead of ellipsoidal areas).")
  boolean planar;

  @Option(names = "--ledger", paramLabel = "FILE",
      description = "指标台账（H2）：把节余指标记为节余指标分录，来源为退出宗地 (record the net quota in the quota ledger).")
  Path ledger;

  @Option(names = "--ledger-holder", paramLabel = "H", description = "指标持有方，--ledger 时必填 (quota holder).")
  String ledgerHolder;

  @Option(names = "--ledger-project", paramLabel = "ID", description = "台账项目编号 (default: the parcels layer name).")
  String ledgerProject;

  @Option(names = "--ledger-date", paramLabel = "YYYY-MM-DD", description = "入账日期 (default: today).")
  String ledgerDate;

  @Option(names = "--ledger-reference", paramLabel = "DOC", description = "验收或批准文号 (acceptance/approval document).")
  String ledgerReference;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "输出目录 (output directory).")
  Path out;

  @Mixin InputOptions input;

  @Mixin ReportOptions reportOptions;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try {
      return run();
    } catch (InputDataException e) {
      throw PersonalData.containsIdLike(e.getMessage())
          ? new InputDataException((String) null, null, null, PersonalData.redact(e.getMessage()), null) : e;
    } catch (IllegalArgumentException e) {
      throw PersonalData.containsIdLike(e.getMessage()) ? new IllegalArgumentException(PersonalData.redact(e.getMessage())) : e;
    } catch (UncheckedIOException e) {
      throw PersonalData.containsIdLike(e.getMessage())
          ? new UncheckedIOException(PersonalData.redact(e.getMessage()), new IOException()) : e;
    } catch (RuntimeException e) {
      throw PersonalData.containsIdLike(e.getMessage()) ? new IllegalStateException(PersonalData.redact(e.getMessage())) : e;
    }
  }

  private int run() {
    if (ownerIdField != null && householdField != null) {
      throw new IllegalArgumentException("give --owner-id-field or --household-field, not both");
    }
    if (exits != null && exitField != null) {
      throw new IllegalArgumentException("give exits either as --exit-field/--exit-value or as --exits, not both");
    }
    if (ledger == null && (ledgerHolder != null || ledgerProject != null || ledgerDate != null
        || ledgerReference != null)) {
      throw new IllegalArgumentException("--ledger-holder/--ledger-project/--ledger-date/--ledger-reference need --ledger");
    }
    if (ledger != null && (ledgerHolder == null || ledgerHolder.isBlank())) {
      throw new IllegalArgumentException("--ledger needs --ledger-holder (who holds the quota, e.g. the county)");
    }
    LocalDate date = parseDate();
    PolicyProfile profile = policy.profile();
    Map<String, Object> overrides = new LinkedHashMap<>();
    if ((standardM2 != null ? 1 : 0) + (areaType != null ? 1 : 0) + (areaTypeField != null ? 1 : 0) > 1) {
      throw new IllegalArgumentException("--standard-m2, --area-type and --area-type-field exclude each other");
    }
    AreaStandards standards;
    if (standardM2 != null) {
      standards = AreaStandards.uniform(AreaStandard.ofOption(standardM2));
      overrides.put("--standard-m2", standardM2);
    } else if (areaTypeField != null) {
      standards = AreaStandards.byField(profile, areaTypeField);
    } else {
      standards = AreaStandards.uniform(AreaStandard.fromProfile(profile, areaType));
    }
    ReclamationTerms terms = HomesteadAnalysis.terms(profile, reclamationRate, pricePerMu, costPerMu, householdShare,
        overrides);
    HouseholdKeys keys = householdKeys();

    Layer parcelLayer = Layers.read(parcels, input.readOptions());
    // the household code keys households; the ID number only when there is none
    String household = householdField;
    if (household == null && ownerIdField == null && parcelLayer.schema().hasField(HOUSEHOLD_CODE)) {
      household = HOUSEHOLD_CODE;
    }
    HomesteadFields fields = new HomesteadFields(idField,
        household == null ? (ownerIdField == null ? "ZJH" : ownerIdField) : null, household, nameField,
        areaField, statusField, new LinkedHashSet<>(idleValues), exitField, exitValue);
    Layer exitLayer = exits == null ? null : Layers.read(exits, input.readOptions());
    Layer resettlementLayer = resettlement == null ? null : Layers.read(resettlement, input.readOptions());
    if (householdStandardM2 != null) {
      overrides.put("--household-standard-m2", householdStandardM2);
    }
    HomesteadReport report = HomesteadAnalysis.run(new HomesteadAnalysis.Request(parcelLayer, fields, exitLayer,
        resettlementLayer, standards, terms, planar ? AreaMode.PLANAR : AreaMode.ELLIPSOIDAL, keys, profile,
        allowInvalidIds, overrides)
        .withLandUse(landuse == null ? null : Layers.read(landuse, input.readOptions()),
            permanentFarmland == null ? null : Layers.read(permanentFarmland, input.readOptions()))
        .withHousehold(HouseholdStandard.of(householdStandardM2, profile, householdSizeField)));

    Map<String, Object> ledgerJson = null;
    if (ledger != null) {
      ledgerJson = record(report, profile, date, parcelLayer.name());
    }
    org.landledger.report.ReportContext ctx = reportOptions.context(spec, null)
        .withSurvey(org.landledger.report.SurveyMeta.of(parcelLayer));
    List<String> reportNotes = new ArrayList<>();
    List<String> written = writeOutputs(report, ledgerJson, dir -> reportNotes.addAll(
        org.landledger.report.ReportFiles.write(HomesteadReportPage.build(report, ctx), dir, reportOptions.pdf())));
    printSummary(report, written, ledgerJson);
    reportNotes.forEach(n -> spec.commandLine().getErr().println("注 note: " + n));
    return Main.OK;
  }

  private HouseholdKeys householdKeys() {
    if (saltFile != null) {
      try {
        return HouseholdKeys.withSalt(Files.readString(saltFile).trim(), "--salt-file " + saltFile.getFileName());
      } catch (IOException e) {
        throw new InputDataException(saltFile, "cannot read salt file: " + e.getMessage());
      }
    }
    String env = System.getenv(SALT_ENV);
    if (env != null && !env.isBlank()) {
      return HouseholdKeys.withSalt(env.trim(), "$" + SALT_ENV);
    }
    return HouseholdKeys.perRun();
  }

  private LocalDate parseDate() {
    if (ledgerDate == null) {
      return LocalDate.now();
    }
    try {
      return LocalDate.parse(ledgerDate);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--ledger-date must be YYYY-MM-DD, got " + ledgerDate);
    }
  }

  /** Records the net quota in the ledger (before any output is written: the ledger is the record of truth). */
  private Map<String, Object> record(HomesteadReport report, PolicyProfile profile, LocalDate date, String layerName) {
    String project = ledgerProject == null ? layerName : ledgerProject;
    List<QuotaLedger.Quota> quotas;
    try (QuotaLedger l = QuotaLedger.open(ledger, profile)) {
      quotas = LedgerFeed.record(l, report.ledgerEntries(), project, ledgerHolder, date, ledgerReference);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", ledger.toString());
    m.put("projectId", project);
    m.put("holder", ledgerHolder);
    m.put("date", date.toString());
    m.put("quotaIds", quotas.stream().map(QuotaLedger.Quota::quotaId).toList());
    if (quotas.isEmpty()) {
      m.put("note", "无节余指标，未入账 (no net quota: nothing recorded)");
    }
    return m;
  }

  /** Writes every output through one staging folder ({@link org.landledger.io.StagedOutput}): all or nothing. */
  private List<String> writeOutputs(HomesteadReport report, Map<String, Object> ledgerJson,
      org.landledger.io.StagedOutput.Writer extra) {
    List<Path> written = org.landledger.io.StagedOutput.write(out, "homestead", tmp -> {
      Path layerFile = tmp.resolve("homestead.gpkg");
      Map<String, Object> json = report.toJson();
      Map<String, Object> files = new LinkedHashMap<>();
      files.put("layer", layerFile.getFileName().toString());
      files.put("compensation", "compensation.csv");
      json.put("outputs", files);
      if (ledgerJson != null) {
        json.put("ledger", ledgerJson);
      }
      Layers.write(List.of(report.parcelLayer()), layerFile, WriteOptions.DEFAULT);
      AtomicFiles.writeString(tmp.resolve("compensation.csv"), "\uFEFF" + report.compensationCsv());
      Json.write(tmp.resolve("homestead.json"), json);
      extra.write(tmp);
    });
    return written.stream().map(p -> p.getFileName().toString()).toList();
  }

  private void printSummary(HomesteadReport r, List<String> written, Map<String, Object> ledgerJson) {
    PrintWriter o = spec.commandLine().getOut();
    Reclamation.Result x = r.reclamation();
    o.printf("宗地 parcels: %d   农户 households: %d%n", r.register().parcels().size(), r.households());
    o.printf("一户多宅 households with several homesteads: %d%n", r.multipleHomesteadHouseholds().size());
    o.printf("户面积超标 households over the household standard: %d   占用耕地/永久基本农田 on farmland: %d%n",
        r.findings(org.landledger.homestead.FindingType.HOUSEHOLD_OVERSIZE).stream()
            .map(org.landledger.homestead.Finding::householdKey).distinct().count(),
        r.findings(org.landledger.homestead.FindingType.HOMESTEAD_ON_FARMLAND).size());
    o.printf("面积超标 oversize parcels: %d   闲置 idle: %d%n",
        r.findings(org.landledger.homestead.FindingType.OVERSIZE).size(),
        r.findings(org.landledger.homestead.FindingType.IDLE).size());
    if (!r.register().issues().isEmpty()) {
      o.printf("数据问题 input issues: %d (see homestead.json inputIssues)%n", r.register().issues().size());
    }
    o.printf("退出 exited: %d 宗 %s m²; 可复垦 reclaimable %s m²; 安置 resettlement %s m²%n",
        x.exitedParcelIds().size(), x.exitedAreaM2().toPlainString(), x.reclaimableM2().toPlainString(),
        x.resettlementM2().toPlainString());
    o.printf("节余指标 net quota: %s m² = %s 亩%n", x.netQuotaM2().toPlainString(),
        x.netQuotaMu().stripTrailingZeros().toPlainString());
    if (x.valueYuan() != null) {
      o.printf("指标价值 value: %s 元; 农户 households %s 元, 集体 collective %s 元%n", x.valueYuan().toPlainString(),
          x.householdsYuan().toPlainString(), x.collectiveYuan().toPlainString());
    }
    r.notes().forEach(n -> o.println("注 note: " + n));
    if (ledgerJson != null) {
      o.printf("指标台账 ledger %s: %s%n", ledger, ledgerJson.get("quotaIds"));
    }
    o.printf("输出 outputs in %s: %s%n", out, String.join(", ", written));
    o.flush();
  }
}
