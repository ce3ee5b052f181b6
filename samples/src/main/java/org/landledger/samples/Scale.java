package org.landledger.samples;

import java.util.Locale;

/**
 * 规模: how big a synthetic area to generate. {@code SMALL} is one small county (≥ 2 000 DLTB polygons,
 * seconds, for tests and demos), {@code COUNTY} a county of realistic size (≈ 200 000 polygons, ≈ 1 400 km²),
 * {@code PROVINCE} 5 × 5 such counties side by side (≈ 5 million polygons, streamed to disk).
 */
public enum Scale {
  SMALL(new Layout(1, 1, 80, 80, 2, 2, 14, 7, true)),
  COUNTY(new Layout(1, 1, 710, 710, 4, 3, 20, 22, false)),
  PROVINCE(new Layout(5, 5, 560, 560, 4, 3, 20, 22, false));

  final Layout layout;

  Scale(Layout layout) {
    this.layout = layout;
  }

  public static Scale parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown scale '" + s + "' (expected small, county or province)");
    }
  }
}
