package org.landledger.redline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.landledger.redline.RedLineFixture.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.AreaMode;
import org.landledger.io.Layer;
import org.landledger.redline.report.RedLineReport;
import org.landledger.report.CjkFonts;
import org.landledger.report.Html;
import org.landledger.report.Lang;
import org.landledger.report.ReportContext;
import org.landledger.report.ReportFiles;
import org.landledger.report.MapImages;
import org.landledger.report.SurveyMeta;

/**
 * The red-line report on the hand-made county of {@link RedLineFixture} (planar areas), three parcels:
 * <ul>
 *   <li>A = [40,140]×[40,60] = 2000 m²: FAIL (permanent farmland 200 m²), net farmland 1080 + 760 = 1840 m²;
 *   <li>B = [10,40]×[110,130] = 600 m² on T3 (0702), inside the boundary: PASS;
 *   <li>C = [150,170]×[10,30] = 400 m² on T2 (0103, KCXS 0.05), below the boundary (y &lt; 50): WARN; net
 *       farmland 400 × 0.95 = 380 m²; its id is an HTML injection attempt.
 * </ul>
 */
class RedLineReportTest {

  static final String EVIL = "<img src=x onerror=alert(1)>\"'";

  static RedLineResult result() {
    Layer plan = plan(parcel("A", rect(40, 40, 140, 60)), parcel("B", rect(10, 110, 40, 130)),
        parcel(EVIL, rect(150, 10, 170, 30)));
    return new RedLineCheck(RedLineOptions.DEFAULT.withAreaMode(AreaMode.PLANAR))
        .run(new RedLineInputs(landUse(), pbf(), eco(), dev(), plan, "XMBH", null, List.of()));
  }

  static Layer landUseWithYear() {
    return landUse().map(f -> {
      Map<String, Object> a = new LinkedHashMap<>(f.attributes());
      a.put("SJNF", 2023);
      return f.withAttributes(a);
    });
  }

  /** A 1×1 PNG; the fake renderer keeps the layers it was asked to draw. */
  static final byte[] PNG = java.util.Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
  static final java.util.List<List<MapImages.Layer>> DRAWN = new java.util.concurrent.CopyOnWriteArrayList<>();
  static final MapImages FAKE = (layers, bbox, w, h) -> {
    DRAWN.add(layers);
    return PNG;
  };

