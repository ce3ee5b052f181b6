package org.landledger.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2gis.functions.io.shp.internal.SHPDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.Crs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.CoordinateArraySequence;
import org.locationtech.jts.io.WKTReader;

/** The direct shape reader returns exactly what H2GIS's driver (EWKB round trip) returned before. */
class DirectShapesTest {

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
      assertThat(g.getCoordinate()).isExactlyInstanceOf(e.getCoordinate().getClass());
    }
  }

  @Test
  void polygonsWithHolesAndSeveralParts(@TempDir Path dir) throws Exception {
    Path shp = write(dir, "P", "MultiPolygon",
        "POLYGON ((39500000 4000000, 39500100 4000000, 39500100 4000100, 39500000 4000100, 39500000 4000000),"
            + " (39500010 4000010, 39500010 4000020, 39500020 4000020, 39500020 4000010, 39500010 4000010))",
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((20 0, 30 0, 30 10, 20 0)))",
        "POLYGON ((0.1 0.2, 5.3 0.2, 5.3 7.7, 0.1 0.2))");
    assertSameAsDriver(shp);
    Geometry g = Layers.read(shp.toString()).features().get(0).geometry();
    // 2D coordinates, one shared factory: 100 × 100 minus the 10 × 10 hole.
    assertThat(g.getArea()).isEqualTo(10_000 - 100);
    Polygon p = (Polygon) g.getGeometryN(0);
    assertThat(p.getExteriorRing().getCoordinateSequence()).isInstanceOf(CoordinateArraySequence.class);
    assertThat(p.getExteriorRing().getCoordinateSequence().getDimension()).isEqualTo(2);
    assertThat(g.getFactory()).isSameAs(Layers.read(shp.toString()).features().get(1).geometry().getFactory());
  }

  @Test
  void linesAndPoints(@TempDir Path dir) throws Exception {
    assertSameAsDriver(write(dir, "L", "MultiLineString", "LINESTRING (0 0, 1 1, 2 0)",
        "MULTILINESTRING ((0 0, 1 1), (5 5, 6 7))"));
    assertSameAsDriver(write(dir, "PT", "Point", "POINT (39500000.5 4000000.25)", "POINT (1 2)"));
    assertSameAsDriver(write(dir, "MPT", "MultiPoint", "MULTIPOINT ((1 2), (3 4))"));
  }
}
