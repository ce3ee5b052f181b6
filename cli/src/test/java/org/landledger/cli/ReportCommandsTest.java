package org.landledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.landledger.cli.LinkageCommandTest.GK;
import static org.landledger.cli.LinkageCommandTest.cli;
import static org.landledger.cli.LinkageCommandTest.f;
import static org.landledger.cli.LinkageCommandTest.rect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.report.CjkFonts;

/**
 * report.html (and report.pdf) written by {@code redline} and {@code linkage} next to their JSON, on the
 * fixtures of {@link LinkageCommandTest}: DLTB T1 x 0–100 宅基地 0702, T2 x 100–200 水田 0101 (KCXS 0.1), permanent
 * farmland x 140–160, y 0–10. (The build runs command tests without a CJK font: see cli/pom.xml.)
 */
class ReportCommandsTest {

  /** P1 = [120,160]×[0,20] on T2; P2 = [10,30]×[10,30] on T1. */
  static Path plan(Path dir) {
    Path plan = dir.resolve("PLAN.shp");
    Layers.write(Layer.fromRows("PLAN", GK, "MultiPolygon", List.of(
        f("1", rect(120, 0, 160, 20), "XMBH", "P1"), f("2", rect(10, 10, 30, 30), "XMBH", "P2"))), plan);
    return plan;
  }

  static LinkageCommandTest.Run redline(Path dir, Path out, String... more) {
    LinkageCommandTest.fixtures(dir, null, false);
    List<String> args = new java.util.ArrayList<>(List.of("redline", "--landuse", dir.resolve("DLTB.shp").toString(),
        "--permanent-farmland", dir.resolve("YJJBNTTB.shp").toString(), "--plan", plan(dir).toString(),
        "--plan-id-field", "XMBH", "--area", "planar", "--out", out.toString()));
    args.addAll(List.of(more));
    return cli(args.toArray(String[]::new));
  }

  @Test
  void redlineWritesReportHtmlNextToTheJson(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    LinkageCommandTest.Run r = redline(dir, out);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(out.resolve("redline.json")).exists();
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("耕地红线检查报告", "lang=\"zh-CN\"", "130102001", "--area planar", "--plan-id-field XMBH");
    // Area 40 × 20 + 20 × 20 = 800 + 400 = 1200 m² = 1.80 亩 = 0.1200 公顷.
    assertThat(html).contains("规划地块总面积</td><td class=\"n\">1,200.00</td><td class=\"n\">1.80</td>"
        + "<td class=\"n\">0.1200</td>");
    // P1 on 水田 with KCXS 0.1: net 800 × 0.9 = 720 m² = 1.08 亩 = 0.0720 公顷; PBF [140,160]×[0,10] = 200 m².
    assertThat(html).contains("占用耕地净面积</td><td class=\"n\">720.00</td><td class=\"n\">1.08</td>"
        + "<td class=\"n\">0.0720</td>", "占用永久基本农田</td><td class=\"n\">200.00</td><td class=\"n\">0.30</td>");
    // P1 fails (permanent farmland J1), P2 passes.
    assertThat(html).contains("<tr class=\"hl\"><td>P1</td>", "占用永久基本农田: J1");
    // No CJK font in command tests: no PDF, and the user is told why.
    assertThat(out.resolve("report.pdf")).doesNotExist();
    assertThat(r.err()).contains("PDF");
    try (var s = Files.list(dir)) {
      assertThat(s.filter(x -> x.getFileName().toString().startsWith(".out.")).toList()).isEmpty();
    }
  }

  @Test
  void redlineReportInEnglish(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    LinkageCommandTest.Run r = redline(dir, out, "--lang", "en", "--no-pdf");
    assertThat(r.exit()).as(r.err()).isZero();
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("Farmland red-line check report", "lang=\"en\"",
        "Plan parcels, total area</td><td class=\"n\">1,200.00</td><td class=\"n\">1.80</td>", "--lang en");
    assertThat(html).doesNotContain("耕地红线检查报告");
    assertThat(r.err()).doesNotContain("PDF");
  }

