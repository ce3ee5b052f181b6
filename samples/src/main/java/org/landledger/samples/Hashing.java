package org.landledger.samples;

/**
 * 确定性随机: stateless, seed-keyed hashing and value noise, so that every cell, vertex and parcel gets the
 * same "random" value whatever order it is generated in (a tile of a province equals the same area
 * generated alone; no shared random stream, no dependence on iteration order or threads).
 */
final class Hashing {

  private Hashing() {}

  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  static long hash(long seed, long a, long b, long salt) {
    return mix(seed * 0x9E3779B97F4A7C15L + mix(a * 0xBF58476D1CE4E5B9L + mix(b * 0x94D049BB133111EBL + salt)));
  }

  /** Uniform in [0, 1). */
  static double unit(long seed, long a, long b, long salt) {
    return (hash(seed, a, b, salt) >>> 11) * 0x1.0p-53;
  }

  /** Uniform integer in [0, n). */
  static int below(long seed, long a, long b, long salt, int n) {
    return (int) Math.floor(unit(seed, a, b, salt) * n);
  }

  /** Smooth value noise in [0, 1] with the given wavelength (same units as x, y). */
  static double noise(long seed, double x, double y, double wavelength, long salt) {
    double gx = x / wavelength;
    double gy = y / wavelength;
    long x0 = (long) Math.floor(gx);
    long y0 = (long) Math.floor(gy);
    double tx = smooth(gx - x0);
    double ty = smooth(gy - y0);
    double a = unit(seed, x0, y0, salt);
    double b = unit(seed, x0 + 1, y0, salt);
    double c = unit(seed, x0, y0 + 1, salt);
    double d = unit(seed, x0 + 1, y0 + 1, salt);
    return lerp(lerp(a, b, tx), lerp(c, d, tx), ty);
  }

  /** Fractal noise: three octaves, normalised to [0, 1]. */
  static double fractal(long seed, double x, double y, double wavelength, long salt) {
    return (noise(seed, x, y, wavelength, salt) * 0.6 + noise(seed, x, y, wavelength / 2.3, salt + 1) * 0.28
        + noise(seed, x, y, wavelength / 5.1, salt + 2) * 0.12);
  }

  private static double smooth(double t) {
    return t * t * (3 - 2 * t);
  }

  private static double lerp(double a, double b, double t) {
    return a + (b - a) * t;
  }
}
