package org.landledger.geo;

/** 面积计算方式: ellipsoidal (椭球面积, how 三调 TBMJ is defined; the default) or planar (平面面积). */
public enum AreaMode {
  ELLIPSOIDAL,
  PLANAR;

  public static AreaMode parse(String s) {
    return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
