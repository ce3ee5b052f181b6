package org.landledger.ecovalue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.landledger.ecovalue.Fixtures.planar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.ecovalue.carbon.CarbonDensities;
import org.landledger.ecovalue.carbon.CarbonModel;
import org.landledger.ecovalue.carbon.CarbonPrice;
import org.landledger.ecovalue.carbon.CarbonReport;
import org.landledger.ecovalue.change.LandUseTransfer;
import org.landledger.ecovalue.esv.EcosystemMapping;
import org.landledger.io.InputDataException;

class CarbonTest {

  static CarbonModel model(Path dir) throws Exception {
    Path csv = dir.resolve("density.csv");
    // totals: 0101 107, 01 97, 03 165, 07 42.5, 1203 95 t C/ha
    Files.writeString(csv, """
        class,c_above,c_below,c_soil,c_dead
        0101,5,1,100,1
        01,5,1,90,1
        03,40,10,110,5
        07,2,0.5,40,0
        1203,3,1,90,1
        """);
    return new CarbonModel(CarbonDensities.load(csv), EcosystemMapping.standard());
  }

  @Test
  void stockArithmetic(@TempDir Path dir) throws Exception {
    CarbonModel m = model(dir);
    LandUseAreas areas = LandUseAreas.byTownshipCode(EsvTest.map(), planar());
    CarbonModel.Stock s = m.stock(areas.total());
    // 0.9 ha 0101 × 107 = 96.3; 0.1 ha 1203 × 95 = 9.5; 2 ha 0301 (group 03) × 165 = 330; 1 ha 0702 (group 07) × 42.5
    // = 42.5; 9999 unknown: 0 → 96.3 + 9.5 + 330 + 42.5 = 478.3 t C
    assertThat(s.totalTC()).isCloseTo(478.3, within(1e-9));
    // above-ground: 0.9 × 5 + 0.1 × 3 + 2 × 40 + 1 × 2 = 86.8
    assertThat(s.pool(0)).isCloseTo(86.8, within(1e-9));
    assertThat(s.unmappedHa()).containsOnlyKeys("9999");
    assertThat(s.unmappedHa().get("9999")).isCloseTo(1.0, within(1e-12));
    // at 50 元/t CO2: 478.3 × 50 × 44/12 = 87 688.33… 元
    Map<String, Object> json = CarbonReport.json(m, areas, null, new CarbonPrice(50, "tCO2", "test"));
    assertThat((double) json.get("stockValue")).isCloseTo(478.3 * 50 * 44 / 12, within(1e-6));
    assertThat(new CarbonPrice(100, "tC", "x").perTC()).isEqualTo(100);
  }

  @Test
  void stockChange(@TempDir Path dir) throws Exception {
    CarbonModel m = model(dir);
    LandUseTransfer t = LandUseTransfer.compute(ChangeTest.before(), ChangeTest.after(), planar());
    Map<String, Object> c = CarbonReport.json(m, LandUseAreas.byTownshipCode(ChangeTest.after(), planar()), t, null);
    @SuppressWarnings("unchecked")
    Map<String, Object> change = (Map<String, Object>) c.get("change");
    // before: 0.9 × 107 + 0.1 × 95 + 1 × 165 = 270.8; after: 1.2 × 97 + 0.3 × 95 + 0.5 × 42.5 = 166.15
    assertThat((double) change.get("stockBeforeTC")).isCloseTo(270.8, within(1e-6));
    assertThat((double) change.get("stockAfterTC")).isCloseTo(166.15, within(1e-6));
    assertThat((double) change.get("deltaTC")).isCloseTo(-104.65, within(1e-6));
  }

  @Test
  void shippedExampleIsLabelledAndBadTablesAreRejected(@TempDir Path dir) throws Exception {
    CarbonDensities ex = CarbonDensities.example();
    assertThat(ex.isExample()).isTrue();
    assertThat(ex.source()).contains("EXAMPLE");
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "class,c_above,c_below,c_soil,c_dead\n01,5,-1,90,1\n");
    assertThatThrownBy(() -> CarbonDensities.load(csv))
        .isInstanceOf(InputDataException.class).hasMessageContaining("c_below").hasMessageContaining("negative");
  }
}
