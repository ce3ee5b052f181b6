package org.landledger.io.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.FilterFactory;
import org.geotools.factory.CommonFactoryFinder;
import org.geotools.filter.text.ecql.ECQL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.Layer;
import org.landledger.io.LayerReader;
import org.landledger.io.LayerSchema;
import org.landledger.io.Layers;
import org.landledger.io.postgis.PgTestDatabase;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The same query against a shapefile, a GeoPackage, a PostGIS table (when {@code LANDLEDGER_PG_URL} is set) and a
 * GeoJSON file of one hand-made layer gives the same features — ids, attributes and geometry — and the ids worked
 * out by hand below; the stores push down what they say they do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryStoresTest {

  static final GeometryFactory GF = new GeometryFactory();
  static final double X0 = 39_500_000;
  static final double Y0 = 4_000_000;
  static final FilterFactory FF = CommonFactoryFinder.getFilterFactory();

  Path dir;
  PgTestDatabase pg;
  final Map<String, String> stores = new LinkedHashMap<>();
  /** One reader per store, shared by all queries (as a server would). */
  final Map<String, LayerReader> readers = new LinkedHashMap<>();

  static Geometry square(double x, double y) {
    return GF.toGeometry(new Envelope(X0 + x, X0 + x + 100, Y0 + y, Y0 + y + 100));
  }

  /** A box in layer coordinates relative to (X0, Y0). */
  static Envelope box(double x1, double y1, double x2, double y2) {
    return new Envelope(X0 + x1, X0 + x2, Y0 + y1, Y0 + y2);
  }

  static Map<String, Object> attrs(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /**
   * Nine 图斑 on a 200 m grid (squares of 100 m; feature 6 is the triangle (400,200) (500,200) (400,300), whose
   * hypotenuse is x + y = 700 in grid units). Values chosen to meet the edge cases: a literal '%' and '_', a line
   * feed, nulls, 'Ab'/'ab', a supplementary character (𠮷) against a fullwidth one (（, U+FF08), SQL in a value.
   */
  static Layer layer() {
    LayerSchema schema = new LayerSchema("dltb", List.of(new Field("DLBM", FieldType.STRING),
        new Field("DLMC", FieldType.STRING), new Field("KCXS", FieldType.DOUBLE), new Field("GDDB", FieldType.INTEGER),
        new Field("TBMJ", FieldType.LONG)), "Polygon");
    Geometry triangle = GF.createPolygon(new Coordinate[] {new Coordinate(X0 + 400, Y0 + 200),
        new Coordinate(X0 + 500, Y0 + 200), new Coordinate(X0 + 400, Y0 + 300), new Coordinate(X0 + 400, Y0 + 200)});
    List<Feature> fs = List.of(
        new Feature("1", square(0, 0), attrs("DLBM", "0101", "DLMC", "水田", "KCXS", 0.1, "GDDB", 2, "TBMJ", 10000L)),
        new Feature("2", square(200, 0), attrs("DLBM", "0102", "DLMC", "水浇地", "KCXS", 0.05, "GDDB", 5, "TBMJ", 10000L)),
        new Feature("3", square(400, 0), attrs("DLBM", "0201", "DLMC", "果园", "KCXS", null, "GDDB", null, "TBMJ", 10000L)),
        new Feature("4", square(0, 200), attrs("DLBM", "01%1", "DLMC", "Ab", "KCXS", 0.2, "GDDB", 7, "TBMJ", 20000L)),
        new Feature("5", square(200, 200), attrs("DLBM", "0111", "DLMC", "ab", "KCXS", 0.0, "GDDB", 2, "TBMJ", 30000L)),
        new Feature("6", triangle, attrs("DLBM", "x\ny", "DLMC", "𠮷田", "KCXS", 0.3, "GDDB", 3, "TBMJ", 5000L)),
        new Feature("7", square(0, 400), attrs("DLBM", null, "DLMC", "it's", "KCXS", 0.15, "GDDB", 9, "TBMJ", 40000L)),
        new Feature("8", square(200, 400), attrs("DLBM", "a_b", "DLMC", "（）", "KCXS", 0.12, "GDDB", 1, "TBMJ", 50000L)),
        new Feature("9", square(400, 400), attrs("DLBM", "axb", "DLMC", "'; DROP TABLE dltb; --", "KCXS", 0.08,
            "GDDB", 4, "TBMJ", 60000L)));
    return new Layer(schema, Crs.epsg(4527), fs, "dltb");
  }

  @BeforeAll
  void writeStores(@TempDir Path tmp) throws Exception {
    dir = tmp;
    Layer l = layer();
    Path shp = dir.resolve("dltb.shp");
    Layers.write(l, shp);
    stores.put("shapefile", shp.toString());
    Path gpkg = dir.resolve("dltb.gpkg");
    Layers.write(l, gpkg);
    stores.put("geopackage", gpkg + "#dltb");
    Path json = dir.resolve("dltb.geojson");
    Layers.write(l, json);
    stores.put("geojson", json.toString());
    if (PgTestDatabase.url() != null) {
      pg = PgTestDatabase.create();
      Layers.write(l, pg.location("dltb"));
      stores.put("postgis", pg.location("dltb"));
    }
    stores.forEach((k, v) -> readers.put(k, Layers.open(v)));
  }

  @AfterAll
  void dropSchema() throws Exception {
    readers.values().forEach(LayerReader::close);
    if (pg != null) {
      pg.close();
    }
  }

  /** Runs {@code q} on every store, checks they agree feature for feature, returns the ids. */
  List<String> ids(Query q) {
    List<Feature> reference = null;
    String referenceStore = null;
    for (Map.Entry<String, LayerReader> s : readers.entrySet()) {
      List<Feature> got;
      LayerReader r = s.getValue();
      try (FeatureCursor c = r.query(q)) {
        got = c.stream().toList();
        long unpaged;
        try (FeatureCursor all = r.query(q.withPage(0, Query.ALL))) {
          unpaged = all.stream().count();
        }
        assertThat(r.count(q)).as("%s count of %s", s.getKey(), q).isEqualTo(unpaged);
      }
      if (reference == null) {
        reference = got;
        referenceStore = s.getKey();
      } else {
        assertSame(referenceStore, reference, s.getKey(), got, q);
      }
    }
    return reference.stream().map(Feature::id).toList();
  }

  static void assertSame(String a, List<Feature> fa, String b, List<Feature> fb, Query q) {
    assertThat(fb.stream().map(Feature::id).toList()).as("%s vs %s ids for %s", b, a, q)
        .isEqualTo(fa.stream().map(Feature::id).toList());
    for (int i = 0; i < fa.size(); i++) {
      Feature x = fa.get(i);
      Feature y = fb.get(i);
      assertThat(normalized(y.attributes())).as("%s vs %s attributes of %s", b, a, x.id()).isEqualTo(normalized(x.attributes()));
      if (x.geometry() == null || y.geometry() == null) {
        assertThat(y.geometry()).as("%s vs %s geometry of %s", b, a, x.id()).isEqualTo(x.geometry());
      } else {
        Geometry gx = single(x.geometry()).norm();
        Geometry gy = single(y.geometry()).norm();
        // Reprojected by PROJ (PostGIS) or GeoTools: their Gauss–Krüger series differ by ~0.1 mm; allow 1 mm.
        double tol = q.targetCrs() == null ? 1e-6 : q.targetCrs().isGeographic() ? 1e-8 : 1e-3;
        assertThat(gy.equalsExact(gx, tol)).as("%s vs %s geometry of %s: %s vs %s", b, a, x.id(), gy, gx).isTrue();
      }
    }
  }

  /** Numbers as doubles (stores differ in integer widths), keys in order. */
  static Map<String, Object> normalized(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v instanceof Number n ? (Object) n.doubleValue() : v));
    return out;
  }

  static Geometry single(Geometry g) {
    return g.getNumGeometries() == 1 && g instanceof org.locationtech.jts.geom.GeometryCollection ? g.getGeometryN(0) : g;
  }

  static Query where(String ecql) throws Exception {
    return Query.all().withFilter(ECQL.toFilter(ecql));
  }

  static List<String> list(String... ids) {
    return List.of(ids);
  }

  @Test
  void boxesLooseAndExact() {
    // (150,50)–(250,250) meets square 2 (x 200–300, y 0–100) and square 5 (y 200–300); square 1 ends at x 100.
    assertThat(ids(Query.bbox(box(150, 50, 250, 250)))).containsExactly("2", "5");
    // (460,260)–(500,300) meets the triangle's envelope, not the triangle (460 + 260 = 720 > 700).
    assertThat(ids(Query.bbox(box(460, 260, 500, 300)))).containsExactly("6");
    assertThat(ids(Query.all().withBbox(box(460, 260, 500, 300), null, false))).isEmpty();
    // (50,50)–(250,250) exactly: squares 1, 2, 4 and 5 reach into it.
    assertThat(ids(Query.all().withBbox(box(50, 50, 250, 250), null, false))).containsExactly("1", "2", "4", "5");
    // A box given in EPSG:4490 around square 1's centre (a 1 m box, reprojected to the layer's CRS).
    Envelope centre = box(49.5, 49.5, 50.5, 50.5);
    Envelope lonLat = Crs.epsg(4527).transform(centre, Crs.epsg(4490));
    assertThat(ids(Query.all().withBbox(lonLat, Crs.epsg(4490), true))).containsExactly("1");
  }

  @Test
  void comparisonsNullsAndLogic() throws Exception {
    assertThat(ids(where("DLBM = '0101'"))).containsExactly("1");
    assertThat(ids(where("DLBM IS NULL"))).containsExactly("7");
    // 0.05, 0.08, 0.1 and 0.12 lie in [0.05, 0.12]; feature 3 has no KCXS.
    assertThat(ids(where("KCXS BETWEEN 0.05 AND 0.12"))).containsExactly("1", "2", "8", "9");
    assertThat(ids(where("GDDB IN (2, 5)"))).containsExactly("1", "2", "5");
    // NOT of a comparison with a null value is true (GeoTools), so feature 3 (GDDB null) is in.
    assertThat(ids(where("NOT (GDDB = 2)"))).containsExactly("2", "3", "4", "6", "7", "8", "9");
    assertThat(ids(where("DLBM <> '0101'"))).containsExactly("2", "3", "4", "5", "6", "7", "8", "9");
    // By code point: "'" (0x27), 'A' (0x41) and 'a' (0x61) come before 'b'; "it's", CJK and （ after.
    assertThat(ids(where("DLMC < 'b'"))).containsExactly("4", "5", "9");
    // GDDB > 3: 2 (5), 4 (7), 7 (9), 9 (4); of these KCXS < 0.15: 2 (0.05), 9 (0.08).
    assertThat(ids(where("GDDB > 3 AND KCXS < 0.15"))).containsExactly("2", "9");
    assertThat(ids(where("KCXS >= 0"))).containsExactly("1", "2", "4", "5", "6", "7", "8", "9");
    assertThat(ids(where("TBMJ BETWEEN 10000 AND 30000"))).containsExactly("1", "2", "3", "4", "5");
    assertThat(ids(where("DLMC = '水田'"))).containsExactly("1");
    assertThat(ids(where("GDDB = 2 OR DLBM LIKE 'a%'"))).containsExactly("1", "5", "8", "9");
  }

  @Test
  void geotoolsConversionsAreKeptWhereSqlWouldDiffer() throws Exception {
    // GeoTools converts 5.7 to the integer field's 5 (feature 2) and compares '0101' = 101 as numbers.
    assertThat(ids(where("GDDB = 5.7"))).containsExactly("2");
    assertThat(ids(where("DLBM = 101"))).containsExactly("1");
    // Case-insensitive match of text with case: 'Ab' and 'ab'.
    assertThat(ids(where("DLMC ILIKE 'AB'"))).containsExactly("4", "5");
    // A name that is not a field is null in every feature: nothing equals 1, everything IS NULL.
    assertThat(ids(where("FOO = 1"))).isEmpty();
    assertThat(ids(where("FOO IS NULL"))).hasSize(9);
  }

  @Test
  void likePatterns() throws Exception {
    // '0101', '0102', '01%1' and '0111' start with 01.
    assertThat(ids(where("DLBM LIKE '01%'"))).containsExactly("1", "2", "4", "5");
    // An escaped % is a literal %: only '01%1'.
    assertThat(ids(where("DLBM LIKE '01\\%1'"))).containsExactly("4");
    // A wildcard does not match the line feed of 'x\ny' (GeoTools' regex dot); null never matches.
    assertThat(ids(where("DLBM LIKE '%'"))).containsExactly("1", "2", "3", "4", "5", "8", "9");
    assertThat(ids(where("DLBM LIKE 'a_b'"))).containsExactly("8", "9");
    assertThat(ids(where("DLBM LIKE 'a\\_b'"))).containsExactly("8");
    // FES-style characters: * any, . one, ! escape.
    Filter fes = FF.like(FF.property("DLBM"), "01*", "*", ".", "!");
    assertThat(ids(Query.all().withFilter(fes))).containsExactly("1", "2", "4", "5");
    Filter fesOne = FF.like(FF.property("DLBM"), "a.b", "*", ".", "!");
    assertThat(ids(Query.all().withFilter(fesOne))).containsExactly("8", "9");
    // A literal line feed next to a wildcard: only 'x\ny'.
    assertThat(ids(Query.all().withFilter(FF.like(FF.property("DLBM"), "x\n%", "%", "_", "\\")))).containsExactly("6");
  }

  @Test
  void sortPagingAndProperties() throws Exception {
    // DLBM by code point, null first: '01%1' < '0101' < '0102' < '0111' < '0201' < 'a_b' < 'axb' < 'x\ny'.
    assertThat(ids(Query.all().withSort(List.of(new Query.SortKey("DLBM", true)))))
        .containsExactly("7", "4", "1", "2", "5", "3", "8", "9", "6");
    // DLMC descending by code point: 𠮷 (U+20BB7) > （ (U+FF08) > 水田 > 水浇地 > 果园 > it's > ab > Ab > '; …
    assertThat(ids(Query.all().withSort(List.of(new Query.SortKey("dlmc", false)))))
        .containsExactly("6", "8", "1", "2", "3", "7", "5", "4", "9");
    // GDDB ascending, null first, ties (1 and 5 both 2) in id order.
    Query byGrade = Query.all().withSort(List.of(new Query.SortKey("GDDB", true)));
    List<String> all = ids(byGrade);
    assertThat(all).containsExactly("3", "8", "1", "5", "6", "9", "2", "4", "7");
    List<String> paged = new ArrayList<>();
    for (int off = 0; off < 9; off += 2) {
      paged.addAll(ids(byGrade.withPage(off, 2)));
    }
    assertThat(paged).isEqualTo(all);
    assertThat(ids(byGrade.withPage(7, 5))).containsExactly("4", "7");
    // NOT (GDDB = 2) sorted by GDDB: 3, 8, 6, 9, 2, 4, 7; page 2 of 3 → 6, 9, 2.
    assertThat(ids(where("NOT (GDDB = 2)").withSort(byGrade.sort()).withPage(2, 3))).containsExactly("6", "9", "2");
    // A box with paging (ids descending): 5, 4, 2, 1 → skip 1, take 2.
    Query boxPage = Query.all().withBbox(box(50, 50, 250, 250), null, false)
        .withSort(List.of(new Query.SortKey(Query.SortKey.ID, false))).withPage(1, 2);
    assertThat(ids(boxPage)).containsExactly("4", "2");
    // Properties by any case, in schema order.
    for (String s : stores.values()) {
      try (LayerReader r = Layers.open(s); FeatureCursor c = r.query(where("DLBM = '0101'").withProperties(List.of("gddb", "dlbm")))) {
        Feature f = c.next();
        assertThat(f.attributes()).as(s).containsOnlyKeys("DLBM", "GDDB");
        assertThat(((Number) f.get("GDDB")).intValue()).isEqualTo(2);
      }
    }
  }

  @Test
  void targetCrs() {
    Query q = Query.bbox(box(150, 50, 250, 250)).withTargetCrs(Crs.epsg(4490));
    assertThat(ids(q)).containsExactly("2", "5");
    try (LayerReader r = Layers.open(stores.get("geopackage")); FeatureCursor c = r.query(q)) {
      // Square 2's corner (39 500 200, 4 000 000) lies 200 m east of the zone's central meridian 117°E.
      Coordinate first = c.next().geometry().getEnvelopeInternal().centre();
      assertThat(first.x).isBetween(117.002, 117.003);
      assertThat(first.y).isBetween(36.1, 36.2);
    }
  }

  @Test
  void storesSayWhatTheyPushDown() throws Exception {
    Query exact = where("DLBM LIKE '01%' AND GDDB > 1").withSort(List.of(new Query.SortKey("TBMJ", false)))
        .withPage(1, 2).withProperties(List.of("DLBM"));
    Query java = where("GDDB = 5.7");
    for (String store : List.of("geopackage", "postgis")) {
      if (!stores.containsKey(store)) {
        continue;
      }
      try (LayerReader r = Layers.open(stores.get(store))) {
        try (FeatureCursor c = r.query(exact)) {
          assertThat(c.pushedDown()).as(store).contains(PushDown.FILTER, PushDown.SORT, PushDown.PAGING, PushDown.PROPERTIES);
        }
        try (FeatureCursor c = r.query(java)) {
          assertThat(c.pushedDown()).as(store).doesNotContain(PushDown.FILTER, PushDown.PAGING);
        }
        try (FeatureCursor c = r.query(Query.bbox(box(150, 50, 250, 250)))) {
          assertThat(c.pushedDown()).as(store).contains(PushDown.BBOX);
        }
        assertThat(r.capabilities()).contains(PushDown.BBOX, PushDown.FILTER, PushDown.COUNT);
      }
    }
    try (LayerReader r = Layers.open(stores.get("geojson")); FeatureCursor c = r.query(Query.bbox(box(150, 50, 250, 250)))) {
      assertThat(c.pushedDown()).containsExactly(PushDown.BBOX);
    }
    if (stores.containsKey("postgis")) {
      try (LayerReader r = Layers.open(stores.get("postgis"));
          FeatureCursor c = r.query(Query.bbox(box(150, 50, 250, 250)).withTargetCrs(Crs.epsg(3857)))) {
        assertThat(c.pushedDown()).contains(PushDown.REPROJECT);
      }
    }
  }

  /** Filter text from a hostile client is a literal or a name that is not a field; the tables survive. */
  @Test
  void hostileFilterTextIsALiteral() throws Exception {
    String[] literals = {"x'; DROP TABLE dltb; --", "' OR '1'='1", "0101' OR 1=1 --", "/* comment */", "--", ";",
        "\"; DELETE FROM dltb; --", "水田'; DROP TABLE \"dltb\"; --", "%' OR DLBM LIKE '%", "\\' OR 1=1 --", "\u0000"};
    for (String lit : literals) {
      assertThat(ids(Query.all().withFilter(FF.equals(FF.property("DLBM"), FF.literal(lit))))).as(lit).isEmpty();
      assertThat(ids(Query.all().withFilter(FF.like(FF.property("DLMC"), lit + "%", "%", "_", "\\")))).as(lit).isEmpty();
    }
    // The value that holds SQL is found as the text it is.
    assertThat(ids(Query.all().withFilter(FF.equals(FF.property("DLMC"), FF.literal("'; DROP TABLE dltb; --")))))
        .containsExactly("9");
    String[] names = {"DLBM\"; DROP TABLE dltb; --", "DLBM = '0101' OR 1=1", "\"DLBM\"", "DLBM--", "t.DLBM", "*",
        "1=1) OR (1", "SELECT", "地类编码"};
    for (String name : names) {
      assertThat(ids(Query.all().withFilter(FF.equals(FF.property(name), FF.literal("0101"))))).as(name).isEmpty();
      assertThat(ids(Query.all().withSort(List.of(new Query.SortKey(name, true))))).as(name).hasSize(9);
    }
    assertThat(ids(Query.all().withProperties(List.of("DLBM; DROP TABLE dltb")))).hasSize(9);
    for (String s : stores.values()) {
      try (LayerReader r = Layers.open(s)) {
        assertThat(r.count()).as(s).isEqualTo(9);
      }
    }
    if (stores.containsKey("geopackage")) {
      assertThat(Files.exists(Path.of(stores.get("geopackage").replace("#dltb", "")))).isTrue();
    }
  }

  /**
   * Random filters (fixed seed) built from atoms that hit every translation rule — and those GeoTools evaluates
   * differently from SQL — give every store the features GeoTools gives on the shapefile (checked in ids()).
   */
  @Test
  void randomFiltersAgreeWithGeoTools() throws Exception {
    List<Filter> atoms = new ArrayList<>();
    for (String e : List.of("DLBM = '0101'", "DLBM = '01%1'", "DLBM <> 'axb'", "DLBM < '0111'", "DLBM >= 'a'",
        "DLBM BETWEEN '01' AND '02'", "DLBM LIKE '0%'", "DLBM LIKE '%1'", "DLBM LIKE '_1%'", "DLBM LIKE 'a%b'",
        "DLBM ILIKE 'A%'", "DLBM IS NULL", "KCXS IS NULL", "GDDB IS NULL", "KCXS > 0.1", "KCXS <= 0.05",
        "KCXS BETWEEN 0 AND 0.1", "KCXS = 0.12", "KCXS = '0.12'", "GDDB = 2", "GDDB >= '5'", "GDDB < 3.5",
        "GDDB BETWEEN 2 AND 4", "GDDB BETWEEN 1.5 AND 4", "TBMJ > 20000", "TBMJ = 10000", "DLMC = 'ab'",
        "DLMC ILIKE 'ab'", "DLMC > '水'", "DLMC < '（'", "DLMC < '10'", "FOO = 1", "FOO IS NULL", "INCLUDE", "EXCLUDE",
        "DLBM = 101", "GDDB = '2'", "GDDB = 2.0", "2 < GDDB", "'0102' = DLBM")) {
      atoms.add(ECQL.toFilter(e));
    }
    atoms.add(FF.like(FF.property("DLBM"), "%\n%", "%", "_", "\\"));
    atoms.add(FF.like(FF.property("DLBM"), "x\ny", "%", "_", "\\"));
    atoms.add(FF.equals(FF.property("DLBM"), FF.literal("x\ny")));
    java.util.Random random = new java.util.Random(20250615L);
    for (int i = 0; i < 100; i++) {
      Filter f = randomFilter(random, atoms, 3);
      Query q = Query.all().withFilter(f);
      if (random.nextInt(3) == 0) {
        q = q.withSort(List.of(new Query.SortKey(List.of("DLBM", "KCXS", "GDDB", "DLMC").get(random.nextInt(4)),
            random.nextBoolean()))).withPage(random.nextInt(3), 1 + random.nextInt(4));
      }
      ids(q);
    }
  }

  private static Filter randomFilter(java.util.Random r, List<Filter> atoms, int depth) {
    int kind = depth == 0 ? 0 : r.nextInt(4);
    return switch (kind) {
      case 1 -> FF.and(randomFilter(r, atoms, depth - 1), randomFilter(r, atoms, depth - 1));
      case 2 -> FF.or(randomFilter(r, atoms, depth - 1), randomFilter(r, atoms, depth - 1));
      case 3 -> FF.not(randomFilter(r, atoms, depth - 1));
      default -> atoms.get(r.nextInt(atoms.size()));
    };
  }
}
