package org.landledger.homestead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.landledger.homestead.HomesteadFixture.rect;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.landledger.geo.AreaMode;
import org.landledger.io.InputDataException;
import org.landledger.io.Json;
import org.landledger.io.Layer;
import org.landledger.policy.PolicyProfile;
import org.landledger.privacy.HouseholdKeys;

class HomesteadAnalysisTest {

  static final PolicyProfile NATIONAL = PolicyProfile.nationalDefault();
  static final HouseholdKeys KEYS = HouseholdKeys.withSalt("fixture-salt-0123456789", "test");
  static final AreaStandards STD_200 = AreaStandards.uniform(AreaStandard.ofOption(200));

  static HomesteadAnalysis.Request request(Layer parcels, HomesteadFields fields, Layer exits, Layer resettlement,
      ReclamationTerms terms, boolean allowInvalid) {
    return new HomesteadAnalysis.Request(parcels, fields, exits, resettlement, STD_200, terms, AreaMode.PLANAR, KEYS,
        NATIONAL, allowInvalid, Map.of());
  }

  static HomesteadReport run(HomesteadFields fields, Layer exits, Layer resettlement, ReclamationTerms terms) {
    return HomesteadAnalysis.run(request(HomesteadFixture.layer(), fields, exits, resettlement, terms, false));
  }

  static final HomesteadFields BY_ID_WITH_EXIT = HomesteadFields.standard().withExit("TC", "1");

  static ReclamationTerms terms(String rate, String price, String cost, String share) {
    return new ReclamationTerms(new BigDecimal(rate), price == null ? null : new BigDecimal(price),
        cost == null ? null : new BigDecimal(cost), share == null ? null : new BigDecimal(share));
  }

  @Test
  void householdsWithSeveralParcelsAndOversizeParcels() {
    HomesteadReport r = run(HomesteadFields.standard(), null, null, ReclamationTerms.quotaOnly(BigDecimal.ONE));
    // A {P1, P2 (legacy 15-digit form of A)}, B {P3}, C {P4, P5}, D {P6}; P7 has no owner
    assertThat(r.households()).isEqualTo(4);
    assertThat(r.multipleHomesteadHouseholds()).hasSize(2);
    assertThat(r.multipleHomesteadHouseholds().get(0).getValue()).extracting(HomesteadParcel::parcelId)
        .containsExactly("P1", "P2");
    assertThat(r.multipleHomesteadHouseholds().get(1).getValue()).extracting(HomesteadParcel::parcelId)
        .containsExactly("P4", "P5");
    assertThat(r.findings(FindingType.MULTIPLE_HOMESTEADS)).extracting(Finding::parcelId)
        .containsExactly("P1", "P2", "P4", "P5");
    assertThat(r.findings(FindingType.MULTIPLE_HOMESTEADS).get(0).householdParcelIds()).containsExactly("P1", "P2");
    // OVERSIZE vs 200 m²: P1 15×15 = 225 → +25; P4 20×12 = 240 → +40; P2 10×20 = 200 exactly → not flagged
    assertThat(r.findings(FindingType.OVERSIZE)).extracting(Finding::parcelId).containsExactly("P1", "P4");
    assertThat(r.findings(FindingType.OVERSIZE)).extracting(Finding::excessM2)
        .containsExactly(new BigDecimal("25.00"), new BigDecimal("40.00"));
    // household totals vs the same standard (provinces set it per household): A 225 + 200 = 425 → +225;
    // C 240 + 80 = 320 → +120; B 100, D 150 within
    assertThat(r.findings()).extracting(f -> f.parcelId() + ":" + f.type()).containsExactly(
        "P1:MULTIPLE_HOMESTEADS", "P1:OVERSIZE", "P1:HOUSEHOLD_OVERSIZE", "P2:MULTIPLE_HOMESTEADS",
        "P2:HOUSEHOLD_OVERSIZE", "P4:MULTIPLE_HOMESTEADS", "P4:OVERSIZE", "P4:HOUSEHOLD_OVERSIZE",
        "P5:MULTIPLE_HOMESTEADS", "P5:HOUSEHOLD_OVERSIZE");
    assertThat(r.findings(FindingType.HOUSEHOLD_OVERSIZE)).extracting(Finding::excessM2).containsExactly(
        new BigDecimal("225.00"), new BigDecimal("225.00"), new BigDecimal("120.00"), new BigDecimal("120.00"));
    // P1 and P2 share a key (15- and 18-digit forms of one number), P3 has another
    assertThat(r.findings().get(0).householdKey()).isEqualTo(r.findings().get(2).householdKey())
        .isEqualTo(KEYS.ofIdNumber(HomesteadFixture.A));
    assertThat(r.areaMismatches()).isEmpty();
  }

