package org.landledger.samples;

/**
 * 生成规模参数: the grid and settlement sizes behind a {@link Scale} (kept apart so tests can generate a
 * miniature province of tiny counties).
 *
 * @param countiesX counties across (more than one county: rectangular counties tile a province)
 * @param countiesY counties down
 * @param cols grid columns per county (narrow strips included)
 * @param rows grid rows per county
 * @param townshipsX townships per county, across
 * @param townshipsY townships per county, down
 * @param villageSpacing spacing of village centres, in grid cells
 * @param townRadius radius of the county seat's built-up area, in grid cells
 * @param compact a small area: shorter hill wavelength, narrower rivers, fewer projects and plans
 */
record Layout(int countiesX, int countiesY, int cols, int rows, int townshipsX, int townshipsY, int villageSpacing,
    int townRadius, boolean compact) {

  boolean tiled() {
    return countiesX * countiesY > 1;
  }

  int counties() {
    return countiesX * countiesY;
  }
}
