package org.landledger.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.Layer;
import org.landledger.io.LayerSchema;
import org.landledger.landuse.LandUseOverlay;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Sedona (local[2]) gives exactly the local engine's pieces and areas. */
class SedonaOverlayTest {

  static final GeometryFactory GF = new GeometryFactory();
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SedonaOverlay.session("local[2]");
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  static Polygon rect(double x, double y, double w, double h) {
    return GF.createPolygon(new Coordinate[] {
        new Coordinate(x, y), new Coordinate(x + w, y), new Coordinate(x + w, y + h),
        new Coordinate(x, y + h), new Coordinate(x, y)});
  }

  static Map<String, Object> attrs(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static final double X = 39_500_000;
  static final double Y = 4_000_000;

  /** Four 100 m DLTB cells in a row (EPSG:4527): 0101 (KCXS 0.1), 0103 (KCXS 0.05), 0702, 1006. */
  static Layer dltb() {
    LayerSchema s = new LayerSchema("DLTB", List.of(new Field("DLBM", FieldType.STRING),
        new Field("KCDLBM", FieldType.STRING), new Field("KCXS", FieldType.DOUBLE)), "Polygon");
    return new Layer(s, Crs.epsg(4527), List.of(
        new Feature("1", rect(X, Y, 100, 100), attrs("DLBM", "0101", "KCDLBM", "1203", "KCXS", 0.1)),
        new Feature("2", rect(X + 100, Y, 100, 100), attrs("DLBM", "0103", "KCDLBM", "1203", "KCXS", 0.05)),
        new Feature("3", rect(X + 200, Y, 100, 100), attrs("DLBM", "0702", "KCDLBM", null, "KCXS", 0.0)),
        new Feature("4", rect(X + 300, Y, 100, 100), attrs("DLBM", "1006", "KCDLBM", null, "KCXS", 0.0))));
  }

  /**
   * Plans: A spans cells 1–2 (x 50…150, y 0…40: 50×40 = 2 000 m² in each); B lies inside cell 3
   * (20×20 = 400 m²); C only touches cell 4's top edge (no area); D is far away.
   */
  static Layer plans() {
    LayerSchema s = new LayerSchema("GHYD", List.of(new Field("XMMC", FieldType.STRING)), "Polygon");
    return new Layer(s, Crs.epsg(4527), List.of(
        new Feature("A", rect(X + 50, Y, 100, 40), attrs("XMMC", "甲")),
        new Feature("B", rect(X + 240, Y + 40, 20, 20), attrs("XMMC", "乙")),
        new Feature("C", rect(X + 300, Y + 100, 50, 50), attrs("XMMC", "丙")),
        new Feature("D", rect(X + 5_000, Y, 10, 10), attrs("XMMC", "丁"))));
  }

  @Test
  void samePiecesAndAreasAsTheLocalEngine() {
    for (AreaMode mode : AreaMode.values()) {
      LandUseOverlay local = new LandUseOverlay(dltb(), AreaCalculator.of(Crs.epsg(4527), mode));
      Map<String, List<LandUseOverlay.Piece>> distributed = new SedonaOverlay(spark).pieces(plans(), local);
      assertThat(distributed.keySet()).containsExactly("A", "B", "C", "D");
      for (Feature plan : plans().features()) {
        List<LandUseOverlay.Piece> expected = local.pieces(plan.geometry());
        List<LandUseOverlay.Piece> actual = distributed.get(plan.id());
        assertThat(actual).extracting(p -> p.feature().id())
            .containsExactlyElementsOf(expected.stream().map(p -> p.feature().id()).toList());
        for (int i = 0; i < expected.size(); i++) {
          assertThat(actual.get(i).areaM2()).as("%s × %s (%s)", plan.id(), expected.get(i).feature().id(), mode)
              .isEqualTo(expected.get(i).areaM2());
          assertThat(actual.get(i).geometry().equalsExact(expected.get(i).geometry())).isTrue();
        }
        assertThat(LandUseOverlay.areaByCode(actual)).isEqualTo(LandUseOverlay.areaByCode(expected));
      }
      if (mode == AreaMode.PLANAR) {
        // By hand: A = 2 000 m² of 0101 (KCXS 0.1 → 1 800 to 0101, 200 to 1203) and 2 000 m² of 0103
        // (KCXS 0.05 → 1 900 to 0103, 100 to 1203); B = 400 m² of 0702; C and D nothing.
        assertThat(LandUseOverlay.areaByCode(distributed.get("A")))
            .containsOnlyKeys("0101", "0103", "1203")
            .satisfies(m -> {
              assertThat(m.get("0101")).isCloseTo(1_800.0, within(1e-9));
              assertThat(m.get("0103")).isCloseTo(1_900.0, within(1e-9));
              assertThat(m.get("1203")).isCloseTo(300.0, within(1e-9));
            });
        assertThat(LandUseOverlay.grossArea(distributed.get("B"))).isEqualTo(400.0);
        assertThat(distributed.get("C")).isEmpty();
        assertThat(distributed.get("D")).isEmpty();
      }
    }
  }
}
