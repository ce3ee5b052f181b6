package org.landledger.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * DBF 编码: decides the attribute encoding of a shapefile — the .cpg if present, else the caller's
 * explicit choice, else detection: text that is valid UTF-8 is UTF-8, anything else is GBK (most 三调
 * exports are GBK without a .cpg; GB18030 decodes GBK and more).
 */
public final class DbfEncoding {

  /** How much of the DBF is sampled for detection. */
  private static final int SAMPLE_BYTES = 8 << 20;

  private DbfEncoding() {}

  /** The encoding named by a .cpg's text ("UTF-8", "GBK", "936", "CP936", "65001", …). */
  public static Charset fromCpg(String text, Path cpg) {
    String t = text.trim().toUpperCase(Locale.ROOT).replace("ANSI ", "");
    try {
      return switch (t) {
        case "936", "CP936", "GB2312", "GBK", "MS936", "WINDOWS-936" -> Charset.forName("GBK");
        case "54936", "GB18030" -> Charset.forName("GB18030");
        case "65001", "UTF8", "UTF-8" -> StandardCharsets.UTF_8;
        case "1252", "CP1252" -> Charset.forName("windows-1252");
        case "" -> null;
        default -> Charset.forName(t);
      };
    } catch (RuntimeException e) {
      throw new InputDataException(cpg, "unknown encoding \"" + text.trim() + "\" in .cpg; pass --encoding");
    }
  }

  /** Parses a user-given encoding name, with the same aliases as a .cpg. */
  public static Charset parse(String name) {
    Charset cs;
    try {
      cs = fromCpg(name, null);
    } catch (InputDataException e) {
      throw new IllegalArgumentException("unknown encoding \"" + name.trim() + "\" (try GBK, GB18030 or UTF-8)");
    }
    if (cs == null) {
      throw new IllegalArgumentException("empty encoding name");
    }
    return cs;
  }

  /**
   * Resolves the encoding of {@code dbf}: .cpg, then {@code explicit}, then detection.
   */
  public static Charset resolve(Path dbf, Path cpg, Charset explicit) {
    if (cpg != null && Files.isRegularFile(cpg)) {
      try {
        Charset cs = fromCpg(Files.readString(cpg, StandardCharsets.ISO_8859_1), cpg);
        if (cs != null) {
          return cs;
        }
      } catch (IOException e) {
        throw new InputDataException(cpg, "cannot read .cpg: " + e.getMessage(), e);
      }
    }
    if (explicit != null) {
      return explicit;
    }
    return detect(dbf);
  }

  /** UTF-8 if the record area decodes as UTF-8 (or is ASCII), else GBK. */
  public static Charset detect(Path dbf) {
    byte[] sample;
    try (InputStream in = Files.newInputStream(dbf)) {
      byte[] head = in.readNBytes(32);
      if (head.length < 32) {
        throw new InputDataException(dbf, "not a DBF file: header shorter than 32 bytes");
      }
      int headerLength = (head[8] & 0xff) | (head[9] & 0xff) << 8;
      in.skipNBytes(Math.max(0, headerLength - 32));
      sample = in.readNBytes(SAMPLE_BYTES);
    } catch (IOException e) {
      throw new InputDataException(dbf, "cannot read DBF: " + e.getMessage(), e);
    }
    int end = sample.length;
    if (sample.length == SAMPLE_BYTES) {
      // Do not judge a multi-byte character cut at the end of the sample.
      while (end > 0 && (sample[end - 1] & 0x80) != 0) {
        end--;
      }
    }
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      dec.decode(ByteBuffer.wrap(sample, 0, end));
      return StandardCharsets.UTF_8;
    } catch (CharacterCodingException e) {
      return Charset.forName("GBK");
    }
  }
}
