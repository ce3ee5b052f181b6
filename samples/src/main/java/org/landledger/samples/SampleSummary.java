package org.landledger.samples;

import java.nio.file.Path;
import java.util.Map;

/**
 * 样例数据汇总: what a run wrote — feature counts per layer, land-use area (TBMJ) by level-1 class in m²,
 * farmland net area (TBDLMJ of 0101–0103) and 田坎 area (KCMJ), the county codes, and elapsed time.
 *
 * @param layers feature count per layer, in writing order
 * @param areaByGroupM2 DLTB TBMJ by level-1 group "code name" (e.g. "01 耕地"), sorted by code
 */
public record SampleSummary(Path outDir, String scale, long seed, String crs, Map<String, Long> layers,
    Map<String, Double> areaByGroupM2, double totalAreaM2, double farmlandNetM2, double tiankanM2,
    java.util.List<String> counties, long millis) {}
