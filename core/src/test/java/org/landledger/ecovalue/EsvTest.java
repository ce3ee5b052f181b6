package org.landledger.ecovalue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.landledger.ecovalue.Fixtures.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.ecovalue.esv.EcosystemMapping;
import org.landledger.ecovalue.esv.EquivalentTable;
import org.landledger.ecovalue.esv.EsvModel;
import org.landledger.ecovalue.esv.EsvReport;
import org.landledger.ecovalue.esv.RegionalAdjustment;
import org.landledger.ecovalue.esv.Sensitivity;
import org.landledger.ecovalue.esv.UnitValue;
import org.landledger.io.InputDataException;
import org.landledger.io.Layer;

class EsvTest {

  static final double EPS = 1e-6;
  static final EsvModel MODEL = new EsvModel(EquivalentTable.xie2015(), EcosystemMapping.standard(),
      UnitValue.given(1000), RegionalAdjustment.NONE);

  /*
   * A: 0101 paddy, 100 × 100 m = 1 ha, KCXS 0.1 → 0.9 ha 0101 + 0.1 ha 1203   (township 110101001)
   * B: 0301 arbor forest → mixed_forest, 200 × 100 m = 2 ha                  (township 110101001)
   * C: 0702 homestead (no ecosystem), 1 ha                                   (township 110101002)
   * D: 9999 unknown code, 1 ha                                               (township 110101002)
   */
  static Layer map() {
    return layer("DLTB", GK39,
        tb("A", rect(0, 0, 100, 100), "0101", 0.1, "110101001001"),
        tb("B", rect(100, 0, 300, 100), "0301", 0, "110101001001"),
        tb("C", rect(300, 0, 400, 100), "0702", 0, "110101002003"),
        tb("D", rect(400, 0, 500, 100), "9999", 0, "110101002003"));
  }

  // Σ paddy factors = 1.36+0.09−2.63+1.11+0.57+0.17+2.72+0.01+0.19+0.21+0.09 = 3.89
  // Σ mixed_forest  = 0.31+0.71+0.37+2.35+7.03+1.99+3.51+2.86+0.22+2.60+1.14 = 23.09
  static final double PADDY = 3.89;
  static final double MIXED = 23.09;

