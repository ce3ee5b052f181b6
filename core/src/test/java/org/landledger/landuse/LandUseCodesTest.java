package org.landledger.landuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LandUseCodesTest {

  /** The shipped CSV's data lines, read directly (not through the class under test). */
  static List<String[]> csvRows() throws Exception {
    try (InputStream in = LandUseCodes.class.getResourceAsStream("landuse-codes.csv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
    }
  }

  @Test
  void everyCodeOfTheShippedCsvLoads() throws Exception {
    LandUseCodes codes = LandUseCodes.standard();
    List<String[]> rows = csvRows();
    assertThat(rows).hasSize(68);
    assertThat(codes.all()).hasSize(rows.size());
    for (String[] r : rows) {
      LandUseClass c = codes.find(r[0]).orElseThrow(() -> new AssertionError("missing " + r[0]));
      assertThat(c.nameZh()).isEqualTo(r[1]);
      assertThat(c.groupCode()).isEqualTo(r[3]);
      assertThat(c.legalCategory().name().toLowerCase()).isEqualTo(r[5]);
      assertThat(c.esvEcosystem()).isEqualTo(r[8]);
    }
  }

  @Test
  void farmlandIsExactly0101To0103() {
    LandUseCodes codes = LandUseCodes.standard();
    assertThat(codes.all().stream().filter(LandUseClass::farmland).map(LandUseClass::code))
        .containsExactly("0101", "0102", "0103");
    assertThat(codes.isFarmland("0101")).isTrue();
    assertThat(codes.isFarmland(" 0103 ")).isTrue();
    assertThat(codes.isFarmland("0201")).isFalse();
    assertThat(codes.isFarmland("9999")).isFalse();
    assertThat(codes.isFarmland(null)).isFalse();
  }

  @Test
  void legalCategoriesAndNames() {
    LandUseCodes codes = LandUseCodes.standard();
    assertThat(codes.find("0101").orElseThrow().nameZh()).isEqualTo("水田");
    assertThat(codes.find("0101").orElseThrow().paddy()).isTrue();
    assertThat(codes.find("0702").orElseThrow().legalCategory()).isEqualTo(LegalCategory.CONSTRUCTION);
    assertThat(codes.find("0702").orElseThrow().construction()).isTrue();
    assertThat(codes.find("1203").orElseThrow().legalCategory()).isEqualTo(LegalCategory.AGRICULTURAL);
    assertThat(codes.find("1101").orElseThrow().legalCategory()).isEqualTo(LegalCategory.UNUSED);
    assertThat(LegalCategory.CONSTRUCTION.zh()).isEqualTo("建设用地");
    // Unknown codes are reported as unknown, never guessed.
    assertThat(codes.isKnown("0199")).isFalse();
    assertThat(codes.find("0199")).isEmpty();
  }
}
