package org.landledger.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.LayerSchema;
import org.landledger.render.SldWriter;
import org.landledger.render.Styles;

class SldStylesTest {

  private static final PublishStyle LAND_USE = PublishStyles.forTable(schema("DLTB", "MultiPolygon", "DLBM"));
  private static final PublishStyle PARCELS = PublishStyles.forTable(schema("parcels", "Polygon", "status"));
  private static final PublishStyle CONFLICTS = PublishStyles.forTable(schema("conflicts", "MultiPolygon", "type"));

  @Test
  void everyStyleIsValidSld10() throws Exception {
    for (PublishStyle s : List.of(LAND_USE, PARCELS, CONFLICTS,
        PublishStyles.forTable(schema("homestead", "MultiPolygon", "area")),
        PublishStyles.forTable(schema("roads", "MultiLineString", "name")),
        PublishStyles.forTable(schema("wells", "Point", "name")),
        PublishStyles.forTable(schema("DLTB_points", "Point", "DLBM")))) {
      assertThat(SldSchema.errors(s.sld())).as(s.name()).isEmpty();
      assertThat(s.sld()).contains("<UserStyle>", "<Name>" + s.name() + "</Name>");
    }
  }

  @Test
  void theXsdCheckRejectsAMisorderedRule() throws Exception {
    // SLD 1.0: a Rule's Filter comes before its symbolizers; swapping them must be reported.
    String sld = PARCELS.sld();
    String broken = sld.replaceFirst("(<ogc:Filter>.*?</ogc:Filter>)\\s*(<PolygonSymbolizer>.*?</PolygonSymbolizer>)",
        "$2$1");
    assertThat(broken).isNotEqualTo(sld);
    assertThat(SldSchema.errors(broken)).isNotEmpty();
    assertThat(SldSchema.errors(sld.replace("<CssParameter name=\"fill\">", "<CssParam name=\"fill\">")
        .replace("</CssParameter><CssParameter name=\"fill-opacity\">", "</CssParam><CssParameter name=\"fill-opacity\">")))
        .isNotEmpty();
  }

  @Test
  void redLineStatusColoursAreTheServersStyle() {
    String sld = PARCELS.sld();
    assertThat(sld).isEqualTo(SldWriter.toSld(PublishStyles.REDLINE_PARCELS, Styles.redLineStatus()));
    assertThat(rule(sld, "PASS")).contains(equalTo("status", "PASS"), "#2EA043");
    assertThat(rule(sld, "WARN")).contains(equalTo("status", "WARN"), "#FF9800");
    assertThat(rule(sld, "FAIL")).contains(equalTo("status", "FAIL"), "#E53935");
  }

  @Test
  void landUseRulesFollowTheLevel1GroupsOfTheClassificationNotTheCodePrefix() {
    String sld = LAND_USE.sld();
    // 13 level-1 classes 00–12 plus the else rule for unknown codes.
    assertThat(sld.split("<Rule>", -1).length - 1).isEqualTo(14);
    // 三调 files these eight classes under 00 湿地 whatever their code prefix (03 林地, 04 草地, 06 工矿, 11 水域).
    String wetland = rule(sld, "00 wetland");
    assertThat(wetland).contains("湿地", SldWriter.hex(Styles.landUseColour("00")));
    for (String code : List.of("0303", "0304", "0306", "0402", "0603", "1105", "1106", "1108")) {
      assertThat(wetland).contains(equalTo("DLBM", code));
      for (String g : List.of("03 forest land", "04 grassland", "06 industrial & mining land",
          "11 water & water facilities")) {
        assertThat(rule(sld, g.replace("&", "&amp;"))).doesNotContain(equalTo("DLBM", code));
      }
    }
    assertThat(rule(sld, "03 forest land")).contains(equalTo("DLBM", "0301"));
    assertThat(rule(sld, "01 cultivated land")).contains(equalTo("DLBM", "0101"), equalTo("DLBM", "0102"),
        equalTo("DLBM", "0103"), "耕地", SldWriter.hex(Styles.landUseColour("01")));
    // The else rule is Not(Or(every code of the 14 other rules)), never ElseFilter (QGIS draws ElseFilter everywhere).
    String unknown = rule(sld, "unknown class");
    assertThat(unknown).startsWith("<Name>unknown class</Name><Title>未知地类</Title><ogc:Filter><ogc:Not><ogc:Or>")
        .contains(equalTo("DLBM", "0101"), equalTo("DLBM", "1105"), equalTo("DLBM", "0303")).doesNotContain("ElseFilter");
    assertThat(sld).doesNotContain("ElseFilter");
  }

