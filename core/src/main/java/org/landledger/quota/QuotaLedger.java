package org.landledger.quota;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.landledger.geo.Units;
import org.landledger.io.InputDataException;
import org.landledger.policy.PolicyProfile;

/**
 * 指标台账: the append-only ledger of 增减挂钩 quotas in an embedded H2 file database — turnover quotas
 * (挂钩周转指标) issued with their due date and returned as reclamation is accepted, and surplus quotas
 * (节余指标) created (from a linkage project or from homestead reclamation), transferred and used. Every
 * entry names its source ({@link QuotaSource}: kind + ids) so it is traceable to plots or parcels;
 * transferred quotas keep their parent, so {@link #provenance(String)} leads back to the origin.
 *
 * <p>Rules: an operation is checked and written in one transaction — all of it or nothing. Refused
 * ({@link QuotaRefusedException}): unknown quota or wrong type, returning more than outstanding,
 * transferring or using more than available, the same reference recorded twice for one quota and kind
 * (double use), non-positive or non-finite areas, entries dated before the quota was created. Rows are
 * never updated or deleted (enforced by {@link AppendOnlyTrigger} in the database itself). Areas are
 * stored exactly as DECIMAL m² with 2 decimals (rounded half-up on entry).
 *
 * <p>Usage: {@code try (QuotaLedger l = QuotaLedger.open(path, profile)) { Quota t = l.issueTurnover(…); }}.
 * One process at a time (H2 locks the file); methods are synchronized for threads.
 */
public final class QuotaLedger implements AutoCloseable {

  /** 指标类型. */
  public enum Type {
    TURNOVER("挂钩周转指标", "T-"),
    SURPLUS("节余指标", "S-");

    public final String zh;
    final String prefix;

    Type(String zh, String prefix) {
      this.zh = zh;
      this.prefix = prefix;
    }
  }

  /** 台账分录类型. */
  public enum Kind {
    ISSUE("下达周转指标"),
    RETURN("归还周转指标"),
    CREATE("形成节余指标"),
    TRANSFER_OUT("节余指标调出"),
    TRANSFER_IN("节余指标调入"),
    USE("使用节余指标");

    public final String zh;

    Kind(String zh) {
      this.zh = zh;
    }
  }

  /**
   * A quota: turnover (with due date) or surplus (with holder; a transferred part has a parent).
   *
   * @param policy for turnover quotas: the profile and period the due date was computed with
   */
  public record Quota(String quotaId, Type type, String projectId, String holder, BigDecimal areaM2,
      LocalDate createdOn, LocalDate dueOn, String parentQuotaId, String policy) {}

  /** One ledger entry. {@code counterpartQuotaId}: for transfers, the other side. */
  public record Entry(long seq, String quotaId, Kind kind, BigDecimal areaM2, LocalDate date, String reference,
      String counterpartQuotaId, QuotaSource source, OffsetDateTime recordedAt) {}

  /**
   * A quota with its balance: outstanding (turnover: issued − returned) or available (surplus: created
   * − transferred out − used).
   */
  public record Balance(Quota quota, BigDecimal balanceM2) {
    public double balanceMu() {
      return Units.m2ToMu(balanceM2.doubleValue());
    }
  }

  private static final String SCHEMA_VERSION = "1";

  private final Connection conn;
  private final Path file;
  private final int turnoverMonths;
  private final String turnoverPolicy;

  private QuotaLedger(Connection conn, Path file, int turnoverMonths, String turnoverPolicy) {
    this.conn = conn;
    this.file = file;
    this.turnoverMonths = turnoverMonths;
    this.turnoverPolicy = turnoverPolicy;
  }

  /**
   * Opens (creating if absent) the ledger at {@code file} — an H2 database; a name ending in
   * {@code .mv.db} is accepted as is, any other path gets H2's {@code .mv.db} suffix. The turnover period
   * is {@code linkage.turnoverYears} of {@code profile}.
   */
  public static QuotaLedger open(Path file, PolicyProfile profile) {
    double years = profile.number("linkage.turnoverYears");
    if (!(years > 0 && years <= 100)) {
      throw new IllegalArgumentException("policy linkage.turnoverYears must be in (0, 100], got " + years);
    }
    int months = (int) Math.round(years * 12);
    String policy = profile.id() + "@" + profile.version() + " linkage.turnoverYears=" + stripZeros(years);
    Path base = databaseBase(file);
    if (base.toAbsolutePath().toString().contains(";")) {
      throw new InputDataException(file, "a ledger path must not contain ';' (it would be read as a database option)");
    }
    try {
      Path dir = base.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Connection c = DriverManager.getConnection("jdbc:h2:file:" + base.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
          "landledger", "");
      c.setAutoCommit(false);
      QuotaLedger l = new QuotaLedger(c, file, months, policy);
      l.createSchema();
      return l;
    } catch (SQLException | java.io.IOException e) {
      throw new InputDataException(file, "cannot open quota ledger: " + e.getMessage(), e);
    }
  }

