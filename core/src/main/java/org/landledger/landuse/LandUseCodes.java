package org.landledger.landuse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * 三调工作分类: the land-use classification (GB/T 21010-2017 as used by the third national land survey),
 * loaded as data from {@code landuse-codes.csv} (a copy of the project's domain file ships as a resource).
 * Lookups report unknown codes instead of guessing.
 */
public final class LandUseCodes {

  private static volatile LandUseCodes standard;

  private final Map<String, LandUseClass> byCode;

  private LandUseCodes(Map<String, LandUseClass> byCode) {
    this.byCode = Collections.unmodifiableMap(byCode);
  }

  /** The shipped 三调 classification. */
  public static LandUseCodes standard() {
    if (standard == null) {
      synchronized (LandUseCodes.class) {
        if (standard == null) {
          try (InputStream in = LandUseCodes.class.getResourceAsStream("landuse-codes.csv")) {
            standard = parse(in, "landuse-codes.csv");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return standard;
  }

  /** A classification from a CSV with the same columns (to override the mapping per region). */
  public static LandUseCodes load(Path csv) {
    try (InputStream in = Files.newInputStream(csv)) {
      return parse(in, csv.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LandUseCodes parse(InputStream in, String source) throws IOException {
    Map<String, LandUseClass> map = new LinkedHashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = r.readLine();
      if (header == null || !header.startsWith("code,")) {
        throw new IllegalArgumentException(source + ": expected a header starting with 'code,'");
      }
      String line;
      int n = 1;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String[] c = line.split(",", -1);
        if (c.length < 9) {
          throw new IllegalArgumentException(source + " line " + n + ": expected 9 columns, got " + c.length);
        }
        map.put(c[0], new LandUseClass(c[0], c[1], c[2], c[3], c[4],
            LegalCategory.valueOf(c[5].toUpperCase(Locale.ROOT)), c[6].equals("yes"), c[7].equals("yes"), c[8]));
      }
    }
    return new LandUseCodes(map);
  }

  public Optional<LandUseClass> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.trim()));
  }

  public boolean isKnown(String code) {
    return find(code).isPresent();
  }

  /** Farmland 耕地: 0101 水田, 0102 水浇地, 0103 旱地. */
  public boolean isFarmland(String code) {
    return find(code).map(LandUseClass::farmland).orElse(false);
  }

  public Collection<LandUseClass> all() {
    return byCode.values();
  }
}
