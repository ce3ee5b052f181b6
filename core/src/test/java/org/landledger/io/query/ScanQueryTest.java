package org.landledger.io.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.geotools.filter.text.ecql.ECQL;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.LayerReader;
import org.landledger.io.LayerSchema;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/** The default (scan) answer to a query, on five hand-placed features. */
class ScanQueryTest {

  private static final GeometryFactory GF = new GeometryFactory();
  private static final Crs CRS = Crs.epsg(4527);
  private static final LayerSchema SCHEMA = new LayerSchema("T",
      List.of(new Field("DLBM", FieldType.STRING), new Field("KCXS", FieldType.DOUBLE)), "Polygon");

  /** Unit squares at x = 0, 2, 4, 6, 8 (y 0–1); id i+1; DLBM alternating 0101/0301; KCXS = i/10. */
  private static Feature square(int i) {
    double x = 2.0 * i;
    return new Feature(String.valueOf(i + 1), GF.toGeometry(new Envelope(x, x + 1, 0, 1)),
        Map.of("DLBM", i % 2 == 0 ? "0101" : "0301", "KCXS", i / 10.0));
  }

  private static final LayerReader READER = new LayerReader() {
    public String location() { return "memory"; }
    public LayerSchema schema() { return SCHEMA; }
    public Crs crs() { return CRS; }
    public Charset encoding() { return null; }
    public long count() { return 5; }
    public Envelope bounds() { return new Envelope(0, 9, 0, 1); }
    public Stream<Feature> features() { return Stream.of(0, 1, 2, 3, 4).map(ScanQueryTest::square); }
    public void close() {}
  };

  private static List<String> ids(Query q) {
    try (FeatureCursor c = READER.query(q)) {
      return c.stream().map(Feature::id).toList();
    }
  }

  @Test
  void looseBoxMatchesEnvelopesExactBoxMatchesGeometry() throws Exception {
    // Box x 1.5–4.5, y 0.5–2: meets squares 2 (x 2–3) and 3 (x 4–5).
    assertThat(ids(Query.bbox(new Envelope(1.5, 4.5, 0.5, 2)))).containsExactly("2", "3");
    // A triangle's envelope meets the box, the triangle does not: (0,0) (1,0) (0,1) vs box x 0.6–1, y 0.6–1.
    LayerReader tri = new LayerReader() {
      public String location() { return "t"; }
      public LayerSchema schema() { return SCHEMA; }
      public Crs crs() { return CRS; }
      public Charset encoding() { return null; }
      public long count() { return 1; }
      public Envelope bounds() { return new Envelope(0, 1, 0, 1); }
      public Stream<Feature> features() {
        return Stream.of(new Feature("1", GF.createPolygon(new Coordinate[] {new Coordinate(0, 0),
            new Coordinate(1, 0), new Coordinate(0, 1), new Coordinate(0, 0)}), Map.of()));
      }
      public void close() {}
    };
    Envelope corner = new Envelope(0.6, 1, 0.6, 1);
    assertThat(tri.count(Query.bbox(corner))).isEqualTo(1);
    assertThat(tri.count(Query.all().withBbox(corner, null, false))).isZero();
  }

  @Test
  void filterSortPageAndProperties() throws Exception {
    Query farmland = Query.all().withFilter(ECQL.toFilter("DLBM = '0101'"));
    assertThat(ids(farmland)).containsExactly("1", "3", "5");
    assertThat(READER.count(farmland.withPage(1, 1))).isEqualTo(3); // hits ignore paging
    assertThat(ids(farmland.withSort(List.of(new Query.SortKey("KCXS", false))))).containsExactly("5", "3", "1");
    assertThat(ids(farmland.withSort(List.of(new Query.SortKey(Query.SortKey.ID, false))).withPage(1, 1)))
        .containsExactly("3");
    try (FeatureCursor c = READER.query(farmland.withProperties(List.of("kcxs")).withGeometry(false))) {
      Feature f = c.next();
      assertThat(f.attributes()).containsOnlyKeys("KCXS");
      assertThat(f.geometry()).isNull();
    }
  }

  @Test
  void boxInAnotherCrsAndReprojectedOutput() {
    // Square 1 in EPSG:4527 at x 0–1 lies far outside the zone: use a real place instead.
    Envelope inLayer = new Envelope(39_500_000, 39_500_100, 3_300_000, 3_300_100);
    Envelope inGeo = CRS.transform(inLayer, Crs.epsg(4490));
    assertThat(inGeo.getMinX()).isBetween(116.9, 117.1); // zone 39 central meridian 117°E
    Envelope back = Crs.epsg(4490).transform(inGeo, CRS);
    assertThat(back.contains(inLayer)).isTrue();
  }
}
