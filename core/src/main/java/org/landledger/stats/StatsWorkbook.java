package org.landledger.stats;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * 汇总表工作簿: {@code stats.xlsx} (Apache POI) — a sheet per table: title (merged across), units row, two header rows
 * (the group cells merged over their classes, a class without a group merged down both rows), the unit rows and a
 * totals row; panes frozen below the headers and right of the code and name columns. Numbers are numeric cells in
 * 公顷 with two decimals (the same displayed values as the CSV), then sheets for the TBMJ tie-out and control areas.
 */
public final class StatsWorkbook {

  static final Map<String, String[]> SHEETS = Map.ofEntries(
      Map.entry("level1-township", new String[] {"一级分类(乡镇)", "Level 1 by township"}),
      Map.entry("level2-township", new String[] {"二级分类(乡镇)", "Level 2 by township"}),
      Map.entry("level1-village", new String[] {"一级分类(村)", "Level 1 by village"}),
      Map.entry("level2-village", new String[] {"二级分类(村)", "Level 2 by village"}),
      Map.entry("farmland-slope", new String[] {"耕地坡度分级", "Farmland by slope"}),
      Map.entry("farmland-planting", new String[] {"耕地种植属性", "Farmland planting"}),
      Map.entry("ridges", new String[] {"田坎", "Field ridges"}),
      Map.entry("urban-village-mining", new String[] {"城镇村及工矿用地", "Urban village mining"}),
      Map.entry("permanent-farmland", new String[] {"永久基本农田", "Permanent farmland"}),
      Map.entry("change", new String[] {"土地利用变化", "Land-use change"}));

  private StatsWorkbook() {}

