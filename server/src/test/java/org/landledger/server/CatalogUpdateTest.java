package org.landledger.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.landledger.io.InputDataException;
import org.landledger.io.Layers;
import org.landledger.io.ReadOptions;
import org.landledger.server.catalog.Catalog;
import org.landledger.server.catalog.ServedLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers added to and removed from a running catalog: all or nothing, visible in GetCapabilities. */
class CatalogUpdateTest {

  @Test
  void loadedLayersAppearInCapabilitiesAndGoWithTheirGroup(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    Layers.write(List.of(Fixtures.dltb("DLTB"), Fixtures.redline()), run.resolve("out.gpkg"),
        org.landledger.io.WriteOptions.DEFAULT);
    try (LandLedgerServer s = Fixtures.start(dir.resolve("base"), ServerOptions.loopback(0))) {
      Catalog c = s.catalog();
      int before = c.size();
      List<ServedLayer> added = Catalog.load(run, "redline_7_", "redline_7", ReadOptions.DEFAULT);
      assertThat(added).extracting(ServedLayer::name).containsExactly("redline_7_DLTB", "redline_7_result");
      c.add(added);
      assertThat(c.size()).isEqualTo(before + 2);
      String caps = Fixtures.get(s, "/ows?SERVICE=WFS&REQUEST=GetCapabilities").text();
      assertThat(caps).contains("redline_7_result");
      // A second load under the same names is refused as a whole: nothing half-added.
      assertThatThrownBy(() -> c.add(Catalog.load(run, "redline_7_", "redline_7", ReadOptions.DEFAULT)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redline_7_DLTB");
      assertThat(c.size()).isEqualTo(before + 2);
      assertThat(c.removeGroup("redline_7")).isEqualTo(2);
      assertThat(c.size()).isEqualTo(before);
      assertThat(Fixtures.get(s, "/ows?SERVICE=WFS&REQUEST=GetCapabilities").text()).doesNotContain("redline_7_result");
    }
  }

  @Test
  void strictLoadRefusesAnUnreadableDataset(@TempDir Path dir) throws Exception {
    Path run = Fixtures.writeData(dir).resolve("redline");
    Files.writeString(run.resolve("broken.shp"), "not a shapefile");
    assertThatThrownBy(() -> Catalog.load(run, "x_", "x", ReadOptions.DEFAULT))
        .isInstanceOf(InputDataException.class).hasMessageContaining("broken.shp");
  }

  @Test
  void aLargeJsonResultIsNeitherASummaryNorALayer(@TempDir Path dir) throws Exception {
    Path run = Files.createDirectories(dir.resolve("run"));
    Layers.write(Fixtures.redline(), run.resolve("result.shp"));
    // Over the 256 KB summary limit, with "type" after a big member: skipped as a document, not read as GeoJSON.
    Files.writeString(run.resolve("homestead.json"), "{\"findings\": [" + "\"x\",".repeat(100_000)
        + "\"x\"], \"type\": \"report\"}");
    Files.writeString(run.resolve("small.json"), "{\"parcels\": 3}");
    List<ServedLayer> added = Catalog.load(run, "h_", "h", ReadOptions.DEFAULT);
    assertThat(added).extracting(ServedLayer::name).containsExactly("h_result");
    assertThat(Catalog.summariesIn(run)).containsOnlyKeys("small.json");
  }
}
