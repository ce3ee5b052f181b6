package org.landledger.redline;

import org.locationtech.jts.geom.Geometry;

/**
 * 冲突图斑: the part of a plan parcel in conflict — on permanent farmland, in the eco red line, on farmland, or
 * outside the development boundary — with its area (m²). A {@code sliver} is smaller than the minimum overlap:
 * reported, but it does not change the parcel's status.
 */
public record Conflict(String parcelId, Reason type, Geometry geometry, double areaM2, boolean sliver) {}
