package org.landledger.redline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.policy.PolicyProfile;
import org.landledger.redline.compensation.SupplementaryProject;

/**
 * The regime in red-line outputs: both regimes balance construction occupying farmland, so on a construction plan
 * switching the regime changes the regime fields and nothing else; 以补定占 draws only on verified projects.
 */
class RedLineRegimeTest {

  static PolicyProfile regime2017(Path dir) throws Exception {
    return PolicyProfile.load(Files.writeString(dir.resolve("p.json"), """
        {"id": "county", "version": "1", "extends": "cn-national-default", "parameters": {
          "redline.regime": {"value": "2017", "source": "test: the county still applies 国土资规〔2017〕13号"}}}
        """));
  }

  static RedLineResult run(PolicyProfile p, List<SupplementaryProject> supplementary) {
    return new RedLineCheck(new RedLineOptions(org.landledger.geo.AreaMode.PLANAR, null, p, null, 0)).run(
        new RedLineInputs(RedLineFixture.landUse(), RedLineFixture.pbf(), RedLineFixture.eco(), RedLineFixture.dev(),
            RedLineFixture.standardPlan(), "XMBH", null, supplementary));
  }

  @Test
  void switchingTheRegimeChangesOnlyTheRegimeFields(@TempDir Path dir) throws Exception {
    Map<String, Object> j24 = new LinkedHashMap<>(RedLineOutputs.toJson(run(PolicyProfile.nationalDefault(), List.of())));
    Map<String, Object> j17 = new LinkedHashMap<>(RedLineOutputs.toJson(run(regime2017(dir), List.of())));
    assertThat(j24.get("regime")).isEqualTo("2024");
    assertThat(j17.get("regime")).isEqualTo("2017");
    assertThat((String) j17.get("regimeSource")).contains("13号");
    assertThat(j17.get("policyProfile")).isEqualTo("county@1");
    for (String k : List.of("regime", "regimeRule", "regimeSource", "regimeNote", "policyProfile")) {
      j24.remove(k);
      j17.remove(k);
    }
    // the summary's policy block names the profiles; everything else is equal
    @SuppressWarnings("unchecked") Map<String, Object> s24 = new LinkedHashMap<>((Map<String, Object>) j24.remove("summary"));
    @SuppressWarnings("unchecked") Map<String, Object> s17 = new LinkedHashMap<>((Map<String, Object>) j17.remove("summary"));
    s24.remove("policy");
    s17.remove("policy");
    assertThat(s17).isEqualTo(s24);
    assertThat(j17).isEqualTo(j24);
  }

  @Test
  void unverifiedProjectsAreNotDrawnOn() {
    // the fixture's parcels owe farmland; an unverified project of 10 000 m² offers nothing (以补定占)
    RedLineResult none = run(PolicyProfile.nationalDefault(), List.of());
    RedLineResult pending = run(PolicyProfile.nationalDefault(),
        List.of(new SupplementaryProject("S9", "未验收", 10_000, 10_000, 100_000, false)));
    assertThat(pending.ledger().available().areaM2()).isZero();
    assertThat(pending.ledger().pending().areaM2()).isEqualTo(10_000);
    assertThat(pending.ledger().shortfall()).isEqualTo(none.ledger().shortfall());
    assertThat(pending.ledger().projects()).singleElement().satisfies(p -> assertThat(p.verified()).isFalse());
    RedLineResult verified = run(PolicyProfile.nationalDefault(),
        List.of(new SupplementaryProject("S9", "已验收", 10_000, 10_000, 100_000, true)));
    assertThat(verified.ledger().balanced()).isTrue();
  }

  @Test
  void verificationColumnOfTheLedgerFile(@TempDir Path dir) throws Exception {
    Path csv = Files.writeString(dir.resolve("bcgd.csv"), """
        项目编号,补充耕地面积,水田面积,粮食产能,验收日期
        S1,1000,0,500,2024-06-30
        S2,2000,100,900,
        S3,3000,0,0,未验收
        """);
    List<SupplementaryProject> ps = org.landledger.redline.compensation.SupplementaryProjects.readCsv(csv);
    assertThat(ps).extracting(SupplementaryProject::verified).containsExactly(true, false, false);
  }
}
