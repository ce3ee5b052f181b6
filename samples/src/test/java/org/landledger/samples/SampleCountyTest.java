package org.landledger.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.landuse.LandUseCodes;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/** Properties of the small sample (generated once, twice over for the determinism check). */
class SampleCountyTest {

  @TempDir static Path tmp;
  static Path a;
  static Path b;
  static SampleSummary summary;
  static final LandUseCodes CODES = LandUseCodes.standard();

  @BeforeAll
  static void generate() {
    a = tmp.resolve("a");
    b = tmp.resolve("b");
    summary = SampleCounty.generate(a, Scale.SMALL, 7, Crs.epsg(4527));
    SampleCounty.generate(b, Scale.SMALL, 7, Crs.epsg(4527));
  }

  static Layer read(String name) {
    return Layers.read(a.resolve(name + ".shp"));
  }

  @Test
  void sameSeedGivesByteIdenticalFiles() throws IOException {
    List<String> names;
    try (var s = Files.list(a)) {
      names = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    try (var s = Files.list(b)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(names);
    }
    assertThat(names).hasSize(SampleCounty.LAYERS.size() * 5);
    for (String n : names) {
      assertThat(Files.readAllBytes(b.resolve(n))).as(n).isEqualTo(Files.readAllBytes(a.resolve(n)));
    }
  }

  @Test
  void anotherSeedGivesAnotherCounty() throws IOException {
    Path c = tmp.resolve("c");
    SampleCounty.generate(c, Scale.SMALL, 8, null);
    assertThat(Files.readAllBytes(c.resolve("DLTB.dbf"))).isNotEqualTo(Files.readAllBytes(a.resolve("DLTB.dbf")));
  }

  @Test
  void reprojectsToGeographicCgcs2000() throws IOException {
    Path g = tmp.resolve("g");
    SampleCounty.generate(g, Scale.SMALL, 7, Crs.epsg(4490));
    Layer geo = Layers.read(g.resolve("DLTB.shp"));
    assertThat(geo.crs().epsg()).isEqualTo(4490);
    assertThat(geo.size()).isEqualTo(read("DLTB").size());
    // Zone 39 (CM 117°E), northing ≈ 4 040 km: about 117.1°E, 36.5°N.
    assertThat(geo.bounds().centre().x).isBetween(116.9, 117.4);
    assertThat(geo.bounds().centre().y).isBetween(36.2, 36.8);
    // TBMJ (computed on the GK geometry) matches the ellipsoidal area of the reprojected polygon.
    AreaCalculator ellipsoidal = AreaCalculator.of(Crs.epsg(4490), AreaMode.ELLIPSOIDAL);
    for (Feature f : geo.features().subList(0, 200)) {
      assertThat(ellipsoidal.area(f.geometry())).isCloseTo(f.number("TBMJ"), org.assertj.core.data.Offset.offset(0.05));
    }
  }

  @Test
  void everyLayerIsPresentWithGbkAndPrj() throws IOException {
    for (String name : SampleCounty.LAYERS) {
      Layer l = read(name);
      assertThat(l.size()).as(name).isPositive();
      assertThat(l.crs().epsg()).isEqualTo(4527);
      assertThat(Files.readString(a.resolve(name + ".cpg"))).isEqualTo("GBK");
      assertThat(summary.layers().get(name)).isEqualTo(l.size());
    }
    assertThat(read("DLTB").size()).isGreaterThanOrEqualTo(2000);
    assertThat(read("XZQ").features()).allSatisfy(f -> {
      assertThat(f.string("XZQDM")).hasSize(9).startsWith(f.string("XJDM"));
      assertThat(f.string("XJDM")).hasSize(6);
      assertThat(f.string("XZQMC")).matches(".*(街道|镇|乡)");
    });
  }

  @Test
  void landUseIsACoverageOfTheCounty() {
    for (String name : List.of("DLTB", "DLTB_BEFORE")) {
      Layer l = read(name);
      Geometry[] gs = l.features().stream().map(Feature::geometry).toArray(Geometry[]::new);
      for (Feature f : l.features()) {
        assertThat(f.geometry().isValid()).as(name + " #" + f.id()).isTrue();
      }
      // No overlaps and no mismatched shared edges between neighbours.
      Geometry[] invalid = CoverageValidator.validate(gs);
      for (int i = 0; i < invalid.length; i++) {
        assertThat(invalid[i]).as(name + " #" + (i + 1) + " coverage").isNull();
      }
      Geometry union = CoverageUnion.union(gs);
      double sum = 0;
      for (Geometry g : gs) {
        sum += g.getArea();
      }
      assertThat(sum).isCloseTo(union.getArea(), org.assertj.core.data.Offset.offset(union.getArea() * 1e-9));
      // No gaps: the county is one polygon without holes.
      assertThat(union).isInstanceOf(Polygon.class);
      assertThat(((Polygon) union).getNumInteriorRing()).isZero();
    }
    // Townships cover the same area as the land-use polygons.
    double dltb = read("DLTB").features().stream().mapToDouble(f -> f.number("TBMJ")).sum();
    double xzq = read("XZQ").features().stream().mapToDouble(f -> f.number("MJ")).sum();
    assertThat(xzq).isCloseTo(dltb, org.assertj.core.data.Offset.offset(dltb * 1e-6));
  }

  @Test
  void codesAreValidAndAreasConsistent() {
    AreaCalculator ellipsoidal = AreaCalculator.of(Crs.epsg(4527), AreaMode.ELLIPSOIDAL);
    Set<String> seen = new HashSet<>();
    for (String name : List.of("DLTB", "DLTB_BEFORE")) {
      for (Feature f : read(name).features()) {
        String dlbm = f.string("DLBM");
        assertThat(CODES.isKnown(dlbm)).as(dlbm).isTrue();
        assertThat(f.string("DLMC")).isEqualTo(CODES.find(dlbm).orElseThrow().nameZh());
        seen.add(dlbm);
        double tbmj = f.number("TBMJ");
        double kcxs = f.number("KCXS");
        double kcmj = f.number("KCMJ");
        double tbdlmj = f.number("TBDLMJ");
        assertThat(Math.abs(kcmj - Math.rint(tbmj * kcxs * 100) / 100)).as("KCMJ #" + f.id()).isLessThan(0.0051);
        assertThat(Math.abs(tbmj - kcmj - tbdlmj)).as("TBDLMJ #" + f.id()).isLessThan(0.0051);
        assertThat(f.string("ZLDWDM")).hasSize(19).startsWith("379981");
        assertThat(f.string("QSDWDM")).hasSize(19);
        if (CODES.isFarmland(dlbm)) {
          assertThat(f.string("KCDLBM")).isEqualTo("1203");
          assertThat(kcxs).isBetween(0.02, 0.15);
          assertThat(f.number("GDDB")).isBetween(1.0, 15.0);
          assertThat(f.string("GDPDJB")).matches("[1-5]");
        } else {
          assertThat(kcxs).isZero();
          assertThat(f.string("KCDLBM")).isNull();
        }
        if (name.equals("DLTB") && Integer.parseInt(f.id()) % 50 == 0) {
          // TBMJ is the ellipsoidal area of the polygon as written.
          assertThat(tbmj).isCloseTo(ellipsoidal.area(f.geometry()), org.assertj.core.data.Offset.offset(0.011));
        }
      }
    }
    // A plausible mix: farmland, villages, town, water, forest, roads.
    assertThat(seen).contains("0101", "0102", "0103", "0702", "0701", "1101", "0301", "1003", "1006", "1004");
    for (Feature f : read("CJQ").features()) {
      assertThat(CODES.isKnown(f.string("FKDL"))).isTrue();
    }
    for (Feature f : read("JXQ").features()) {
      assertThat(CODES.isKnown(f.string("JSYT"))).isTrue();
      assertThat(CODES.isKnown(f.string("DLBM"))).isTrue();
    }
    for (Feature f : read("PLAN").features()) {
      assertThat(CODES.isKnown(f.string("GHYT"))).isTrue();
    }
  }

  @Test
  void homesteadsAreWellFormed() {
    Layer zjd = read("ZJD");
    Map<String, Integer> parcelsPerHousehold = new HashMap<>();
    Set<String> zddm = new HashSet<>();
    int oversize = 0;
    int exiting = 0;
    for (Feature f : zjd.features()) {
      assertThat(f.string("ZDDM")).hasSize(19).startsWith("379981").contains("JC");
      assertThat(zddm.add(f.string("ZDDM"))).as("unique ZDDM").isTrue();
      assertThat(org.landledger.privacy.IdNumbers.validate(f.string("ZJH")).valid()).as(f.string("ZJH")).isTrue();
      assertThat(f.string("QLRMC")).matches("\\p{IsHan}{2,3}");
      assertThat(f.geometry().isValid()).isTrue();
      parcelsPerHousehold.merge(f.string("HHBM"), 1, Integer::sum);
      if (f.number("ZDMJ") > 300) {
        oversize++;
      }
      exiting += f.number("TCBZ").intValue();
    }
    assertThat(parcelsPerHousehold.values()).anyMatch(n -> n > 1);
    // Resettlement sites house exactly the households with exiting parcels.
    Set<String> exitingHouseholds = new HashSet<>();
    zjd.features().stream().filter(f -> f.number("TCBZ") == 1).forEach(f -> exitingHouseholds.add(f.string("HHBM")));
    assertThat(read("AZQ").features().stream().mapToInt(f -> f.number("AZHS").intValue()).sum())
        .isEqualTo(exitingHouseholds.size());
    assertThat(oversize).isPositive();
    assertThat(exiting).isPositive();
  }

  @Test
  void planParcelsConflictOnPurpose() {
    STRtree pbf = index(read("YJJBNTTB"));
    STRtree red = index(read("STBHHX"));
    STRtree boundary = index(read("CZKFBJ"));
    int onPbf = 0;
    int onRed = 0;
    int outside = 0;
    for (Feature p : read("PLAN").features()) {
      if (overlap(pbf, p.geometry()) > 100) {
        onPbf++;
      }
      if (overlap(red, p.geometry()) > 100) {
        onRed++;
      }
      if (overlap(boundary, p.geometry()) < p.geometry().getArea() - 1) {
        outside++;
      }
    }
    assertThat(onPbf).isPositive();
    assertThat(onRed).isPositive();
    assertThat(outside).isPositive();
    // Permanent basic farmland stays clear of the urban development boundary.
    for (Feature f : read("CZKFBJ").features()) {
      assertThat(overlap(pbf, f.geometry())).isLessThan(1.0);
    }
  }

  @Test
  void finishedLinkageProjectsShowAsTransitions() {
    STRtree now = index(read("DLTB"));
    STRtree before = index(read("DLTB_BEFORE"));
    int reclaimed = 0;
    for (Feature f : read("CJQ").features()) {
      Point p = f.geometry().getInteriorPoint();
      assertThat(classAt(before, p)).isEqualTo("0702");
      if ("已验收".equals(f.string("XMZT"))) {
        assertThat(classAt(now, p)).isEqualTo(f.string("FKDL"));
        reclaimed++;
      } else {
        assertThat(classAt(now, p)).isEqualTo("0702");
      }
    }
    int built = 0;
    for (Feature f : read("JXQ").features()) {
      Point p = f.geometry().getInteriorPoint();
      assertThat(CODES.isFarmland(classAt(before, p))).isTrue();
      if ("已验收".equals(f.string("XMZT"))) {
        assertThat(classAt(now, p)).isEqualTo(f.string("JSYT"));
        built++;
      }
    }
    assertThat(reclaimed).isPositive();
    assertThat(built).isPositive();
    // Projects group several plots.
    Map<String, Integer> plots = new HashMap<>();
    read("CJQ").features().forEach(f -> plots.merge(f.string("XMBH"), 1, Integer::sum));
    assertThat(plots.values()).allMatch(n -> n >= 1).anyMatch(n -> n > 1);
  }

  @Test
  void earlierSurveyHasFarmlandLossesAndGains() {
    // Transfer matrix in a few cells: area (planar, m²) of each from → to pair, by overlay.
    Layer now = read("DLTB");
    STRtree before = index(read("DLTB_BEFORE"));
    double farmToBuilt = 0;
    double builtToFarm = 0;
    for (Feature f : now.features()) {
      String to = f.string("DLBM");
      for (Object o : before.query(f.geometry().getEnvelopeInternal())) {
        Feature g = (Feature) o;
        String from = g.string("DLBM");
        if (from.equals(to)) {
          continue;
        }
        double a = f.geometry().intersection(g.geometry()).getArea();
        if (CODES.isFarmland(from) && CODES.find(to).orElseThrow().construction()) {
          farmToBuilt += a;
        }
        if (CODES.find(from).orElseThrow().construction() && CODES.isFarmland(to)) {
          builtToFarm += a;
        }
      }
    }
    assertThat(farmToBuilt).isGreaterThan(10_000);
    assertThat(builtToFarm).isGreaterThan(1_000);
  }

  static STRtree index(Layer l) {
    STRtree t = new STRtree();
    for (Feature f : l.features()) {
      t.insert(f.geometry().getEnvelopeInternal(), f);
    }
    return t;
  }

  static double overlap(STRtree t, Geometry g) {
    double a = 0;
    for (Object o : t.query(g.getEnvelopeInternal())) {
      a += ((Feature) o).geometry().intersection(g).getArea();
    }
    return a;
  }

  static String classAt(STRtree t, Point p) {
    List<String> hits = new ArrayList<>();
    for (Object o : t.query(p.getEnvelopeInternal())) {
      Feature f = (Feature) o;
      if (f.geometry().covers(p)) {
        hits.add(f.string("DLBM"));
      }
    }
    // A point on a shared edge hits two polygons: then both must agree.
    assertThat(new HashSet<>(hits)).hasSize(1);
    return hits.get(0);
  }
}