  public static void write(StatsResult r, boolean zh, OutputStream out) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles s = new Styles(wb);
      for (SummaryTable t : r.tables()) {
        String[] name = SHEETS.getOrDefault(t.id(), new String[] {t.id(), t.id()});
        table(wb.createSheet(zh ? name[0] : name[1]), t, zh, s);
      }
      tieOut(wb.createSheet(zh ? "TBMJ核对" : "TBMJ tie-out"), r.tieOut(), zh, s);
      control(wb.createSheet(zh ? "控制面积" : "Control areas"), r.control(), zh, s);
      wb.write(out);
    }
  }

  static void table(Sheet sh, SummaryTable t, boolean zh, Styles s) {
    int ncol = t.columns().size() + 2;
    text(sh, 0, 0, zh ? t.titleZh() : t.titleEn(), s.title);
    sh.addMergedRegion(new CellRangeAddress(0, 0, 0, ncol - 1));
    text(sh, 1, 0, zh ? "单位：公顷（两位小数，强制调平）" : "Unit: ha (two decimals, rounding balanced)", s.plain);
    sh.addMergedRegion(new CellRangeAddress(1, 1, 0, ncol - 1));
    // header rows 2 (groups) and 3 (classes)
    text(sh, 2, 0, zh ? "代码" : "Code", s.header);
    text(sh, 2, 1, zh ? t.rowHeaderZh() : t.rowHeaderEn(), s.header);
    text(sh, 3, 0, "", s.header);
    text(sh, 3, 1, "", s.header);
    sh.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
    sh.addMergedRegion(new CellRangeAddress(2, 3, 1, 1));
    List<SummaryTable.Column> cols = t.columns();
    int c = 0;
    while (c < cols.size()) {
      SummaryTable.Column col = cols.get(c);
      int x = c + 2;
      if (col.groupZh() == null) {
        text(sh, 2, x, col.label(zh), s.header);
        text(sh, 3, x, "", s.header);
        sh.addMergedRegion(new CellRangeAddress(2, 3, x, x));
        c++;
        continue;
      }
      int end = c;
      while (end + 1 < cols.size() && col.groupZh().equals(cols.get(end + 1).groupZh())) {
        end++;
      }
      text(sh, 2, x, zh ? col.groupZh() : col.groupEn(), s.header);
      for (int k = c; k <= end; k++) {
        if (k > c) {
          text(sh, 2, k + 2, "", s.header);
        }
        text(sh, 3, k + 2, cols.get(k).label(zh), s.header);
      }
      if (end > c) {
        sh.addMergedRegion(new CellRangeAddress(2, 2, x, end + 2));
      }
      c = end + 1;
    }
    int row = 4;
    for (SummaryTable.Row r : t.rows()) {
      values(sh, row++, r, r.code(), r.name(), s.number, s.plain);
    }
    values(sh, row, t.total(), "", zh ? "合计" : "Total", s.totalNumber, s.totalText);
    if (!t.notes().isEmpty()) {
      text(sh, row + 2, 0, (zh ? "注：" : "Note: ") + String.join("；", t.notes()), s.plain);
    }
    sh.createFreezePane(2, 4);
    sh.setColumnWidth(0, 15 * 256);
    sh.setColumnWidth(1, 16 * 256);
    for (int k = 2; k < ncol; k++) {
      sh.setColumnWidth(k, 12 * 256);
    }
  }

  private static void values(Sheet sh, int row, SummaryTable.Row r, String code, String name, CellStyle num,
      CellStyle txt) {
    text(sh, row, 0, code, txt);
    text(sh, row, 1, name, txt);
    for (int c = 0; c < r.units().length; c++) {
      Cell cell = cell(sh, row, c + 2);
      cell.setCellValue(r.ha(c));
      cell.setCellStyle(num);
    }
  }

  static void tieOut(Sheet sh, TieOut t, boolean zh, Styles s) {
    text(sh, 0, 0, zh ? "TBMJ 与椭球面积核对（单位：平方米）" : "TBMJ tie-out (m²)", s.title);
    sh.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
    String[] h = zh ? new String[] {"乡镇代码", "ΣTBMJ", "Σ椭球面积", "差值", "超限图斑数"}
        : new String[] {"Township", "ΣTBMJ", "Σ ellipsoidal", "Difference", "Mismatches"};
    header(sh, 1, h, s);
    int row = 2;
    for (TieOut.Township tw : t.townships().values()) {
      text(sh, row, 0, tw.code(), s.plain);
      num(sh, row, 1, tw.tbmjM2(), s.number);
      num(sh, row, 2, tw.ellipsoidalM2(), s.number4);
      num(sh, row, 3, tw.diffM2(), s.number4);
      num(sh, row++, 4, tw.mismatches(), s.integer);
    }
    row++;
    header(sh, row++, zh ? new String[] {"标识码 BSM", "TBMJ", "椭球面积", "差值", "GeographicLib"}
        : new String[] {"BSM", "TBMJ", "Ellipsoidal", "Difference", "GeographicLib"}, s);
    for (TieOut.Mismatch m : t.mismatches()) {
      text(sh, row, 0, m.bsm(), s.plain);
      num(sh, row, 1, m.tbmjM2(), s.number);
      num(sh, row, 2, m.ellipsoidalM2(), s.number4);
      num(sh, row, 3, m.diffM2(), s.number4);
      num(sh, row++, 4, m.geographicLibM2(), s.number4);
    }
    sh.createFreezePane(1, 2);
    for (int k = 0; k < 5; k++) {
      sh.setColumnWidth(k, 20 * 256);
    }
  }

  static void control(Sheet sh, ControlAreas c, boolean zh, Styles s) {
    text(sh, 0, 0, zh ? "控制面积比较（单位：平方米）" : "Control areas (m²)", s.title);
    sh.addMergedRegion(new CellRangeAddress(0, 0, 0, 6));
    header(sh, 1, zh ? new String[] {"图层", "代码", "名称", "字段", "控制面积", "ΣTBMJ", "差值"}
        : new String[] {"Layer", "Code", "Name", "Field", "Control", "ΣTBMJ", "Difference"}, s);
    int row = 2;
    for (ControlAreas.Unit u : c.units()) {
      text(sh, row, 0, u.layer(), s.plain);
      text(sh, row, 1, u.code(), s.plain);
      text(sh, row, 2, u.name(), s.plain);
      text(sh, row, 3, u.field(), s.plain);
      if (u.controlM2() != null) {
        num(sh, row, 4, u.controlM2(), s.number);
        num(sh, row, 6, u.diffM2(), s.number);
      }
      num(sh, row++, 5, Rounding.m2(u.tbmjCents()), s.number);
    }
    sh.createFreezePane(0, 2);
    for (int k = 0; k < 7; k++) {
      sh.setColumnWidth(k, 16 * 256);
    }
  }

  private static void header(Sheet sh, int row, String[] h, Styles s) {
    for (int i = 0; i < h.length; i++) {
      text(sh, row, i, h[i], s.header);
    }
  }

  private static void num(Sheet sh, int row, int col, double v, CellStyle st) {
    Cell c = cell(sh, row, col);
    c.setCellValue(v);
    c.setCellStyle(st);
  }

  private static void text(Sheet sh, int row, int col, String v, CellStyle st) {
    Cell c = cell(sh, row, col);
    c.setCellValue(v == null ? "" : v);
    c.setCellStyle(st);
  }

  private static Cell cell(Sheet sh, int row, int col) {
    Row r = sh.getRow(row) == null ? sh.createRow(row) : sh.getRow(row);
    return r.getCell(col) == null ? r.createCell(col) : r.getCell(col);
  }

  /** The cell styles of a workbook (POI caps their number, so they are made once). */
  static final class Styles {
    final CellStyle title;
    final CellStyle header;
    final CellStyle plain;
    final CellStyle number;
    final CellStyle number4;
    final CellStyle integer;
    final CellStyle totalNumber;
    final CellStyle totalText;

    Styles(XSSFWorkbook wb) {
      Font bold = wb.createFont();
      bold.setBold(true);
      Font big = wb.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      short fmt2 = wb.createDataFormat().getFormat("#,##0.00");
      short fmt4 = wb.createDataFormat().getFormat("#,##0.0000");
      title = wb.createCellStyle();
      title.setFont(big);
      title.setAlignment(HorizontalAlignment.CENTER);
      header = bordered(wb);
      header.setFont(bold);
      header.setAlignment(HorizontalAlignment.CENTER);
      header.setVerticalAlignment(VerticalAlignment.CENTER);
      header.setWrapText(true);
      plain = bordered(wb);
      number = bordered(wb);
      number.setDataFormat(fmt2);
      number4 = bordered(wb);
      number4.setDataFormat(fmt4);
      integer = bordered(wb);
      totalNumber = bordered(wb);
      totalNumber.setDataFormat(fmt2);
      totalNumber.setFont(bold);
      totalText = bordered(wb);
      totalText.setFont(bold);
    }

    private static CellStyle bordered(XSSFWorkbook wb) {
      CellStyle s = wb.createCellStyle();
      s.setBorderTop(BorderStyle.THIN);
      s.setBorderBottom(BorderStyle.THIN);
      s.setBorderLeft(BorderStyle.THIN);
      s.setBorderRight(BorderStyle.THIN);
      return s;
    }
  }
}