  @Test
  void twoParcelsEachUnderTheStandardWhoseSumIsOver() {
    // household E: Q1 12 × 12.5 = 150, Q2 10 × 12 = 120 — each under 200, together 270 → +70 on both, no OVERSIZE
    String e = "220102198507070012";
    Layer l = HomesteadFixture.layer(List.of(new HomesteadFixture.Row("Q1", e, "钱七", 12, 12.5, "0"),
        new HomesteadFixture.Row("Q2", e, "钱七", 10, 12, "0")));
    HomesteadReport r = HomesteadAnalysis.run(request(l, HomesteadFields.standard(), null, null,
        ReclamationTerms.quotaOnly(BigDecimal.ONE), false));
    assertThat(r.findings(FindingType.OVERSIZE)).isEmpty();
    assertThat(r.findings(FindingType.HOUSEHOLD_OVERSIZE)).extracting(Finding::parcelId).containsExactly("Q1", "Q2");
    assertThat(r.findings(FindingType.HOUSEHOLD_OVERSIZE).get(0).excessM2()).isEqualByComparingTo("70.00");
    assertThat(r.findings(FindingType.HOUSEHOLD_OVERSIZE).get(0).householdParcelIds()).containsExactly("Q1", "Q2");
    // a household standard of 300 m² (--household-standard-m2) holds them
    HomesteadReport wide = HomesteadAnalysis.run(request(l, HomesteadFields.standard(), null, null,
        ReclamationTerms.quotaOnly(BigDecimal.ONE), false).withHousehold(HouseholdStandard.of(300.0, NATIONAL, "JTRK")));
    assertThat(wide.findings(FindingType.HOUSEHOLD_OVERSIZE)).isEmpty();
  }

  @Test
  void householdStandardBySizeFromTheProfile() throws Exception {
    // Sichuan-style rule: 30 m² per person, at least 3 and at most 5 persons counted
    PolicyProfile p = PolicyProfile.load(java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("hh", ".json"),
        """
        {"id": "t", "version": "1", "extends": "cn-national-default", "parameters": {
          "homestead.householdStandard": {"value": {"perCapitaM2": 30, "minPersons": 3, "maxPersons": 5},
            "source": "test"}}}
        """));
    HouseholdStandard h = HouseholdStandard.of(null, p, "JTRK");
    java.nio.file.Path f = java.nio.file.Path.of("ZJD.shp");
    // 2 persons → counted as 3 → 90; 4 → 120; 7 → 5 → 150; unknown size → null (the area standard applies)
    assertThat(h.forHousehold(List.of(parcel("2")), f)).isEqualByComparingTo("90");
    assertThat(h.forHousehold(List.of(parcel("4")), f)).isEqualByComparingTo("120");
    assertThat(h.forHousehold(List.of(parcel("7")), f)).isEqualByComparingTo("150");
    assertThat(h.forHousehold(List.of(parcel(null)), f)).isNull();
    assertThatThrownBy(() -> h.forHousehold(List.of(parcel("2.5")), f)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("JTRK");
  }

  static HomesteadParcel parcel(String size) {
    Map<String, Object> a = new HashMap<>();
    a.put("JTRK", size);
    return new HomesteadParcel(1, "X", "k", null, rect(0, 0, 10, 10), new BigDecimal("100.00"), null, false, false, a);
  }

