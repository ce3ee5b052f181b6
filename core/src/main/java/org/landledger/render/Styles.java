package org.landledger.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.landledger.io.LayerSchema;
import org.landledger.landuse.LandUseClass;
import org.landledger.landuse.LandUseCodes;

/**
 * 标准样式: the project's map styles — land use by 三调 level-1 class, red-line results by status,
 * conflicts hatched, and a default for anything else — and the rule that picks one for a layer.
 *
 * <p>The land-use colours follow the 三调 cartographic convention (耕地 yellow, 园地 orange-pink, 林地 green,
 * 草地 yellow-green, 商服 red, 工矿 brown, 住宅 orange, 公共 magenta-pink, 特殊 dark green, 交通 grey, 水域 blue,
 * 湿地 cyan, 其他 pale grey); the RGB values are this project's reading of the symbol library of
 * 《第三次全国国土调查技术规程》(TD/T 1055-2019) and should be checked against it before a map is printed
 * for approval.
 */
public final class Styles {

  /** 三调 level-1 group colours (group_code → RGB). */
  static final Map<String, Color> LAND_USE_GROUP_COLOURS = Map.ofEntries(
      Map.entry("00", new Color(0x7F, 0xD8, 0xD8)),  // 湿地
      Map.entry("01", new Color(0xFF, 0xFF, 0x64)),  // 耕地
      Map.entry("02", new Color(0xFF, 0xB4, 0x8C)),  // 种植园用地
      Map.entry("03", new Color(0x3C, 0xB4, 0x3C)),  // 林地
      Map.entry("04", new Color(0xC8, 0xE6, 0x78)),  // 草地
      Map.entry("05", new Color(0xFF, 0x5A, 0x5A)),  // 商业服务业用地
      Map.entry("06", new Color(0xB4, 0x82, 0x64)),  // 工矿用地
      Map.entry("07", new Color(0xFF, 0xAA, 0x3C)),  // 住宅用地
      Map.entry("08", new Color(0xFF, 0x8C, 0xDC)),  // 公共管理与公共服务用地
      Map.entry("09", new Color(0x5A, 0x8C, 0x5A)),  // 特殊用地
      Map.entry("10", new Color(0xB4, 0xB4, 0xB4)),  // 交通运输用地
      Map.entry("11", new Color(0x78, 0xB4, 0xFF)),  // 水域及水利设施用地
      Map.entry("12", new Color(0xDC, 0xDC, 0xC8))); // 其他土地

  /** The fill of a 三调 level-1 group (00–12) in the land-use style; light grey for an unknown group. */
  public static Color landUseColour(String groupCode) {
    return LAND_USE_GROUP_COLOURS.getOrDefault(groupCode, Color.LIGHT_GRAY);
  }

  private static final Color OUTLINE = new Color(0x50, 0x50, 0x50);

  private Styles() {}

  /** 三调地类: DLBM coloured by level-1 group; unknown codes drawn grey-hatched so they are noticed. */
  public static Style landUse(LandUseCodes codes) {
    Map<String, Set<String>> byGroup = new LinkedHashMap<>();
    Map<String, String[]> names = new LinkedHashMap<>();
    for (LandUseClass c : codes.all()) {
      byGroup.computeIfAbsent(c.groupCode(), k -> new LinkedHashSet<>()).add(c.code());
      names.putIfAbsent(c.groupCode(), new String[] {c.groupZh(), groupEn(c.groupCode())});
    }
    List<Rule> rules = new ArrayList<>();
    byGroup.keySet().stream().sorted().forEach(g -> rules.add(new Rule(
        g + " " + names.get(g)[0], g + " " + names.get(g)[1],
        new RuleFilter.PropertyIn("DLBM", byGroup.get(g)),
        Symbolizer.fill(landUseColour(g), OUTLINE).withStrokeWidth(0.5f))));
    rules.add(new Rule("未知地类", "unknown class", new RuleFilter.Else(),
        Symbolizer.fill(new Color(0xFF, 0xFF, 0xFF, 0x80), Color.DARK_GRAY).withHatch(Symbolizer.Hatch.CROSS)));
    return new Style("landuse", "三调地类（一级类）", "Land use (三调 level-1 classes)", rules);
  }

