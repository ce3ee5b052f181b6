package org.landledger.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.landledger.collective.AdjustmentFee;
import org.landledger.collective.MarketTerm;
import org.landledger.io.Json;
import org.landledger.policy.PolicyProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * 集体经营性建设用地入市: {@code landledger collective-market} — the 土地增值收益调节金 on a market entry and how
 * the rest is shared between the collective and its members.
 */
@Command(name = "collective-market", mixinStandardHelpOptions = true,
    description = {"集体经营性建设用地入市：土地增值收益调节金与集体、成员分配。",
        "Collective construction land on the market: adjustment fee and collective/member split."})
public final class CollectiveMarketCommand implements Callable<Integer> {

  @Option(names = "--price-yuan", required = true, paramLabel = "N", description = "成交价款 元 (transaction price).")
  BigDecimal price;

  @Option(names = "--cost-yuan", paramLabel = "N",
      description = "取得与开发成本 元，增值收益 = 价款 − 成本 (cost basis; default 0 = levy on the whole price).")
  BigDecimal cost;

  @Option(names = "--rate", paramLabel = "R",
      description = "调节金比例，须在配置范围内 (fee rate; default: profile collective.adjustmentFeeRate).")
  BigDecimal rate;

  @Option(names = "--member-share", paramLabel = "S", description = "成员分配比例 [0,1] (members' share of the net increment).")
  BigDecimal memberShare;

  @Option(names = "--use", paramLabel = "USE",
      description = "用途，检查出让年限上限 collective.maxTermYears.<USE> (e.g. industrial, commercial).")
  String use;

  @Option(names = "--term-years", paramLabel = "N", description = "出让年限 (granted term; needs --use).")
  Double termYears;

  @Mixin PolicyOption policy;

  @Option(names = "--out", paramLabel = "FILE", description = "写出 JSON 文件 (write the result as JSON).")
  Path out;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PolicyProfile profile = policy.profile();
    if ((use == null) != (termYears == null)) {
      throw new IllegalArgumentException("--use and --term-years go together");
    }
    if (use != null) {
      MarketTerm.check(profile, use, termYears);
    }
    AdjustmentFee.Result r = AdjustmentFee.compute(price, cost, rate, memberShare, profile);
    Map<String, Object> json = new LinkedHashMap<>(r.toMap());
    if (use != null) {
      json.put("use", use);
      json.put("termYears", termYears);
      json.put("maxTermYears", MarketTerm.maxYears(profile, use));
    }
    json.put("policy", profile.describe("collective."));
    if (out != null) {
      Json.write(out, json);
    }
    var o = spec.commandLine().getOut();
    o.printf("增值收益 increment: %s 元; 调节金 adjustment fee (%s): %s 元%n", r.incrementYuan().toPlainString(),
        r.rate().stripTrailingZeros().toPlainString(), r.feeYuan().toPlainString());
    o.printf("集体 collective: %s 元%s%n", r.collectiveYuan().toPlainString(),
        r.membersYuan() == null ? "" : "; 成员 members: " + r.membersYuan().toPlainString() + " 元");
    if (out != null) {
      o.printf("输出 output: %s%n", out);
    }
    o.flush();
    return Main.OK;
  }
}