  @Test
  void smallMapGivesTheTableSums() {
    LandUseAreas areas = LandUseAreas.byTownshipCode(map(), planar());
    EsvModel.Valuation v = MODEL.value(areas.total());
    // ESV = 0.9 ha × 3.89 × 1000 + 2 ha × 23.09 × 1000 = 3501 + 46180 = 49681 元/年
    assertThat(v.total()).isCloseTo(49681, within(EPS));
    assertThat(v.ecosystemValue("paddy")).isCloseTo(3501, within(EPS));
    assertThat(v.ecosystemValue("mixed_forest")).isCloseTo(46180, within(EPS));
    assertThat(v.areaHaByEcosystem()).containsOnlyKeys("paddy", "mixed_forest");
    assertThat(v.areaHaByEcosystem().get("paddy")).isCloseTo(0.9, within(EPS));
    // food production: 0.9 × 1.36 × 1000 + 2 × 0.31 × 1000 = 1224 + 620 = 1844
    assertThat(v.serviceValue("food_production")).isCloseTo(1844, within(EPS));
    // services add up to the total
    assertThat(v.byService().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(49681, within(EPS));
    assertThat(v.byService().keySet()).containsExactly("food_production", "raw_materials", "water_supply",
        "gas_regulation", "climate_regulation", "environmental_purification", "hydrological_regulation",
        "soil_conservation", "nutrient_cycling", "biodiversity", "aesthetic_landscape");
  }

  @Test
  void negativePaddyWaterSupplyIsKept() {
    LandUseAreas areas = LandUseAreas.byTownshipCode(map(), planar());
    // water supply: 0.9 × (−2.63) × 1000 + 2 × 0.37 × 1000 = −2367 + 740 = −1627
    assertThat(MODEL.value(areas.total()).serviceValue("water_supply")).isCloseTo(-1627, within(EPS));
    // a paddy-only map: 1 ha × −2.63 × 1000 = −2630
    EsvModel.Valuation p = MODEL.value(Map.of("0101", 10_000.0));
    assertThat(p.serviceValue("water_supply")).isCloseTo(-2630, within(EPS));
    assertThat(p.total()).isCloseTo(3890, within(EPS));
  }

  @Test
  void kcxsSplitGoesToTianKan() {
    LandUseAreas areas = LandUseAreas.byTownshipCode(map(), planar());
    // A: 10 000 m² × 0.9 = 9 000 m² to 0101; × 0.1 = 1 000 m² to 1203
    assertThat(areas.total().get("0101")).isCloseTo(9000, within(EPS));
    assertThat(areas.total().get("1203")).isCloseTo(1000, within(EPS));
  }

  @Test
  @SuppressWarnings("unchecked")
  void unmappedCodesAreReportedWithTheirArea() {
    LandUseAreas areas = LandUseAreas.byTownshipCode(map(), planar());
    Map<String, Object> un = MODEL.value(areas.total()).unvaluedJson();
    assertThat(un).containsOnlyKeys("1203", "0702", "9999");
    assertThat((Map<String, Object>) un.get("9999")).containsEntry("status", "UNKNOWN").containsEntry("areaHa", 1.0);
    assertThat((Map<String, Object>) un.get("0702")).containsEntry("status", "NO_ECOSYSTEM").containsEntry("areaHa", 1.0);
    assertThat((double) ((Map<?, ?>) un.get("1203")).get("areaHa")).isCloseTo(0.1, within(EPS));
    // the total area still counts them: 0.9 + 0.1 + 2 + 1 + 1 = 5 ha
    assertThat(MODEL.value(areas.total()).areaHa()).isCloseTo(5, within(EPS));
  }

  @Test
  void byTownshipCode() {
    Map<String, Object> json = EsvReport.json(MODEL, LandUseAreas.byTownshipCode(map(), planar()), null, 0.5);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> regions = (List<Map<String, Object>>) json.get("byRegion");
    assertThat(regions).extracting(r -> r.get("code")).containsExactly("110101001", "110101002");
    // 110101001: A and B = 49681; 110101002: C and D, 2 ha valued 0
    assertThat((double) regions.get(0).get("value")).isCloseTo(49681, within(EPS));
    assertThat((double) regions.get(1).get("value")).isCloseTo(0, within(EPS));
    assertThat((double) regions.get(1).get("areaHa")).isCloseTo(2, within(EPS));
  }

  @Test
  void byRegionLayerSplitsPolygonsAtBoundaries() {
    // XZQ1 x 0–200 (A + west half of B), XZQ2 x 200–450 (east half of B, C, west half of D); east half of D outside
    Layer xzq = layer("XZQ", GK39,
        region("1", rect(0, -10, 200, 110), "110101001", "甲镇"),
        region("2", rect(200, -10, 450, 110), "110101002", "乙镇"));
    LandUseAreas areas = LandUseAreas.byRegionLayer(map(), planar(), xzq, "XZQDM", "XZQMC");
    assertThat(areas.regions()).extracting(LandUseAreas.Region::code)
        .containsExactly("110101001", "110101002", LandUseAreas.OUTSIDE);
    // 甲镇: 3501 + 1 ha × 23090 = 26591; 乙镇: 1 ha × 23090 = 23090; outside: 0.5 ha of 9999
    assertThat(MODEL.value(areas.regions().get(0).areaM2ByCode()).total()).isCloseTo(26591, within(1e-4));
    assertThat(MODEL.value(areas.regions().get(1).areaM2ByCode()).total()).isCloseTo(23090, within(1e-4));
    assertThat(areas.regions().get(0).name()).isEqualTo("甲镇");
    assertThat(areas.regions().get(2).areaM2ByCode()).containsOnlyKeys("9999");
    assertThat(areas.regions().get(2).areaM2()).isCloseTo(5000, within(1e-4));
  }

  @Test
  void regionLayerInAnotherCrsIsReprojected() {
    // the same two townships delivered in CGCS2000 geographic (EPSG:4490), edges densified so they stay straight
    org.landledger.geo.Crs geo = org.landledger.geo.Crs.epsg(4490);
    Layer xzq = layer("XZQ", geo,
        region("1", GK39.transform(org.locationtech.jts.densify.Densifier.densify(rect(0, -10, 200, 110), 5), geo), "110101001", "甲镇"),
        region("2", GK39.transform(org.locationtech.jts.densify.Densifier.densify(rect(200, -10, 450, 110), 5), geo), "110101002", "乙镇"));
    LandUseAreas areas = LandUseAreas.byRegionLayer(map(), planar(), xzq, "XZQDM", "XZQMC");
    // as in the planar case: 26591 and 23090, to the mm² the reprojection leaves
    assertThat(MODEL.value(areas.regions().get(0).areaM2ByCode()).total()).isCloseTo(26591, within(0.01));
    assertThat(MODEL.value(areas.regions().get(1).areaM2ByCode()).total()).isCloseTo(23090, within(0.01));
  }

  @Test
  void polygonLayerCarriesValues() {
    Layer out = EsvReport.polygonLayer(MODEL, LandUseAreas.byTownshipCode(map(), planar()), "esv");
    assertThat(out.size()).isEqualTo(4);
    // A: 0.9 ha paddy → 3501; per ha of the whole polygon (1 ha) = 3501
    assertThat(out.features().get(0).number("ESV")).isCloseTo(3501, within(EPS));
    assertThat(out.features().get(0).number("water_supply")).isCloseTo(-2367, within(EPS));
    assertThat(out.features().get(3).number("ESV")).isEqualTo(0.0);
  }

  @Test
  void sensitivityCoefficientIsTheValueShare() {
    LandUseAreas areas = LandUseAreas.byTownshipCode(map(), planar());
    // paddy ×1.5: ESV' = 49681 + 0.5 × 3501 = 51431.5; CS = |(1750.5/49681)/0.5| = 3501/49681 = 0.0704696…
    assertThat(Sensitivity.coefficient(MODEL, areas.total(), "paddy", +1, 0.5)).isCloseTo(3501.0 / 49681, within(1e-12));
    assertThat(Sensitivity.coefficient(MODEL, areas.total(), "paddy", -1, 0.5)).isCloseTo(3501.0 / 49681, within(1e-12));
    assertThat(Sensitivity.coefficient(MODEL, areas.total(), "mixed_forest", +1, 0.5)).isCloseTo(46180.0 / 49681, within(1e-12));
    // the coefficients of all types present add up to 1
    Map<String, Object> t = Sensitivity.table(MODEL, areas.total(), 0.5);
    double sum = t.values().stream().mapToDouble(o -> (Double) ((Map<?, ?>) o).get("plus")).sum();
    assertThat(sum).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void regionalAdjustmentAppliesPerService() {
    EsvModel adj = new EsvModel(EquivalentTable.xie2015(), EcosystemMapping.standard(), UnitValue.given(1000),
        new RegionalAdjustment(2, 0.5, 3));
    EsvModel.Valuation v = adj.value(Map.of("0101", 10_000.0));
    // paddy 1 ha: water supply −2.63 × 0.5 × 1000 = −1315; soil 0.01 × 3 × 1000 = 30; food 1.36 × 2 × 1000 = 2720
    assertThat(v.serviceValue("water_supply")).isCloseTo(-1315, within(EPS));
    assertThat(v.serviceValue("hydrological_regulation")).isCloseTo(1360, within(EPS));
    assertThat(v.serviceValue("soil_conservation")).isCloseTo(30, within(EPS));
    assertThat(v.serviceValue("food_production")).isCloseTo(2720, within(EPS));
  }

  @Test
  void grainTableByBothConventions(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("grain.csv");
    Files.writeString(csv, """
        crop,sown_area_ha,yield_kg_per_ha,price_yuan_per_kg,cost_yuan_per_ha
        rice,60,7500,2.8,15000
        wheat,40,6000,2.4,12000
        """);
    // rice: output 7500 × 2.8 = 21000, net 21000 − 15000 = 6000; wheat: 14400, net 2400
    // net profit (Xie 2015): (60 × 6000 + 40 × 2400) / 100 = 4560
    UnitValue net = UnitValue.fromGrainTable(csv, UnitValue.Convention.NET_PROFIT);
    assertThat(net.perHa()).isCloseTo(4560, within(1e-9));
    assertThat(net.convention()).isEqualTo("xie2015-net-profit");
    // 1/7 of output value: (60 × 21000 + 40 × 14400) / 100 / 7 = 18360 / 7 = 2622.857…
    UnitValue seventh = UnitValue.fromGrainTable(csv, UnitValue.Convention.ONE_SEVENTH_OUTPUT_VALUE);
    assertThat(seventh.perHa()).isCloseTo(18360.0 / 7, within(1e-9));
    assertThat(seventh.convention()).isEqualTo("one-seventh-grain-output-value");
  }

  @Test
  void grainTableWithGivenNetProfitAndBadValues(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("grain.csv");
    Files.writeString(csv, "crop,sown_area_ha,net_profit_yuan_per_ha\nrice,1,3000\ncorn,3,1000\n");
    // (1 × 3000 + 3 × 1000) / 4 = 1500
    assertThat(UnitValue.fromGrainTable(csv, UnitValue.Convention.NET_PROFIT).perHa()).isCloseTo(1500, within(1e-9));
    Files.writeString(csv, "crop,sown_area_ha,net_profit_yuan_per_ha\nrice,1,-3000\n");
    assertThatThrownBy(() -> UnitValue.fromGrainTable(csv, UnitValue.Convention.NET_PROFIT))
        .isInstanceOf(InputDataException.class).hasMessageContaining("must be positive");
    Files.writeString(csv, "crop,sown_area_ha,net_profit_yuan_per_ha\nrice,abc,3000\n");
    assertThatThrownBy(() -> UnitValue.fromGrainTable(csv, UnitValue.Convention.NET_PROFIT))
        .isInstanceOf(InputDataException.class).hasMessageContaining("line 2").hasMessageContaining("sown_area_ha");
  }

  @Test
  void mappingOverrideAndValidation(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("map.csv");
    Files.writeString(csv, "code,ecosystem\n1203,dryland\n9999,water\n");
    EsvModel m = new EsvModel(EquivalentTable.xie2015(), EcosystemMapping.standardWith(csv), UnitValue.given(1000),
        RegionalAdjustment.NONE);
    // 田坎 now dryland (4.01), 9999 water: Σ water = 0.80+0.23+8.29+0.77+2.29+5.55+102.24+0.93+0.07+2.55+1.89 = 125.61
    assertThat(m.perHa("1203")).isCloseTo(4010, within(1e-9));
    assertThat(m.perHa("9999")).isCloseTo(125610, within(1e-9));
    assertThat(m.perHa("0101")).isCloseTo(3890, within(1e-9)); // untouched codes keep the default
    Files.writeString(csv, "code,ecosystem\n0101,rainforest\n");
    assertThatThrownBy(() -> new EsvModel(EquivalentTable.xie2015(), EcosystemMapping.standardWith(csv),
        UnitValue.given(1000), RegionalAdjustment.NONE))
        .isInstanceOf(InputDataException.class).hasMessageContaining("rainforest").hasMessageContaining("0101");
  }

  @Test
  void badCoefficientTable(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("vc.csv");
    Files.writeString(csv, "ecosystem,name_zh,group_zh,food_production\npaddy,水田,农田,x\n");
    assertThatThrownBy(() -> EquivalentTable.load(csv))
        .isInstanceOf(InputDataException.class).hasMessageContaining("food_production").hasMessageContaining("line 2");
  }

  @Test
  void serviceLabelsFollowTheTableOrderOnEveryRun() {
    // esv.json lists the labels in the order of the Xie 2015 table header, not a hash order that changes
    // between JVMs (reproducible outputs).
    assertThat(new java.util.ArrayList<>(org.landledger.ecovalue.esv.EsvReport.SERVICE_NAMES_ZH.keySet()))
        .isEqualTo(org.landledger.ecovalue.esv.EquivalentTable.xie2015().services());
  }
}
