package org.landledger.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.landledger.io.Layer;
import org.landledger.landuse.LandUseCodes;

class StatsAnalysisTest {

  static StatsResult run(Layer dltb, Layer xzq, boolean adjust) {
    return new StatsAnalysis(LandUseCodes.standard(), new StatsOptions(null, adjust, 0.01, 1e-6))
        .run(new StatsInputs(dltb, xzq, null, null, null));
  }

  @Test
  void squareCountyByHand() {
    StatsResult r = run(Fixtures.squareCounty(), Fixtures.squareXzq(), false);
    // ΣTBMJ = 4 × 1 000 000 m² (D1 + D2 = 500 000 + 500 000) = 4 000 000 m² = 400.00 公顷.
    assertThat(r.totalCents()).isEqualTo(400_000_000L);
    assertThat(r.totalHa()).isEqualTo(400.00);
    Map<String, Double> l1 = r.level1();
    // 耕地 01 = TBDLMJ: 0101 1 000 000 − 50 000 = 950 000; 0103 1 000 000 − 100 000 = 900 000; Σ 1 850 000 m² = 185 ha.
    assertThat(l1.get("01")).isEqualTo(185.00);
    assertThat(l1.get("03")).isEqualTo(100.00);
    assertThat(l1.get("07")).isEqualTo(50.00);
    assertThat(l1.get("11")).isEqualTo(50.00);
    // 田坎 under 12: KCMJ 50 000 + 100 000 = 150 000 m² = 15 ha.
    assertThat(l1.get("12")).isEqualTo(15.00);
    assertThat(l1.get("00")).isEqualTo(0.0);
    Map<String, Double> l2 = r.level2();
    assertThat(l2.get("0101")).isEqualTo(95.00);
    assertThat(l2.get("0103")).isEqualTo(90.00);
    assertThat(l2.get("1203")).isEqualTo(15.00);
    assertThat(l2.get("0702")).isEqualTo(50.00);
    SummaryTable town = r.table("level1-township");
    assertThat(town.rows()).extracting(SummaryTable.Row::code).containsExactly("379981001", "379981002");
    assertThat(town.rows()).extracting(SummaryTable.Row::name).containsExactly("南乡", "北镇");
    // 南乡: 0101 + 0103 + 田坎 = 95 + 90 + 15 = 200 ha; 北镇: 100 + 50 + 50 = 200 ha.
    assertThat(town.rows().get(0).ha(0)).isEqualTo(200.00);
    assertThat(town.rows().get(1).ha(0)).isEqualTo(200.00);
    assertThat(r.table("level2-village").rows()).hasSize(4);
    // 耕地坡度: grade 1 = 0101's 95 ha; grade 3 梯田 (GDLX TT) = 0103's 90 ha.
    SummaryTable slope = r.table("farmland-slope");
    assertThat(value(slope, "1")).isEqualTo(95.00);
    assertThat(value(slope, "3TT")).isEqualTo(90.00);
    assertThat(value(slope, "3PD")).isEqualTo(0.0);
    SummaryTable ridges = r.table("ridges");
    assertThat(value(ridges, "0101")).isEqualTo(5.00);
    assertThat(value(ridges, "0103")).isEqualTo(10.00);
    SummaryTable czc = r.table("urban-village-mining");
    assertThat(czc.rows()).extracting(SummaryTable.Row::code).containsExactly("203");
    assertThat(value(czc, "0702")).isEqualTo(50.00);
    // The quadrants lie within 2 km of the central meridian: GK area = ellipsoidal × (1 + x²/R²) with x²/R² ≤ 1e-7,
    // i.e. < 0.1 m² per km² — below the 0.01 m² + 1e-6 × 1e6 m² = 1.01 m² tolerance: no mismatch.
    assertThat(r.tieOut().mismatches()).isEmpty();
  }

