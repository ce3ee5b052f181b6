package org.landledger.io.query;

/**
 * 下推: the parts of a {@link Query} a store can answer itself (with an index or in its own query language)
 * rather than leaving them to {@link ScanQuery} over a full scan.
 */
public enum PushDown {
  /** The box is answered from a spatial index (R-tree, GiST, .qix), not by reading every record. */
  BBOX,
  /** The attribute filter is evaluated by the store (e.g. SQL WHERE with bound parameters). */
  FILTER,
  /** Only the properties asked for are decoded. */
  PROPERTIES,
  /** The sort is done by the store. */
  SORT,
  /** Offset and limit are done by the store (only valid when the filter is also pushed down). */
  PAGING,
  /** Geometries are reprojected by the store. */
  REPROJECT,
  /** Geometries are generalised by the store while reading. */
  GENERALIZE,
  /** Counts ({@code resultType=hits}) are answered without reading features. */
  COUNT
}
