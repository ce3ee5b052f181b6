package org.landledger.quota;

import java.util.Arrays;
import java.util.List;

/**
 * 指标来源: what a ledger entry is traceable to — a kind and the ids of that kind, e.g. the demolition plots
 * of a linkage project ({@code linkage-plot: CJ-01, CJ-02}), the homestead parcels reclaimed
 * ({@code homestead-parcel: 3701…}, ZDDM), an acceptance certificate ({@code acceptance: 验收-2026-17}) or
 * the construction plots a surplus quota is used for. Kinds are free text (lower-case, no colon); the
 * constants below are the ones LandLedger itself writes.
 */
public record QuotaSource(String kind, List<String> ids) {

  /** 拆旧/建新地块 of a linkage project (feature ids or plot numbers). */
  public static final String LINKAGE_PLOT = "linkage-plot";
  /** 宅基地宗地 (ZDDM) reclaimed after voluntary exit. */
  public static final String HOMESTEAD_PARCEL = "homestead-parcel";
  /** Another quota of this ledger (transfers). */
  public static final String QUOTA = "quota";

  public QuotaSource {
    if (kind == null || kind.isBlank() || kind.contains(":")) {
      throw new QuotaRefusedException("source kind must be non-blank text without ':', got " + kind);
    }
    kind = kind.trim();
    if (ids == null || ids.isEmpty()) {
      throw new QuotaRefusedException("source " + kind + " names no ids: every entry must be traceable");
    }
    ids = ids.stream().map(s -> s == null ? "" : s.trim()).toList();
    if (ids.stream().anyMatch(String::isEmpty)) {
      throw new QuotaRefusedException("source " + kind + " has a blank id");
    }
  }

  public static QuotaSource of(String kind, String... ids) {
    return new QuotaSource(kind, Arrays.asList(ids));
  }

  /** Parses {@code kind:id1,id2,…} (the CLI form). */
  public static QuotaSource parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0) {
      throw new QuotaRefusedException("source must be kind:id1,id2,… (e.g. linkage-plot:CJ-01,CJ-02), got " + text);
    }
    return new QuotaSource(text.substring(0, colon), Arrays.asList(text.substring(colon + 1).split(",")));
  }

  @Override
  public String toString() {
    return kind + ":" + String.join(",", ids);
  }
}