  @Test
  void controlAreaAndAdjustmentByHand() {
    StatsResult r = run(Fixtures.squareCounty(), Fixtures.squareXzq(), true);
    ControlAreas.Unit south = r.control().units().get(0);
    // 南乡: MJ 2 000 000.50 − ΣTBMJ (A + B = 2 000 000.00) = +0.50 m².
    assertThat(south.field()).isEqualTo("MJ");
    assertThat(south.diffM2()).isCloseTo(0.50, within(1e-9));
    assertThat(r.control().units().get(1).diffM2()).isCloseTo(0.0, within(1e-9));
    // 平差: 50 cents over A and B in proportion to TBMJ (1:1): 25 cents each; the rest unchanged.
    long[] adj = r.adjusted().tbmj();
    assertThat(adj).containsExactly(100_000_025L, 100_000_025L, 100_000_000L, 50_000_000L, 50_000_000L);
    assertThat(r.adjusted().totalCents()).isEqualTo(400_000_050L);
  }

  @Test
  void tbmjOffByOneSquareMetreIsListed() {
    // A 100 m square on the central meridian: ellipsoidal area 10 000 m² to within 1e-5 m² (area scale 1 + x²/R² with
    // x ≤ 100 m: 2.5e-10). Stored TBMJ 10 001.00 → diff +1.00 m² > 0.01 + 1e-6 × 10 000 = 0.02 m².
    Layer l = Fixtures.layer("DLTB", List.of(
        Fixtures.tb("T1", Fixtures.rect(0, 0, 100, 100), "0301", "乔木林地", 10_001.00, 0, 0, "379981001001", null, null, null),
        Fixtures.tb("T2", Fixtures.rect(0, 100, 100, 100), "0301", "乔木林地", 10_000.00, 0, 0, "379981001001", null, null, null)));
    StatsResult r = run(l, null, false);
    assertThat(r.tieOut().mismatches()).hasSize(1);
    TieOut.Mismatch m = r.tieOut().mismatches().get(0);
    assertThat(m.bsm()).isEqualTo("T1");
    assertThat(m.tbmjM2()).isEqualTo(10_001.00);
    assertThat(m.ellipsoidalM2()).isCloseTo(10_000.0, within(1e-4));
    assertThat(m.diffM2()).isCloseTo(1.0, within(1e-4));
    assertThat(m.geographicLibM2()).isCloseTo(10_000.0, within(1e-3));
  }

  @Test
  void balancedRoundingByHand() {
    // 150 + 150 + 100 m² = 400 m² = 4 units of 0.01 ha; floors 1, 1, 1 with remainders 50, 50, 0 m²: the missing unit goes
    // to the first of the two largest remainders.
    assertThat(Rounding.balance(new long[] {15_000, 15_000, 10_000}, 4)).containsExactly(2, 1, 1);
    assertThat(Rounding.units(15_000)).isEqualTo(2); // 150 m² = 0.015 ha → 0.02 (half up)
    // −7 cents over weights 1:1:2 → exact 1.75, 1.75, 3.5; floors 1, 1, 3 (5), the 2 missing to the .75s: 2, 2, 3.
    assertThat(ControlAreas.distribute(-7, new long[] {1, 1, 2})).containsExactly(-2, -2, -3);
  }

  @Test
  void workbookMatchesTheCsv() throws Exception {
    StatsResult r = run(Fixtures.squareCounty(), Fixtures.squareXzq(), false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StatsWorkbook.write(r, true, out);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      Sheet s = wb.getSheet("一级分类(乡镇)");
      assertThat(s.getRow(0).getCell(0).getStringCellValue()).contains("一级分类");
      assertThat(s.getPaneInformation().isFreezePane()).isTrue();
      assertThat(s.getNumMergedRegions()).isGreaterThanOrEqualTo(4);
      String[] csv = StatsOutputs.csv(r.table("level1-township"), true).split("\n");
      // Row 4 = first township (title, units, two header rows before it); CSV line 1 likewise.
      for (int row = 0; row < 3; row++) {
        String[] cells = csv[row + 1].split(",");
        for (int c = 2; c < cells.length; c++) {
          assertThat(s.getRow(row + 4).getCell(c).getNumericCellValue()).isEqualTo(Double.parseDouble(cells[c]));
        }
      }
    }
  }

  static double value(SummaryTable t, String code) {
    for (int c = 0; c < t.columns().size(); c++) {
      if (code.equals(t.columns().get(c).code())) {
        return t.total().ha(c);
      }
    }
    throw new AssertionError("no column " + code);
  }
}
