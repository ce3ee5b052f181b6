package org.landledger.landuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.landledger.io.Feature;
import org.landledger.io.InputDataException;

class SurveyPolygonTest {

  static Feature tb(String id, Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return new Feature(id, null, m);
  }

  @Test
  void splitGivesTheDeductionToTiankan() {
    SurveyPolygon p = SurveyPolygon.of(tb("12", "DLBM", "0103", "KCDLBM", "1203", "KCXS", 0.08,
        "ZLDWDM", "370123104001", "GDDB", 7), "DLTB.shp");
    // 1 000 m² × (1 − 0.08) = 920 m² to 0103; 1 000 × 0.08 = 80 m² to 1203.
    Map<String, Double> split = p.split(1_000);
    assertThat(split).containsOnlyKeys("0103", "1203");
    assertThat(split.get("0103")).isCloseTo(920.0, within(1e-9));
    assertThat(split.get("1203")).isCloseTo(80.0, within(1e-9));
    assertThat(p.countyCode()).isEqualTo("370123");
    assertThat(p.townshipCode()).isEqualTo("370123104");
    assertThat(p.gddb()).isEqualTo(7);
  }

  @Test
  void blankKcdlbmWithDeductionMeansTiankanAndLowerCaseFieldsWork() {
    // Field names in lower case (some vendors) and KCXS as text "0.1": 500 × 0.9 = 450, 500 × 0.1 = 50.
    SurveyPolygon p = SurveyPolygon.of(tb("3", "dlbm", "0101", "kcxs", "0.1"), "DLTB.shp");
    assertThat(p.kcdlbm()).isEqualTo("1203");
    assertThat(p.split(500).get("0101")).isCloseTo(450.0, within(1e-9));
    assertThat(p.split(500).get("1203")).isCloseTo(50.0, within(1e-9));
    // No KCXS: all of the area to DLBM.
    assertThat(SurveyPolygon.of(tb("4", "DLBM", "0702"), "DLTB.shp").split(300.0)).containsExactly(Map.entry("0702", 300.0));
  }

  @Test
  void badKcxsIsBadInputNamingFieldAndFeature() {
    assertThatThrownBy(() -> SurveyPolygon.of(tb("17", "DLBM", "0101", "KCXS", 1.5), "DLTB.shp"))
        .isInstanceOf(InputDataException.class)
        .hasMessageContaining("DLTB.shp").hasMessageContaining("feature 17").hasMessageContaining("field KCXS")
        .satisfies(e -> {
          InputDataException ide = (InputDataException) e;
          assertThat(ide.field()).isEqualTo("KCXS");
          assertThat(ide.featureId()).isEqualTo("17");
        });
    assertThatThrownBy(() -> SurveyPolygon.of(tb("18", "DLBM", "0101", "KCXS", "abc"), "DLTB.shp"))
        .isInstanceOf(InputDataException.class)
        .hasMessageContaining("feature 18").hasMessageContaining("field KCXS").hasMessageContaining("abc");
    assertThatThrownBy(() -> SurveyPolygon.of(tb("19", "DLBM", "0101", "KCXS", -0.1), "DLTB.shp"))
        .hasMessageContaining("field KCXS");
    assertThatThrownBy(() -> SurveyPolygon.of(tb("20", "KCXS", 0.1), "DLTB.shp"))
        .isInstanceOf(InputDataException.class).hasMessageContaining("field DLBM");
  }
}
