package org.landledger.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * PDF 输出: renders the report's XHTML to PDF with openhtmltopdf (PDFBox), embedding a subset of the given CJK
 * font under the family names the page's CSS asks for, so Chinese text and the SVG charts' labels have glyphs.
 */
public final class Pdf {

  /** The CSS font families the report uses, all mapped to the one CJK font. */
  private static final String[] FAMILIES = {"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei",
      "sans-serif"};

  static {
    // openhtmltopdf logs every step at INFO on stderr; keep its warnings only.
    for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
      com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
    }
  }

  private Pdf() {}

  /** Writes {@code html} (well-formed XHTML) as a PDF to {@code out} using {@code font} (.ttf or .ttc). */
  public static void write(String html, Path font, Path out) {
    try (PDDocument doc = new PDDocument(); OutputStream os = Files.newOutputStream(out)) {
      TrueTypeCollection collection = null;
      TrueTypeFont ttf;
      if (font.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
        collection = new TrueTypeCollection(font.toFile());
        TrueTypeFont[] first = new TrueTypeFont[1];
        collection.processAllFonts(f -> {
          if (first[0] == null) {
            first[0] = f;
          }
        });
        ttf = first[0];
      } else {
        ttf = new org.apache.fontbox.ttf.TTFParser().parse(new RandomAccessReadBufferedFile(font.toFile()));
      }
      try {
        PDType0Font pdFont = PDType0Font.load(doc, ttf, true);
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.usePDDocument(doc);
        b.useFastMode();
        b.useSVGDrawer(new BatikSVGDrawer());
        for (String family : FAMILIES) {
          b.useFont(new PDFontSupplier(pdFont), family, 400, FontStyle.NORMAL, true);
          b.useFont(new PDFontSupplier(pdFont), family, 700, FontStyle.NORMAL, true);
        }
        b.withHtmlContent(html, null);
        b.toStream(os);
        b.run();
      } finally {
        if (collection != null) {
          collection.close();
        } else {
          ttf.close();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write PDF " + out + ": " + e.getMessage(), e);
    }
  }
}
