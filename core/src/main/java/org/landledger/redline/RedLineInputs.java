package org.landledger.redline;

import java.util.List;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.io.ReadOptions;
import org.landledger.redline.compensation.SupplementaryProject;
import org.landledger.redline.compensation.SupplementaryProjects;

/**
 * 红线检查输入: land use (DLTB), permanent basic farmland (YJJBNTTB), the optional eco red line (STBHHX),
 * development boundary (CZKFBJ) and township (XZQ) layers, the plan layer with its id field (null: the
 * features' own ids) and the supplementary-farmland projects for the 占补平衡 ledger (empty: none).
 */
public record RedLineInputs(Layer landUse, Layer permanentFarmland, Layer ecoRedline, Layer devBoundary,
    Layer plan, String planIdField, Layer townships, List<SupplementaryProject> supplementary) {

  public RedLineInputs {
    if (landUse == null || permanentFarmland == null || plan == null) {
      throw new IllegalArgumentException("land use, permanent farmland and plan layers are required");
    }
    supplementary = supplementary == null ? List.of() : List.copyOf(supplementary);
  }

  /**
   * Reads the inputs through {@link Layers}; null locations for the optional layers. The supplementary
   * projects location is a {@code .csv} table or a layer.
   */
  public static RedLineInputs read(String landUse, String permanentFarmland, String ecoRedline, String devBoundary,
      String plan, String planIdField, String townships, String supplementary, ReadOptions options) {
    return new RedLineInputs(
        Layers.read(landUse, options),
        Layers.read(permanentFarmland, options),
        ecoRedline == null ? null : Layers.read(ecoRedline, options),
        devBoundary == null ? null : Layers.read(devBoundary, options),
        Layers.read(plan, options),
        planIdField,
        townships == null ? null : Layers.read(townships, options),
        supplementary == null ? List.of() : SupplementaryProjects.read(supplementary, options));
  }
}
