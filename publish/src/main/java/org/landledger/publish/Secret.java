package org.landledger.publish;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.landledger.io.InputDataException;

/**
 * 口令: the GeoServer password, read from a file only. It never appears in {@link #toString()}, output or
 * messages: {@link #mask} scrubs it from any text that might echo it (e.g. a server's error page).
 */
public final class Secret {

  public static final String MASK = "********";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** The first line of {@code file} (without its line break); an empty or missing file is bad input. */
  public static Secret fromFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputDataException(file, "password file not found");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read password file " + file + ": " + e.getMessage(), e);
    }
    int nl = text.indexOf('\n');
    String line = (nl >= 0 ? text.substring(0, nl) : text);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.isEmpty()) {
      throw new InputDataException(file, "password file is empty");
    }
    return new Secret(line);
  }

  /** For tests and embedding. */
  public static Secret of(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("empty password");
    }
    return new Secret(value);
  }

  /** The HTTP Basic {@code Authorization} header value for {@code user}. */
  String basicAuthorization(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + value).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code text} with every occurrence of the password (plain or inside the Basic credentials) masked. */
  public String mask(String text, String user) {
    if (text == null) {
      return null;
    }
    String basic = basicAuthorization(user).substring("Basic ".length());
    return mask(text.replace(basic, MASK));
  }

  /**
   * {@code text} with every occurrence of the password masked, as written plainly or inside a JSON string
   * (where a '"' or '\' in it is escaped) — a request body or a server's answer echoing one.
   */
  public String mask(String text) {
    if (text == null) {
      return null;
    }
    String json = new String(JsonStringEncoder.getInstance().quoteAsString(value));
    return text.replace(value, MASK).replace(json, MASK);
  }

  /** The password, for the one place it must go: a data store's connection parameters. */
  String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return MASK;
  }
}
