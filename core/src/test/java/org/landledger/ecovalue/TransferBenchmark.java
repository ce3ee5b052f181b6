package org.landledger.ecovalue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.landledger.ecovalue.change.LandUseTransfer;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.locationtech.jts.densify.Densifier;

/**
 * Benchmark (not part of the normal suite): the transfer matrix of two synthetic county-sized maps — an n × n grid
 * of 100 m parcels with edges densified to 10 m (≈ 40 vertices each, like real 图斑), and the same grid shifted by
 * (37 m, 23 m) with other codes, so every after-parcel meets four before-parcels. Run with
 * {@code -Dlandledger.bench=true [-Dlandledger.bench.n=300]}; prints timings, asserts only the sums.
 */
class TransferBenchmark {

  static final String[] CODES = {"0101", "0103", "0301", "0404", "0702", "1101", "0201", "1006"};

  static Layer grid(String name, int n, double dx, double dy, int codeShift) {
    List<Feature> fs = new ArrayList<>(n * n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        String code = CODES[(i * 7 + j * 3 + codeShift) % CODES.length];
        double kcxs = code.startsWith("01") ? 0.08 : 0;
        fs.add(Fixtures.tb(name + i + "_" + j,
            Densifier.densify(Fixtures.rect(i * 100 + dx, j * 100 + dy, i * 100 + dx + 100, j * 100 + dy + 100), 10),
            code, kcxs, "110101" + String.format("%03d", 1 + i * 10 / n) + "001"));
      }
    }
    return Fixtures.layer(name, Fixtures.GK39, fs.toArray(new Feature[0]));
  }

  @Test
  void transferMatrixOfTwoCountyMaps() {
    Assumptions.assumeTrue(Boolean.getBoolean("landledger.bench"), "benchmark: -Dlandledger.bench=true");
    int n = Integer.getInteger("landledger.bench.n", 300);
    Layer before = grid("B", n, 0, 0, 0);
    Layer after = grid("A", n, 37, 23, 3);
    AreaCalculator ell = AreaCalculator.of(Fixtures.GK39,
        Boolean.getBoolean("landledger.bench.planar") ? AreaMode.PLANAR : AreaMode.ELLIPSOIDAL);
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    LandUseTransfer t = LandUseTransfer.compute(before, after, ell);
    long t1 = System.nanoTime();
    long c1 = mx.getCurrentThreadCpuTime();
    double rows = t.rowTotals().values().stream().mapToDouble(Double::doubleValue).sum()
        + t.uncoveredBefore().values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Double> b = LandUseAreas.byTownshipCode(before, ell).total();
    double bTotal = b.values().stream().mapToDouble(Double::doubleValue).sum();
    System.out.printf("transfer matrix (%s): %d + %d polygons, %d transitions, wall %.1f s, CPU %.1f s; before %.1f ha%n",
        ell.mode(), before.size(), after.size(), t.areaM2().size(), (t1 - t0) / 1e9, (c1 - c0) / 1e9, bTotal / 10_000);
    assertThat(rows).isCloseTo(bTotal, within(bTotal * 1e-9));
  }
}
