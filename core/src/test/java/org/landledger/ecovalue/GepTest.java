package org.landledger.ecovalue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.landledger.ecovalue.Fixtures.planar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.ecovalue.esv.EcosystemMapping;
import org.landledger.ecovalue.gep.GepAccount;
import org.landledger.ecovalue.gep.GepParameters;
import org.landledger.ecovalue.gep.StatisticalItems;
import org.landledger.io.InputDataException;

class GepTest {

  @Test
  @SuppressWarnings("unchecked")
  void accountArithmetic(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("params.csv");
    Files.writeString(p, """
        item,item_zh,category,class,rate_per_ha,quantity_unit,price,price_unit,method,source
        carbon_sequestration,固碳,regulating,03,5,t CO2,50,元/t CO2,market,test
        carbon_sequestration,固碳,regulating,01,1,t CO2,50,元/t CO2,market,test
        water_conservation,水源涵养,regulating,mixed_forest,1000,m3,6,元/m3,replacement cost,test
        """);
    Path s = dir.resolve("stats.csv");
    Files.writeString(s, """
        item,item_zh,category,region,quantity,quantity_unit,price,price_unit,value,source
        agricultural_products,农产品,provisioning,,,,,,100000,yearbook
        recreation,休闲旅游,cultural,110101002,2000,人次,10,元/人次,,survey
        fishery,渔业,provisioning,,,,,,,not yet
        """);
    LandUseAreas areas = LandUseAreas.byTownshipCode(EsvTest.map(), planar());
    Map<String, Object> j = GepAccount.json(GepParameters.load(p), StatisticalItems.load(s),
        EcosystemMapping.standard(), areas);
    // 110101001: carbon 0.9 ha 0101 (group 01) × 1 + 2 ha 0301 (group 03) × 5 = 10.9 t × 50 = 545;
    //            water 2 ha mixed_forest × 1000 m³ = 2000 m³ × 6 = 12000 → regulating 12545
    List<Map<String, Object>> regions = (List<Map<String, Object>>) j.get("byRegion");
    assertThat((double) regions.get(0).get("regulating")).isCloseTo(12545, within(1e-9));
    // 110101002: no rated land; recreation 2000 × 10 = 20000 (cultural)
    assertThat((double) regions.get(1).get("regulating")).isCloseTo(0, within(1e-9));
    assertThat((double) regions.get(1).get("cultural")).isCloseTo(20000, within(1e-9));
    // total: 100000 + 12545 + 20000 = 132545; the unreported fishery row is listed, not counted
    Map<String, Object> total = (Map<String, Object>) j.get("total");
    assertThat((double) total.get("provisioning")).isCloseTo(100000, within(1e-9));
    assertThat((double) j.get("totalValue")).isCloseTo(132545, within(1e-9));
    assertThat((List<?>) j.get("statisticalItemsNotReported")).hasSize(1);
    List<Map<String, Object>> account = (List<Map<String, Object>>) j.get("account");
    assertThat(account).extracting(a -> a.get("item"))
        .containsExactly("carbon_sequestration", "water_conservation", "agricultural_products", "recreation", "fishery");
    assertThat((double) account.get(0).get("quantity")).isCloseTo(10.9, within(1e-9));
    assertThat(account.get(0)).containsEntry("price", 50.0).containsKey("sources");
    // 1203 and 0702/9999 have no carbon rate: listed with their area
    Map<String, Map<String, Double>> noRate = (Map<String, Map<String, Double>>) j.get("codesWithoutRateHa");
    assertThat(noRate.get("carbon_sequestration")).containsKeys("1203", "0702", "9999");
  }

  @Test
  void inconsistentPriceIsRejected(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("params.csv");
    Files.writeString(p, """
        item,item_zh,category,class,rate_per_ha,quantity_unit,price,price_unit,method,source
        carbon_sequestration,固碳,regulating,03,5,t CO2,50,元/t CO2,market,test
        carbon_sequestration,固碳,regulating,01,1,t CO2,60,元/t CO2,market,test
        """);
    assertThatThrownBy(() -> GepParameters.load(p)).isInstanceOf(InputDataException.class).hasMessageContaining("line 3");
    assertThat(GepParameters.example().isExample()).isTrue();
    assertThat(GepParameters.example().items()).containsKeys("carbon_sequestration", "oxygen_release", "water_conservation");
  }
}
