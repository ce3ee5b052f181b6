package org.landledger.ecovalue.gep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.landledger.ecovalue.CsvTable;
import org.landledger.io.InputDataException;

/**
 * GEP 统计类条目: items that come from statistics, not from the map — provisioning (agricultural, forestry, fishery
 * products) and cultural services (tourism revenue) — one CSV row each:
 * {@code item,item_zh,category,region,quantity,quantity_unit,price,price_unit,value,source}. The value is
 * {@code value} when given, else quantity × price; a row with neither is listed as not reported, never guessed.
 */
public final class StatisticalItems {

  /** One statistical item; {@code value} is null when not reported. */
  public record Item(String key, String nameZh, String category, String region, Double quantity,
      String quantityUnit, Double price, String priceUnit, Double value, String source) {}

  private final List<Item> items;
  private final String source;
  private final boolean example;

  private StatisticalItems(List<Item> items, String source, boolean example) {
    this.items = List.copyOf(items);
    this.source = source;
    this.example = example;
  }

  public static StatisticalItems example() {
    return from(CsvTable.resource(StatisticalItems.class, "/org/landledger/ecovalue/gep-statistics-example.csv"),
        "gep-statistics-example.csv (EXAMPLE rows without data, fill in)", true);
  }

  public static StatisticalItems load(Path csv) {
    return from(CsvTable.read(csv), csv.toString(), false);
  }

  public static StatisticalItems none() {
    return new StatisticalItems(List.of(), "(none)", false);
  }

  static StatisticalItems from(CsvTable t, String source, boolean example) {
    t.require("item", "category", "source");
    List<Item> out = new ArrayList<>();
    for (CsvTable.Row r : t.rows()) {
      Double q = t.number(r, "quantity");
      Double p = t.number(r, "price");
      Double v = t.number(r, "value");
      if (v == null && q != null && p != null) {
        v = q * p;
      } else if (v == null && (q != null || p != null)) {
        throw new InputDataException(t.source(), "line " + r.line(), q == null ? "quantity" : "price",
            "give both quantity and price, or value", null);
      }
      out.add(new Item(t.requiredText(r, "item"), t.text(r, "item_zh"), GepParameters.category(t, r),
          t.text(r, "region"), q, t.text(r, "quantity_unit"), p, t.text(r, "price_unit"), v,
          t.requiredText(r, "source")));
    }
    return new StatisticalItems(out, source, example);
  }

  public List<Item> items() {
    return items;
  }

  public String source() {
    return source;
  }

  public boolean isExample() {
    return example;
  }
}
