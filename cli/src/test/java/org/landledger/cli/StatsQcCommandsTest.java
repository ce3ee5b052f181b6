package org.landledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.samples.SampleCounty;
import org.landledger.samples.Scale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/** stats and qc on the generated small sample: clean, then with planted defects; the contract's JSON keys. */
class StatsQcCommandsTest {

  @TempDir static Path tmp;
  static Path data;

  @BeforeAll
  static void sample() {
    data = tmp.resolve("small");
    SampleCounty.generate(data, Scale.SMALL, 42, Crs.epsg(4527));
  }

  static JsonNode json(Path p) throws Exception {
    return new ObjectMapper().readTree(p.toFile());
  }

  @Test
  void statsTotalsEqualTheSumOfTbmjExactly() throws Exception {
    Path out = tmp.resolve("stats");
    EcoCommandsTest.Run r = EcoCommandsTest.run("stats", "--landuse", data.resolve("DLTB.shp").toString(), "--xzq",
        data.resolve("XZQ.shp").toString(), "--cjdcq", data.resolve("CJDCQ.shp").toString(), "--out", out.toString(),
        "--no-pdf");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = json(out.resolve("stats.json"));
    // ΣTBMJ in cents, read independently of the command.
    long cents = 0;
    for (Feature f : Layers.read(data.resolve("DLTB.shp")).features()) {
      cents += Math.round(f.number("TBMJ") * 100);
    }
    assertThat(Math.round(j.get("totalM2").asDouble() * 100)).isEqualTo(cents);
    assertThat(j.get("totalHa").asDouble()).isEqualTo(Math.floorDiv(cents + 5_000, 10_000) / 100.0);
    double l1 = 0;
    for (JsonNode v : j.get("level1")) {
      l1 += v.asDouble();
    }
    assertThat(Math.round(l1 * 100)).isEqualTo(Math.round(j.get("totalHa").asDouble() * 100));
    assertThat(j.get("level2").has("1203")).isTrue();
    assertThat(j.get("level1").has("12")).isTrue();
    assertThat(j.get("tieOut").get("mismatches").isArray()).isTrue();
    assertThat(Files.exists(out.resolve("stats.xlsx"))).isTrue();
    assertThat(Files.exists(out.resolve("stats-level1-township.csv"))).isTrue();
  }

  @Test
  void qcIsCleanOnTheSampleAndFindsWhatIsPlanted() throws Exception {
    Path clean = tmp.resolve("qc-clean");
    EcoCommandsTest.Run r = qc(data, clean);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(json(clean.resolve("qc.json")).get("findings")).isEmpty();

    // Corrupted copy: record 10 shifted 5 m east (overlaps its neighbour, leaves a gap), record 20's KCMJ + 7.00,
    // record 30's TBMJ + 1.00, record 40's DLBM 9999.
    Path bad = tmp.resolve("bad");
    Files.createDirectories(bad);
    for (String n : List.of("XZQ", "CJDCQ", "YJJBNTTB", "CZKFBJ", "STBHHX")) {
      Layers.write(Layers.read(data.resolve(n + ".shp")), bad.resolve(n + ".shp"));
    }
    Layer dltb = Layers.read(data.resolve("DLTB.shp"));
    List<Feature> fs = new ArrayList<>(dltb.features());
    int farm = -1;
    for (int i = 20; i < fs.size() && farm < 0; i++) {
      if (fs.get(i).number("KCXS") > 0) {
        farm = i;
      }
    }
    Geometry moved = AffineTransformation.translationInstance(5, 0).transform(fs.get(10).geometry());
    fs.set(10, fs.get(10).withGeometry(moved));
    fs.set(farm, with(fs.get(farm), "KCMJ", fs.get(farm).number("KCMJ") + 7.0));
    int plain = 30;
    while (fs.get(plain).number("KCXS") > 0) {
      plain++;
    }
    // KCXS = 0 there, so only TBMJ (and TBDLMJ with it) move: TBMJ_MISMATCH alone.
    fs.set(plain, with(with(fs.get(plain), "TBMJ", fs.get(plain).number("TBMJ") + 1.0), "TBDLMJ",
        fs.get(plain).number("TBDLMJ") + 1.0));
    fs.set(40, with(fs.get(40), "DLBM", "9999"));
    Layers.write(new Layer(dltb.schema(), dltb.crs(), fs, "DLTB"), bad.resolve("DLTB.shp"));
    Path out = tmp.resolve("qc-bad");
    r = qc(bad, out);
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = json(out.resolve("qc.json"));
    Map<String, List<String>> byRule = new LinkedHashMap<>();
    for (JsonNode f : j.get("findings")) {
      byRule.computeIfAbsent(f.get("rule").asText(), k -> new ArrayList<>()).add(f.get("bsm").asText());
    }
    String b10 = fs.get(10).string("BSM");
    List<String> pairs = new ArrayList<>();
    for (JsonNode f : j.get("findings")) {
      if (f.get("rule").asText().equals("OVERLAP")) {
        pairs.add(f.get("bsm").asText() + "/" + f.get("otherBsm").asText());
      }
    }
    assertThat(pairs).isNotEmpty().allMatch(p -> p.contains(b10));
    assertThat(byRule).containsKey("GAP");
    assertThat(byRule.keySet()).isSubsetOf("OVERLAP", "GAP", "KCMJ_INCONSISTENT", "TBDLMJ_INCONSISTENT",
        "TBMJ_MISMATCH", "DLBM_UNKNOWN", "PBF_ON_NON_FARMLAND", "ZLDWDM_FORMAT");
    assertThat(byRule.get("KCMJ_INCONSISTENT")).containsExactly(fs.get(farm).string("BSM"));
    // KCMJ + 7 with TBDLMJ kept: TBDLMJ ≠ TBMJ − KCMJ by exactly 7 m² on the same 图斑.
    assertThat(byRule.get("TBDLMJ_INCONSISTENT")).containsExactly(fs.get(farm).string("BSM"));
    assertThat(byRule.get("TBMJ_MISMATCH")).containsExactly(fs.get(plain).string("BSM"));
    assertThat(byRule.get("DLBM_UNKNOWN")).containsExactly(fs.get(40).string("BSM"));
    assertThat(Files.exists(out.resolve("qc.gpkg"))).isTrue();
    assertThat(Layers.read(out.resolve("qc.gpkg").toString() + "#qc_findings").size()).isPositive();
  }

  static Feature with(Feature f, String field, Object value) {
    Map<String, Object> a = new LinkedHashMap<>(f.attributes());
    a.put(field, value);
    return f.withAttributes(a);
  }

  static EcoCommandsTest.Run qc(Path d, Path out) {
    return EcoCommandsTest.run("qc", "--landuse", d.resolve("DLTB.shp").toString(), "--xzq", d.resolve("XZQ.shp").toString(),
        "--cjdcq", d.resolve("CJDCQ.shp").toString(), "--permanent-farmland", d.resolve("YJJBNTTB.shp").toString(),
        "--dev-boundary", d.resolve("CZKFBJ.shp").toString(), "--eco-redline", d.resolve("STBHHX.shp").toString(),
        "--out", out.toString(), "--no-pdf");
  }
}
