package org.landledger.io.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2gis.functions.io.shp.internal.SHPDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.Layer;
import org.landledger.io.LayerSchema;
import org.landledger.io.Layers;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.CoordinateArraySequence;
import org.locationtech.jts.io.WKTReader;

/**
 * Our shape decoder returns exactly what H2GIS's shapefile driver (the reader before it) returned: same geometry
 * types, ring order and assignment of holes, coordinates — on files written by the H2GIS writer and on records
 * written by hand that no writer produces (hole-only, open rings, holes outside every shell).
 */
class ShapeDecoderH2gisTest {

  private static List<Geometry> viaDriver(Path shp) throws Exception {
    SHPDriver d = new SHPDriver();
    d.initDriverFromFile(shp.toAbsolutePath().toFile(), "UTF-8");
    try {
      List<Geometry> out = new ArrayList<>();
      for (long r = 0; r < d.getRowCount(); r++) {
        out.add(((org.h2.value.ValueGeometry) d.getField(r, d.getGeometryFieldIndex())).getGeometry());
      }
      return out;
    } finally {
      d.close();
    }
  }

  private static Path write(Path dir, String name, String geometryType, String... wkts) throws Exception {
    WKTReader wkt = new WKTReader();
    List<Feature> fs = new ArrayList<>();
    for (int i = 0; i < wkts.length; i++) {
      fs.add(new Feature(String.valueOf(i + 1), wkt.read(wkts[i]), Map.of("N", i)));
    }
    Path shp = dir.resolve(name + ".shp");
    Layers.write(new Layer(new LayerSchema(name, List.of(new Field("N", FieldType.INTEGER)), geometryType),
        Crs.epsg(4527), fs), shp);
    return shp;
  }

  private static void assertSameAsDriver(Path shp) throws Exception {
    List<Geometry> expected = viaDriver(shp);
    List<Feature> got = Layers.read(shp.toString()).features();
    assertThat(got).hasSameSizeAs(expected);
    for (int i = 0; i < got.size(); i++) {
      Geometry g = got.get(i).geometry();
      Geometry e = expected.get(i);
      assertThat(g.getGeometryType()).isEqualTo(e.getGeometryType());
      assertThat(g.equalsExact(e)).as("record %d: %s vs %s", i, g, e).isTrue();
      assertThat(g.getSRID()).isEqualTo(e.getSRID());
      if (!g.isEmpty()) {
        assertThat(g.getCoordinate()).isExactlyInstanceOf(e.getCoordinate().getClass());
      }
    }
  }

