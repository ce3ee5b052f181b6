package org.landledger.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.io.Feature;
import org.landledger.io.InputDataException;
import org.landledger.io.Layer;
import org.landledger.io.Layers;

class ResultsScannerTest {

  @Test
  void groupsGeoPackagesByFolderIntoRunsWithUniqueNames(@TempDir Path tmp) throws Exception {
    PublishPlan plan = ResultsScanner.scan(ResultsFixture.write(tmp));
    assertThat(plan.runs()).extracting(PublishPlan.Run::name).containsExactly("run1", "run2");
    PublishPlan.Run run1 = plan.runs().get(0);
    assertThat(run1.stores()).extracting(PublishPlan.Store::name).containsExactly("run1_landuse", "run1_redline");
    assertThat(run1.stores().get(1).source().describe()).isEqualTo("run1/redline.gpkg");
    PublishPlan.Store redline = run1.stores().get(1);
    assertThat(redline.tables()).extracting(PublishPlan.Table::layerName)
        .containsExactlyInAnyOrder("run1_redline_parcels", "run1_redline_conflicts");
    PublishPlan.Table parcels = redline.tables().stream().filter(t -> t.nativeName().equals("parcels")).findFirst()
        .orElseThrow();
    assertThat(parcels.count()).isEqualTo(3);
    assertThat(parcels.crs().epsg()).isEqualTo(4527);
    assertThat(parcels.bounds()).isEqualTo(ResultsFixture.run1RedlineExtent());
    assertThat(parcels.style().name()).isEqualTo(PublishStyles.REDLINE_PARCELS);
    PublishPlan.Table emptyConflicts = plan.runs().get(1).stores().get(0).tables().stream()
        .filter(t -> t.nativeName().equals("conflicts")).findFirst().orElseThrow();
    assertThat(emptyConflicts.count()).isZero();
    assertThat(emptyConflicts.bounds()).isNull();
  }

  @Test
  void geoPackagesAtTheTopAreARunNamedAfterTheFolder(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("县 2026"));
    Layers.write(Layer.fromRows("parcels", ResultsFixture.GK39, "Polygon", List.of(
        new Feature("1", ResultsFixture.square(0, 0, 10), Map.of("status", "PASS")))), dir.resolve("redline.gpkg"));
    PublishPlan plan = ResultsScanner.scan(dir);
    String run = plan.runs().get(0).name();
    assertThat(ResourceNames.isValid(run)).isTrue();
    assertThat(run).startsWith("r_2026_");
    assertThat(plan.runs().get(0).label()).isEqualTo("县 2026");
  }

  @Test
  void badFoldersAreBadInput(@TempDir Path tmp) throws Exception {
    assertThatThrownBy(() -> ResultsScanner.scan(tmp.resolve("missing")))
        .isInstanceOf(InputDataException.class).hasMessageContaining("results folder not found");
    Path file = Files.writeString(tmp.resolve("a.txt"), "x");
    assertThatThrownBy(() -> ResultsScanner.scan(file))
        .isInstanceOf(InputDataException.class).hasMessageContaining("not a directory");
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Files.writeString(empty.resolve("redline.json"), "{}");
    assertThatThrownBy(() -> ResultsScanner.scan(empty))
        .isInstanceOf(InputDataException.class).hasMessageContaining("no GeoPackage");
  }

  @Test
  void resourceNames() {
    assertThat(ResourceNames.of("run1")).isEqualTo("run1");
    assertThat(ResourceNames.of("2026-11-22")).isEqualTo("r_2026-11-22");
    assertThat(ResourceNames.of("红线 检查")).matches("r_[0-9a-f]{6}");
    assertThat(ResourceNames.of("a b")).matches("a_b_[0-9a-f]{6}");
    // names differing only in replaced characters stay different, and stable from run to run
    assertThat(ResourceNames.of("a b")).isNotEqualTo(ResourceNames.of("a-b")).isNotEqualTo(ResourceNames.of("a.b"))
        .isEqualTo(ResourceNames.of("a b"));
    assertThat(ResourceNames.isValid("my workspace")).isFalse();
    assertThat(ResourceNames.isValid("landledger")).isTrue();
  }

  @Test
  void passwordFileFirstLineOnlyAndMasked(@TempDir Path tmp) throws Exception {
    Path f = Files.writeString(tmp.resolve("p"), "pa ss\r\nsecond line\n");
    Secret s = Secret.fromFile(f);
    assertThat(s.toString()).isEqualTo(Secret.MASK);
    assertThat(s.mask("error: pa ss rejected", "u")).isEqualTo("error: " + Secret.MASK + " rejected");
    assertThat(s.basicAuthorization("u")).isEqualTo("Basic dTpwYSBzcw=="); // base64("u:pa ss")
    assertThatThrownBy(() -> Secret.fromFile(Files.writeString(tmp.resolve("e"), "\n")))
        .isInstanceOf(InputDataException.class).hasMessageContaining("empty");
  }

  @Test
  void storePathPrefixNormalised() {
    assertThat(GeoServerPublisher.normalisePrefix(null)).isEqualTo("file:/opt/geoserver_data/landledger/");
    assertThat(GeoServerPublisher.normalisePrefix("/srv/x")).isEqualTo("file:/srv/x/");
    assertThat(GeoServerPublisher.normalisePrefix("file:///srv/x/")).isEqualTo("file:///srv/x/");
    assertThatThrownBy(() -> GeoServerPublisher.normalisePrefix("srv/x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--store-path-prefix");
  }

  @Test
  void restRootFromTheGeoServerUrl() {
    assertThat(HttpRestTransport.restRoot("http://h:8080/geoserver")).isEqualTo("http://h:8080/geoserver/rest");
    assertThat(HttpRestTransport.restRoot("http://h:8080/geoserver/rest/")).isEqualTo("http://h:8080/geoserver/rest");
    assertThatThrownBy(() -> HttpRestTransport.restRoot("http://admin:pw@h/geoserver"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no credentials in the URL")
        .hasMessageNotContaining("pw");
    assertThatThrownBy(() -> HttpRestTransport.restRoot("h:8080/geoserver")).isInstanceOf(IllegalArgumentException.class);
  }
}