  static ReportContext ctx(Lang lang) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("--area", "planar");
    params.put("--plan-id-field", "XMBH");
    return new ReportContext(lang, SurveyMeta.of(landUseWithYear()), params, FAKE, landUse());
  }

  static String html(Lang lang) {
    return Html.write(RedLineReport.build(result(), ctx(lang)));
  }

  @Test
  void chineseByDefaultWithAreasInMuAndHectares() {
    String h = html(Lang.ZH);
    assertThat(h).contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">", "耕地红线检查报告",
        "<meta charset=\"UTF-8\"/>");
    // Title block: county 130102 and townships 130102001/002 from ZLDWDM; SJNF 2023; the parameters.
    assertThat(h).contains("区域", "130102", "130102001、130102002", "数据日期</th><td>2023</td>",
        "--area planar", "--plan-id-field XMBH");
    // Status counts: FAIL 1 (A), WARN 1 (C), PASS 1 (B) of 3.
    assertThat(h).contains("<td>不通过 FAIL</td><td class=\"n\">1</td>", "<td>预警 WARN</td><td class=\"n\">1</td>",
        "<td>通过 PASS</td><td class=\"n\">1</td>", "<td>合计</td><td class=\"n\">3</td>");
    // Total area 2000 + 600 + 400 = 3000 m² = 3000 × 15 / 10000 = 4.50 亩 = 0.3000 公顷.
    assertThat(h).contains("规划地块总面积</td><td class=\"n\">3,000.00</td><td class=\"n\">4.50</td>"
        + "<td class=\"n\">0.3000</td>");
    // Net farmland 1840 + 380 = 2220 m² = 2220 × 0.0015 = 3.33 亩 = 0.2220 公顷.
    assertThat(h).contains("占用耕地净面积</td><td class=\"n\">2,220.00</td><td class=\"n\">3.33</td>"
        + "<td class=\"n\">0.2220</td>");
    // Gross farmland 2000 + 400 = 2400 m² = 3.60 亩; paddy 1080 m² = 1.62 亩; PBF 200 m² = 0.30 亩 = 0.0200 公顷.
    assertThat(h).contains("2,400.00</td><td class=\"n\">3.60</td>", "1,080.00</td><td class=\"n\">1.62</td>",
        "占用永久基本农田</td><td class=\"n\">200.00</td><td class=\"n\">0.30</td><td class=\"n\">0.0200</td>");
    // Outside the boundary: A 100 × 10 = 1000 + C 400 = 1400 m² = 2.10 亩.
    assertThat(h).contains("城镇开发边界外</td><td class=\"n\">1,400.00</td><td class=\"n\">2.10</td>");
    // Land-use structure: 耕地 1080 + 760 + 380 = 2220 (3.33 亩, 74.0 %), 住宅 600 (0.90 亩, 20.0 %),
    // 其他土地 (田坎 1203) 160 + 20 = 180 (0.27 亩, 6.0 %).
    assertThat(h).contains("<td>耕地</td><td class=\"n\">2,220.00</td><td class=\"n\">3.33</td>"
        + "<td class=\"n\">0.2220</td><td class=\"n\">74.0%</td>",
        "<td>住宅用地</td><td class=\"n\">600.00</td><td class=\"n\">0.90</td>",
        "<td>其他土地</td><td class=\"n\">180.00</td><td class=\"n\">0.27</td>");
    // 占补平衡: owed 2220 m² (3.33 亩), nothing available → shortfall 2220.
    assertThat(h).contains("未平衡", "耕地面积（亩）</td><td class=\"n\">3.33</td><td class=\"n\">0.00</td>"
        + "<td class=\"n\">3.33</td>");
    // Charts inline SVG, map inline PNG.
    assertThat(h).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", "src=\"data:image/png;base64,");
    assertThat(h).doesNotContain("src=\"http", "href=\"http", "<link");
  }

  @Test
  void failParcelsListedWithReasons() {
    String h = html(Lang.ZH);
    String fail = h.substring(h.indexOf("不通过的地块"), h.indexOf("预警地块"));
    // A: 3.00 亩; reasons PBF; farmland; outside; PBF 200 m², net farmland 1840 m² = 2.76 亩; PBF polygon BSM 1.
    assertThat(fail).contains("<tr class=\"hl\"><td>A</td><td>130102001</td><td class=\"n\">3.00</td>"
        + "<td>占用永久基本农田；占用耕地；位于城镇开发边界外</td><td class=\"n\">200.00</td>",
        "<td class=\"n\">2.76</td>", "占用永久基本农田: 1");
    assertThat(fail).doesNotContain("<td>B</td>");
  }

  @Test
  void englishWithLangEn() {
    String h = html(Lang.EN);
    assertThat(h).contains("lang=\"en\"", "Farmland red-line check report", "Region", "Data date",
        "<td>fail FAIL</td><td class=\"n\">1</td>", "Plan parcels, total area</td><td class=\"n\">3,000.00</td>"
            + "<td class=\"n\">4.50</td><td class=\"n\">0.3000</td>",
        "occupies permanent basic farmland", "Policy parameters and sources");
    assertThat(h).doesNotContain("耕地红线检查报告", "不通过的地块");
  }

  @Test
  void attributeValuesAreEscaped() {
    String h = html(Lang.ZH);
    assertThat(h).doesNotContain("<img src=x", "onerror=alert(1)>");
    assertThat(h).contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;");
    assertThat(Html.escape("a&b<c>\"'\u0001")).isEqualTo("a&amp;b&lt;c&gt;&quot;&#39;");
  }

  @Test
  void policyParametersWithSources() {
    String h = html(Lang.ZH);
    assertThat(h).contains("政策参数及来源", "cn-national-default", "redline.minOverlapM2",
        "LandLedger 默认：边界错位产生的碎片低于此面积不改变结论", "国土资规〔2017〕13号");
  }

  @Test
  void pdfWhenACjkFontExists(@TempDir Path dir) throws Exception {
    Optional<Path> font = CjkFonts.find();
    List<String> notes = ReportFiles.write(RedLineReport.build(result(), ctx(Lang.ZH)), dir, true);
    assertThat(Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8)).contains("耕地红线检查报告");
    if (font.isPresent()) {
      byte[] pdf = Files.readAllBytes(dir.resolve("report.pdf"));
      assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
      assertThat(notes).isEmpty();
      if (System.getProperty("keepPdf") != null) {
        Files.copy(dir.resolve("report.pdf"), Path.of(System.getProperty("keepPdf")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve("report.html"), Path.of(System.getProperty("keepPdf") + ".html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } else {
      assertThat(dir.resolve("report.pdf")).doesNotExist();
      assertThat(notes).anyMatch(n -> n.contains("PDF"));
    }
  }

  @Test
  void mapShowsParcelsByStatusOverTheLandUse() {
    DRAWN.clear();
    String h = html(Lang.ZH);
    assertThat(h).contains("src=\"data:image/png;base64,iVBORw0KGgo");
    List<MapImages.Layer> layers = DRAWN.get(0);
    assertThat(layers).extracting(MapImages.Layer::name).containsExactly("DLTB", "parcels", "conflicts");
    // All four land-use polygons lie in the parcels' extent; 耕地 T1/T2 get the 耕地 colour.
    assertThat(layers.get(0).features()).hasSize(4);
    assertThat(layers.get(0).features().get(0).fill()).isEqualTo("#ffff64"); // Styles: 耕地 RGB (255, 255, 100), as on the server's maps
    // Parcels in plan order A (FAIL, red), B (PASS, green), C (WARN, orange), translucent.
    assertThat(layers.get(1).features()).extracting(MapImages.Styled::fill)
        .containsExactly("#d7301fb0", "#1a9850b0", "#f39c12b0");
    // One conflict drawn: A's 200 m² on permanent farmland.
    assertThat(layers.get(2).features()).hasSize(1);
    assertThat(layers.get(2).features().get(0).geometry().getArea()).isCloseTo(200, org.assertj.core.api.Assertions.within(1e-6));
  }
}