  @Test
  void conflictsAreHatchedRed() {
    assertThat(CONFLICTS.sld()).contains("<GraphicFill>", "shape://slash", "#C62828");
  }

  @Test
  void styleChosenByTableNameFieldsAndGeometry() {
    assertThat(PARCELS.name()).isEqualTo(PublishStyles.REDLINE_PARCELS);
    assertThat(CONFLICTS.name()).isEqualTo(PublishStyles.CONFLICTS);
    assertThat(PublishStyles.forTable(schema("linkage_violations", "MultiPolygon", "CODE")).name())
        .isEqualTo(PublishStyles.CONFLICTS);
    assertThat(LayerTitles.of("linkage_violations").zh()).isEqualTo("增减挂钩违规图斑");
    assertThat(LayerTitles.of("my_table")).isEqualTo(new LayerTitles.Title("my_table", "my_table"));
    assertThat(LAND_USE.name()).isEqualTo(PublishStyles.LAND_USE);
    // Drawing order in a run's group: land use, plain layers, parcels, conflicts.
    PublishStyle homestead = PublishStyles.forTable(schema("homestead", "MultiPolygon", "area"));
    assertThat(homestead.name()).isEqualTo(PublishStyles.PLAIN_PREFIX + "homestead");
    assertThat(List.of(LAND_USE.rank(), homestead.rank(), PARCELS.rank(), CONFLICTS.rank())).isSorted();
    // Lines and points get the symbolizer the renderer draws them with, in a style of their own name.
    PublishStyle roads = PublishStyles.forTable(schema("roads", "MultiLineString", "name"));
    assertThat(roads.name()).isEqualTo(PublishStyles.PLAIN_PREFIX + "roads_line");
    assertThat(roads.sld()).contains("<LineSymbolizer>").doesNotContain("<PolygonSymbolizer>");
    PublishStyle wells = PublishStyles.forTable(schema("wells", "Point", "name"));
    assertThat(wells.name()).isEqualTo(PublishStyles.PLAIN_PREFIX + "wells_point");
    assertThat(wells.sld()).contains("<PointSymbolizer>", "<WellKnownName>circle</WellKnownName>");
    // A non-ASCII table name still gives a valid, stable GeoServer name.
    PublishStyle zh = PublishStyles.forTable(schema("宅基地", "MultiPolygon", "area"));
    assertThat(ResourceNames.isValid(zh.name())).isTrue();
    assertThat(zh.name()).isEqualTo(PublishStyles.forTable(schema("宅基地", "MultiPolygon", "area")).name());
  }

  @Test
  void escapesTextInXml() {
    String sld = SldWriter.toSld("a<b", new org.landledger.render.Style("s", "R&D \"x\"", "R&D", List.of()));
    assertThat(sld).contains("<Name>a&lt;b</Name>", "<Title>R&amp;D &quot;x&quot;</Title>");
  }

  private static String equalTo(String property, String literal) {
    return "<ogc:PropertyIsEqualTo><ogc:PropertyName>" + property + "</ogc:PropertyName><ogc:Literal>" + literal
        + "</ogc:Literal></ogc:PropertyIsEqualTo>";
  }

  private static LayerSchema schema(String name, String geometry, String field) {
    return new LayerSchema(name, List.of(new Field(field, FieldType.STRING)), geometry);
  }

  private static String rule(String sld, String name) {
    int i = sld.indexOf("<Name>" + name + "</Name>");
    assertThat(i).as("rule " + name).isGreaterThan(0);
    return sld.substring(i, sld.indexOf("</Rule>", i));
  }
}
