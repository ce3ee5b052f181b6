package org.landledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.landledger.cli.LinkageCommandTest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.io.Json;

class QuotaCommandTest {

  @Test
  void issueReturnTransferUseListOverdue(@TempDir Path dir) throws Exception {
    String ledger = dir.resolve("ledger").toString();
    // Turnover 6 亩 = 4 000 m², issued 2021-03-01 → due 2024-03-01; 1 000 m² returned 2022-01-01.
    LinkageCommandTest.Run r = cli("quota", "issue", "--ledger", ledger, "--type", "turnover", "--project", "XM01",
        "--area-mu", "6", "--date", "2021-03-01", "--source", "linkage-plot:JX-1,JX-2", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode t = Json.MAPPER.readTree(r.out());
    assertThat(t.get("quotaId").asText()).isEqualTo("T-000001");
    assertThat(t.get("dueOn").asText()).isEqualTo("2024-03-01");
    assertThat(t.get("areaM2").decimalValue()).isEqualByComparingTo("4000.00");
    assertThat(cli("quota", "return", "--ledger", ledger, "--quota", "T-000001", "--area-m2", "1000",
        "--date", "2022-01-01", "--source", "linkage-plot:CJ-1").exit()).isZero();
    JsonNode overdue = Json.MAPPER.readTree(cli("quota", "overdue", "--ledger", ledger, "--as-of", "2024-06-30",
        "--json").out());
    assertThat(overdue).hasSize(1);
    assertThat(overdue.get(0).get("balanceM2").decimalValue()).isEqualByComparingTo("3000.00");
    assertThat(Json.MAPPER.readTree(cli("quota", "overdue", "--ledger", ledger, "--as-of", "2024-03-01",
        "--json").out())).isEmpty();
    // Over-return: 3 000 outstanding, 3 000.01 refused with exit 2.
    LinkageCommandTest.Run over = cli("quota", "return", "--ledger", ledger, "--quota", "T-000001",
        "--area-m2", "3000.01", "--date", "2022-02-01", "--source", "linkage-plot:CJ-2");
    assertThat(over.exit()).isEqualTo(2);
    assertThat(over.err()).contains("outstanding");

    // Surplus 2 000 m², 500 transferred to 滁州市, which uses 200; the same approval again is refused.
    assertThat(cli("quota", "issue", "--ledger", ledger, "--type", "surplus", "--project", "XM01", "--holder",
        "来安县", "--area-m2", "2000", "--date", "2023-01-01", "--source", "linkage-plot:CJ-1").exit()).isZero();
    JsonNode child = Json.MAPPER.readTree(cli("quota", "transfer", "--ledger", ledger, "--quota", "S-000002",
        "--area-m2", "500", "--to", "滁州市", "--date", "2023-02-01", "--json").out());
    String c = child.get("quotaId").asText();
    assertThat(child.get("parentQuotaId").asText()).isEqualTo("S-000002");
    assertThat(cli("quota", "use", "--ledger", ledger, "--quota", c, "--area-m2", "200", "--date", "2023-03-01",
        "--source", "linkage-plot:GD-1", "--reference", "供地〔2023〕1号").exit()).isZero();
    LinkageCommandTest.Run twice = cli("quota", "use", "--ledger", ledger, "--quota", c, "--area-m2", "200",
        "--date", "2023-03-02", "--source", "linkage-plot:GD-1", "--reference", "供地〔2023〕1号");
    assertThat(twice.exit()).isEqualTo(2);
    assertThat(twice.err()).contains("already recorded");
    JsonNode avail = Json.MAPPER.readTree(cli("quota", "list", "--ledger", ledger, "--available", "--json").out());
    // 来安县 2 000 − 500 = 1 500; 滁州市 500 − 200 = 300.
    assertThat(avail).hasSize(2);
    assertThat(avail.findValuesAsText("holder")).containsExactly("来安县", "滁州市");
    assertThat(avail.get(0).get("balanceM2").decimalValue()).isEqualByComparingTo("1500.00");
    assertThat(avail.get(1).get("balanceM2").decimalValue()).isEqualByComparingTo("300.00");
    LinkageCommandTest.Run show = cli("quota", "show", "--ledger", ledger, "--quota", c);
    assertThat(show.exit()).isZero();
    assertThat(show.out()).contains("S-000002").contains("linkage-plot:CJ-1");
  }

  @Test
  void unknownLedgerAndUnknownQuotaExitTwo(@TempDir Path dir) {
    LinkageCommandTest.Run r = cli("quota", "list", "--ledger", dir.resolve("none").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no quota ledger");
    String ledger = dir.resolve("l").toString();
    assertThat(cli("quota", "issue", "--ledger", ledger, "--type", "turnover", "--project", "XM01",
        "--area-m2", "10", "--date", "2021-03-01", "--source", "linkage-plot:JX-1").exit()).isZero();
    LinkageCommandTest.Run t = cli("quota", "transfer", "--ledger", ledger, "--quota", "S-000042", "--area-m2", "1",
        "--to", "x", "--date", "2022-01-01");
    assertThat(t.exit()).isEqualTo(2);
    assertThat(t.err()).contains("unknown quota S-000042");
    assertThat(cli("quota", "issue", "--ledger", ledger, "--type", "turnover", "--project", "XM01",
        "--area-m2", "10", "--date", "2021-13-01", "--source", "linkage-plot:JX-1").exit()).isEqualTo(2);
  }

  @Test
  void issueFromALinkageResult(@TempDir Path dir) throws Exception {
    LinkageCommandTest.fixtures(dir, null, false);
    Path out = dir.resolve("out");
    // Without the permanent-farmland layer XM01 balances: construction 5 000 m² (plot 1), surplus 5 000 m² (plot 1).
    assertThat(cli("linkage", "--landuse", dir.resolve("DLTB.shp").toString(), "--demolition",
        dir.resolve("CJQ.shp").toString(), "--construction", dir.resolve("JXQ.shp").toString(), "--area", "planar",
        "--out", out.toString()).exit()).isZero();
    String ledger = dir.resolve("l").toString();
    String json = out.resolve("linkage.json").toString();
    JsonNode t = Json.MAPPER.readTree(cli("quota", "issue", "--ledger", ledger, "--type", "turnover", "--project",
        "XM01", "--from-linkage", json, "--date", "2025-01-01", "--json").out());
    assertThat(t.get("areaM2").decimalValue()).isEqualByComparingTo("5000.00");
    JsonNode s = Json.MAPPER.readTree(cli("quota", "issue", "--ledger", ledger, "--type", "surplus", "--project",
        "XM01", "--holder", "130102", "--from-linkage", json, "--date", "2026-01-01", "--json").out());
    assertThat(s.get("areaM2").decimalValue()).isEqualByComparingTo("5000.00");
    LinkageCommandTest.Run show = cli("quota", "show", "--ledger", ledger, "--quota", s.get("quotaId").asText());
    assertThat(show.out()).contains("linkage-plot:1");
    // With the permanent farmland the project does not balance: no surplus from it.
    Path out2 = dir.resolve("out2");
    cli("linkage", "--landuse", dir.resolve("DLTB.shp").toString(), "--demolition", dir.resolve("CJQ.shp").toString(),
        "--construction", dir.resolve("JXQ.shp").toString(), "--permanent-farmland",
        dir.resolve("YJJBNTTB.shp").toString(), "--out", out2.toString());
    LinkageCommandTest.Run refused = cli("quota", "issue", "--ledger", ledger, "--type", "surplus", "--project",
        "XM01", "--holder", "130102", "--from-linkage", out2.resolve("linkage.json").toString(), "--date", "2026-01-01");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("does not balance");
  }
}