  @Test
  void polygonsWithHolesAndSeveralParts(@TempDir Path dir) throws Exception {
    Path shp = write(dir, "P", "MultiPolygon",
        "POLYGON ((39500000 4000000, 39500100 4000000, 39500100 4000100, 39500000 4000100, 39500000 4000000),"
            + " (39500010 4000010, 39500010 4000020, 39500020 4000020, 39500020 4000010, 39500010 4000010))",
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((20 0, 30 0, 30 10, 20 0)))",
        "POLYGON ((0.1 0.2, 5.3 0.2, 5.3 7.7, 0.1 0.2))",
        // Two shells, each with its hole; and a shell in a hole of another (an island).
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2)),"
            + " ((20 0, 30 0, 30 10, 20 10, 20 0), (22 2, 24 2, 24 4, 22 4, 22 2)))",
        "MULTIPOLYGON (((0 0, 30 0, 30 30, 0 30, 0 0), (5 5, 25 5, 25 25, 5 25, 5 5)),"
            + " ((10 10, 20 10, 20 20, 10 20, 10 10)))");
    assertSameAsDriver(shp);
    Geometry g = Layers.read(shp.toString()).features().get(0).geometry();
    // 2D coordinates, one shared factory: 100 × 100 minus the 10 × 10 hole.
    assertThat(g.getArea()).isEqualTo(10_000 - 100);
    Polygon p = (Polygon) g.getGeometryN(0);
    assertThat(p.getExteriorRing().getCoordinateSequence()).isInstanceOf(CoordinateArraySequence.class);
    assertThat(p.getExteriorRing().getCoordinateSequence().getDimension()).isEqualTo(2);
    assertThat(g.getFactory()).isSameAs(Layers.read(shp.toString()).features().get(1).geometry().getFactory());
    // The island: 30² − 20² + 10² = 900 − 400 + 100 = 600.
    assertThat(Layers.read(shp.toString()).features().get(4).geometry().getArea()).isEqualTo(600);
  }

  @Test
  void recordsNoWriterProduces(@TempDir Path dir) throws Exception {
    Path shp = write(dir, "H", "MultiPolygon", "POLYGON ((0 0, 1 0, 1 1, 0 0))", "POLYGON ((0 0, 1 0, 1 1, 0 0))",
        "POLYGON ((0 0, 1 0, 1 1, 0 0))", "POLYGON ((0 0, 1 0, 1 1, 0 0))");
    double[] cw = {0, 0, 0, 10, 10, 10, 10, 0, 0, 0};
    double[] ccwInside = {2, 2, 4, 2, 4, 4, 2, 4, 2, 2};
    double[] ccwOutside = {50, 50, 60, 50, 60, 60, 50, 60, 50, 50};
    // A lone counter-clockwise ring (a "hole" without a shell): reversed into a shell.
    ShpBytes.replace(shp, 0, ShpBytes.poly(5, ccwOutside));
    // Two disjoint lone holes: both become shells.
    ShpBytes.replace(shp, 1, ShpBytes.poly(5, ccwOutside, ccwInside));
    // Two shells (the second far away) and a hole of the first.
    ShpBytes.replace(shp, 2, ShpBytes.poly(5, cw, new double[] {50, 50, 50, 60, 60, 60, 60, 50, 50, 50}, ccwInside));
    assertSameAsDriver(shp);
    List<Feature> fs = Layers.read(shp.toString()).features();
    assertThat(fs.get(0).geometry().getArea()).isEqualTo(100);
    assertThat(fs.get(1).geometry().getArea()).isEqualTo(100 + 4);
    assertThat(fs.get(2).geometry().getArea()).isEqualTo(100 - 4 + 100);

    // Where we differ on purpose: one shell, its hole, and a hole outside it. H2GIS put both holes in the one shell
    // (an invalid polygon of area 100 − 4 − 100 = −4 by the shoelace sums); the stray hole is a shell of its own
    // here, as in GDAL: 10 × 10 − 2 × 2 + 10 × 10 = 196.
    ShpBytes.replace(shp, 3, ShpBytes.poly(5, cw, ccwInside, ccwOutside));
    Geometry stray = Layers.read(shp.toString()).features().get(3).geometry();
    assertThat(stray.getNumGeometries()).isEqualTo(2);
    assertThat(stray.isValid()).isTrue();
    assertThat(stray.getArea()).isEqualTo(196);
    assertThat(viaDriver(shp).get(3).isValid()).isFalse();
    // Every ring reversed (outer counter-clockwise, hole clockwise), as some software writes: nesting decides, so the
    // hole is a hole: 10 × 10 − 2 × 2 = 96 (H2GIS made the hole the shell and the outer ring its hole: invalid).
    double[] ccwOuter = {0, 0, 10, 0, 10, 10, 0, 10, 0, 0};
    double[] cwHole = {2, 2, 2, 4, 4, 4, 4, 2, 2, 2};
    ShpBytes.replace(shp, 3, ShpBytes.poly(5, ccwOuter, cwHole));
    Geometry reversed = Layers.read(shp.toString()).features().get(3).geometry();
    assertThat(reversed.getNumGeometries()).isEqualTo(1);
    assertThat(reversed.isValid()).isTrue();
    assertThat(reversed.getArea()).isEqualTo(96);
    assertThat(viaDriver(shp).get(3).isValid()).isFalse();
  }

  @Test
  void linesAndPoints(@TempDir Path dir) throws Exception {
    assertSameAsDriver(write(dir, "L", "MultiLineString", "LINESTRING (0 0, 1 1, 2 0)",
        "MULTILINESTRING ((0 0, 1 1), (5 5, 6 7))"));
    assertSameAsDriver(write(dir, "PT", "Point", "POINT (39500000.5 4000000.25)", "POINT (1 2)"));
    assertSameAsDriver(write(dir, "MPT", "MultiPoint", "MULTIPOINT ((1 2), (3 4))"));
  }
}
