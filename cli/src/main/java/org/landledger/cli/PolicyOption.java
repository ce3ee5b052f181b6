package org.landledger.cli;

import org.landledger.policy.PolicyProfile;
import picocli.CommandLine.Option;

/**
 * 政策参数配置选项: {@code --policy NAME|FILE}, shared by every command that reads policy parameters — a shipped
 * profile's name ({@code cn-national-default}, {@code example-province-homestead}) or a profile JSON file.
 */
public final class PolicyOption {

  @Option(names = "--policy", paramLabel = "NAME|FILE",
      description = "政策参数配置 policy profile: a shipped name (cn-national-default, example-province-homestead) "
          + "or a JSON file; default: the national default.")
  String policy;

  /** The profile asked for, or the national default. */
  PolicyProfile profile() {
    return PolicyProfile.resolve(policy);
  }
}
