package org.landledger.landuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.Layer;
import org.landledger.io.LayerSchema;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** The engine lookup, and the local engine giving exactly {@link LandUseOverlay#pieces}. */
class OverlayEnginesTest {

  static final GeometryFactory GF = new GeometryFactory();
  static final double X = 39_500_000;
  static final double Y = 4_000_000;

  static Polygon rect(double x, double y, double w, double h) {
    return GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + w, y),
        new Coordinate(x + w, y + h), new Coordinate(x, y + h), new Coordinate(x, y)});
  }

  static Map<String, Object> attrs(String dlbm, double kcxs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("DLBM", dlbm);
    m.put("KCDLBM", kcxs > 0 ? "1203" : null);
    m.put("KCXS", kcxs);
    return m;
  }

  /**
   * Three 100 m cells listed right to left (layer order ≠ x order): c3 = 0702 at x 200…300, c2 = 0103 (KCXS 0.05)
   * at x 100…200, c1 = 0101 (KCXS 0.1) at x 0…100.
   */
  static LandUseOverlay overlay() {
    LayerSchema s = new LayerSchema("DLTB", List.of(new Field("DLBM", FieldType.STRING),
        new Field("KCDLBM", FieldType.STRING), new Field("KCXS", FieldType.DOUBLE)), "Polygon");
    Layer dltb = new Layer(s, Crs.epsg(4527), List.of(
        new Feature("c3", rect(X + 200, Y, 100, 100), attrs("0702", 0)),
        new Feature("c2", rect(X + 100, Y, 100, 100), attrs("0103", 0.05)),
        new Feature("c1", rect(X, Y, 100, 100), attrs("0101", 0.1))));
    return new LandUseOverlay(dltb, AreaCalculator.of(Crs.epsg(4527), AreaMode.PLANAR));
  }

  @Test
  void localIsTheDefaultAndNeedsNoModule() {
    assertThat(OverlayEngines.named("local", Map.of())).isSameAs(LocalOverlayEngine.INSTANCE);
    assertThat(OverlayEngines.named(" LOCAL ", null)).isSameAs(LocalOverlayEngine.INSTANCE);
    assertThat(OverlayEngines.named(null, Map.of())).isSameAs(LocalOverlayEngine.INSTANCE);
    assertThat(LocalOverlayEngine.INSTANCE.describe()).containsExactly(Map.entry("engine", "local"));
  }

  @Test
  void unknownEngineIsABadArgumentNamingTheAvailableOnes() {
    assertThatThrownBy(() -> OverlayEngines.named("hadoop", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown engine 'hadoop'")
        .hasMessageContaining("local");
  }

  @Test
  void sedonaWithoutTheSparkModuleSaysHowToGetIt() {
    // core's tests never have the spark module on the classpath
    assertThatThrownBy(() -> OverlayEngines.named("sedona", Map.of("sparkMaster", "local[2]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not on the classpath")
        .hasMessageContaining("./landledger")
        .hasMessageContaining("-Pspark");
  }

  @Test
  void localEngineGivesTheOverlaysPiecesInLayerOrder() {
    LandUseOverlay lu = overlay();
    // t0 spans all three cells (x 50…250, y 0…20): 50×20 = 1 000 m² of c1, 100×20 = 2 000 of c2, 50×20 = 1 000
    // of c3; t1 lies in c2 only (10×10 = 100 m²); t2 is null, t3 empty, t4 far away: no pieces.
    List<Geometry> targets = new ArrayList<>(List.of(rect(X + 50, Y, 200, 20), rect(X + 150, Y + 50, 10, 10)));
    targets.add(null);
    targets.add(GF.createPolygon());
    targets.add(rect(X + 9_000, Y, 10, 10));
    OverlayEngine.Pieces pieces = LocalOverlayEngine.INSTANCE.pieces(targets, lu);
    for (int i = 0; i < targets.size(); i++) {
      assertThat(pieces.of(i)).isEqualTo(lu.pieces(targets.get(i)));
    }
    assertThat(pieces.of(0)).extracting(p -> p.feature().id()).containsExactly("c3", "c2", "c1");
    assertThat(pieces.of(0)).extracting(LandUseOverlay.Piece::areaM2).containsExactly(1_000.0, 2_000.0, 1_000.0);
    // 田坎: c1 1 000 × 0.9 = 900 to 0101, c2 2 000 × 0.95 = 1 900 to 0103, 100 + 100 = 200 to 1203, 1 000 to 0702
    assertThat(LandUseOverlay.areaByCode(pieces.of(0)))
        .containsExactlyInAnyOrderEntriesOf(Map.of("0101", 900.0, "0103", 1_900.0, "1203", 200.0, "0702", 1_000.0));
    assertThat(LandUseOverlay.grossArea(pieces.of(1))).isEqualTo(100.0);
    assertThat(pieces.of(2)).isEmpty();
    assertThat(pieces.of(3)).isEmpty();
    assertThat(pieces.of(4)).isEmpty();
  }

  @Test
  void localEngineReadsTargetsOnlyWhenAsked() {
    LandUseOverlay lu = overlay();
    List<Integer> read = new ArrayList<>();
    List<Geometry> targets = OverlayEngine.targets(List.of(0, 1), i -> {
      read.add(i);
      return rect(X + 10 + i * 100, Y + 10, 10, 10);
    });
    OverlayEngine.Pieces pieces = LocalOverlayEngine.INSTANCE.pieces(targets, lu);
    assertThat(read).isEmpty();
    assertThat(pieces.of(1)).extracting(p -> p.feature().id()).containsExactly("c2");
    assertThat(read).containsExactly(1);
  }
}
