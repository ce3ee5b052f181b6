package org.landledger.ecovalue.esv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.ecovalue.CsvTable;
import org.landledger.io.InputDataException;

/**
 * 当量因子表: equivalent factors VC (value of one ha of an ecosystem type for one service, in standard
 * equivalents) — by default Xie Gaodi et al. 2015 (自然资源学报 30(8): 1243–1254), 14 types × 11 services, as
 * in {@code esv-xie2015.csv}. Columns: {@code ecosystem,name_zh,group_zh} then one column per service; the
 * service keys are the column headers. Negative factors (paddy water supply −2.63: paddies consume water) are
 * kept as they are.
 */
public final class EquivalentTable {

  /** One ecosystem type's factors, in service order. */
  public record Ecosystem(String key, String nameZh, String groupZh, double[] factors) {
    public double sum() {
      double s = 0;
      for (double f : factors) {
        s += f;
      }
      return s;
    }
  }

  private static final List<String> FIXED = List.of("ecosystem", "name_zh", "group_zh");
  public static final String XIE_2015 = "Xie Gaodi et al. 2015, 自然资源学报 30(8): 1243–1254 (esv-xie2015.csv)";

  private final String source;
  private final List<String> services;
  private final Map<String, Ecosystem> ecosystems;

  private EquivalentTable(String source, List<String> services, Map<String, Ecosystem> ecosystems) {
    this.source = source;
    this.services = List.copyOf(services);
    this.ecosystems = Collections.unmodifiableMap(ecosystems);
  }

  /** The shipped Xie et al. 2015 table. */
  public static EquivalentTable xie2015() {
    return from(CsvTable.resource(EquivalentTable.class, "/org/landledger/ecovalue/esv-xie2015.csv"), XIE_2015);
  }

  /** A user table with the same layout. */
  public static EquivalentTable load(Path csv) {
    return from(CsvTable.read(csv), csv.toString());
  }

  static EquivalentTable from(CsvTable t, String source) {
    t.require("ecosystem");
    List<String> services = new ArrayList<>();
    for (String h : t.header()) {
      if (!FIXED.contains(h)) {
        services.add(h);
      }
    }
    if (services.isEmpty()) {
      throw new InputDataException(t.source(), null, null, "no service columns after ecosystem,name_zh,group_zh", null);
    }
    Map<String, Ecosystem> m = new LinkedHashMap<>();
    for (CsvTable.Row r : t.rows()) {
      String key = t.requiredText(r, "ecosystem");
      double[] f = new double[services.size()];
      for (int i = 0; i < f.length; i++) {
        f[i] = t.requiredNumber(r, services.get(i));
      }
      if (m.put(key, new Ecosystem(key, t.text(r, "name_zh"), t.text(r, "group_zh"), f)) != null) {
        throw new InputDataException(t.source(), "line " + r.line(), "ecosystem", "duplicate ecosystem " + key, null);
      }
    }
    return new EquivalentTable(source, services, m);
  }

  public String source() {
    return source;
  }

  /** Service keys, as in the header (food_production, …, aesthetic_landscape). */
  public List<String> services() {
    return services;
  }

  public Map<String, Ecosystem> ecosystems() {
    return ecosystems;
  }

  public boolean has(String ecosystem) {
    return ecosystems.containsKey(ecosystem);
  }

  public Ecosystem ecosystem(String key) {
    Ecosystem e = ecosystems.get(key);
    if (e == null) {
      throw new IllegalArgumentException("ecosystem type '" + key + "' is not in the equivalent table " + source);
    }
    return e;
  }

  public double factor(String ecosystem, String service) {
    int i = services.indexOf(service);
    if (i < 0) {
      throw new IllegalArgumentException("no service " + service);
    }
    return ecosystem(ecosystem).factors()[i];
  }

  /** A copy with one ecosystem's factors all multiplied by {@code k} (sensitivity analysis). */
  public EquivalentTable scaled(String ecosystem, double k) {
    Map<String, Ecosystem> m = new LinkedHashMap<>(ecosystems);
    Ecosystem e = ecosystem(ecosystem);
    double[] f = e.factors().clone();
    for (int i = 0; i < f.length; i++) {
      f[i] *= k;
    }
    m.put(ecosystem, new Ecosystem(e.key(), e.nameZh(), e.groupZh(), f));
    return new EquivalentTable(source + " (" + ecosystem + " × " + k + ")", services, m);
  }
}