  /**
   * 三调 check on the fixture (parcels at x = 50·(row − 1)): DLTB 0702 everywhere except x 100–150 (P3) which is
   * 0103 旱地; PBF x 250–255, y 0–15 over half of P6 (x 250–260): 5 × 15 = 75 m².
   */
  static Layer dltb() {
    List<org.landledger.io.Feature> fs = new java.util.ArrayList<>();
    fs.add(tb("1", rect(-10, -10, 110, 60), "0702"));
    fs.add(tb("2", rect(100, -10, 50, 60), "0103"));
    fs.add(tb("3", rect(150, -10, 200, 60), "0702"));
    return Layer.fromRows("DLTB", org.landledger.geo.Crs.epsg(4527), "Polygon", fs);
  }

  static org.landledger.io.Feature tb(String id, org.locationtech.jts.geom.Geometry g, String dlbm) {
    Map<String, Object> a = new java.util.LinkedHashMap<>();
    a.put("DLBM", dlbm);
    a.put("KCXS", 0.0);
    a.put("ZLDWDM", "220102001001");
    return new org.landledger.io.Feature(id, g, a);
  }

  @Test
  void exitOnFarmlandYieldsNoQuotaAndHomesteadsOnFarmlandAreReported() {
    Layer pbf = HomesteadFixture.polygons("YJJBNTTB", Map.of("BH", "J1"), rect(250, 0, 5, 15));
    HomesteadReport r = HomesteadAnalysis.run(request(HomesteadFixture.layer(), BY_ID_WITH_EXIT, null, null,
        ReclamationTerms.quotaOnly(BigDecimal.ONE), false).withLandUse(dltb(), pbf));
    Reclamation.Result x = r.reclamation();
    // exits P2 200, P3 100, P5 80, P7 100 = 480; P3 lies on 0103 → no quota: 480 − 100 = 380
    assertThat(x.exitedAreaM2()).isEqualByComparingTo("480");
    assertThat(x.quotaBaseM2()).isEqualByComparingTo("380");
    assertThat(x.netQuotaM2()).isEqualByComparingTo("380");
    assertThat(x.ledgerEntries().get(0).areaM2()).isEqualByComparingTo("380");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> excluded = (List<Map<String, Object>>) ((Map<String, Object>) r.toJson()
        .get("reclamation")).get("excludedExits");
    assertThat(excluded).singleElement().satisfies(e -> {
      assertThat(e.get("parcelId")).isEqualTo("P3");
      assertThat(e.get("dltbClass")).isEqualTo("0103");
      assertThat((BigDecimal) e.get("areaM2")).isEqualByComparingTo("100");
    });
    // 违法占用: P3 on 耕地 100 m²; P6 on PBF 75 m²
    assertThat(r.findings(FindingType.HOMESTEAD_ON_FARMLAND)).extracting(Finding::parcelId).containsExactly("P3", "P6");
    Finding p3 = r.findings(FindingType.HOMESTEAD_ON_FARMLAND).get(0);
    assertThat(p3.farmlandM2()).isEqualByComparingTo("100");
    assertThat(p3.permanentFarmlandM2()).isEqualByComparingTo("0");
    Finding p6 = r.findings(FindingType.HOMESTEAD_ON_FARMLAND).get(1);
    assertThat(p6.farmlandM2()).isEqualByComparingTo("0");
    assertThat(p6.permanentFarmlandM2()).isEqualByComparingTo("75");
    assertThat(r.toJson()).containsEntry("homesteadsOnFarmland", 2).containsKey("regime");
  }

  @Test
  void parcelWithoutOwnerIsReportedAndLeftOutOfHouseholds() {
    HomesteadReport r = run(HomesteadFields.standard(), null, null, ReclamationTerms.quotaOnly(BigDecimal.ONE));
    assertThat(r.register().issues()).singleElement().satisfies(i -> {
      assertThat(i.row()).isEqualTo(7);
      assertThat(i.parcelId()).isEqualTo("P7");
      assertThat(i.kind()).isEqualTo(ParcelIssue.Kind.NO_OWNER);
    });
    assertThat(r.register().parcels().get(6).householdKey()).isNull();
  }

