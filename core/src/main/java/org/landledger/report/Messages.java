package org.landledger.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * 报告用语: the message catalogue of one language — the shared report words ({@code report/messages_*.properties})
 * merged with the bundles an analysis adds (e.g. {@code org/landledger/redline/report/messages}). Files are UTF-8;
 * {@code {0}}, {@code {1}}… are replaced by arguments. A missing key is a programming error and fails loudly,
 * so a report never shows a raw key.
 */
public final class Messages {

  private static final String BASE = "org/landledger/report/messages";

  private final Lang lang;
  private final Map<String, String> text;

  private Messages(Lang lang, Map<String, String> text) {
    this.lang = lang;
    this.text = text;
  }

  /** The shared catalogue plus the given bundles (resource base names without {@code _zh.properties}). */
  public static Messages of(Lang lang, String... bundles) {
    Map<String, String> m = new HashMap<>();
    load(BASE, lang, m);
    for (String b : bundles) {
      load(b, lang, m);
    }
    return new Messages(lang, m);
  }

  private static void load(String base, Lang lang, Map<String, String> into) {
    String name = base + "_" + (lang == Lang.ZH ? "zh" : "en") + ".properties";
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("message catalogue not found: " + name);
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      p.forEach((k, v) -> into.put(k.toString(), v.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Lang lang() {
    return lang;
  }

  /** The text of {@code key} with {@code {i}} replaced by {@code args[i]}. */
  public String get(String key, Object... args) {
    String t = text.get(key);
    if (t == null) {
      throw new IllegalStateException("no " + lang + " message for key " + key);
    }
    for (int i = 0; i < args.length; i++) {
      t = t.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return t;
  }

  public boolean has(String key) {
    return text.containsKey(key);
  }

  /** {@code zh} or {@code en} of a bilingual pair, for enums that carry both (Status, Reason…). */
  public String pick(String zh, String en) {
    return lang == Lang.ZH ? zh : en;
  }
}
