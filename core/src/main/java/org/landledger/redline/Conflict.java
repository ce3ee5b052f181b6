package org.landledger.redline;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * 冲突图斑: the part of a plan parcel in conflict — on permanent farmland, in the eco red line, on farmland, or
 * outside the development boundary — with its area (m²). A {@code sliver} is smaller than the minimum overlap:
 * reported, but it does not change the parcel's status. {@code sources} names the polygons overlapped
 * (永久基本农田图斑编号 YJJBNTTBBH/JBNTTBBH, else BSM, TBBH or the feature id; DLTB BSM for farmland; none for
 * the part outside the boundary), so a reviewer can find them.
 */
public record Conflict(String parcelId, Reason type, Geometry geometry, double areaM2, boolean sliver,
    List<String> sources) {

  public Conflict {
    sources = List.copyOf(sources);
  }
}
