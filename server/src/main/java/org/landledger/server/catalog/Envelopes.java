package org.landledger.server.catalog;

import org.landledger.geo.Crs;
import org.locationtech.jts.geom.Envelope;

/** 范围变换: reprojects an envelope by its densified outline, so curved edges are covered. */
public final class Envelopes {

  private Envelopes() {}

  public static Envelope transform(Envelope e, Crs from, Crs to) {
    return from.transform(e, to);
  }
}
