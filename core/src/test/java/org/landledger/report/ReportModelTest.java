package org.landledger.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

class ReportModelTest {

  @Test
  void catalogueInBothLanguagesAndBadLang() {
    assertThat(Messages.of(Lang.ZH).get("meta.region")).isEqualTo("区域");
    assertThat(Messages.of(Lang.EN).get("meta.region")).isEqualTo("Region");
    assertThat(Messages.of(Lang.ZH).get("policy.profile", "t", "id", "v")).isEqualTo("政策参数集：t（id，版本 v）");
    assertThat(Lang.parse("EN")).isEqualTo(Lang.EN);
    assertThatThrownBy(() -> Lang.parse("fr")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--lang");
    assertThatThrownBy(() -> Messages.of(Lang.ZH).get("no.such.key")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void everyKeyInBothLanguages() throws Exception {
    for (String bundle : List.of("org/landledger/report/messages", "org/landledger/redline/report/messages",
        "org/landledger/linkage/report/messages", "org/landledger/homestead/report/messages",
        "org/landledger/ecovalue/report/messages")) {
      java.util.Properties zh = new java.util.Properties();
      java.util.Properties en = new java.util.Properties();
      zh.load(getClass().getClassLoader().getResourceAsStream(bundle + "_zh.properties"));
      en.load(getClass().getClassLoader().getResourceAsStream(bundle + "_en.properties"));
      assertThat(zh.keySet()).as(bundle).isEqualTo(en.keySet());
    }
  }

  @Test
  void surveyMetaFromZldwdmAndSjnf() {
    GeometryFactory gf = new GeometryFactory();
    Layer l = Layer.fromRows("DLTB", Crs.epsg(4527), "Point", List.of(
        new Feature("1", gf.createPoint(new Coordinate(1, 1)), Map.of("ZLDWDM", "1301020010010000000", "SJNF", 2022)),
        new Feature("2", gf.createPoint(new Coordinate(2, 2)), Map.of("ZLDWDM", "1301030020010000000", "SJNF", 2023))));
    SurveyMeta m = SurveyMeta.of(l).withTownshipNames(Map.of("130102001", "<b>东城镇</b>"));
    Messages zh = Messages.of(Lang.ZH);
    assertThat(m.region(zh)).isEqualTo("县（市、区）130102、130103；乡镇 <b>东城镇</b> 130102001、130103002");
    assertThat(m.dataDate(zh)).isEqualTo("2022、2023");
    // Names are text: escaped when written.
    String html = Html.write(Report.builder(Lang.ZH, "t").meta("区域", m.region(zh)).build());
    assertThat(html).contains("&lt;b&gt;东城镇&lt;/b&gt;").doesNotContain("<b>东城镇");
    assertThat(SurveyMeta.EMPTY.dataDate(zh)).contains("SJNF");
  }

  @Test
  void barChartSvgEscapesAndScales() {
    BarChart c = BarChart.single("<t>", "亩", List.of("a&b", "c"), List.of(10.0, 5.0), "#123456");
    String svg = c.toSvg();
    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("&lt;t&gt; (亩)", "a&amp;b");
    // Plot width 640 − 170 − 90 = 380: the largest bar is 380 px, half the value 190 px.
    assertThat(svg).contains("width=\"380\"", "width=\"190\"", ">10<", ">5<");
    assertThatThrownBy(() -> BarChart.single("t", "", List.of("a"), List.of(1.0, 2.0), "#000000"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mapExtentFitsTheImage() {
    // fit grows the 10 × 10 box to the 3:2 image: 15 × 10, centred; with a 10 % margin first: 12 × 12 → 18 × 12.
    assertThat(MapImages.fit(new Envelope(0, 10, 0, 10), 60, 40, 0)).isEqualTo(new Envelope(-2.5, 12.5, 0, 10));
    assertThat(MapImages.fit(new Envelope(0, 10, 0, 10), 60, 40, 0.1)).isEqualTo(new Envelope(-4, 14, -1, 11));
  }
}
