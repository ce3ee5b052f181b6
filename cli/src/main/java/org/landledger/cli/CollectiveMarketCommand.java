package org.landledger.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.landledger.collective.AdjustmentFee;
import org.landledger.collective.FeeBase;
import org.landledger.collective.MarketMethod;
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
      description = "取得成本与土地开发支出 元，增值收益 = 价款 − 成本 (cost basis; needed when the base is the increment).")
  BigDecimal cost;

  @Option(names = "--base", paramLabel = "increment|price",
      description = "计征基数：increment 土地增值收益 (财税〔2016〕41号, 20%%–50%%) 或 price 成交总价款 "
          + "(default: increment with --rate and --cost-yuan, else the profile's rate row).")
  String base;

  @Option(names = "--rate", paramLabel = "R",
      description = "调节金比例 (fee rate; default: profile collective.adjustmentFeeRates by zone/use/method).")
  BigDecimal rate;

  @Option(names = "--zone", paramLabel = "Z", description = "基准地价级别/区片 (land-price zone, for the rate table).")
  String zone;

  @Option(names = "--method", paramLabel = "grant|lease|share", defaultValue = "grant",
      description = "入市方式 出让 grant / 出租 lease / 作价出资入股 share (default grant).")
  String method;

  @Option(names = "--member-share", paramLabel = "S", description = "成员分配比例 [0,1] (members' share of the net proceeds).")
  BigDecimal memberShare;

  @Option(names = "--use", paramLabel = "USE",
      description = "用途 (rate table; with --term-years checks collective.maxTermYears.<USE>; e.g. industrial, commercial).")
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
    if (termYears != null && use == null) {
      throw new IllegalArgumentException("--term-years needs --use");
    }
    if (termYears != null) {
      MarketTerm.check(profile, use, termYears);
    }
    MarketMethod m = MarketMethod.parse(method);
    AdjustmentFee.Rule rule = rule(profile, m);
    AdjustmentFee.Sale sale = new AdjustmentFee.Sale(price, cost, zone, use, m);
    AdjustmentFee.Result r = AdjustmentFee.compute(sale, rule, memberShare, profile);
    Map<String, Object> json = new LinkedHashMap<>(r.toMap());
    if (termYears != null) {
      json.put("termYears", termYears);
      json.put("maxTermYears", MarketTerm.maxYears(profile, use));
    }
    json.put("policy", profile.describe("collective."));
    if (out != null) {
      Json.write(out, json);
    }
    var o = spec.commandLine().getOut();
    o.printf("计征基数 base: %s %s 元; 调节金 adjustment fee (%s): %s 元%n", r.base().chinese(),
        r.baseAmountYuan().toPlainString(), r.rate().stripTrailingZeros().toPlainString(), r.feeYuan().toPlainString());
    o.printf("集体 collective: %s 元%s%n", r.collectiveYuan().toPlainString(),
        r.membersYuan() == null ? "" : "; 成员 members: " + r.membersYuan().toPlainString() + " 元");
    if (out != null) {
      o.printf("输出 output: %s%n", out);
    }
    o.flush();
    return Main.OK;
  }

  // --rate with an explicit base (or the increment when a cost basis is given); else the profile's table
  private AdjustmentFee.Rule rule(PolicyProfile profile, MarketMethod m) {
    if (rate == null) {
      AdjustmentFee.Rule fromProfile = AdjustmentFee.rule(profile, zone, use, m);
      if (base != null && FeeBase.parse(base) != fromProfile.base()) {
        throw new IllegalArgumentException("--base " + base + " contradicts the profile's rate row (" + fromProfile.matched()
            + ", base " + fromProfile.base().code() + "): give --rate too");
      }
      return fromProfile;
    }
    if (base == null && cost == null) {
      throw new IllegalArgumentException("say what the rate applies to: --cost-yuan N (base = land value increment, "
          + "财税〔2016〕41号) or --base price (whole transaction price)");
    }
    return AdjustmentFee.given(rate, base == null ? FeeBase.INCREMENT : FeeBase.parse(base));
  }
}
