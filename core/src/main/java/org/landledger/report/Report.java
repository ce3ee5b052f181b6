package org.landledger.report;

import java.util.ArrayList;
import java.util.List;

/**
 * 报告: a small document model shared by every analysis — a title, the title block (区域, 数据日期, 参数…) as
 * label/value pairs, and sections of blocks (paragraphs, lists, tables, charts, images). Text is plain: the
 * writers escape it. Build with {@link #builder}.
 */
public record Report(Lang lang, String title, List<Meta> meta, List<Section> sections) {

  public Report {
    meta = List.copyOf(meta);
    sections = List.copyOf(sections);
  }

  /** One line of the title block. */
  public record Meta(String label, String value) {}

  /** A headed part of the report. */
  public record Section(String heading, List<Block> blocks) {
    public Section {
      blocks = List.copyOf(blocks);
    }
  }

  /** A piece of content. */
  public sealed interface Block permits Paragraph, Bullets, Table, Chart, Image, Legend {}

  /** A paragraph; {@code warning} paragraphs are highlighted. */
  public record Paragraph(String text, boolean warning) implements Block {}

  /** A bulleted list. */
  public record Bullets(List<String> items) implements Block {
    public Bullets {
      items = List.copyOf(items);
    }
  }

  /**
   * A table; {@code numeric[i]} right-aligns column i. {@code highlight} rows (by index) are shown as findings
   * (e.g. FAIL parcels); may be empty.
   */
  public record Table(String caption, List<String> headers, List<List<String>> rows, boolean[] numeric,
      List<Integer> highlight) implements Block {
    public Table {
      headers = List.copyOf(headers);
      rows = rows.stream().map(List::copyOf).toList();
      numeric = numeric.clone();
      highlight = List.copyOf(highlight);
    }
  }

  /** A bar chart, drawn as inline SVG. */
  public record Chart(BarChart chart) implements Block {}

  /** A PNG image, embedded as a data URI. */
  public record Image(byte[] png, String alt, int width, int height) implements Block {}

  /** Colour swatches with labels (e.g. the map legend). Colours are {@code #rrggbb}. */
  public record Legend(List<String> colours, List<String> labels) implements Block {
    public Legend {
      colours = List.copyOf(colours);
      labels = List.copyOf(labels);
    }
  }

  public static Builder builder(Lang lang, String title) {
    return new Builder(lang, title);
  }

  /** Collects the title block and sections in order. */
  public static final class Builder {
    private final Lang lang;
    private final String title;
    private final List<Meta> meta = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();

    private Builder(Lang lang, String title) {
      this.lang = lang;
      this.title = title;
    }

    public Builder meta(String label, String value) {
      meta.add(new Meta(label, value));
      return this;
    }

    public Builder section(String heading, List<Block> blocks) {
      sections.add(new Section(heading, blocks));
      return this;
    }

    public Report build() {
      return new Report(lang, title, meta, sections);
    }
  }
}
