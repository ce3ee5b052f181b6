package org.landledger.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.landledger.io.LayerSchema;
import org.landledger.landuse.LandUseClass;
import org.landledger.landuse.LandUseCodes;

/**
 * 发布样式表: the SLD 1.0 styles for analysis layers — land use coloured by 三调 level-1 class (一级类, from the
 * classification table, so wetland classes filed under 00 湿地 are coloured as wetland whatever their code
 * prefix), red-line parcels by status (通过 green, 预警 orange, 不通过 red), conflicts and violations hatched red,
 * and a plain style per geometry kind for anything else.
 */
public final class PublishStyles {

  /** Land-use fill colours per 三调 level-1 class code (00–12). */
  private static final Map<String, String> LAND_USE_COLOURS = Map.ofEntries(
      Map.entry("00", "#8FD3E8"), Map.entry("01", "#FFFF64"), Map.entry("02", "#E1C05C"),
      Map.entry("03", "#38A800"), Map.entry("04", "#A3D977"), Map.entry("05", "#FF6F6F"),
      Map.entry("06", "#C89B8B"), Map.entry("07", "#FFB3A7"), Map.entry("08", "#FF7FBF"),
      Map.entry("09", "#B06C6C"), Map.entry("10", "#BDBDBD"), Map.entry("11", "#6CB4FF"),
      Map.entry("12", "#D9D2B5"));

  public static final String LAND_USE = "landledger_landuse";
  public static final String REDLINE_PARCELS = "landledger_redline_parcels";
  public static final String CONFLICTS = "landledger_conflicts";
  public static final String POLYGON = "landledger_polygon";
  public static final String LINE = "landledger_line";
  public static final String POINT = "landledger_point";

  private PublishStyles() {}

  /** The style for a table: by its name and fields (status, DLBM) first, else by its geometry kind. */
  public static PublishStyle forTable(LayerSchema schema) {
    String name = schema.name().toLowerCase(Locale.ROOT);
    if (name.equals("conflicts") || name.endsWith("_violations")) {
      return conflicts();
    }
    if (schema.hasField("status") && (name.equals("parcels") || name.endsWith("_parcels"))) {
      return redLineParcels();
    }
    if (schema.hasField("DLBM")) {
      return landUse(LandUseCodes.standard());
    }
    String g = schema.geometryType() == null ? "" : schema.geometryType().toLowerCase(Locale.ROOT);
    if (g.contains("line")) {
      return line();
    }
    if (g.contains("point")) {
      return point();
    }
    return polygon();
  }

  /** 地类图斑: one rule per 三调 level-1 class listing its DLBM codes, grey for codes not in the table. */
  public static PublishStyle landUse(LandUseCodes codes) {
    Map<String, List<LandUseClass>> groups = new LinkedHashMap<>();
    codes.all().stream()
        .sorted((a, b) -> a.groupCode().compareTo(b.groupCode()))
        .forEach(c -> groups.computeIfAbsent(c.groupCode(), k -> new ArrayList<>()).add(c));
    SldBuilder sld = SldBuilder.style(LAND_USE, LAND_USE, "三调地类（一级类） Land use by 三调 level-1 class");
    for (Map.Entry<String, List<LandUseClass>> g : groups.entrySet()) {
      List<LandUseClass> members = g.getValue();
      String[] filters = members.stream().map(c -> SldBuilder.equalTo("DLBM", c.code())).toArray(String[]::new);
      String filter = filters.length == 1 ? filters[0] : SldBuilder.or(filters);
      String colour = LAND_USE_COLOURS.getOrDefault(g.getKey(), "#CCCCCC");
      sld.rule("class_" + g.getKey(), g.getKey() + " " + members.get(0).groupZh(), filter,
          SldBuilder.polygon(colour, 0.85, "#666666", 0.3));
    }
    sld.elseRule("unknown", "未识别地类 unknown class", SldBuilder.polygon("#EEEEEE", 0.85, "#999999", 0.3));
    return new PublishStyle(LAND_USE, "三调地类", sld.toXml(), 0);
  }

  /** 红线检查地块: status PASS 通过 green, WARN 预警 orange, FAIL 不通过 red. */
  public static PublishStyle redLineParcels() {
    String sld = SldBuilder.style(REDLINE_PARCELS, REDLINE_PARCELS, "红线检查结论 Red-line check status")
        .rule("pass", "通过 pass", SldBuilder.equalTo("status", "PASS"),
            SldBuilder.polygon("#2E9E44", 0.55, "#1B6E2D", 1))
        .rule("warn", "预警 warning", SldBuilder.equalTo("status", "WARN"),
            SldBuilder.polygon("#FF9F1C", 0.6, "#B36A00", 1))
        .rule("fail", "不通过 fail", SldBuilder.equalTo("status", "FAIL"),
            SldBuilder.polygon("#E02020", 0.6, "#8C0000", 1.2))
        .toXml();
    return new PublishStyle(REDLINE_PARCELS, "红线检查结论", sld, 20);
  }

  /** 冲突图斑: red cross-hatch with a red outline, so the parcel status shows through. */
  public static PublishStyle conflicts() {
    String sld = SldBuilder.style(CONFLICTS, CONFLICTS, "冲突图斑 Conflicts")
        .rule("conflict", "冲突 conflict", null, SldBuilder.hatchedPolygon("#D00000", 8, 1.2))
        .toXml();
    return new PublishStyle(CONFLICTS, "冲突图斑", sld, 30);
  }

  public static PublishStyle polygon() {
    String sld = SldBuilder.style(POLYGON, POLYGON, "面 Polygons")
        .rule("polygon", "面 polygon", null, SldBuilder.polygon("#9DB9D5", 0.5, "#3A5F85", 0.8))
        .toXml();
    return new PublishStyle(POLYGON, "面", sld, 10);
  }

  public static PublishStyle line() {
    String sld = SldBuilder.style(LINE, LINE, "线 Lines")
        .rule("line", "线 line", null, SldBuilder.line("#3A5F85", 1.2, null))
        .toXml();
    return new PublishStyle(LINE, "线", sld, 15);
  }

  public static PublishStyle point() {
    String sld = SldBuilder.style(POINT, POINT, "点 Points")
        .rule("point", "点 point", null, SldBuilder.point("circle", "#3A5F85", "#FFFFFF", 7))
        .toXml();
    return new PublishStyle(POINT, "点", sld, 16);
  }
}
