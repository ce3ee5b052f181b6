package org.landledger.publish;

import java.util.Locale;
import java.util.Map;

/**
 * 图层标题: the Chinese (and English) titles of known analysis layers, shown in GeoServer's capabilities
 * and layer preview; an unknown table falls back to its own name.
 */
public final class LayerTitles {

  /** Title of a known table: Chinese, English. */
  public record Title(String zh, String en) {}

  private static final Map<String, Title> KNOWN = Map.ofEntries(
      Map.entry("parcels", new Title("红线检查地块", "Red-line check parcels")),
      Map.entry("linkage_plots", new Title("增减挂钩拆旧建新地块", "Linkage demolition and construction plots")),
      Map.entry("linkage_violations", new Title("增减挂钩违规图斑", "Linkage violations")),
      Map.entry("conflicts", new Title("冲突图斑", "Conflict patches")),
      Map.entry("homestead", new Title("宅基地图斑", "Homestead parcels")),
      Map.entry("dltb", new Title("地类图斑", "Land-use polygons")),
      Map.entry("yjjbnttb", new Title("永久基本农田图斑", "Permanent basic farmland")),
      Map.entry("stbhhx", new Title("生态保护红线", "Ecological protection red line")),
      Map.entry("czkfbj", new Title("城镇开发边界", "Urban development boundary")),
      Map.entry("xzq", new Title("行政区", "Administrative divisions")));

  private LayerTitles() {}

  /** The title of a table; unknown names get their own name as both titles. */
  public static Title of(String table) {
    Title t = KNOWN.get(table.toLowerCase(Locale.ROOT));
    return t != null ? t : new Title(table, table);
  }

  /** Whether the table has a curated title. */
  public static boolean isKnown(String table) {
    return KNOWN.containsKey(table.toLowerCase(Locale.ROOT));
  }
}
