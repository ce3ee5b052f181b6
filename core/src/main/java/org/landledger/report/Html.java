package org.landledger.report;

import java.util.Base64;
import java.util.List;

/**
 * HTML 输出: writes a {@link Report} as one self-contained UTF-8 XHTML page — inline CSS, charts as inline SVG,
 * images as data URIs — that browsers show and the PDF engine parses (well-formed XML). Every text and
 * attribute value goes through {@link #escape}, so values from input attributes cannot inject markup.
 */
public final class Html {

  private static final String CSS = """
      body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","Microsoft YaHei",sans-serif;font-size:10.5pt;
        color:#222;margin:24px;max-width:980px}
      h1{font-size:18pt;border-bottom:2px solid #1f4e79;padding-bottom:4px;color:#1f4e79}
      h2{font-size:13pt;color:#1f4e79;margin-top:20px;border-bottom:1px solid #ccc}
      table{border-collapse:collapse;margin:8px 0;font-size:9.5pt}
      th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top}
      @page{size:A4;margin:14mm 12mm}
      @media print{body{margin:0;font-size:9.5pt}table{font-size:8.5pt}}
      th{background:#e8eef5;text-align:center}
      td.n{text-align:right;white-space:nowrap}
      tr.hl td{background:#fde8e8}
      table.meta th{text-align:left;width:110px}
      caption{caption-side:top;text-align:left;font-weight:bold;padding:2px 0}
      p.warn{background:#fff4ce;border-left:4px solid #e0a800;padding:4px 8px}
      span.sw{display:inline-block;width:12px;height:12px;border:1px solid #666;margin:0 4px 0 12px}
      .fig{margin:8px 0;page-break-inside:avoid}
      h2{page-break-after:avoid}
      tr{page-break-inside:avoid}
      """;

  private Html() {}

  /** Escapes text for element content and (double- or single-quoted) attribute values. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          // Control characters are not allowed in XML 1.0: drop them (keep tab, newline, carriage return).
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** The report as a complete XHTML document. */
  public static String write(Report r) {
    StringBuilder sb = new StringBuilder(16_384);
    sb.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(r.lang().tag())
        .append("\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>").append(escape(r.title())).append("</title>\n<style>")
        .append(CSS).append("</style>\n</head>\n<body>\n<h1>").append(escape(r.title())).append("</h1>\n");
    if (!r.meta().isEmpty()) {
      sb.append("<table class=\"meta\">\n");
      for (Report.Meta m : r.meta()) {
        sb.append("<tr><th>").append(escape(m.label())).append("</th><td>").append(escape(m.value()))
            .append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    for (Report.Section s : r.sections()) {
      sb.append("<h2>").append(escape(s.heading())).append("</h2>\n");
      for (Report.Block b : s.blocks()) {
        block(sb, b);
      }
    }
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  private static void block(StringBuilder sb, Report.Block b) {
    if (b instanceof Report.Paragraph p) {
      sb.append(p.warning() ? "<p class=\"warn\">" : "<p>").append(escape(p.text())).append("</p>\n");
    } else if (b instanceof Report.Bullets l) {
      sb.append("<ul>\n");
      l.items().forEach(i -> sb.append("<li>").append(escape(i)).append("</li>\n"));
      sb.append("</ul>\n");
    } else if (b instanceof Report.Table t) {
      table(sb, t);
    } else if (b instanceof Report.Chart c) {
      sb.append("<div class=\"fig\">").append(c.chart().toSvg()).append("</div>\n");
    } else if (b instanceof Report.Image i) {
      sb.append("<div class=\"fig\"><img alt=\"").append(escape(i.alt())).append("\" width=\"").append(i.width())
          .append("\" height=\"").append(i.height()).append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(i.png())).append("\"/></div>\n");
    } else if (b instanceof Report.Legend l) {
      sb.append("<p>");
      for (int k = 0; k < l.colours().size(); k++) {
        sb.append("<span class=\"sw\" style=\"background:").append(escape(l.colours().get(k))).append("\"></span>")
            .append(escape(l.labels().get(k)));
      }
      sb.append("</p>\n");
    }
  }

  private static void table(StringBuilder sb, Report.Table t) {
    sb.append("<table>\n");
    if (t.caption() != null && !t.caption().isEmpty()) {
      sb.append("<caption>").append(escape(t.caption())).append("</caption>\n");
    }
    sb.append("<thead><tr>");
    t.headers().forEach(h -> sb.append("<th>").append(escape(h)).append("</th>"));
    sb.append("</tr></thead>\n<tbody>\n");
    List<List<String>> rows = t.rows();
    for (int i = 0; i < rows.size(); i++) {
      sb.append(t.highlight().contains(i) ? "<tr class=\"hl\">" : "<tr>");
      List<String> row = rows.get(i);
      for (int c = 0; c < row.size(); c++) {
        boolean num = c < t.numeric().length && t.numeric()[c];
        sb.append(num ? "<td class=\"n\">" : "<td>").append(escape(row.get(c))).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
  }
}
