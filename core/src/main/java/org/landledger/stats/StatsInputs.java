package org.landledger.stats;

import org.landledger.io.Layer;

/**
 * 汇总输入: DLTB (required), XZQ and CJDCQ (names, control areas), YJJBNTTB (the permanent-farmland table) and the
 * DLTB of an earlier survey (the change table); null when not given.
 */
public record StatsInputs(Layer landUse, Layer xzq, Layer cjdcq, Layer permanentFarmland, Layer landUseBefore) {
  public StatsInputs {
    if (landUse == null) {
      throw new IllegalArgumentException("stats needs the land-use layer (DLTB)");
    }
  }
}
