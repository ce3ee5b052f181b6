package org.landledger.ecovalue.gep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.landledger.ecovalue.CsvTable;
import org.landledger.ecovalue.esv.EcosystemMapping;
import org.landledger.io.InputDataException;
import org.landledger.landuse.LandUseClass;
import org.landledger.landuse.LandUseCodes;

/**
 * GEP 空间核算参数: per-area coefficients of the geospatial GEP items (carbon sequestration, oxygen release, water
 * conservation, …) by land class, with the unit price, valuation method and source of each — one CSV row per
 * item and class: {@code item,item_zh,category,class,rate_per_ha,quantity_unit,price,price_unit,method,source}.
 * A land-use code takes the row of its exact code, else its level-1 group code, else its ESV ecosystem type. Every
 * row of an item must share its category, units and price, so the account shows one price per item.
 */
public final class GepParameters {

  /** The three parts of GEP in the 2022 specification. */
  public static final List<String> CATEGORIES = List.of("provisioning", "regulating", "cultural");

  /** One geospatial item: its description, price and rates by class. */
  public record Item(String key, String nameZh, String category, String quantityUnit, double price, String priceUnit,
      String method, List<String> sources, Map<String, Double> ratePerHa) {}

  private final Map<String, Item> items;
  private final String source;
  private final boolean example;

  private GepParameters(Map<String, Item> items, String source, boolean example) {
    this.items = items;
    this.source = source;
    this.example = example;
  }

  public static GepParameters example() {
    return from(CsvTable.resource(GepParameters.class, "/org/landledger/ecovalue/gep-parameters-example.csv"),
        "gep-parameters-example.csv (EXAMPLE values, replace with local data)", true);
  }

  public static GepParameters load(Path csv) {
    return from(CsvTable.read(csv), csv.toString(), false);
  }

  static GepParameters from(CsvTable t, String source, boolean example) {
    t.require("item", "category", "class", "rate_per_ha", "quantity_unit", "price", "price_unit", "source");
    Map<String, Item> m = new LinkedHashMap<>();
    for (CsvTable.Row r : t.rows()) {
      String key = t.requiredText(r, "item");
      String cat = category(t, r);
      String cls = t.requiredText(r, "class");
      double rate = t.nonNegative(r, "rate_per_ha");
      String qu = t.requiredText(r, "quantity_unit");
      double price = t.nonNegative(r, "price");
      String pu = t.requiredText(r, "price_unit");
      Item it = m.get(key);
      if (it == null) {
        it = new Item(key, t.text(r, "item_zh"), cat, qu, price, pu, t.text(r, "method"), new ArrayList<>(),
            new LinkedHashMap<>());
        m.put(key, it);
      } else if (!it.category().equals(cat) || !it.quantityUnit().equals(qu) || it.price() != price
          || !it.priceUnit().equals(pu)) {
        throw new InputDataException(t.source(), "line " + r.line(), "price",
            "item " + key + " must have one category, quantity unit and price on all its rows", null);
      }
      if (it.ratePerHa().put(cls, rate) != null) {
        throw new InputDataException(t.source(), "line " + r.line(), "class", "duplicate class " + cls + " for item " + key, null);
      }
      String src = t.requiredText(r, "source");
      if (!it.sources().contains(src)) {
        it.sources().add(src);
      }
    }
    return new GepParameters(m, source, example);
  }

  static String category(CsvTable t, CsvTable.Row r) {
    String c = t.requiredText(r, "category").toLowerCase(Locale.ROOT);
    if (!CATEGORIES.contains(c)) {
      throw new InputDataException(t.source(), "line " + r.line(), "category",
          "must be one of " + CATEGORIES + ", got " + c, null);
    }
    return c;
  }

  public Map<String, Item> items() {
    return items;
  }

  public String source() {
    return source;
  }

  public boolean isExample() {
    return example;
  }

  /** The rate of an item that applies to a land-use code, if any. */
  public static Optional<Double> rate(Item item, String code, EcosystemMapping mapping) {
    Double r = item.ratePerHa().get(code);
    if (r != null) {
      return Optional.of(r);
    }
    Optional<LandUseClass> c = LandUseCodes.standard().find(code);
    if (c.isPresent() && item.ratePerHa().containsKey(c.get().groupCode())) {
      return Optional.of(item.ratePerHa().get(c.get().groupCode()));
    }
    return mapping.ecosystem(code).map(item.ratePerHa()::get);
  }
}
