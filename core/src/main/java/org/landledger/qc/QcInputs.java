package org.landledger.qc;

import org.landledger.io.Layer;

/**
 * 质检输入: the 三调 land-use layer (DLTB) and, optionally, the layers its cross-checks use — XZQ (township codes
 * and the county's extent), CJDCQ (village codes), YJJBNTTB, CZKFBJ, STBHHX. Null when not given.
 */
public record QcInputs(Layer landUse, Layer xzq, Layer cjdcq, Layer permanentFarmland, Layer devBoundary,
    Layer ecoRedline) {

  public QcInputs {
    if (landUse == null) {
      throw new IllegalArgumentException("qc needs the land-use layer (DLTB)");
    }
  }

  public static QcInputs of(Layer landUse) {
    return new QcInputs(landUse, null, null, null, null, null);
  }
}
