package org.landledger.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.LayerSchema;
import org.landledger.landuse.LandUseCodes;

class SldStylesTest {

  @Test
  void everyStyleIsValidSld10() throws Exception {
    for (PublishStyle s : List.of(PublishStyles.landUse(LandUseCodes.standard()), PublishStyles.redLineParcels(),
        PublishStyles.conflicts(), PublishStyles.polygon(), PublishStyles.line(), PublishStyles.point())) {
      assertThat(SldSchema.errors(s.sld())).as(s.name()).isEmpty();
      assertThat(s.sld()).contains("<UserStyle>", "<Name>" + s.name() + "</Name>");
    }
  }

  @Test
  void theXsdCheckRejectsAMisorderedRule() throws Exception {
    // SLD 1.0: a Rule's Filter comes before its symbolizers; swapping them must be reported.
    String sld = PublishStyles.redLineParcels().sld();
    String broken = sld.replaceFirst("(<ogc:Filter>.*?</ogc:Filter>)\\s*(<PolygonSymbolizer>.*?</PolygonSymbolizer>)",
        "$2$1");
    assertThat(broken).isNotEqualTo(sld);
    assertThat(SldSchema.errors(broken)).isNotEmpty();
    assertThat(SldSchema.errors(sld.replace("<CssParameter name=\"fill\">", "<CssParam name=\"fill\">")
        .replace("</CssParameter><CssParameter name=\"fill-opacity\">", "</CssParam><CssParameter name=\"fill-opacity\">")))
        .isNotEmpty();
  }

  @Test
  void redLineStatusColours() {
    String sld = PublishStyles.redLineParcels().sld();
    assertThat(rule(sld, "pass")).contains(SldBuilder.equalTo("status", "PASS"), "#2E9E44");
    assertThat(rule(sld, "warn")).contains(SldBuilder.equalTo("status", "WARN"), "#FF9F1C");
    assertThat(rule(sld, "fail")).contains(SldBuilder.equalTo("status", "FAIL"), "#E02020");
  }

  @Test
  void landUseRulesFollowTheLevel1GroupsOfTheClassificationNotTheCodePrefix() {
    String sld = PublishStyles.landUse(LandUseCodes.standard()).sld();
    // 13 level-1 classes 00–12 plus the else rule for unknown codes.
    assertThat(sld.split("<Rule>", -1).length - 1).isEqualTo(14);
    // 0303 红树林地 is filed under 00 湿地 although its code starts with 03 (林地).
    assertThat(rule(sld, "class_00")).contains(SldBuilder.equalTo("DLBM", "0303"), "湿地", "#8FD3E8");
    assertThat(rule(sld, "class_03")).doesNotContain(SldBuilder.equalTo("DLBM", "0303"))
        .contains(SldBuilder.equalTo("DLBM", "0301"));
    assertThat(rule(sld, "class_01")).contains(SldBuilder.equalTo("DLBM", "0101"),
        SldBuilder.equalTo("DLBM", "0102"), SldBuilder.equalTo("DLBM", "0103"), "耕地");
    assertThat(rule(sld, "unknown")).contains("<ElseFilter/>");
  }

  @Test
  void conflictsAreHatchedRed() {
    String sld = PublishStyles.conflicts().sld();
    assertThat(sld).contains("<GraphicFill>", "shape://times", "#D00000");
  }

  @Test
  void styleChosenByTableNameFieldsAndGeometry() {
    assertThat(PublishStyles.forTable(schema("parcels", "Polygon", "status")).name())
        .isEqualTo(PublishStyles.REDLINE_PARCELS);
    assertThat(PublishStyles.forTable(schema("conflicts", "MultiPolygon", "type")).name())
        .isEqualTo(PublishStyles.CONFLICTS);
    assertThat(PublishStyles.forTable(schema("linkage_violations", "MultiPolygon", "CODE")).name())
        .isEqualTo(PublishStyles.CONFLICTS);
    assertThat(LayerTitles.of("linkage_violations").zh()).isEqualTo("增减挂钩违规图斑");
    assertThat(LayerTitles.of("my_table")).isEqualTo(new LayerTitles.Title("my_table", "my_table"));
    assertThat(PublishStyles.forTable(schema("DLTB", "MultiPolygon", "DLBM")).name())
        .isEqualTo(PublishStyles.LAND_USE);
    assertThat(PublishStyles.forTable(schema("roads", "MultiLineString", "name")).name())
        .isEqualTo(PublishStyles.LINE);
    assertThat(PublishStyles.forTable(schema("wells", "Point", "name")).name()).isEqualTo(PublishStyles.POINT);
    assertThat(PublishStyles.forTable(schema("homestead", "MultiPolygon", "area")).name())
        .isEqualTo(PublishStyles.POLYGON);
  }

  @Test
  void escapesTextInXml() {
    String sld = SldBuilder.style("a<b", "s", "R&D \"x\"").rule("r", "t", null, SldBuilder.polygon("#000000", 1, "#000000", 1)).toXml();
    assertThat(sld).contains("<Name>a&lt;b</Name>", "<Title>R&amp;D &quot;x&quot;</Title>");
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
