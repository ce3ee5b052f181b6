package org.landledger.redline.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.io.InputDataException;

class CompensationLedgerTest {

  static final double EPS = 1e-9;

  static CompensationOwed owed(double area, double paddy, double kg) {
    return new CompensationOwed(area, paddy, kg, 0, Map.of());
  }

  /** The owed amounts of parcels A and C of the red-line fixture (see RedLineCheckTest). */
  static List<CompensationLedger.Claim> claims() {
    return List.of(new CompensationLedger.Claim("A", owed(1840, 1080, 2694)),
        new CompensationLedger.Claim("C", owed(380, 0, 456)));
  }

  static List<SupplementaryProject> projects() {
    return List.of(new SupplementaryProject("S1", "土地整治一期", 2000, 500, 2000),
        new SupplementaryProject("S2", null, 100, 0, 1000));
  }

  @Test
  void shortfallsPerIndicatorFirstComeFirstServed() {
    CompensationLedger.Result r = CompensationLedger.settle(claims(), projects());
    // Owed: area 1840 + 380 = 2220, paddy 1080, capacity 2694 + 456 = 3150.
    // Available: area 2000 + 100 = 2100, paddy 500, capacity 2000 + 1000 = 3000.
    assertThat(r.owed()).isEqualTo(new Amounts(2220, 1080, 3150));
    assertThat(r.available()).isEqualTo(new Amounts(2100, 500, 3000));
    // Area: A takes 1840 of S1 (160 left); C takes 160 of S1 and all 100 of S2 → 260, short 120.
    // Paddy: A takes S1's 500, short 580. Capacity: A takes S1's 2000 and 694 of S2 (306 left); C takes 306,
    // short 456 − 306 = 150.
    assertThat(r.shortfall().areaM2()).isCloseTo(120, within(EPS));
    assertThat(r.shortfall().paddyM2()).isCloseTo(580, within(EPS));
    assertThat(r.shortfall().capacityKg()).isCloseTo(150, within(EPS));
    assertThat(r.balanced()).isFalse();
    CompensationLedger.ClaimBalance a = r.claims().get(0);
    CompensationLedger.ClaimBalance c = r.claims().get(1);
    assertThat(a.shortfall()).isEqualTo(new Amounts(0, 580, 0));
    assertThat(c.shortfall().areaM2()).isCloseTo(120, within(EPS));
    assertThat(c.shortfall().paddyM2()).isZero();
    assertThat(c.shortfall().capacityKg()).isCloseTo(150, within(EPS));
    // Every project is used up on every indicator: no surplus.
    assertThat(r.surplus()).isEqualTo(Amounts.ZERO);
    // Allocations: area A←S1 1840, C←S1 160, C←S2 100; paddy A←S1 500; capacity A←S1 2000, A←S2 694, C←S2 306.
    assertThat(r.allocations()).hasSize(7);
    assertThat(r.allocations()).filteredOn(x -> x.indicator() == Indicator.AREA)
        .extracting(x -> x.parcelId() + "<" + x.projectId() + ":" + Math.round(x.amount()))
        .containsExactly("A<S1:1840", "C<S1:160", "C<S2:100");
  }

  @Test
  void enoughSupplementaryFarmlandBalancesAndLeavesSurplus() {
    List<SupplementaryProject> big = List.of(new SupplementaryProject("S", "高标准农田", 3000, 1500, 5000));
    CompensationLedger.Result r = CompensationLedger.settle(claims(), big);
    assertThat(r.balanced()).isTrue();
    // Surplus 3000 − 2220 = 780, 1500 − 1080 = 420, 5000 − 3150 = 1850.
    assertThat(r.surplus().areaM2()).isCloseTo(780, within(EPS));
    assertThat(r.surplus().paddyM2()).isCloseTo(420, within(EPS));
    assertThat(r.surplus().capacityKg()).isCloseTo(1850, within(EPS));
    assertThat(r.projects().get(0).used()).isEqualTo(new Amounts(2220, 1080, 3150));
  }

  @Test
  void noProjectsMeansEverythingIsShort() {
    CompensationLedger.Result r = CompensationLedger.settle(claims(), List.of());
    assertThat(r.shortfall()).isEqualTo(r.owed());
    assertThat(CompensationLedger.settle(List.of(), List.of()).balanced()).isTrue();
  }

  @Test
  void supplementaryProjectsFromCsvWithChineseHeaders(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("bcgd.csv");
    Files.writeString(csv, "\uFEFF项目编号,项目名称,补充耕地面积,水田面积,粮食产能\n"
        + "S1,\"土地整治一期,东片\",2000,500,2000\nS2,,100,0,1000\n", StandardCharsets.UTF_8);
    List<SupplementaryProject> ps = SupplementaryProjects.read(csv.toString(), null);
    assertThat(ps).containsExactly(new SupplementaryProject("S1", "土地整治一期,东片", 2000, 500, 2000),
        new SupplementaryProject("S2", null, 100, 0, 1000));
  }

