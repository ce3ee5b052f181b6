package org.landledger.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * 中文字体: finds a font with Chinese glyphs for the PDF — {@code LANDLEDGER_CJK_FONT} (environment) or the
 * {@code landledger.cjkFont} system property first, then the usual Debian/Ubuntu/Fedora/macOS/Windows places.
 * Without one there is no PDF (never a PDF of empty boxes).
 */
public final class CjkFonts {

  /** Known files: TrueType (.ttf) or collections (.ttc, first face used). */
  static final List<String> CANDIDATES = List.of(
      "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
      "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
      "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
      "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
      "/usr/share/fonts/truetype/arphic/uming.ttc",
      "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
      "/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
      "/System/Library/Fonts/Supplemental/Songti.ttc",
      "/Library/Fonts/Arial Unicode.ttf",
      "C:/Windows/Fonts/simhei.ttf",
      "C:/Windows/Fonts/simsun.ttc",
      "C:/Windows/Fonts/msyh.ttc");

  private CjkFonts() {}

  /** The first readable candidate, the explicit setting first. */
  public static Optional<Path> find() {
    String explicit = System.getProperty("landledger.cjkFont");
    if (explicit == null || explicit.isBlank()) {
      explicit = System.getenv("LANDLEDGER_CJK_FONT");
    }
    if (explicit != null && !explicit.isBlank()) {
      // An explicit setting that does not exist means "no font" rather than a silent fallback.
      Path p = Path.of(explicit);
      return Files.isReadable(p) ? Optional.of(p) : Optional.empty();
    }
    return CANDIDATES.stream().map(Path::of).filter(Files::isReadable).findFirst();
  }
}
