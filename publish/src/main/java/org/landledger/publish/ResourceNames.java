package org.landledger.publish;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 资源命名: GeoServer resource names made from folder, file and table names — letters, digits, '_' and '-'
 * only, starting with a letter (layer names become XML qualified names in WMS/WFS). Characters outside that
 * set (Chinese folder names, spaces) are replaced, with a short hash of the original appended so two names
 * that differ only there stay different.
 */
public final class ResourceNames {

  private static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private ResourceNames() {}

  /** Whether {@code name} is usable as is (e.g. a workspace given on the command line). */
  public static boolean isValid(String name) {
    return name != null && name.length() <= 64 && VALID.matcher(name).matches();
  }

  /** A valid name derived from {@code raw}; raw names that are already valid come back unchanged. */
  public static String of(String raw) {
    if (isValid(raw)) {
      return raw;
    }
    StringBuilder b = new StringBuilder();
    boolean replaced = false;
    for (char c : raw.toCharArray()) {
      if (c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        b.append(c);
      } else {
        replaced = true;
        if (b.length() > 0 && b.charAt(b.length() - 1) != '_') {
          b.append('_');
        }
      }
    }
    String s = b.toString().replaceAll("^_+|_+$", "");
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      s = "r" + (s.isEmpty() ? "" : "_" + s);
    }
    if (replaced) {
      s = s + "_" + shortHash(raw);
    }
    return s;
  }

  /** Joins already-valid parts with '_'. */
  public static String join(String... parts) {
    return String.join("_", parts);
  }

  private static String shortHash(String s) {
    // FNV-1a over the UTF-8 bytes: the same name gives the same suffix on every run, so re-publishing updates.
    int h = 0x811c9dc5;
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= (x & 0xff);
      h *= 0x01000193;
    }
    return String.format(Locale.ROOT, "%08x", h).substring(0, 6);
  }
}
