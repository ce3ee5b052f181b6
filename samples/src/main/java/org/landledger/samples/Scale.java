package org.landledger.samples;

import java.util.Locale;

/**
 * 规模: how big a synthetic area to generate. {@code SMALL} is one small county (≥ 2 000 DLTB polygons,
 * seconds, for tests and demos), {@code COUNTY} a county of realistic size (≈ 200 000 polygons, ≈ 1 700 km²),
 * {@code PROVINCE} 5 × 5 such counties side by side (≈ 5 million polygons, streamed to disk).
 */
public enum Scale {
  SMALL(1, 1, 80, 80, 2, 2, 14, 7),
  COUNTY(1, 1, 710, 710, 4, 3, 20, 22),
  PROVINCE(5, 5, 560, 560, 4, 3, 20, 22);

  /** Counties across and down. */
  final int countiesX;
  final int countiesY;
  /** Grid columns and rows per county (narrow road/ditch columns included). */
  final int cols;
  final int rows;
  /** Townships per county, across and down. */
  final int townshipsX;
  final int townshipsY;
  /** Spacing of village centres, in grid cells. */
  final int villageSpacing;
  /** Radius of the county seat's built-up area, in grid cells. */
  final int townRadius;

  Scale(int countiesX, int countiesY, int cols, int rows, int townshipsX, int townshipsY, int villageSpacing,
      int townRadius) {
    this.countiesX = countiesX;
    this.countiesY = countiesY;
    this.cols = cols;
    this.rows = rows;
    this.townshipsX = townshipsX;
    this.townshipsY = townshipsY;
    this.villageSpacing = villageSpacing;
    this.townRadius = townRadius;
  }

  /** Whether counties tile a province (rectangular counties) rather than one irregular county. */
  boolean tiled() {
    return countiesX * countiesY > 1;
  }

  public static Scale parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown scale '" + s + "' (expected small, county or province)");
    }
  }
}
