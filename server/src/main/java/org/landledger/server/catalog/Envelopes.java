package org.landledger.server.catalog;

import org.landledger.geo.Crs;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** 范围变换: reprojects an envelope by its densified outline, so curved edges are covered. */
public final class Envelopes {

  private static final GeometryFactory GF = new GeometryFactory();

  private Envelopes() {}

  public static Envelope transform(Envelope e, Crs from, Crs to) {
    if (e.isNull() || from.equals(to)) {
      return e;
    }
    Envelope box = e;
    if (box.getWidth() == 0 || box.getHeight() == 0) {
      box = new Envelope(box);
      box.expandBy(from.isGeographic() ? 1e-6 : 0.1);
    }
    Geometry outline = Densifier.densify(GF.toGeometry(box), Math.max(box.getWidth(), box.getHeight()) / 16);
    return from.transform(outline, to).getEnvelopeInternal();
  }
}
