package org.landledger.io.shapefile;

import java.util.Locale;

/**
 * 坐标定义域: the box every vertex must lie in — finite, and within the layer CRS's domain when it has one
 * (see {@link org.landledger.geo.Crs#domain()}). NaN and ±Inf fail every comparison, so one test refuses them too.
 */
record Domain(double minX, double minY, double maxX, double maxY, String name) {

  /** Any finite coordinate (a layer without a CRS). */
  static final Domain FINITE = new Domain(-Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE,
      Double.MAX_VALUE, null);

  boolean contains(double x, double y) {
    return x >= minX && x <= maxX && y >= minY && y <= maxY;
  }

  /** Why a coordinate is refused, for the message. */
  String why(double x, double y) {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      return "is not finite";
    }
    return String.format(Locale.ROOT, "lies outside the domain of %s (x %.6g … %.6g, y %.6g … %.6g)", name,
        minX, maxX, minY, maxY);
  }
}
