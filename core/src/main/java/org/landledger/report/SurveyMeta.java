package org.landledger.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.landledger.io.Feature;
import org.landledger.io.Layer;

/**
 * 区域与数据日期: what the title block says about the data — county (6-digit) and township (9-digit) codes from
 * the land-use polygons' ZLDWDM (or XZQDM), with township names when an XZQ layer gives them, and the survey
 * years from SJNF when the layer has it.
 */
public record SurveyMeta(List<String> counties, List<String> townships, Map<String, String> townshipNames,
    List<String> years) {

  public SurveyMeta {
    counties = List.copyOf(counties);
    townships = List.copyOf(townships);
    townshipNames = java.util.Collections.unmodifiableMap(new TreeMap<>(townshipNames));
    years = List.copyOf(years);
  }

  public static final SurveyMeta EMPTY = new SurveyMeta(List.of(), List.of(), Map.of(), List.of());

  /** Scans the land-use layer (null gives {@link #EMPTY}). */
  public static SurveyMeta of(Layer landUse) {
    if (landUse == null) {
      return EMPTY;
    }
    TreeSet<String> counties = new TreeSet<>();
    TreeSet<String> towns = new TreeSet<>();
    TreeSet<String> years = new TreeSet<>();
    for (Feature f : landUse.features()) {
      String code = f.string("ZLDWDM");
      if (code == null || code.isBlank()) {
        code = f.string("XZQDM");
      }
      if (code != null) {
        code = code.trim();
        if (code.length() >= 6) {
          counties.add(code.substring(0, 6));
        }
        if (code.length() >= 9) {
          towns.add(code.substring(0, 9));
        }
      }
      String y = f.string("SJNF");
      if (y != null && !y.isBlank()) {
        Double d = f.number("SJNF");
        years.add(d != null && d == Math.rint(d) ? String.valueOf(d.longValue()) : y.trim());
      }
    }
    return new SurveyMeta(new ArrayList<>(counties), new ArrayList<>(towns), Map.of(), new ArrayList<>(years));
  }

  /** The same, with township names (code → name) added. */
  public SurveyMeta withTownshipNames(Map<String, String> names) {
    Map<String, String> m = new TreeMap<>(townshipNames);
    names.forEach((k, v) -> {
      if (k != null && v != null && !v.isBlank()) {
        m.put(k, v);
      }
    });
    return new SurveyMeta(counties, townships, m, years);
  }

  /** "县 130102；乡镇 130102001、130102002" — long lists are cut after 8 codes. */
  public String region(Messages msg) {
    if (counties.isEmpty() && townships.isEmpty()) {
      return msg.get("meta.region.unknown");
    }
    List<String> t = new ArrayList<>();
    for (String code : townships) {
      String name = townshipNames.get(code);
      t.add(name == null ? code : name + " " + code);
    }
    return msg.get("meta.region.value", cut(counties, msg), cut(t, msg));
  }

  /** "2022" or "2021、2022"; "未注明 SJNF" when the layer had none. */
  public String dataDate(Messages msg) {
    return years.isEmpty() ? msg.get("meta.date.unknown") : String.join(msg.get("list.sep"), years);
  }

  private static String cut(List<String> items, Messages msg) {
    if (items.isEmpty()) {
      return "—";
    }
    String sep = msg.get("list.sep");
    if (items.size() <= 8) {
      return String.join(sep, items);
    }
    return String.join(sep, items.subList(0, 8)) + msg.get("list.more", items.size());
  }
}
