package org.landledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.Layer;
import org.landledger.io.LayerSchema;
import org.landledger.io.Layers;

class CopyCommandTest {

  /** Two polygons in EPSG:4527: 100 m square (10 000 m²) and 30 m square (900 m²). */
  static Layer dltb(String name) {
    return new Layer(new LayerSchema(name, List.of(new Field("DLBM", FieldType.STRING, 5, 0),
        new Field("KCXS", FieldType.DOUBLE)), "Polygon"), Crs.epsg(4527), List.of(
            new Feature("1", InfoPostGisTest.square(39_500_000, 4_000_000, 100), Map.of("DLBM", "0101", "KCXS", 0.08)),
            new Feature("2", InfoPostGisTest.square(39_500_200, 4_000_000, 30), Map.of("DLBM", "0702", "KCXS", 0.0))));
  }

  static double area(Layer l) {
    return l.features().stream().mapToDouble(f -> f.geometry().getArea()).sum();
  }

  @Test
  void copiesBetweenFileFormats(@TempDir Path dir) {
    Path shp = dir.resolve("DLTB.shp");
    Layers.write(dltb("DLTB"), shp);
    Path gpkg = dir.resolve("out.gpkg");
    InfoPostGisTest.Run r = InfoPostGisTest.run("copy", shp.toString(), gpkg.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("copied 2 features");
    Layer copied = Layers.read(gpkg);
    assertThat(copied.crs()).isEqualTo(Crs.epsg(4527));
    assertThat(area(copied)).isEqualTo(10_900.0); // 10 000 + 900
    assertThat(copied.features()).extracting(f -> f.string("DLBM")).containsExactly("0101", "0702");
    InfoPostGisTest.Run missing = InfoPostGisTest.run("copy", dir.resolve("nope.shp").toString(), gpkg.toString());
    assertThat(missing.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(missing.err()).contains("nope.shp").contains("file not found");
  }

  @Test
  void loadsAShapefileIntoPostGisAndBack(@TempDir Path dir) throws Exception {
    String base = InfoPostGisTest.url();
    String table = "cli_copy_" + Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE);
    Path shp = dir.resolve("DLTB.shp");
    Layers.write(dltb("DLTB"), shp);
    try {
      InfoPostGisTest.Run in = InfoPostGisTest.run("copy", shp.toString(), base + "#" + table);
      assertThat(in.code()).as(in.err()).isZero();
      Path back = dir.resolve("back.geojson");
      InfoPostGisTest.Run out = InfoPostGisTest.run("copy", base + "#" + table, back.toString());
      assertThat(out.code()).as(out.err()).isZero();
      assertThat(Files.exists(back)).isTrue();
      Layer fromShp = Layers.read(shp);
      Layer roundTrip = Layers.read(back);
      assertThat(area(roundTrip)).isEqualTo(area(fromShp)).isEqualTo(10_900.0);
      assertThat(roundTrip.features()).extracting(Feature::attributes)
          .containsExactlyElementsOf(fromShp.features().stream().map(Feature::attributes).toList());
    } finally {
      InfoPostGisTest.drop(base, table);
    }
  }
}