  @Test
  void exitsWithoutResettlement() {
    // exits P2 200 + P3 100 + P5 80 + P7 100 = 480 m²; rate 1 → 480; no resettlement → net 480 m²
    // = 480 × 15 / 10000 = 0.72 亩; × 300 000 元/亩 = 216 000.00 元; no cost; households 0.85 → 183 600.00,
    // collective 32 400.00
    HomesteadReport r = run(BY_ID_WITH_EXIT, null, null, terms("1", "300000", null, "0.85"));
    Reclamation.Result x = r.reclamation();
    assertThat(x.exitedParcelIds()).containsExactly("P2", "P3", "P5", "P7");
    assertThat(x.exitedAreaM2()).isEqualByComparingTo("480");
    assertThat(x.resettlementM2()).isEqualByComparingTo("0");
    assertThat(x.netQuotaM2()).isEqualByComparingTo("480");
    assertThat(x.netQuotaMu()).isEqualByComparingTo("0.72");
    assertThat(x.valueYuan()).isEqualByComparingTo("216000.00");
    assertThat(x.householdsYuan()).isEqualByComparingTo("183600.00");
    assertThat(x.collectiveYuan()).isEqualByComparingTo("32400.00");
  }

  @Test
  void exitsWithResettlementCostsAndPerHouseholdLines() {
    // resettlement 12 × 10 = 120 m² → net 480 − 120 = 360 m² = 0.54 亩; value 0.54 × 300 000 = 162 000.00;
    // cost on the reclaimed 480 m² = 0.72 亩 × 10 000 = 7 200.00; net proceeds 154 800.00;
    // households 154 800 × 0.85 = 131 580.00; collective 23 220.00.
    // Lines by exited area (A 200, B 100, C 80, no owner 100; Σ 480): 131 580 × 200/480 = 54 825.00,
    // × 100/480 = 27 412.50, × 80/480 = 21 930.00, × 100/480 = 27 412.50 (Σ 131 580.00)
    Layer resettlement = HomesteadFixture.polygons("AZQ", Map.of("NAME", "安置区"), rect(1000, 0, 12, 10));
    HomesteadReport r = run(BY_ID_WITH_EXIT, null, resettlement, terms("1", "300000", "10000", "0.85"));
    Reclamation.Result x = r.reclamation();
    assertThat(x.resettlementM2()).isEqualByComparingTo("120");
    assertThat(x.netQuotaM2()).isEqualByComparingTo("360");
    assertThat(x.netQuotaMu()).isEqualByComparingTo("0.54");
    assertThat(x.valueYuan()).isEqualByComparingTo("162000.00");
    assertThat(x.reclamationCostYuan()).isEqualByComparingTo("7200.00");
    assertThat(x.netProceedsYuan()).isEqualByComparingTo("154800.00");
    assertThat(x.householdsYuan()).isEqualByComparingTo("131580.00");
    assertThat(x.collectiveYuan()).isEqualByComparingTo("23220.00");
    assertThat(x.lines()).extracting(Reclamation.CompensationLine::amountYuan).containsExactly(
        new BigDecimal("54825.00"), new BigDecimal("27412.50"), new BigDecimal("21930.00"), new BigDecimal("27412.50"));
    assertThat(x.lines().get(0).parcelIds()).containsExactly("P2");
    assertThat(x.lines().get(0).ownerMasked()).isEqualTo("220102*****1123");
    assertThat(x.lines().get(3).householdKey()).isNull();
    assertThat(x.notes()).singleElement().asString().contains("27412.50").contains("unassigned");
    // the ledger gets one surplus entry of 360 m² from the four exited parcels
    assertThat(r.ledgerEntries()).singleElement().satisfies(q -> {
      assertThat(q.areaM2()).isEqualByComparingTo("360");
      assertThat(q.sourceParcelIds()).containsExactly("P2", "P3", "P5", "P7");
    });
  }

