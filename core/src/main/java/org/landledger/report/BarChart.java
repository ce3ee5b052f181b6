package org.landledger.report;

import java.util.List;
import java.util.Locale;

/**
 * 柱状图: horizontal bars, one group per category and one bar per series (one series for a simple chart).
 * Drawn as SVG by hand rather than with a charting library: the charts are plain bars, the SVG stays a few
 * kilobytes, its text is real text (CJK shown by the reader's or the PDF's font, searchable, escaped like the
 * rest of the page), and no Java2D font set-up is needed.
 */
public record BarChart(String title, String unit, List<String> categories, List<Series> series) {

  /** One series of values, one per category, drawn in {@code colour} ({@code #rrggbb}). */
  public record Series(String name, String colour, List<Double> values) {
    public Series {
      values = List.copyOf(values);
    }
  }

  public BarChart {
    categories = List.copyOf(categories);
    series = List.copyOf(series);
    for (Series s : series) {
      if (s.values().size() != categories.size()) {
        throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size() + " values for "
            + categories.size() + " categories");
      }
    }
  }

  public static BarChart single(String title, String unit, List<String> categories, List<Double> values,
      String colour) {
    return new BarChart(title, unit, categories, List.of(new Series(title, colour, values)));
  }

  private static final int WIDTH = 640;
  private static final int LABEL_W = 170;
  private static final int VALUE_W = 90;
  private static final int BAR_H = 14;
  private static final int GAP = 8;
  private static final int TOP = 28;

  /** The chart as an {@code <svg>} element (XHTML-embeddable). */
  public String toSvg() {
    int n = series.size();
    int groupH = n * BAR_H + GAP;
    int legendH = n > 1 ? 22 : 0;
    int height = TOP + categories.size() * groupH + legendH + 6;
    double max = 0;
    for (Series s : series) {
      for (Double v : s.values()) {
        max = Math.max(max, v == null ? 0 : Math.abs(v));
      }
    }
    int plotW = WIDTH - LABEL_W - VALUE_W;
    // Counts print as integers; as soon as one value has a fraction, all print with 2 decimals.
    boolean integers = series.stream().flatMap(s -> s.values().stream())
        .allMatch(v -> v == null || Math.rint(v) == v);
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" font-family=\"WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif\" font-size=\"12\">");
    sb.append("<text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"bold\">")
        .append(Html.escape(title + (unit == null || unit.isEmpty() ? "" : " (" + unit + ")"))).append("</text>");
    for (int c = 0; c < categories.size(); c++) {
      int y0 = TOP + c * groupH;
      sb.append("<text x=\"").append(LABEL_W - 6).append("\" y=\"").append(y0 + n * BAR_H / 2 + 4)
          .append("\" text-anchor=\"end\">").append(Html.escape(categories.get(c))).append("</text>");
      for (int s = 0; s < n; s++) {
        Double v = series.get(s).values().get(c);
        double value = v == null ? 0 : v;
        int w = max <= 0 ? 0 : (int) Math.round(Math.abs(value) / max * plotW);
        int y = y0 + s * BAR_H;
        sb.append("<rect x=\"").append(LABEL_W).append("\" y=\"").append(y).append("\" width=\"").append(w)
            .append("\" height=\"").append(BAR_H - 2).append("\" fill=\"").append(Html.escape(series.get(s).colour()))
            .append("\"/>");
        sb.append("<text x=\"").append(LABEL_W + w + 4).append("\" y=\"").append(y + BAR_H - 3).append("\">")
            .append(Html.escape(format(value, integers))).append("</text>");
      }
    }
    if (n > 1) {
      int y = TOP + categories.size() * groupH + 4;
      int x = LABEL_W;
      for (Series s : series) {
        sb.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"12\" height=\"12\" fill=\"")
            .append(Html.escape(s.colour())).append("\"/>");
        sb.append("<text x=\"").append(x + 16).append("\" y=\"").append(y + 11).append("\">")
            .append(Html.escape(s.name())).append("</text>");
        x += 24 + 13 * s.name().length();
      }
    }
    sb.append("</svg>");
    return sb.toString();
  }

  static String format(double v, boolean integer) {
    return String.format(Locale.ROOT, integer ? "%,.0f" : "%,.2f", v);
  }
}
