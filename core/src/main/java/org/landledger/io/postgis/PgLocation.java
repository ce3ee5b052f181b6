package org.landledger.io.postgis;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PostGIS 位置: a PostGIS layer location,
 * {@code pg:postgresql://[user@]host[:port]/database[?param=value&…][#[schema.]table]}.
 *
 * <p>Parameters: {@code schema} (default {@code public}), {@code geometry} (the geometry column, when
 * a table has several), {@code password-file} (a file holding the password), {@code sslmode},
 * {@code fetch-size} (rows per cursor fetch, default 2000). Names are percent-decoded (UTF-8), so
 * {@code #%E5%9C%B0%E7%B1%BB%E5%9B%BE%E6%96%91} and {@code #地类图斑} are the same table; table and
 * column names are used exactly as written (PostgreSQL quoted identifiers).
 *
 * <p>A password never appears in a location: it comes from {@code password-file}, else the
 * {@code PGPASSWORD} environment variable, else {@code ~/.pgpass} (or {@code PGPASSFILE}), as libpq
 * does. {@link #toString()} is safe to print.
 */
public record PgLocation(String user, String host, int port, String database, String schema, String table,
    String geometryColumn, Path passwordFile, String sslmode, int fetchSize) {

  public static final String PREFIX = "pg:";
  public static final int DEFAULT_PORT = 5432;
  public static final int DEFAULT_FETCH_SIZE = 2000;
  private static final Set<String> PARAMS = Set.of("schema", "geometry", "password-file", "sslmode", "fetch-size");

  /** Whether a location is a PostGIS one. */
  public static boolean isPostGis(String location) {
    return location != null && location.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /**
   * Parses a location.
   *
   * @throws IllegalArgumentException naming what is wrong (never echoing a password)
   */
  public static PgLocation parse(String location) {
    if (!isPostGis(location)) {
      throw new IllegalArgumentException("not a PostGIS location (expected pg:postgresql://user@host:port/db#table)");
    }
    String rest = location.substring(PREFIX.length());
    String scheme = "postgresql://";
    if (!rest.regionMatches(true, 0, scheme, 0, scheme.length())) {
      throw new IllegalArgumentException("PostGIS location must start with pg:postgresql:// (got "
          + redact(location) + ")");
    }
    rest = rest.substring(scheme.length());
    String table = null;
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      table = decode(rest.substring(hash + 1));
      rest = rest.substring(0, hash);
      if (table.isEmpty()) {
        table = null;
      }
    }
    Map<String, String> params = new LinkedHashMap<>();
    int q = rest.indexOf('?');
    if (q >= 0) {
      for (String kv : rest.substring(q + 1).split("&")) {
        if (kv.isEmpty()) {
          continue;
        }
        int eq = kv.indexOf('=');
        String k = decode(eq < 0 ? kv : kv.substring(0, eq)).toLowerCase(Locale.ROOT);
        String v = eq < 0 ? "" : decode(kv.substring(eq + 1));
        if (k.equals("password")) {
          throw new IllegalArgumentException("a PostGIS location must not carry a password: use PGPASSWORD, ~/.pgpass"
              + " or ?password-file=FILE");
        }
        if (!PARAMS.contains(k)) {
          throw new IllegalArgumentException("unknown PostGIS location parameter '" + k + "' (known: schema, geometry,"
              + " password-file, sslmode, fetch-size)");
        }
        params.put(k, v);
      }
      rest = rest.substring(0, q);
    }
    int slash = rest.indexOf('/');
    if (slash < 0 || slash == rest.length() - 1) {
      throw new IllegalArgumentException("PostGIS location names no database: " + redact(location));
    }
    String database = decode(rest.substring(slash + 1));
    String authority = rest.substring(0, slash);
    String user = null;
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      user = decode(authority.substring(0, at));
      if (user.contains(":")) {
        throw new IllegalArgumentException("a PostGIS location must not carry a password: use PGPASSWORD, ~/.pgpass"
            + " or ?password-file=FILE");
      }
      authority = authority.substring(at + 1);
    }
    String host = authority;
    int port = DEFAULT_PORT;
    int colon = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']')) : authority.lastIndexOf(':');
    if (colon >= 0) {
      host = authority.substring(0, colon);
      try {
        port = Integer.parseInt(authority.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad port in PostGIS location: " + authority.substring(colon + 1));
      }
    }
    if (host.isEmpty()) {
      host = "localhost";
    }
    String schema = params.getOrDefault("schema", "public");
    if (table != null && !params.containsKey("schema")) {
      int dot = table.indexOf('.');
      if (dot > 0 && dot < table.length() - 1) {
        schema = table.substring(0, dot);
        table = table.substring(dot + 1);
      }
    }
    if (user == null || user.isEmpty()) {
      user = System.getProperty("user.name");
    }
    String pwFile = params.get("password-file");
    int fetch = DEFAULT_FETCH_SIZE;
    if (params.containsKey("fetch-size")) {
      try {
        fetch = Integer.parseInt(params.get("fetch-size"));
      } catch (NumberFormatException e) {
        fetch = -1;
      }
      if (fetch <= 0) {
        throw new IllegalArgumentException("fetch-size must be a positive integer");
      }
    }
    return new PgLocation(user, host, port, database, schema, table, params.get("geometry"),
        pwFile == null || pwFile.isEmpty() ? null : Path.of(pwFile), params.get("sslmode"), fetch);
  }

  /** The same database and schema, another table. */
  public PgLocation withTable(String newTable) {
    return new PgLocation(user, host, port, database, schema, newTable, geometryColumn, passwordFile, sslmode, fetchSize);
  }

  /** The JDBC URL (no user, no password: those go in connection properties). */
  public String jdbcUrl() {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "jdbc:postgresql://" + h + ":" + port + "/" + encode(database);
  }

  /** The location for messages: user, host, port, database, schema and table; never a password. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(PREFIX).append("postgresql://").append(user).append('@').append(host)
        .append(':').append(port).append('/').append(database);
    if (!"public".equals(schema)) {
      sb.append("?schema=").append(schema);
    }
    if (table != null) {
      sb.append('#').append(table);
    }
    return sb.toString();
  }

  /** A location with anything after '?' dropped, for messages about locations that did not parse. */
  static String redact(String location) {
    int q = location.indexOf('?');
    String s = q < 0 ? location : location.substring(0, q) + "?…";
    int at = s.indexOf('@');
    int start = s.indexOf("//");
    if (at > 0 && start >= 0 && s.substring(start + 2, at).contains(":")) {
      s = s.substring(0, start + 2) + s.substring(start + 2, at).replaceAll(":.*", ":…") + s.substring(at);
    }
    return s;
  }

  private static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%' && i + 2 < bytes.length) {
        int hi = Character.digit(bytes[i + 1], 16);
        int lo = Character.digit(bytes[i + 2], 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      out.write(bytes[i]);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String encode(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-_.~".indexOf(c) >= 0)) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }
}
