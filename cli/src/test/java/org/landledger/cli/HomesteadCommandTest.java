package org.landledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.Json;
import org.landledger.io.Layer;
import org.landledger.io.LayerSchema;
import org.landledger.io.Layers;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import picocli.CommandLine;

/**
 * End to end on a shapefile register (EPSG:4527, rectangles within 1 km of the central meridian, where the
 * ellipsoidal area equals the planar one to far below 0.01 m²):
 *
 * <pre>
 * ZDDM ZJH                   area  TC
 * P1   A 220102198001011234  225   0
 * P2   A 220102800101123     200   1   (legacy 15-digit form of A)
 * P3   B 220102197512314566  100   1
 * P4   C 220102199006157894  240   0
 * P5   C 220102199006157894   80   1
 * P6   D 220102196203030127  150   0
 * P7   (blank)               100   1
 * </pre>
 */
class HomesteadCommandTest {

  static final GeometryFactory GF = new GeometryFactory();
  static final String A = "220102198001011234";
  static final String A15 = "220102800101123";
  static final String B = "220102197512314566";
  static final String C = "220102199006157894";
  static final String D = "220102196203030127";
  static final String BAD = "220102198001011235";
  static final List<String> RAW_IDS = List.of(A, A15, B, C, D, BAD);

  static Polygon rect(double x, double y, double w, double h) {
    double x0 = 39_500_000 + x;
    double y0 = 4_000_000 + y;
    return GF.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x0 + w, y0),
        new Coordinate(x0 + w, y0 + h), new Coordinate(x0, y0 + h), new Coordinate(x0, y0)});
  }

  static Path register(Path dir, boolean withBadRow, boolean withDuplicate) {
    List<Object[]> rows = new ArrayList<>(List.of(
        new Object[] {"P1", A, "张三", 15, 15, "0"}, new Object[] {"P2", A15, "张三", 10, 20, "1"},
        new Object[] {"P3", B, "李四", 10, 10, "1"}, new Object[] {"P4", C, "王五", 20, 12, "0"},
        new Object[] {"P5", C, "王五", 8, 10, "1"}, new Object[] {"P6", D, "赵六", 10, 15, "0"},
        new Object[] {"P7", null, null, 10, 10, "1"}));
    if (withBadRow) {
      rows.add(new Object[] {"P8", BAD, "钱七", 10, 10, "0"});
    }
    if (withDuplicate) {
      rows.add(new Object[] {"P3", D, "赵六", 10, 10, "0"});
    }
    List<Feature> fs = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Object[] r = rows.get(i);
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("ZDDM", r[0]);
      a.put("QLRMC", r[2]);
      a.put("ZJH", r[1]);
      a.put("ZDMJ", ((Integer) r[3]) * ((Integer) r[4]) * 1.0);
      a.put("TC", r[5]);
      fs.add(new Feature(String.valueOf(i + 1), rect(i * 50.0, 0, (Integer) r[3], (Integer) r[4]), a));
    }
    LayerSchema schema = new LayerSchema("ZJD", List.of(new Field("ZDDM", FieldType.STRING, 19, 0),
        new Field("QLRMC", FieldType.STRING, 60, 0), new Field("ZJH", FieldType.STRING, 18, 0),
        new Field("ZDMJ", FieldType.DOUBLE, 12, 2), new Field("TC", FieldType.STRING, 2, 0)), "Polygon");
    Path shp = dir.resolve("ZJD.shp");
    Layers.write(new Layer(schema, Crs.epsg(4527), fs), shp);
    return shp;
  }

  static Path resettlement(Path dir) {
    Map<String, Object> a = Map.of("NAME", "安置区");
    Layer l = new Layer(new LayerSchema("AZQ", List.of(new Field("NAME", FieldType.STRING, 20, 0)), "Polygon"),
        Crs.epsg(4527), List.of(new Feature("1", rect(1000, 0, 12, 10), a)));
    Path shp = dir.resolve("AZQ.shp");
    Layers.write(l, shp);
    return shp;
  }

  /** Exit code and everything the run printed: picocli's out/err and System.out/err. */
  record Run(int code, String out, String err) {
    String all() {
      return out + "\n" + err;
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintStream sysOut = System.out;
    PrintStream sysErr = System.err;
    ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
    ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
      CommandLine cl = Main.commandLine();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      code = cl.execute(args);
    } finally {
      System.setOut(sysOut);
      System.setErr(sysErr);
    }
    return new Run(code, out + capturedOut.toString(StandardCharsets.UTF_8),
        err + capturedErr.toString(StandardCharsets.UTF_8));
  }

  static JsonNode json(Path file) throws Exception {
    return Json.MAPPER.readTree(file.toFile());
  }

  @Test
  void endToEndWithExitsResettlementAndSharing(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Run r = run("homestead", "--parcels", register(dir, false, false).toString(), "--exit-field", "TC",
        "--exit-value", "1", "--resettlement", resettlement(dir).toString(), "--standard-m2", "200",
        "--price-per-mu", "300000", "--reclamation-cost-per-mu", "10000", "--household-share", "0.85",
        "--out", out.toString());
    assertThat(r.code()).as(r.all()).isZero();
    JsonNode j = json(out.resolve("homestead.json"));
    assertThat(j.get("households").asInt()).isEqualTo(4);
    assertThat(j.get("multipleHomesteadHouseholds").asInt()).isEqualTo(2);
    // P1 225 and P4 240 exceed 200; P2 at exactly 200 does not
    assertThat(j.get("oversizeParcels").asInt()).isEqualTo(2);
    assertThat(j.get("findings").findValuesAsText("type")).containsExactly("MULTIPLE_HOMESTEADS", "OVERSIZE",
        "MULTIPLE_HOMESTEADS", "MULTIPLE_HOMESTEADS", "OVERSIZE", "MULTIPLE_HOMESTEADS");
    assertThat(j.get("findings").get(1).get("excessM2").decimalValue()).isEqualByComparingTo("25.00");
    JsonNode rec = j.get("reclamation");
    // exited 200 + 100 + 80 + 100 = 480; resettlement 120 → net 360 m² = 0.54 亩 × 300 000 = 162 000.00;
    // cost 0.72 亩 × 10 000 = 7 200.00 → 154 800.00; households × 0.85 = 131 580.00, collective 23 220.00
    assertThat(rec.get("exitedAreaM2").decimalValue()).isEqualByComparingTo("480");
    assertThat(rec.get("reclaimableM2").decimalValue()).isEqualByComparingTo("480");
    assertThat(rec.get("resettlementM2").decimalValue()).isEqualByComparingTo("120");
    assertThat(rec.get("netQuotaM2").decimalValue()).isEqualByComparingTo("360");
    assertThat(rec.get("netQuotaMu").decimalValue()).isEqualByComparingTo("0.54");
    assertThat(rec.get("valueYuan").decimalValue()).isEqualByComparingTo("162000.00");
    assertThat(rec.get("distribution").get("households").decimalValue()).isEqualByComparingTo("131580.00");
    assertThat(rec.get("distribution").get("collective").decimalValue()).isEqualByComparingTo("23220.00");
    assertThat(rec.get("compensation")).hasSize(4);
    assertThat(rec.get("rounding").asText()).contains("largest-remainder");
    assertThat(j.get("policy").get("overrides").has("--household-share")).isTrue();
    assertThat(j.get("householdKeys").asText()).contains("per-run random");
    assertThat(j.get("ledgerEntries").get(0).get("sourceParcelIds").toString()).isEqualTo("[\"P2\",\"P3\",\"P5\",\"P7\"]");
    assertThat(j.get("outputs").get("layer").asText()).isEqualTo("homestead.gpkg");
    Layer written = Layers.read(out.resolve("homestead.gpkg").toString());
    assertThat(written.size()).isEqualTo(7);
    assertThat(written.schema().hasField("ZJH")).isFalse();
    Feature p1 = written.features().get(0);
    assertThat(p1.string("ZDDM")).isEqualTo("P1");
    assertThat(p1.string("FINDINGS")).isEqualTo("MULTIPLE_HOMESTEADS;OVERSIZE");
    assertThat(p1.number("EXCESS_M2")).isEqualTo(25.0);
    assertThat(p1.string("OWNER_MASK")).isEqualTo("220102********1234");
    assertThat(p1.string("QLRMC")).isEqualTo("张*");
    assertThat(written.features().get(1).number("EXITING")).isEqualTo(1.0);
    assertThat(Files.readString(out.resolve("compensation.csv"))).contains("54825.00").contains("27412.50");
    assertThat(r.out()).contains("节余指标 net quota: 360.00 m² = 0.54 亩");
    // no temporary directory left behind
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
    }
  }

  @Test
  void shippedProfileByName(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Run r = run("homestead", "--parcels", register(dir, false, false).toString(), "--policy", "example-province-homestead",
        "--area-type", "plain", "--out", out.toString());
    assertThat(r.code()).as(r.all()).isZero();
    JsonNode j = json(out.resolve("homestead.json"));
    // The example profile's plain standard is 250 m²: P1 225 and P4 240 (oversize against 200) are within it.
    assertThat(j.get("oversizeParcels").asInt()).isZero();
    assertThat(j.get("policy").toString()).contains("example-province-homestead");
  }

  @Test
  void noRawIdNumberInAnyOutputFileOrPrintedText(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Path zjd = register(dir, true, false);
    List<Run> runs = new ArrayList<>();
    // refused run (malformed ID): exit 2, masked row in the message, no outputs
    Run refused = run("homestead", "--parcels", zjd.toString(), "--standard-m2", "200", "--out", out.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("row 8 (P8)").contains("220102********1235");
    assertThat(out.resolve("homestead.json")).doesNotExist();
    runs.add(refused);
    // a run that fails on a later problem (unknown field) after reading IDs
    runs.add(run("homestead", "--parcels", zjd.toString(), "--standard-m2", "200", "--status-field", "NOPE",
        "--idle-value", "1", "--out", out.toString()));
    assertThat(runs.get(1).code()).isEqualTo(2);
    // full run with everything written
    Run ok = run("homestead", "--parcels", zjd.toString(), "--allow-invalid-ids", "--exit-field", "TC",
        "--exit-value", "1", "--resettlement", resettlement(dir).toString(), "--standard-m2", "200",
        "--price-per-mu", "300000", "--household-share", "0.85", "--out", out.toString());
    assertThat(ok.code()).as(ok.all()).isZero();
    runs.add(ok);
    runs.add(run("homestead", "--parcels", zjd.toString(), "--household-field", "ZJH", "--standard-m2", "200",
        "--out", dir.resolve("out2").toString()));
    assertThat(runs.get(3).code()).as(runs.get(3).all()).isZero();

    List<Path> files = new ArrayList<>();
    for (Path d : List.of(out, dir.resolve("out2"))) {
      try (Stream<Path> s = Files.walk(d)) {
        s.filter(Files::isRegularFile).forEach(files::add);
      }
    }
    assertThat(files).extracting(p -> p.getFileName().toString())
        .contains("homestead.json", "homestead.gpkg", "compensation.csv");
    for (Path f : files) {
      // ISO-8859-1 keeps every byte, so ASCII digits are found in binary files (gpkg, dbf) too
      String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      for (String id : RAW_IDS) {
        assertThat(content).as("%s must not contain a raw ID number", f.getFileName()).doesNotContain(id);
      }
    }
    for (Run r : runs) {
      for (String id : RAW_IDS) {
        assertThat(r.all()).doesNotContain(id);
      }
    }
    JsonNode j = json(out.resolve("homestead.json"));
    assertThat(j.get("inputIssues").toString()).contains("220102********1235").contains("MALFORMED_ID");
  }

  @Test
  void badInputExitsTwoWithoutOutput(@TempDir Path dir) {
    Path zjd = register(dir, false, true);
    Path out = dir.resolve("out");
    Run dup = run("homestead", "--parcels", zjd.toString(), "--standard-m2", "200", "--out", out.toString());
    assertThat(dup.code()).isEqualTo(2);
    assertThat(dup.err()).contains("宗地代码重复").contains("row 8 (P3)");
    Path good = register(dir.resolve("g"), false, false);
    // no area standard: the national profile has none (provincial numbers)
    Run noStd = run("homestead", "--parcels", good.toString(), "--out", out.toString());
    assertThat(noStd.code()).isEqualTo(2);
    assertThat(noStd.err()).contains("--standard-m2");
    Run price = run("homestead", "--parcels", good.toString(), "--standard-m2", "200", "--price-per-mu", "1000",
        "--out", out.toString());
    assertThat(price.code()).isEqualTo(2);
    assertThat(price.err()).contains("household share");
    Run field = run("homestead", "--parcels", good.toString(), "--owner-id-field", "SFZH", "--standard-m2", "200",
        "--out", out.toString());
    assertThat(field.code()).isEqualTo(2);
    assertThat(field.err()).contains("SFZH");
    assertThat(out).doesNotExist();
  }

  @Test
  void collectiveMarketFee(@TempDir Path dir) throws Exception {
    // 1 000 000 − 400 000 = 600 000 increment; fee × 0.3 = 180 000.00; members (1 000 000 − 400 000 − 180 000)
    // × 0.6 = 252 000.00; collective 1 000 000 − 180 000 − 252 000 = 568 000.00
    Path out = dir.resolve("fee.json");
    Run r = run("collective-market", "--price-yuan", "1000000", "--cost-yuan", "400000", "--rate", "0.3",
        "--member-share", "0.6", "--out", out.toString());
    assertThat(r.code()).as(r.all()).isZero();
    JsonNode j = json(out);
    assertThat(j.get("adjustmentFeeYuan").decimalValue()).isEqualByComparingTo("180000.00");
    assertThat(j.get("membersYuan").decimalValue()).isEqualByComparingTo("252000.00");
    assertThat(j.get("collectiveYuan").decimalValue()).isEqualByComparingTo("568000.00");
    assertThat(j.get("base").asText()).isEqualTo("increment");
    assertThat(j.get("rangeApplied").asBoolean()).isTrue();
    // on the whole price: 1 000 000 × 0.1 = 100 000.00, no 20–50 % range
    Path onPrice = dir.resolve("price.json");
    assertThat(run("collective-market", "--price-yuan", "1000000", "--base", "price", "--rate", "0.1",
        "--out", onPrice.toString()).code()).isZero();
    assertThat(json(onPrice).get("adjustmentFeeYuan").decimalValue()).isEqualByComparingTo("100000.00");
    assertThat(json(onPrice).get("rangeApplied").asBoolean()).isFalse();
    // a rate with neither a cost basis nor a base is refused: the base must be said
    Run noBase = run("collective-market", "--price-yuan", "1000000", "--rate", "0.3");
    assertThat(noBase.code()).isEqualTo(2);
    assertThat(noBase.err()).contains("--base price");
    // the example profile's rate table: zone 1, commercial, grant → 0.5 of (2 000 000 − 800 000) = 600 000.00
    Path table = dir.resolve("table.json");
    assertThat(run("collective-market", "--price-yuan", "2000000", "--cost-yuan", "800000", "--zone", "1",
        "--use", "commercial", "--method", "出让", "--policy", "example-province-homestead",
        "--out", table.toString()).code()).isZero();
    assertThat(json(table).get("adjustmentFeeYuan").decimalValue()).isEqualByComparingTo("600000.00");
    assertThat(json(table).get("method").asText()).isEqualTo("grant");
    Run longTerm = run("collective-market", "--price-yuan", "1000000", "--rate", "0.3", "--use", "commercial",
        "--term-years", "50");
    assertThat(longTerm.code()).isEqualTo(2);
    assertThat(longTerm.err()).contains("maximum of 40 years");
    Run bad = run("collective-market", "--price-yuan", "1000000", "--cost-yuan", "0", "--rate", "0.6");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("outside the range");
  }

  @Test
  void saltFileMakesHouseholdKeysStableAcrossRuns(@TempDir Path dir) throws Exception {
    Path zjd = register(dir, false, false);
    Path salt = dir.resolve("salt.txt");
    Files.writeString(salt, "a-long-enough-secret-salt-for-tests\n");
    String[] base = {"homestead", "--parcels", zjd.toString(), "--standard-m2", "200", "--salt-file", salt.toString()};
    assertThat(run(concat(base, "--out", dir.resolve("a").toString())).code()).isZero();
    assertThat(run(concat(base, "--out", dir.resolve("b").toString())).code()).isZero();
    assertThat(run("homestead", "--parcels", zjd.toString(), "--standard-m2", "200", "--out",
        dir.resolve("c").toString()).code()).isZero();
    JsonNode a = json(dir.resolve("a/homestead.json"));
    JsonNode b = json(dir.resolve("b/homestead.json"));
    JsonNode c = json(dir.resolve("c/homestead.json"));
    String keyA = a.get("findings").get(0).get("householdKey").asText();
    assertThat(b.get("findings").get(0).get("householdKey").asText()).isEqualTo(keyA);
    // without a salt file: a per-run random salt, so another key
    assertThat(c.get("findings").get(0).get("householdKey").asText()).isNotEqualTo(keyA);
    assertThat(a.get("householdKeys").asText()).contains("stable").doesNotContain("a-long-enough-secret");
    Files.writeString(salt, "short");
    Run shortSalt = run(concat(base, "--out", dir.resolve("d").toString()));
    assertThat(shortSalt.code()).isEqualTo(2);
    assertThat(shortSalt.err()).contains("at least 16 bytes");
  }

  @Test
  void exitsGivenAsALayerMatchedById(@TempDir Path dir) throws Exception {
    Path zjd = register(dir, false, false);
    Layer exits = new Layer(new LayerSchema("TC", List.of(new Field("ZDDM", FieldType.STRING, 19, 0)), "Polygon"),
        Crs.epsg(4527), List.of(new Feature("1", rect(100, 0, 10, 10), Map.of("ZDDM", "P3")),
            new Feature("2", rect(200, 0, 8, 10), Map.of("ZDDM", "P5"))));
    Path exitsShp = dir.resolve("TC.shp");
    Layers.write(exits, exitsShp);
    Path out = dir.resolve("out");
    Run r = run("homestead", "--parcels", zjd.toString(), "--exits", exitsShp.toString(), "--standard-m2", "200",
        "--out", out.toString());
    assertThat(r.code()).as(r.all()).isZero();
    JsonNode rec = json(out.resolve("homestead.json")).get("reclamation");
    // P3 100 + P5 80 = 180 m² = 0.27 亩; no price → no value
    assertThat(rec.get("exitedParcelIds").toString()).isEqualTo("[\"P3\",\"P5\"]");
    assertThat(rec.get("netQuotaMu").decimalValue()).isEqualByComparingTo("0.27");
    assertThat(rec.get("valueYuan").isNull()).isTrue();
    Run both = run("homestead", "--parcels", zjd.toString(), "--exits", exitsShp.toString(), "--exit-field", "TC",
        "--exit-value", "1", "--standard-m2", "200", "--out", out.toString());
    assertThat(both.code()).isEqualTo(2);
  }

  static String[] concat(String[] a, String... b) {
    return Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new);
  }

  @Test
  void netQuotaIsRecordedInTheLedgerOnceWithItsSourceParcels(@TempDir Path dir) throws Exception {
    Path zjd = register(dir, false, false);
    Path ledgerFile = dir.resolve("ledger/quota");
    String[] base = {"homestead", "--parcels", zjd.toString(), "--exit-field", "TC", "--exit-value", "1",
        "--resettlement", resettlement(dir).toString(), "--standard-m2", "200", "--ledger", ledgerFile.toString(),
        "--ledger-holder", "县土地储备中心", "--ledger-project", "TC-2026-01", "--ledger-date", "2026-11-22"};
    Run r = run(concat(base, "--out", dir.resolve("out").toString()));
    assertThat(r.code()).as(r.all()).isZero();
    JsonNode j = json(dir.resolve("out/homestead.json"));
    assertThat(j.get("ledger").get("quotaIds")).hasSize(1);
    String quotaId = j.get("ledger").get("quotaIds").get(0).asText();
    // net quota 480 − 120 = 360 m², created as surplus held by the county centre, from P2, P3, P5, P7
    try (org.landledger.quota.QuotaLedger l = org.landledger.quota.QuotaLedger.open(ledgerFile,
        org.landledger.policy.PolicyProfile.nationalDefault())) {
      var q = l.quota(quotaId).orElseThrow();
      assertThat(q.type()).isEqualTo(org.landledger.quota.QuotaLedger.Type.SURPLUS);
      assertThat(q.areaM2()).isEqualByComparingTo("360");
      assertThat(q.holder()).isEqualTo("县土地储备中心");
      assertThat(q.projectId()).isEqualTo("TC-2026-01");
      assertThat(l.origin(quotaId).kind()).isEqualTo(org.landledger.quota.QuotaSource.HOMESTEAD_PARCEL);
      assertThat(l.origin(quotaId).ids()).containsExactly("P2", "P3", "P5", "P7");
      assertThat(l.entriesBySource(org.landledger.quota.QuotaSource.HOMESTEAD_PARCEL, "P5")).hasSize(1);
    }
    // the same parcels a second time: refused, exit 2, nothing written
    Run again = run(concat(base, "--out", dir.resolve("out2").toString()));
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains(quotaId).contains("P2");
    assertThat(dir.resolve("out2/homestead.json")).doesNotExist();
    // --ledger without a holder is a bad option
    Run noHolder = run("homestead", "--parcels", zjd.toString(), "--standard-m2", "200", "--ledger",
        ledgerFile.toString(), "--out", dir.resolve("out3").toString());
    assertThat(noHolder.code()).isEqualTo(2);
    assertThat(noHolder.err()).contains("--ledger-holder");
    // the ledger database and everything printed hold no raw ID number either
    try (Stream<Path> s = Files.list(ledgerFile.getParent())) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        RAW_IDS.forEach(id -> assertThat(content).as(f.toString()).doesNotContain(id));
      }
    }
    for (Run x : List.of(r, again, noHolder)) {
      RAW_IDS.forEach(id -> assertThat(x.all()).doesNotContain(id));
    }
  }
}