  @Test
  void badLangIsABadArgument(@TempDir Path dir) {
    assertThat(redline(dir, dir.resolve("out"), "--lang", "fr").exit()).isEqualTo(2);
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void linkageWritesReportHtmlAndPdf(@TempDir Path dir) throws Exception {
    Optional<Path> font;
    String before = System.getProperty("landledger.cjkFont");
    System.clearProperty("landledger.cjkFont");
    try {
      font = CjkFonts.find();
      LinkageCommandTest.fixtures(dir, null, false);
      Path out = dir.resolve("out");
      LinkageCommandTest.Run r = cli("linkage", "--landuse", dir.resolve("DLTB.shp").toString(), "--demolition",
          dir.resolve("CJQ.shp").toString(), "--construction", dir.resolve("JXQ.shp").toString(),
          "--permanent-farmland", dir.resolve("YJJBNTTB.shp").toString(), "--area", "planar", "--price-class",
          "ordinary", "--out", out.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(out.resolve("linkage.json")).exists();
      String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
      // Surplus 10 000 − 5 000 = 5 000 m² = 7.50 亩 = 0.5000 公顷, × 300 000 元/亩 = 2 250 000 元 = 225.00 万元.
      assertThat(html).contains("城乡建设用地增减挂钩核算报告", "<td>XM01</td>", "<td class=\"n\">7.50</td>"
          + "<td class=\"n\">0.5000</td><td class=\"n\">225.00</td><td>否</td>");
      assertThat(html).contains("节余指标</td><td class=\"n\">5,000.00</td><td class=\"n\">7.50</td>"
          + "<td class=\"n\">0.5000</td>");
      // The violation: construction on permanent farmland, 10 × 10 = 100 m².
      assertThat(html).contains("建新地块占用永久基本农田 CONSTRUCTION_IN_PERMANENT_FARMLAND", "100.00");
      assertThat(html).contains("linkage.crossProvince.outgoingPricePerMu.ordinaryFarmland", "国办发〔2018〕16号");
      if (font.isPresent()) {
        byte[] pdf = Files.readAllBytes(out.resolve("report.pdf"));
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        if (System.getProperty("keepPdf") != null) {
          Files.copy(out.resolve("report.pdf"), Path.of(System.getProperty("keepPdf")),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } finally {
      if (before != null) {
        System.setProperty("landledger.cjkFont", before);
      }
    }
  }

  @Test
  void homesteadWritesReportHtml(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    HomesteadCommandTest.Run r = HomesteadCommandTest.run("homestead", "--parcels",
        HomesteadCommandTest.register(dir, false, false).toString(), "--exit-field", "TC", "--exit-value", "1",
        "--resettlement", HomesteadCommandTest.resettlement(dir).toString(), "--standard-m2", "200",
        "--price-per-mu", "300000", "--reclamation-cost-per-mu", "10000", "--household-share", "0.85",
        "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    // As in HomesteadCommandTest: exited 480, resettlement 120 → net 360 m² = 0.54 亩 = 0.0360 公顷;
    // value 0.54 × 300 000 = 162 000.00 元; households 131 580.00, collective 23 220.00.
    assertThat(html).contains("宅基地核查与退出复垦报告",
        "节余建设用地指标</td><td class=\"n\">360.00</td><td class=\"n\">0.54</td><td class=\"n\">0.0360</td>",
        "<td class=\"n\">162,000.00</td>", "<td class=\"n\">131,580.00</td>", "<td class=\"n\">23,220.00</td>");
    // P1 is 225 m² against a 200 m² standard: 25.00 m² over.
    assertThat(html).contains("<td>P1</td><td>面积超标</td><td class=\"n\">25.00</td>");
    for (String id : HomesteadCommandTest.RAW_IDS) {
      assertThat(html).doesNotContain(id);
    }
    assertThat(html).doesNotContain("张三");
  }

  @Test
  void esvWritesReportHtml(@TempDir Path dir) throws Exception {
    // The fixture of EcoCommandsTest.esvEndToEnd: after 0101 (KCXS 0.1) on 1 ha + 0301 on 2 ha; before 0301 on 3 ha.
    Path after = EcoCommandsTest.write(dir, "DLTB", EcoCommandsTest.tb("1", 0, 100, "0101", 0.1),
        EcoCommandsTest.tb("2", 100, 300, "0301", 0));
    Path before = EcoCommandsTest.write(dir, "DLTB2019", EcoCommandsTest.tb("9", 0, 300, "0301", 0));
    Path out = dir.resolve("out");
    EcoCommandsTest.Run r = EcoCommandsTest.run("esv", "--landuse", after.toString(), "--landuse-before",
        before.toString(), "--unit-value", "1000", "--area-mode", "planar", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    // Total 0.9 × 3890 + 2 × 23090 = 3501 + 46180 = 49681 元/年 = 4.97 万元; area 3 ha = 45.00 亩.
    assertThat(html).contains("生态系统服务价值核算报告", "<td class=\"n\">49,681.00</td>", "<td class=\"n\">4.97</td>",
        "<td class=\"n\">3.0000</td>", "<td class=\"n\">45.00</td>");
    // Forest 2 ha: 46180 元 = 4.62 万元, 93.0 % of the total; paddy 0.9 ha = 13.50 亩: 3501 元 = 0.35 万元.
    assertThat(html).contains("<td class=\"n\">2.0000</td><td class=\"n\">30.00</td><td class=\"n\">4.62</td>"
        + "<td class=\"n\">93.0%</td>", "<td class=\"n\">0.9000</td><td class=\"n\">13.50</td><td class=\"n\">0.35</td>");
    // Before 3 × 23090 = 69270; change −19589; transfers 0301 → 0101 (0.9 ha) before 0301 → 1203 (0.1 ha);
    // the unchanged 2 ha of 0301 are not a transfer.
    assertThat(html).contains("<td class=\"n\">69,270.00</td><td class=\"n\">49,681.00</td><td class=\"n\">-19,589.00</td>",
        "<td>0301 → 0101</td><td class=\"n\">0.9000</td>", "<td>0301 → 1203</td><td class=\"n\">0.1000</td>",
        "食物生产", "区域", "110101");
    assertThat(html).doesNotContain("<td>0301 → 0301</td>");
    assertThat(html.indexOf("0301 → 0101")).isLessThan(html.indexOf("0301 → 1203"));
  }
}
