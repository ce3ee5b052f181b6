package org.landledger.server.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run request turned into CLI arguments: {@code --option=value}, flags, lists, the PDF switch. */
class AnalysesTest {

  @Test
  void homesteadRequestBecomesCliArguments() {
    Analyses.Analysis a = Analyses.of("homestead");
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("parcels", "/data/ZJD.shp");
    sources.put("exits", "/data/x.gpkg#TC");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("standardM2", 200.0);
    p.put("householdShare", 0.6);
    p.put("idleValue", List.of("闲置", 2));
    p.put("allowInvalidIds", true);
    p.put("planar", false);
    p.put("exitValue", "-1 --policy=/etc/passwd"); // one value, never a second option
    a.check(Map.of("parcels", "ZJD", "exits", "TC"), p);
    assertThat(a.arguments(sources, p, List.of("--crs=EPSG:4527"), Path.of("/s/runs/r1/work/out"))).containsExactly(
        "homestead", "--parcels=/data/ZJD.shp", "--exits=/data/x.gpkg#TC", "--standard-m2=200", "--household-share=0.6",
        "--idle-value=闲置", "--idle-value=2", "--allow-invalid-ids", "--exit-value=-1 --policy=/etc/passwd", "--no-pdf",
        "--crs=EPSG:4527", "--out=/s/runs/r1/work/out");
  }

  @Test
  void pdfOnlyWhenAskedAndOptionNamesFromCamelCase() {
    Analyses.Analysis a = Analyses.of("esv");
    List<String> args = a.arguments(Map.of("landuse", "/d/DLTB.shp"), Map.of("unitValue", 3406.5, "pdf", true),
        List.of(), Path.of("/o"));
    assertThat(args).containsExactly("esv", "--landuse=/d/DLTB.shp", "--unit-value=3406.5", "--out=/o");
    assertThat(Analyses.option("reclamationCostPerMu")).isEqualTo("--reclamation-cost-per-mu");
    assertThat(Analyses.option("minOverlapM2")).isEqualTo("--min-overlap-m2");
    assertThatThrownBy(() -> a.check(Map.of("landuse", "DLTB"), Map.of("unitValue", 1, "pdf", "yes")))
        .hasMessageContaining("'pdf' must be true or false");
  }
}