  /** 红线检查结果: status PASS green, WARN orange, FAIL red. */
  public static Style redLineStatus() {
    return new Style("redline-status", "红线检查结果", "Red-line check status", List.of(
        new Rule("通过 PASS", "PASS", new RuleFilter.PropertyIn("status", Set.of("PASS")),
            Symbolizer.fill(new Color(0x2E, 0xA0, 0x43, 0xB0), new Color(0x1B, 0x5E, 0x20)).withStrokeWidth(1.5f)),
        new Rule("警告 WARN", "WARN", new RuleFilter.PropertyIn("status", Set.of("WARN")),
            Symbolizer.fill(new Color(0xFF, 0x98, 0x00, 0xB0), new Color(0xE6, 0x51, 0x00)).withStrokeWidth(1.5f)),
        new Rule("不通过 FAIL", "FAIL", new RuleFilter.PropertyIn("status", Set.of("FAIL")),
            Symbolizer.fill(new Color(0xE5, 0x39, 0x35, 0xC0), new Color(0xB7, 0x1C, 0x1C)).withStrokeWidth(2f)),
        new Rule("其他", "other", new RuleFilter.Else(),
            Symbolizer.fill(new Color(0x90, 0x90, 0x90, 0x80), Color.DARK_GRAY))));
  }

  /** 冲突图斑: translucent red with red diagonal hatching. */
  public static Style conflict() {
    return new Style("conflict", "冲突图斑", "Conflicts", List.of(
        new Rule("冲突", "conflict", new RuleFilter.Else(),
            new Symbolizer(new Color(0xE5, 0x39, 0x35, 0x40), new Color(0xC6, 0x28, 0x28), 1.5f,
                Symbolizer.Hatch.DIAGONAL, 7f))));
  }

  /**
   * A plain style in a colour derived from the layer name (stable between runs): a strong outline over a
   * light fill, so area layers such as 行政区 or 永久基本农田 stacked over land use do not hide it.
   */
  public static Style plain(String layerName) {
    float hue = (layerName.hashCode() & 0xFFFF) / 65535f;
    Color c = Color.getHSBColor(hue, 0.7f, 0.75f);
    Color fill = new Color(c.getRed(), c.getGreen(), c.getBlue(), 0x30);
    return new Style("default", "要素", "Features", List.of(
        new Rule("要素", "features", new RuleFilter.Else(), Symbolizer.fill(fill, c.darker()).withStrokeWidth(1.5f))));
  }

  /**
   * The style for a layer — the one choice for the map server, report maps and the GeoServer publisher: a
   * name or field saying conflict/冲突, or a name saying violation/违规 (e.g. {@code linkage_violations}) →
   * conflict hatching; a {@code status} field (red-line parcels) → red-line status; DLBM → land use;
   * otherwise plain.
   */
  public static Style forLayer(LayerSchema schema) {
    String lname = schema.name().toLowerCase(Locale.ROOT);
    if (lname.contains("conflict") || lname.contains("冲突") || lname.contains("violation") || lname.contains("违规")
        || schema.hasField("conflict")) {
      return conflict();
    }
    if (schema.hasField("status")) {
      return redLineStatus();
    }
    if (schema.hasField("DLBM")) {
      return landUse(LandUseCodes.standard());
    }
    return plain(schema.name());
  }

  private static String groupEn(String g) {
    return switch (g) {
      case "00" -> "wetland";
      case "01" -> "cultivated land";
      case "02" -> "plantation land";
      case "03" -> "forest land";
      case "04" -> "grassland";
      case "05" -> "commercial & service land";
      case "06" -> "industrial & mining land";
      case "07" -> "residential land";
      case "08" -> "public administration & service land";
      case "09" -> "special land";
      case "10" -> "transport land";
      case "11" -> "water & water facilities";
      case "12" -> "other land";
      default -> "group " + g;
    };
  }
}
