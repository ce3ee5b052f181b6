package org.landledger.io.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.filter.text.ecql.ECQL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.io.LayerReader;
import org.landledger.io.Layers;
import org.landledger.io.postgis.PgTestDatabase;
import org.locationtech.jts.geom.Envelope;

/**
 * On a piece of the sample county ({@code samples --scale small --seed 42}, at {@code LANDLEDGER_SAMPLE_SMALL} or
 * /work/data/small), copied into a GeoPackage and PostGIS with our own writers: the same queries give the same
 * features as the shapefile, and pages put together give the one big request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuerySampleTest {

  final Map<String, LayerReader> readers = new LinkedHashMap<>();
  PgTestDatabase pg;
  Envelope extent;

  @BeforeAll
  void copy(@TempDir Path dir) throws Exception {
    String env = System.getenv("LANDLEDGER_SAMPLE_SMALL");
    Path shp = Path.of(env != null && !env.isBlank() ? env : "/work/data/small").resolve("DLTB.shp");
    Assumptions.assumeTrue(Files.isRegularFile(shp), "no sample county at " + shp
        + " (samples --scale small --seed 42 --out DIR; LANDLEDGER_SAMPLE_SMALL=DIR): test skipped");
    Layer dltb = Layers.read(shp);
    Path gpkg = dir.resolve("county.gpkg");
    Layers.write(dltb.withName("DLTB"), gpkg);
    readers.put("shapefile", Layers.open(shp));
    readers.put("geopackage", Layers.open(gpkg + "#DLTB"));
    if (PgTestDatabase.url() != null) {
      pg = PgTestDatabase.create();
      Layers.write(dltb.withName("dltb"), pg.location("dltb"));
      readers.put("postgis", Layers.open(pg.location("dltb")));
    }
    extent = readers.get("shapefile").bounds();
  }

  @AfterAll
  void close() throws Exception {
    readers.values().forEach(LayerReader::close);
    if (pg != null) {
      pg.close();
    }
  }

  /** The features of {@code q} from every store, checked equal to the shapefile's; returns how many. */
  int same(Query q) {
    List<Feature> reference = null;
    for (Map.Entry<String, LayerReader> e : readers.entrySet()) {
      List<Feature> got;
      try (FeatureCursor c = e.getValue().query(q)) {
        got = c.stream().toList();
      }
      if (reference == null) {
        reference = got;
      } else {
        QueryStoresTest.assertSame("shapefile", reference, e.getKey(), got, q);
      }
    }
    return reference.size();
  }

  Envelope around(double cx, double cy, double half) {
    return new Envelope(cx - half, cx + half, cy - half, cy + half);
  }

  @Test
  void boxesFiltersSortAndTargetCrs() throws Exception {
    Envelope twoKm = around(extent.centre().x, extent.centre().y, 1000);
    int loose = same(Query.bbox(twoKm));
    int exact = same(Query.all().withBbox(twoKm, null, false));
    assertThat(loose).isGreaterThanOrEqualTo(exact).isPositive();
    assertThat(same(Query.all().withFilter(ECQL.toFilter("DLBM LIKE '01%'")))).isPositive();
    assertThat(same(Query.bbox(twoKm).withFilter(ECQL.toFilter("DLBM LIKE '010%' AND KCXS > 0.05")))).isPositive();
    same(Query.all().withFilter(ECQL.toFilter("GDDB BETWEEN 3 AND 6 OR DLMC IN ('水田', '旱地')"))
        .withSort(List.of(new Query.SortKey("TBMJ", false))).withPage(10, 25));
    same(Query.bbox(twoKm).withProperties(List.of("BSM", "DLBM")).withTargetCrs(Crs.epsg(4490)));
    same(Query.bbox(around(extent.centre().x, extent.centre().y, 300)).withTargetCrs(Crs.epsg(3857)));
  }

  @Test
  void pagesMakeTheWholeRequest() throws Exception {
    Query q = Query.all().withFilter(ECQL.toFilter("DLBM LIKE '0%'")).withSort(List.of(new Query.SortKey("DLBM", true),
        new Query.SortKey("TBMJ", false))).withProperties(List.of("BSM"));
    for (LayerReader r : readers.values()) {
      List<String> whole;
      try (FeatureCursor c = r.query(q)) {
        whole = c.stream().map(Feature::id).toList();
      }
      List<String> pages = new ArrayList<>();
      for (long off = 0; off < whole.size() + 100; off += 100) {
        try (FeatureCursor c = r.query(q.withPage(off, 100))) {
          c.stream().map(Feature::id).forEach(pages::add);
        }
      }
      assertThat(pages).as(r.location()).isEqualTo(whole);
      assertThat(r.count(q.withPage(5, 10))).isEqualTo(whole.size());
    }
  }
}
