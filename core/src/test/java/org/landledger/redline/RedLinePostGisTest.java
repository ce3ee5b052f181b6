package org.landledger.redline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.landledger.redline.RedLineFixture.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.io.ReadOptions;
import org.landledger.io.WriteOptions;
import org.landledger.io.postgis.PgTestDatabase;

/** The red-line check gives the same answers on inputs kept in PostGIS as on files and in memory. */
class RedLinePostGisTest {

  static PgTestDatabase db;

  @BeforeEach
  void database() throws Exception {
    if (db == null) {
      db = PgTestDatabase.create();
    }
  }

  @AfterAll
  static void drop() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void sameResultFromPostGisFromGeoPackageAndInMemory(@TempDir Path dir) {
    List<Layer> layers = List.of(landUse().withName("DLTB"), pbf().withName("YJJBNTTB"), eco().withName("STBHHX"),
        dev().withName("CZKFBJ"), standardPlan().withName("GHYD"));
    Path gpkg = dir.resolve("county.gpkg");
    Layers.write(layers, gpkg, WriteOptions.DEFAULT);
    Layers.write(layers, db.location(null), WriteOptions.DEFAULT);

    RedLineCheck check = new RedLineCheck(RedLineOptions.DEFAULT);
    RedLineResult inMemory = RedLineCheckTest.runStandard(RedLineOptions.DEFAULT);
    RedLineResult fromFile = check.run(RedLineInputs.read(gpkg + "#DLTB", gpkg + "#YJJBNTTB", gpkg + "#STBHHX",
        gpkg + "#CZKFBJ", gpkg + "#GHYD", "XMBH", null, null, ReadOptions.DEFAULT));
    RedLineResult fromDb = check.run(RedLineInputs.read(db.location("DLTB"), db.location("YJJBNTTB"),
        db.location("STBHHX"), db.location("CZKFBJ"), db.location("GHYD"), "XMBH", null, null, ReadOptions.DEFAULT));

    for (RedLineResult r : List.of(fromFile, inMemory)) {
      assertThat(fromDb.parcels()).extracting(RedLinePostGisTest::numbers)
          .containsExactlyElementsOf(r.parcels().stream().map(RedLinePostGisTest::numbers).toList());
      for (int i = 0; i < r.parcels().size(); i++) {
        assertThat(fromDb.parcels().get(i).geometry().getArea()).isEqualTo(r.parcels().get(i).geometry().getArea());
      }
      assertThat(fromDb.totals()).isEqualTo(r.totals());
    }
    // Not vacuous: the fixture's parcel A does overlap permanent farmland (200 m² planar, see RedLineCheckTest).
    assertThat(RedLineCheckTest.parcel(fromDb, "A").permanentFarmlandM2()).isGreaterThan(199.0);
  }

  /** A parcel's answers (plain values; geometries compared apart — deep comparison of JTS graphs is slow). */
  static List<Object> numbers(ParcelResult p) {
    return List.of(p.id(), p.status(), p.areaM2(), p.farmlandM2(), p.farmlandNetM2(), p.paddyM2(),
        p.permanentFarmlandM2(), String.valueOf(p.ecoRedlineM2()), String.valueOf(p.outsideDevBoundaryM2()),
        p.byLandUse(), String.valueOf(p.owed()), p.conflicts().size(), String.valueOf(p.geometryIssue()));
  }
}
