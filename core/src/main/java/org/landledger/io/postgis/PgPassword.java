package org.landledger.io.postgis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.landledger.io.InputDataException;

/**
 * 数据库口令: where a PostGIS password comes from, in libpq's order — the location's
 * {@code password-file}, else {@code PGPASSWORD}, else the password file {@code PGPASSFILE} or
 * {@code ~/.pgpass} ({@code host:port:database:user:password} lines, {@code *} matching anything,
 * {@code \:} and {@code \\} escaped). No password is fine for trust or peer authentication.
 */
public final class PgPassword {

  private PgPassword() {}

  /** The password for a location, or null when none is configured. */
  public static String resolve(PgLocation loc) {
    return resolve(loc, System.getenv(), Path.of(System.getProperty("user.home", ".")));
  }

  /** As {@link #resolve(PgLocation)}, with the environment and home directory given (for tests). */
  static String resolve(PgLocation loc, Map<String, String> env, Path home) {
    if (loc.passwordFile() != null) {
      try {
        String s = Files.readString(loc.passwordFile(), StandardCharsets.UTF_8);
        return s.lines().findFirst().orElse("");
      } catch (IOException e) {
        throw new InputDataException(loc.toString(), null, null, "cannot read password-file "
            + loc.passwordFile() + ": " + e.getMessage(), e);
      }
    }
    String pw = env.get("PGPASSWORD");
    if (pw != null && !pw.isEmpty()) {
      return pw;
    }
    String passFile = env.get("PGPASSFILE");
    Path pgpass = passFile != null && !passFile.isEmpty() ? Path.of(passFile) : home.resolve(".pgpass");
    if (Files.isReadable(pgpass)) {
      try {
        return fromPgpass(Files.readAllLines(pgpass, StandardCharsets.UTF_8), loc);
      } catch (IOException e) {
        return null;
      }
    }
    return null;
  }

  /** The password of the first matching {@code .pgpass} line, or null. */
  static String fromPgpass(List<String> lines, PgLocation loc) {
    String[] want = {loc.host(), String.valueOf(loc.port()), loc.database(), loc.user()};
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> parts = split(line);
      if (parts.size() < 5) {
        continue;
      }
      boolean match = true;
      for (int i = 0; i < 4 && match; i++) {
        String p = parts.get(i);
        match = p.equals("*") || p.equals(want[i]);
      }
      if (match) {
        return parts.get(4);
      }
    }
    return null;
  }

  private static List<String> split(String line) {
    List<String> parts = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        sb.append(line.charAt(++i));
      } else if (c == ':' && parts.size() < 4) {
        parts.add(sb.toString());
        sb.setLength(0);
      } else {
        sb.append(c);
      }
    }
    parts.add(sb.toString());
    return parts;
  }
}