  /** Whether a ledger file exists at {@code file} (with or without the .mv.db suffix). */
  public static boolean exists(Path file) {
    Path base = databaseBase(file);
    return Files.exists(Path.of(base + ".mv.db"));
  }

  private static Path databaseBase(Path file) {
    String s = file.toString();
    return s.endsWith(".mv.db") ? Path.of(s.substring(0, s.length() - ".mv.db".length())) : file;
  }

  private static String stripZeros(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private void createSchema() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS ledger_meta (k VARCHAR(64) PRIMARY KEY, v VARCHAR(1000) NOT NULL)");
      s.execute("CREATE SEQUENCE IF NOT EXISTS quota_number START WITH 1");
      s.execute("""
          CREATE TABLE IF NOT EXISTS quota (
            quota_id VARCHAR(32) PRIMARY KEY,
            quota_type VARCHAR(16) NOT NULL CHECK (quota_type IN ('TURNOVER', 'SURPLUS')),
            project_id VARCHAR(200) NOT NULL CHECK (CHAR_LENGTH(TRIM(project_id)) > 0),
            holder VARCHAR(200),
            area_m2 DECIMAL(18, 2) NOT NULL CHECK (area_m2 > 0),
            created_on DATE NOT NULL,
            due_on DATE,
            parent_quota_id VARCHAR(32) REFERENCES quota (quota_id),
            policy VARCHAR(300),
            CHECK ((quota_type = 'TURNOVER' AND due_on IS NOT NULL AND due_on > created_on
                    AND parent_quota_id IS NULL)
                OR (quota_type = 'SURPLUS' AND due_on IS NULL)))""");
      s.execute("""
          CREATE TABLE IF NOT EXISTS quota_entry (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            quota_id VARCHAR(32) NOT NULL REFERENCES quota (quota_id),
            kind VARCHAR(16) NOT NULL
              CHECK (kind IN ('ISSUE', 'RETURN', 'CREATE', 'TRANSFER_OUT', 'TRANSFER_IN', 'USE')),
            area_m2 DECIMAL(18, 2) NOT NULL CHECK (area_m2 > 0),
            entry_date DATE NOT NULL,
            reference VARCHAR(200),
            counterpart_quota_id VARCHAR(32) REFERENCES quota (quota_id),
            source_kind VARCHAR(64) NOT NULL,
            recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
            CONSTRAINT entry_reference_once UNIQUE (quota_id, kind, reference))""");
      s.execute("""
          CREATE TABLE IF NOT EXISTS entry_source (
            entry_seq BIGINT NOT NULL REFERENCES quota_entry (seq),
            ord INT NOT NULL,
            source_id VARCHAR(200) NOT NULL,
            PRIMARY KEY (entry_seq, ord))""");
      s.execute("CREATE INDEX IF NOT EXISTS entry_source_id ON entry_source (source_id)");
      s.execute("CREATE INDEX IF NOT EXISTS entry_quota ON quota_entry (quota_id)");
      for (String t : List.of("ledger_meta", "quota", "quota_entry", "entry_source")) {
        s.execute("CREATE TRIGGER IF NOT EXISTS " + t + "_append_only BEFORE UPDATE, DELETE ON " + t
            + " FOR EACH ROW CALL '" + AppendOnlyTrigger.class.getName() + "'");
      }
      try (ResultSet rs = s.executeQuery("SELECT v FROM ledger_meta WHERE k = 'schemaVersion'")) {
        if (!rs.next()) {
          s.execute("INSERT INTO ledger_meta VALUES ('schemaVersion', '" + SCHEMA_VERSION + "')");
          s.execute("INSERT INTO ledger_meta VALUES ('application', 'LandLedger quota ledger 指标台账')");
        } else if (!SCHEMA_VERSION.equals(rs.getString(1))) {
          throw new SQLException("ledger schema version " + rs.getString(1) + " is not supported (expected "
              + SCHEMA_VERSION + ")");
        }
      }
    }
    conn.commit();
  }

  // ---------------------------------------------------------------- operations (one transaction each)

  /**
   * Issues a turnover quota (下达挂钩周转指标) for a project; due date = issue date + {@code linkage.turnoverYears}.
   *
   * @param source what it is issued for, e.g. the construction plots ({@code linkage-plot: JX-01})
   * @param reference approval document number, or null
   */
  public synchronized Quota issueTurnover(String projectId, double areaM2, LocalDate issuedOn, QuotaSource source,
      String reference) {
    BigDecimal area = area(areaM2);
    require(issuedOn, "issue date");
    String project = text(projectId, "project id");
    return inTransaction(() -> {
      String id = nextId(Type.TURNOVER);
      LocalDate due = issuedOn.plusMonths(turnoverMonths);
      insertQuota(id, Type.TURNOVER, project, null, area, issuedOn, due, null, turnoverPolicy);
      insertEntry(id, Kind.ISSUE, area, issuedOn, reference, null, requireSource(source));
      return quotaOrRefuse(id);
    });
  }

  /** Returns (part of) a turnover quota as reclamation is accepted (归还); refused beyond what is outstanding. */
  public synchronized Entry returnTurnover(String quotaId, double areaM2, LocalDate returnedOn, QuotaSource source,
      String reference) {
    BigDecimal area = area(areaM2);
    require(returnedOn, "return date");
    return inTransaction(() -> {
      Quota q = lockQuota(quotaId, Type.TURNOVER);
      notBefore(q, returnedOn);
      requireBalance(q, area, "return " + area.toPlainString() + " m² to turnover quota " + q.quotaId(),
          "outstanding (issued " + q.areaM2().toPlainString() + ")");
      return entry(insertEntry(q.quotaId(), Kind.RETURN, area, returnedOn, reference, null, requireSource(source)));
    });
  }

  /**
   * Creates a surplus quota (形成节余指标) held by {@code holder} (e.g. the county), traceable to its source:
   * demolition plots of a linkage project or homestead parcels reclaimed.
   */
  public synchronized Quota createSurplus(String projectId, String holder, double areaM2, LocalDate createdOn,
      QuotaSource source, String reference) {
    BigDecimal area = area(areaM2);
    require(createdOn, "creation date");
    String project = text(projectId, "project id");
    String h = text(holder, "holder");
    return inTransaction(() -> {
      String id = nextId(Type.SURPLUS);
      insertQuota(id, Type.SURPLUS, project, h, area, createdOn, null, null, null);
      insertEntry(id, Kind.CREATE, area, createdOn, reference, null, requireSource(source));
      return quotaOrRefuse(id);
    });
  }

  /**
   * Transfers (part of) a surplus quota to another holder (调剂): a new surplus quota is created for
   * {@code toHolder} whose parent is {@code quotaId}; refused beyond what is available.
   *
   * @return the new quota
   */
  public synchronized Quota transferSurplus(String quotaId, double areaM2, String toHolder, LocalDate transferredOn,
      String reference) {
    BigDecimal area = area(areaM2);
    require(transferredOn, "transfer date");
    String to = text(toHolder, "receiving holder");
    return inTransaction(() -> {
      Quota q = lockQuota(quotaId, Type.SURPLUS);
      notBefore(q, transferredOn);
      if (to.equals(q.holder())) {
        throw new QuotaRefusedException("surplus quota " + q.quotaId() + " is already held by " + to);
      }
      requireBalance(q, area, "transfer " + area.toPlainString() + " m² of surplus quota " + q.quotaId(), "available");
      String child = nextId(Type.SURPLUS);
      insertQuota(child, Type.SURPLUS, q.projectId(), to, area, transferredOn, null, q.quotaId(), null);
      insertEntry(child, Kind.TRANSFER_IN, area, transferredOn, reference, q.quotaId(),
          QuotaSource.of(QuotaSource.QUOTA, q.quotaId()));
      insertEntry(q.quotaId(), Kind.TRANSFER_OUT, area, transferredOn, reference, child,
          QuotaSource.of(QuotaSource.QUOTA, child));
      return quotaOrRefuse(child);
    });
  }

  /**
   * Uses (part of) a surplus quota (使用): refused beyond what is available, and when {@code reference}
   * (the approval the use belongs to; required) was already recorded as a use of this quota.
   *
   * @param usedFor what it is used for, e.g. the construction plots or the land-supply parcel
   */
  public synchronized Entry useSurplus(String quotaId, double areaM2, LocalDate usedOn, QuotaSource usedFor,
      String reference) {
    BigDecimal area = area(areaM2);
    require(usedOn, "use date");
    String ref = text(reference, "use reference (approval number)");
    return inTransaction(() -> {
      Quota q = lockQuota(quotaId, Type.SURPLUS);
      notBefore(q, usedOn);
      requireBalance(q, area, "use " + area.toPlainString() + " m² of surplus quota " + q.quotaId(), "available");
      return entry(insertEntry(q.quotaId(), Kind.USE, area, usedOn, ref, null, requireSource(usedFor)));
    });
  }

  // ---------------------------------------------------------------- queries

  /** A quota by id. */
  public synchronized Optional<Quota> quota(String quotaId) {
    return query(() -> Optional.ofNullable(findQuota(quotaId)));
  }

  /** Every quota with its balance as of today's entries, in id order. */
  public synchronized List<Balance> balances() {
    return query(() -> {
      List<Balance> out = new ArrayList<>();
      for (Quota q : quotas("SELECT * FROM quota ORDER BY quota_id")) {
        out.add(new Balance(q, balance(q, null)));
      }
      return out;
    });
  }

  /** Turnover quotas with an outstanding balance, by project and due date. */
  public synchronized List<Balance> outstandingTurnover() {
    return positiveBalances("SELECT * FROM quota WHERE quota_type = 'TURNOVER' ORDER BY project_id, due_on, quota_id",
        q -> true, null);
  }

  /**
   * Turnover quotas overdue as of a date: due before {@code asOf} and not fully returned by then
   * (returns dated after {@code asOf} do not count), by due date.
   */
  public synchronized List<Balance> overdue(LocalDate asOf) {
    require(asOf, "as-of date");
    return positiveBalances("SELECT * FROM quota WHERE quota_type = 'TURNOVER' ORDER BY due_on, project_id, quota_id",
        q -> q.dueOn().isBefore(asOf), asOf);
  }

  /** Surplus quotas with area available, by holder. */
  public synchronized List<Balance> surplusAvailable() {
    return positiveBalances("SELECT * FROM quota WHERE quota_type = 'SURPLUS' ORDER BY holder, quota_id", q -> true, null);
  }

  /** The quotas of {@code sql} that pass {@code include} and have a positive balance as of {@code asOf} (null: all). */
  private List<Balance> positiveBalances(String sql, java.util.function.Predicate<Quota> include, LocalDate asOf) {
    return query(() -> {
      List<Balance> out = new ArrayList<>();
      for (Quota q : quotas(sql)) {
        if (include.test(q)) {
          BigDecimal b = balance(q, asOf);
          if (b.signum() > 0) {
            out.add(new Balance(q, b));
          }
        }
      }
      return out;
    });
  }

  /** The entries of one quota, in order. */
  public synchronized List<Entry> entries(String quotaId) {
    return query(() -> selectEntries("SELECT * FROM quota_entry WHERE quota_id = ? ORDER BY seq", quotaId));
  }

  /** Every entry, in order (the journal). */
  public synchronized List<Entry> journal() {
    return query(() -> selectEntries("SELECT * FROM quota_entry ORDER BY seq"));
  }

  /** Entries whose source names {@code id} of {@code kind} (e.g. which quotas came from parcel X). */
  public synchronized List<Entry> entriesBySource(String kind, String id) {
    return query(() -> selectEntries("SELECT e.* FROM quota_entry e WHERE e.source_kind = ? AND EXISTS (SELECT 1 FROM "
        + "entry_source s WHERE s.entry_seq = e.seq AND s.source_id = ?) ORDER BY e.seq", kind, id));
  }

  /** The quota and its ancestors up to the origin (the quota created by ISSUE or CREATE). */
  public synchronized List<Quota> provenance(String quotaId) {
    return query(() -> {
      List<Quota> chain = new ArrayList<>();
      Quota q = findQuota(quotaId);
      if (q == null) {
        throw new QuotaRefusedException("unknown quota " + quotaId);
      }
      while (q != null) {
        chain.add(q);
        q = q.parentQuotaId() == null ? null : findQuota(q.parentQuotaId());
      }
      return chain;
    });
  }

  /** The source of the origin of a quota: the plots or parcels its area comes from. */
  public synchronized QuotaSource origin(String quotaId) {
    List<Quota> chain = provenance(quotaId);
    Quota root = chain.get(chain.size() - 1);
    return entries(root.quotaId()).get(0).source();
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    try {
      conn.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close quota ledger " + file + ": " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- internals

  @FunctionalInterface
  private interface Work<T> {
    T run() throws SQLException;
  }

  private <T> T inTransaction(Work<T> work) {
    try {
      T result = work.run();
      conn.commit();
      return result;
    } catch (SQLException e) {
      rollback();
      if (isConstraint(e)) {
        throw new QuotaRefusedException(refusal(e), e);
      }
      throw new IllegalStateException("quota ledger " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      rollback();
      throw e;
    }
  }

  private <T> T query(Work<T> work) {
    try {
      T result = work.run();
      conn.commit();
      return result;
    } catch (SQLException e) {
      rollback();
      throw new IllegalStateException("quota ledger " + file + ": " + e.getMessage(), e);
    }
  }

  private void rollback() {
    try {
      conn.rollback();
    } catch (SQLException ignored) {
      // the connection is gone: nothing was committed
    }
  }

  private static boolean isConstraint(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("23") || state.equals("45000"));
  }

  private static String refusal(SQLException e) {
    String m = String.valueOf(e.getMessage());
    if (m.toUpperCase(java.util.Locale.ROOT).contains("ENTRY_REFERENCE_ONCE")) {
      return "refused: this reference is already recorded for this quota and entry kind (double entry)";
    }
    return "refused by the ledger's constraints: " + m.lines().findFirst().orElse(m);
  }

  private static BigDecimal area(double areaM2) {
    if (!Double.isFinite(areaM2) || areaM2 <= 0) {
      throw new QuotaRefusedException("area must be a positive number of m², got " + areaM2);
    }
    BigDecimal a = BigDecimal.valueOf(areaM2).setScale(2, RoundingMode.HALF_UP);
    if (a.signum() <= 0) {
      throw new QuotaRefusedException("area rounds to 0.00 m²: " + areaM2);
    }
    if (a.precision() > 18) {
      throw new QuotaRefusedException("area too large: " + areaM2);
    }
    return a;
  }

  private static void require(Object v, String what) {
    if (v == null) {
      throw new QuotaRefusedException(what + " is required");
    }
  }

  private static String text(String v, String what) {
    if (v == null || v.isBlank()) {
      throw new QuotaRefusedException(what + " is required");
    }
    return v.trim();
  }

  private static QuotaSource requireSource(QuotaSource s) {
    if (s == null) {
      throw new QuotaRefusedException("source is required: every entry must be traceable to plots or parcels");
    }
    return s;
  }

  private static void notBefore(Quota q, LocalDate date) {
    if (date.isBefore(q.createdOn())) {
      throw new QuotaRefusedException("entry dated " + date + " is before quota " + q.quotaId() + " was created ("
          + q.createdOn() + ")");
    }
  }

  private String nextId(Type type) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT NEXT VALUE FOR quota_number")) {
      rs.next();
      return type.prefix + String.format("%06d", rs.getLong(1));
    }
  }

  private void insertQuota(String id, Type type, String project, String holder, BigDecimal area, LocalDate created,
      LocalDate due, String parent, String policy) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO quota (quota_id, quota_type, project_id, holder, "
        + "area_m2, created_on, due_on, parent_quota_id, policy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, id);
      ps.setString(2, type.name());
      ps.setString(3, project);
      ps.setString(4, holder);
      ps.setBigDecimal(5, area);
      ps.setObject(6, created);
      ps.setObject(7, due);
      ps.setString(8, parent);
      ps.setString(9, policy);
      ps.executeUpdate();
    }
  }

  private long insertEntry(String quotaId, Kind kind, BigDecimal area, LocalDate date, String reference,
      String counterpart, QuotaSource source) throws SQLException {
    long seq;
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO quota_entry (quota_id, kind, area_m2, entry_date, "
        + "reference, counterpart_quota_id, source_kind) VALUES (?, ?, ?, ?, ?, ?, ?)",
        Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, quotaId);
      ps.setString(2, kind.name());
      ps.setBigDecimal(3, area);
      ps.setObject(4, date);
      ps.setString(5, reference == null || reference.isBlank() ? null : reference.trim());
      ps.setString(6, counterpart);
      ps.setString(7, source.kind());
      ps.executeUpdate();
      try (ResultSet rs = ps.getGeneratedKeys()) {
        rs.next();
        seq = rs.getLong(1);
      }
    }
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO entry_source VALUES (?, ?, ?)")) {
      int ord = 0;
      for (String id : source.ids()) {
        ps.setLong(1, seq);
        ps.setInt(2, ord++);
        ps.setString(3, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return seq;
  }

  /** The quota, locked for this transaction, and of the expected type; else refused. */
  private Quota lockQuota(String quotaId, Type type) throws SQLException {
    if (quotaId == null || quotaId.isBlank()) {
      throw new QuotaRefusedException("quota id is required");
    }
    try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM quota WHERE quota_id = ? FOR UPDATE")) {
      ps.setString(1, quotaId.trim());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new QuotaRefusedException("unknown quota " + quotaId);
        }
        Quota q = quota(rs);
        if (q.type() != type) {
          throw new QuotaRefusedException("quota " + quotaId + " is a " + q.type() + " (" + q.type().zh + ") quota, not "
              + type + " (" + type.zh + ")");
        }
        return q;
      }
    }
  }

  private Quota quotaOrRefuse(String id) throws SQLException {
    Quota q = findQuota(id);
    if (q == null) {
      throw new IllegalStateException("quota " + id + " vanished");
    }
    return q;
  }

  private Quota findQuota(String id) throws SQLException {
    List<Quota> qs = quotas("SELECT * FROM quota WHERE quota_id = ?", id == null ? null : id.trim());
    return qs.isEmpty() ? null : qs.get(0);
  }

  /** Turnover: issued − returned; surplus: created − transferred out − used; entries up to {@code asOf} (null: all). */
  /**
   * Refuses taking {@code area} from the quota's current balance when it exceeds it:
   * "cannot {@code action}: only B m² {@code balanceName}".
   */
  private void requireBalance(Quota q, BigDecimal area, String action, String balanceName) throws SQLException {
    BigDecimal balance = balance(q, null);
    if (area.compareTo(balance) > 0) {
      throw new QuotaRefusedException("cannot " + action + ": only " + balance.toPlainString() + " m² " + balanceName);
    }
  }

  private BigDecimal balance(Quota q, LocalDate asOf) throws SQLException {
    String sql = "SELECT COALESCE(SUM(area_m2), 0) FROM quota_entry WHERE quota_id = ? AND kind IN ('RETURN', "
        + "'TRANSFER_OUT', 'USE')" + (asOf == null ? "" : " AND entry_date <= ?");
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      ps.setString(1, q.quotaId());
      if (asOf != null) {
        ps.setObject(2, asOf);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return q.areaM2().subtract(rs.getBigDecimal(1)).setScale(2, RoundingMode.UNNECESSARY);
      }
    }
  }

  private List<Quota> quotas(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<Quota> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(quota(rs));
        }
      }
      return out;
    }
  }

  private static Quota quota(ResultSet rs) throws SQLException {
    return new Quota(rs.getString("quota_id"), Type.valueOf(rs.getString("quota_type")), rs.getString("project_id"),
        rs.getString("holder"), rs.getBigDecimal("area_m2"), rs.getObject("created_on", LocalDate.class),
        rs.getObject("due_on", LocalDate.class), rs.getString("parent_quota_id"), rs.getString("policy"));
  }

  private Entry entry(long seq) throws SQLException {
    return selectEntries("SELECT * FROM quota_entry WHERE seq = ?", seq).get(0);
  }

  private List<Entry> selectEntries(String sql, Object... args) throws SQLException {
    List<Entry> out = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long seq = rs.getLong("seq");
          out.add(new Entry(seq, rs.getString("quota_id"), Kind.valueOf(rs.getString("kind")),
              rs.getBigDecimal("area_m2"), rs.getObject("entry_date", LocalDate.class), rs.getString("reference"),
              rs.getString("counterpart_quota_id"), new QuotaSource(rs.getString("source_kind"), sourceIds(seq)),
              rs.getObject("recorded_at", OffsetDateTime.class)));
        }
      }
    }
    return out;
  }

  private List<String> sourceIds(long seq) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT source_id FROM entry_source WHERE entry_seq = ? ORDER BY ord")) {
      ps.setLong(1, seq);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  /** Package-private for tests: the raw connection (to prove the database itself refuses updates). */
  Connection connection() {
    return conn;
  }
}
