package org.landledger.redline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.landledger.redline.RedLineFixture.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.io.Layer;
import org.landledger.io.Layers;

class RedLineOutputsTest {

  static final RedLineResult RESULT = RedLineCheckTest.runStandard(RedLineCheckTest.PLANAR);

  @Test
  @SuppressWarnings("unchecked")
  void jsonHasTheIssuesShape() {
    Map<String, Object> json = RedLineOutputs.toJson(RESULT);
    assertThat(json).containsKeys("summary", "parcels");
    List<Map<String, Object>> parcels = (List<Map<String, Object>>) json.get("parcels");
    assertThat(parcels).hasSize(5);
    assertThat(new ArrayList<>(parcels.get(0).keySet())).startsWith("id", "areaM2", "farmlandM2", "farmlandNetM2",
        "paddyM2", "permanentFarmlandM2", "ecoRedlineM2", "outsideDevBoundaryM2", "status", "reasons", "byLandUse");
    assertThat(parcels.get(0).get("reasons")).isEqualTo(List.of("PERMANENT_FARMLAND", "FARMLAND_OCCUPIED",
        "OUTSIDE_DEV_BOUNDARY"));
    assertThat(parcels.get(0).get("byLandUse")).isEqualTo(Map.of("0101", 1080.0, "0103", 760.0, "1203", 160.0));
    // D's slivers: 20 × 0.02 = 0.4 m² on PBF and on farmland.
    assertThat(parcels.get(3).get("slivers").toString()).contains("PERMANENT_FARMLAND").contains("0.4");
  }

  @Test
  void layersHoldOneFeaturePerParcelAndPerConflict() {
    Layer parcels = RedLineOutputs.parcelsLayer(RESULT);
    assertThat(parcels.features()).extracting(f -> f.string("status")).containsExactly("FAIL", "FAIL", "WARN", "PASS",
        "WARN");
    // Conflicts: A 3 (PBF, farmland, outside), B 1 (eco), C 2 (farmland, outside), D 2 slivers, E 1 (outside).
    Layer conflicts = RedLineOutputs.conflictsLayer(RESULT);
    assertThat(conflicts.size()).isEqualTo(9);
    assertThat(conflicts.features()).filteredOn(f -> Boolean.TRUE.equals(f.get("sliver"))).hasSize(2);
    assertThat(conflicts.features()).allMatch(f -> f.geometry().getGeometryType().equals("MultiPolygon"));
    assertThat(parcels.features().get(0).string("grain_tbl")).isEqualTo("EXAMPLE");
  }

  @Test
  void csvLabelsCapacityColumnsComputedWithTheExampleTable() {
    String header = RedLineOutputs.toCsv(RESULT, true).lines().findFirst().orElseThrow();
    assertThat(header).contains("应补粮食产能(公斤)[示例产能表，非审批用]").contains("粮食产能缺口(公斤)[示例产能表，非审批用]");
    assertThat(RedLineOutputs.toCsv(RESULT, false).lines().findFirst().orElseThrow())
        .contains("owedCapacityKg[EXAMPLE grain table]");
  }

  @Test
  void writeAllReplacesPreviousOutputsAndLeavesNoTemporaryFolder(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("redline.csv"), "old");
    List<Path> written = RedLineOutputs.writeAll(RESULT, out, true);
    assertThat(written).extracting(p -> p.getFileName().toString())
        .containsExactly("redline.csv", "redline.gpkg", "redline.json");
    assertThat(Files.readString(out.resolve("redline.csv"))).startsWith("\uFEFF地块编号");
    assertThat(Layers.read(out.resolve("redline.gpkg") + "#parcels").size()).isEqualTo(5);
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("out");
    }
  }
}
