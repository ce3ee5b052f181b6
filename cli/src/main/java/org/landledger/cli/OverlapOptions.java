package org.landledger.cli;

import org.landledger.geo.AreaCalculator;
import org.landledger.io.Layer;
import org.landledger.qc.CoverageSanity;
import picocli.CommandLine.Option;

/**
 * 覆盖检查选项: the analyses that sum areas over a county refuse overlapping 图斑 (rule OVERLAP, as in {@code qc})
 * unless {@code --allow-overlaps}, which turns the error into a warning with the overlapping area.
 */
final class OverlapOptions {

  @Option(names = "--allow-overlaps",
      description = "Go on when 图斑 overlap (counted twice), with a warning and the overlapping area in the output.")
  boolean allowOverlaps;

  @Option(names = "--overlap-tolerance", defaultValue = "0.01", paramLabel = "M2",
      description = "Overlaps up to this area (m²) per pair are ignored; default ${DEFAULT-VALUE}.")
  double toleranceM2;

  CoverageSanity.Outcome check(Layer landUse, AreaCalculator areas) {
    if (!(toleranceM2 >= 0) || Double.isInfinite(toleranceM2)) {
      throw new IllegalArgumentException("--overlap-tolerance must be a finite area ≥ 0 m², got " + toleranceM2);
    }
    return CoverageSanity.check(landUse, areas, toleranceM2, allowOverlaps);
  }
}
