package org.landledger.io.shapefile;

import org.locationtech.jts.geom.Envelope;

/** 空间索引: which records of a shapefile may meet a box. */
interface SpatialIndex {

  /** Record indexes (0-based) whose index entry meets {@code box}: ascending, without duplicates. */
  int[] candidates(Envelope box);

  /**
   * How many records' envelopes meet {@code box}, when the index holds the exact envelopes (our R-tree); -1 when
   * the candidates must be read to know (a .qix holds only quadtree cells).
   */
  long count(Envelope box);

  /** For messages and the bench: which index this is and where it lives. */
  String describe();
}