  @Test
  void reclamationRateAndRoundingOfTheHouseholdShare() {
    // rate 0.9: 480 × 0.9 = 432 m² = 0.648 亩; × 123 457 = 80 000.136 → 80 000.14;
    // households × 0.7 = 56 000.098 → 56 000.10; collective 80 000.14 − 56 000.10 = 24 000.04
    HomesteadReport r = run(BY_ID_WITH_EXIT, null, null, terms("0.9", "123457", null, "0.7"));
    Reclamation.Result x = r.reclamation();
    assertThat(x.reclaimableM2()).isEqualByComparingTo("432");
    assertThat(x.netQuotaMu()).isEqualByComparingTo("0.648");
    assertThat(x.valueYuan()).isEqualByComparingTo("80000.14");
    assertThat(x.householdsYuan()).isEqualByComparingTo("56000.10");
    assertThat(x.collectiveYuan()).isEqualByComparingTo("24000.04");
    assertThat(x.lines().stream().map(Reclamation.CompensationLine::amountYuan).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("56000.10");
  }

  @Test
  void resettlementLargerThanReclaimedLeavesNoQuotaAndNoLedgerEntry() {
    // exits 480 m², resettlement 30 × 20 = 600 m² → net −120 m²: no value, nothing shared
    Layer resettlement = HomesteadFixture.polygons("AZQ", Map.of("NAME", "安置区"), rect(1000, 0, 30, 20));
    HomesteadReport r = run(BY_ID_WITH_EXIT, null, resettlement, terms("1", "300000", null, "0.85"));
    assertThat(r.reclamation().netQuotaM2()).isEqualByComparingTo("-120");
    assertThat(r.reclamation().valueYuan()).isEqualByComparingTo("0");
    assertThat(r.reclamation().notes()).isNotEmpty();
    assertThat(r.ledgerEntries()).isEmpty();
  }

  @Test
  void exitsLayerMatchedByIdOrByGeometry() {
    Layer byId = HomesteadFixture.polygons("TC", Map.of("ZDDM", "P3"), rect(100, 0, 10, 10));
    HomesteadReport r = run(HomesteadFields.standard(), byId, null, ReclamationTerms.quotaOnly(BigDecimal.ONE));
    assertThat(r.reclamation().exitedParcelIds()).containsExactly("P3");
    // geometry: covering 6 of P4's 10 m width (60 % ≥ 50 %) and 4 of P5's 8 m (50 % — on the bound, in);
    // P6 only 3 of 10 m (30 %) → out. P4 at x 150..170, P5 at 200..208, P6 at 250..260.
    Layer byGeom = HomesteadFixture.polygons("TC", Map.of("BZ", "退出"), rect(150, 0, 12, 12), rect(204, 0, 4, 10),
        rect(257, 0, 3, 15));
    r = run(HomesteadFields.standard(), byGeom, null, ReclamationTerms.quotaOnly(BigDecimal.ONE));
    assertThat(r.reclamation().exitedParcelIds()).containsExactly("P4", "P5");
    // 240 + 80
    assertThat(r.reclamation().exitedAreaM2()).isEqualByComparingTo("320");
    Layer unknown = HomesteadFixture.polygons("TC", Map.of("ZDDM", "P99"), rect(100, 0, 10, 10));
    assertThatThrownBy(() -> run(HomesteadFields.standard(), unknown, null, ReclamationTerms.quotaOnly(BigDecimal.ONE)))
        .isInstanceOf(InputDataException.class).hasMessageContaining("P99");
  }

  @Test
  void malformedIdsAreRefusedByRowWithMaskedValuesOrReportedWhenAllowed() {
    List<HomesteadFixture.Row> rows = HomesteadFixture.rows();
    rows.add(new HomesteadFixture.Row("P8", "220102198001011235", "钱七", 10, 10, "0"));
    rows.add(new HomesteadFixture.Row("P9", "2201021980", "孙八", 10, 10, "0"));
    Layer layer = HomesteadFixture.layer(rows);
    assertThatThrownBy(() -> HomesteadAnalysis.run(request(layer, HomesteadFields.standard(), null, null,
        ReclamationTerms.quotaOnly(BigDecimal.ONE), false)))
        .isInstanceOf(InputDataException.class)
        .hasMessageContaining("row 8 (P8)").hasMessageContaining("220102********1235")
        .hasMessageContaining("row 9 (P9)").hasMessageContaining("--allow-invalid-ids")
        .satisfies(e -> HomesteadFixture.RAW_IDS.forEach(id -> assertThat(e.getMessage()).doesNotContain(id)));

    HomesteadReport r = HomesteadAnalysis.run(request(layer, HomesteadFields.standard(), null, null,
        ReclamationTerms.quotaOnly(BigDecimal.ONE), true));
    assertThat(r.register().issues()).extracting(i -> i.row() + ":" + i.kind() + ":" + i.maskedValue())
        .containsExactly("7:NO_OWNER:null", "8:MALFORMED_ID:220102********1235", "9:MALFORMED_ID:22010*****");
    assertThat(r.households()).isEqualTo(4);
  }

  @Test
  void duplicateParcelIdsAreAlwaysRefused() {
    List<HomesteadFixture.Row> rows = HomesteadFixture.rows();
    rows.add(new HomesteadFixture.Row("P3", HomesteadFixture.D, "赵六", 10, 10, "0"));
    Layer layer = HomesteadFixture.layer(rows);
    assertThatThrownBy(() -> HomesteadAnalysis.run(request(layer, HomesteadFields.standard(), null, null,
        ReclamationTerms.quotaOnly(BigDecimal.ONE), true)))
        .isInstanceOf(InputDataException.class).hasMessageContaining("row 8 (P3)").hasMessageContaining("row 3");
  }

  @Test
  void householdFieldInsteadOfIdNumbers() {
    List<HomesteadFixture.Row> rows = HomesteadFixture.rows();
    Layer layer = HomesteadFixture.layer(rows).map(f -> {
      Map<String, Object> a = new HashMap<>(f.attributes());
      a.put("HH", f.id().equals("6") ? "户02" : "户01");
      return f.withAttributes(a);
    });
    layer = new Layer(new org.landledger.io.LayerSchema("ZJD", java.util.stream.Stream.concat(
        layer.schema().fields().stream(), java.util.stream.Stream.of(new org.landledger.io.Field("HH",
            org.landledger.io.FieldType.STRING))).toList(), "Polygon"), layer.crs(), layer.features(), "ZJD.shp");
    HomesteadReport r = HomesteadAnalysis.run(request(layer, HomesteadFields.standard().withHouseholdField("HH"), null,
        null, ReclamationTerms.quotaOnly(BigDecimal.ONE), false));
    // 户01: rows 1–5 and 7; 户02: row 6 → 2 households, one with six parcels
    assertThat(r.households()).isEqualTo(2);
    assertThat(r.multipleHomesteadHouseholds()).singleElement()
        .satisfies(e -> assertThat(e.getValue()).hasSize(6));
  }

  @Test
  void idleParcelsFromAStatusField() {
    HomesteadReport r = run(HomesteadFields.standard().withIdle("TC", java.util.Set.of("1")), null, null,
        ReclamationTerms.quotaOnly(BigDecimal.ONE));
    assertThat(r.findings(FindingType.IDLE)).extracting(Finding::parcelId).containsExactly("P2", "P3", "P5", "P7");
  }

  @Test
  void recordedAreaDisagreementIsReported() {
    Layer layer = HomesteadFixture.layer().map(f -> {
      if (!f.id().equals("3")) {
        return f;
      }
      Map<String, Object> a = new HashMap<>(f.attributes());
      a.put("ZDMJ", 105.5);
      return f.withAttributes(a);
    });
    HomesteadReport r = HomesteadAnalysis.run(request(layer, HomesteadFields.standard(), null, null,
        ReclamationTerms.quotaOnly(BigDecimal.ONE), false));
    // P3: geometry 100 m², ZDMJ 105.5 → diff −5.50 (tolerance 1 m²)
    assertThat(r.areaMismatches()).singleElement().satisfies(m -> {
      assertThat(m.parcelId()).isEqualTo("P3");
      assertThat(m.diffM2()).isEqualByComparingTo("-5.50");
    });
  }

  @Test
  void ellipsoidalAreaIsTheDefaultMeasure() {
    // P2 is 10 × 20 m, at 50 m east of the CM: GK scale there is ≈ 1 + 3e-11, so the ellipsoidal area
    // equals 200 m² to well within 0.01 m² and P2 stays "exactly at the standard"
    HomesteadReport r = HomesteadAnalysis.run(new HomesteadAnalysis.Request(HomesteadFixture.layer(),
        HomesteadFields.standard(), null, null, STD_200, ReclamationTerms.quotaOnly(BigDecimal.ONE),
        AreaMode.ELLIPSOIDAL, KEYS, NATIONAL, false, Map.of()));
    assertThat(r.register().parcels().get(1).areaM2().doubleValue()).isCloseTo(200.0,
        org.assertj.core.data.Offset.offset(0.01));
    assertThat(r.findings(FindingType.OVERSIZE)).extracting(Finding::parcelId).containsExactly("P1", "P4");
  }

  @Test
  void reportAndLayerCarryNoRawIdNumbers() {
    Layer resettlement = HomesteadFixture.polygons("AZQ", Map.of("NAME", "安置区"), rect(1000, 0, 12, 10));
    HomesteadReport r = run(BY_ID_WITH_EXIT, null, resettlement, terms("1", "300000", null, "0.85"));
    String json = Json.toString(r.toJson());
    String layer = r.parcelLayer().features().toString();
    String csv = r.compensationCsv();
    for (String id : HomesteadFixture.RAW_IDS) {
      assertThat(json).doesNotContain(id);
      assertThat(layer).doesNotContain(id);
      assertThat(csv).doesNotContain(id);
    }
    assertThat(json).contains("220102********1234").contains("\"households\" : 4");
    // names masked, ID field dropped
    assertThat(r.parcelLayer().features().get(0).attributes()).containsEntry("QLRMC", "张*").doesNotContainKey("ZJH");
  }

  @Test
  void areaStandardFromAProfileNeedsAProvince() {
    assertThatThrownBy(() -> AreaStandard.fromProfile(NATIONAL, null)).hasMessageContaining("--standard-m2");
    PolicyProfile example = PolicyProfile.load(java.nio.file.Path.of(
        "src/main/resources/org/landledger/policy/example-province-homestead.json"));
    assertThatThrownBy(() -> AreaStandard.fromProfile(example, null)).hasMessageContaining("--area-type");
    AreaStandard s = AreaStandard.fromProfile(example, "plain");
    assertThat(s.m2()).isEqualByComparingTo("250");
    assertThat(s.source()).contains("示例值");
  }

  @Test
  void ellipsoidalAreaFarFromTheCentralMeridianDecidesAtTheStandard() {
    // 10 × 20.004 m = 200.04 m² planar, 100 km east of the CM: GK area scale there ≈ 1 + x²/R² ≈ 1 + 1e10/4.06e13
    // ≈ 1.000246, so the ellipsoidal area ≈ 200.04 / 1.000246 ≈ 199.99 m² — within the standard, while the
    // planar area would flag it (+0.04 m²)
    org.locationtech.jts.geom.Polygon far = HomesteadFixture.GF.createPolygon(new org.locationtech.jts.geom.Coordinate[] {
        new org.locationtech.jts.geom.Coordinate(39_600_000, 4_000_000),
        new org.locationtech.jts.geom.Coordinate(39_600_010, 4_000_000),
        new org.locationtech.jts.geom.Coordinate(39_600_010, 4_000_020.004),
        new org.locationtech.jts.geom.Coordinate(39_600_000, 4_000_020.004),
        new org.locationtech.jts.geom.Coordinate(39_600_000, 4_000_000)});
    Layer one = HomesteadFixture.layer(List.of(HomesteadFixture.rows().get(0)))
        .map(f -> f.withGeometry(far));
    HomesteadReport ell = HomesteadAnalysis.run(new HomesteadAnalysis.Request(one, HomesteadFields.standard(), null,
        null, STD_200, ReclamationTerms.quotaOnly(BigDecimal.ONE), AreaMode.ELLIPSOIDAL, KEYS, NATIONAL, false,
        Map.of()));
    assertThat(ell.register().parcels().get(0).areaM2().doubleValue()).isBetween(199.98, 199.995);
    assertThat(ell.findings(FindingType.OVERSIZE)).isEmpty();
    HomesteadReport planar = HomesteadAnalysis.run(request(one, HomesteadFields.standard(), null, null,
        ReclamationTerms.quotaOnly(BigDecimal.ONE), false));
    assertThat(planar.findings(FindingType.OVERSIZE)).singleElement()
        .satisfies(f -> assertThat(f.excessM2()).isEqualByComparingTo("0.04"));
  }

  @Test
  void perParcelStandardsFromAnAreaTypeField() {
    PolicyProfile example = PolicyProfile.load(java.nio.file.Path.of(
        "src/main/resources/org/landledger/policy/example-province-homestead.json"));
    // example standards: suburban 200, plain 250, hilly 300. P1 (225 m²) is hilly → within 300; every other
    // parcel suburban: P2 200 = 200 → not flagged, P4 240 − 200 = +40, the rest ≤ 150
    Layer typed = withField(HomesteadFixture.layer(), "LX", id -> id.equals("1") ? "hilly" : "suburban");
    HomesteadReport r = HomesteadAnalysis.run(new HomesteadAnalysis.Request(typed, HomesteadFields.standard(), null,
        null, AreaStandards.byField(example, "LX"), ReclamationTerms.quotaOnly(BigDecimal.ONE), AreaMode.PLANAR, KEYS,
        example, false, Map.of()));
    assertThat(r.findings(FindingType.OVERSIZE)).extracting(f -> f.parcelId() + ":" + f.excessM2())
        .containsExactly("P4:40.00");
    Layer unknown = withField(HomesteadFixture.layer(), "LX", id -> id.equals("3") ? "desert" : "plain");
    assertThatThrownBy(() -> HomesteadAnalysis.run(new HomesteadAnalysis.Request(unknown, HomesteadFields.standard(),
        null, null, AreaStandards.byField(example, "LX"), ReclamationTerms.quotaOnly(BigDecimal.ONE), AreaMode.PLANAR,
        KEYS, example, false, Map.of())))
        .isInstanceOf(InputDataException.class).hasMessageContaining("P3").hasMessageContaining("desert")
        .hasMessageContaining("field LX");
  }

  static Layer withField(Layer layer, String field, java.util.function.Function<String, String> value) {
    Layer l = layer.map(f -> {
      Map<String, Object> a = new java.util.LinkedHashMap<>(f.attributes());
      a.put(field, value.apply(f.id()));
      return f.withAttributes(a);
    });
    return new Layer(new org.landledger.io.LayerSchema(layer.name(), java.util.stream.Stream.concat(
        layer.schema().fields().stream(), java.util.stream.Stream.of(new org.landledger.io.Field(field,
            org.landledger.io.FieldType.STRING))).toList(), "Polygon"), layer.crs(), l.features(), layer.location());
  }

  @Test
  void flagValuesMatchAsTextOrAsNumbers() {
    assertThat(HomesteadRegister.sameValue(1, "1")).isTrue();
    assertThat(HomesteadRegister.sameValue(1.0, "1")).isTrue();
    assertThat(HomesteadRegister.sameValue(1L, "1.00")).isTrue();
    assertThat(HomesteadRegister.sameValue(" 是 ", "是")).isTrue();
    assertThat(HomesteadRegister.sameValue(0, "1")).isFalse();
    assertThat(HomesteadRegister.sameValue("闲置", "1")).isFalse();
    assertThat(HomesteadRegister.sameValue(null, "1")).isFalse();
  }
}