  @Test
  void supplementaryCsvErrorsNameFileRowAndColumn(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("a.csv");
    Files.writeString(missing, "id,areaM2,capacityKg\nS1,10,5\n");
    assertThatThrownBy(() -> SupplementaryProjects.readCsv(missing)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("a.csv").hasMessageContaining("paddyM2");
    Path bad = dir.resolve("b.csv");
    Files.writeString(bad, "id,areaM2,paddyM2,capacityKg\nS1,10,20,5\n");
    assertThatThrownBy(() -> SupplementaryProjects.readCsv(bad)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("line 2").hasMessageContaining("exceeds");
    Path neg = dir.resolve("c.csv");
    Files.writeString(neg, "id,areaM2,paddyM2,capacityKg\nS1,abc,0,5\n");
    assertThatThrownBy(() -> SupplementaryProjects.readCsv(neg)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("areaM2").hasMessageContaining("not a number");
  }

  @Test
  void grainTableFromCsvAndTheLabelledExample(@TempDir Path dir) throws Exception {
    GrainCapacityTable ex = GrainCapacityTable.example();
    assertThat(ex.isExample()).isTrue();
    assertThat(ex.source()).contains("EXAMPLE");
    assertThat(ex.values()).hasSize(15);
    // 1600 − 100 × 5 = 1100 kg/亩; 666.67 m² = 1 亩 exactly as 10000/15.
    assertThat(ex.kgPerMu(5)).isEqualTo(1100.0);
    assertThat(ex.capacityKg(5, 10000.0 / 15, "test")).isCloseTo(1100, within(1e-9));

    Path csv = dir.resolve("grain.csv");
    Files.writeString(csv, "# 某县耕地等别产能表\n等别,产能\n7,950\n8,880\n");
    GrainCapacityTable t = GrainCapacityTable.load(csv);
    assertThat(t.isExample()).isFalse();
    assertThat(t.values()).containsExactly(Map.entry(7, 950.0), Map.entry(8, 880.0));
    // 1500 m² = 2.25 亩 × 880 = 1980 kg.
    assertThat(t.capacityKg(8, 1500, "test")).isCloseTo(1980, within(1e-9));
    // A grade the table lacks is bad input naming the table.
    assertThatThrownBy(() -> t.capacityKg(9, 1, "plan parcel A")).isInstanceOf(InputDataException.class)
        .hasMessageContaining("grain.csv").hasMessageContaining("grade 9");
    Path dup = dir.resolve("dup.csv");
    Files.writeString(dup, "grade,kgPerMu\n7,950\n7,900\n");
    assertThatThrownBy(() -> GrainCapacityTable.load(dup)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("twice");
  }

  @Test
  void supplementaryProjectsFromALayerMeasureTheGeometryWhenNoAreaField() {
    org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
    double x = 39_500_000;
    double y = 4_000_000;
    // A 100 m × 50 m rectangle on the central meridian: 5000 m² planar, the same on the ellipsoid to < 0.1 m².
    org.locationtech.jts.geom.Polygon p = gf.createPolygon(new org.locationtech.jts.geom.Coordinate[] {
        new org.locationtech.jts.geom.Coordinate(x, y), new org.locationtech.jts.geom.Coordinate(x + 100, y),
        new org.locationtech.jts.geom.Coordinate(x + 100, y + 50), new org.locationtech.jts.geom.Coordinate(x, y + 50),
        new org.locationtech.jts.geom.Coordinate(x, y)});
    org.landledger.io.Layer layer = new org.landledger.io.Layer(new org.landledger.io.LayerSchema("BCGD", List.of(),
        "Polygon"), org.landledger.geo.Crs.epsg(4527), List.of(new org.landledger.io.Feature("1", p,
        Map.of("XMBH", "TZ-01", "XMMC", "土地整治", "STMJ", 1200.0, "LSCN", 3000.0))), "BCGD.gpkg");
    SupplementaryProject sp = SupplementaryProjects.fromLayer(layer).get(0);
    assertThat(sp.id()).isEqualTo("TZ-01");
    assertThat(sp.name()).isEqualTo("土地整治");
    assertThat(sp.areaM2()).isCloseTo(5000, within(0.1));
    assertThat(sp.paddyM2()).isEqualTo(1200.0);
    assertThat(sp.capacityKg()).isEqualTo(3000.0);
  }
}
