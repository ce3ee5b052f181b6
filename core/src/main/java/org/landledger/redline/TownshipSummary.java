package org.landledger.redline;

/**
 * 乡镇汇总: the totals of the parcels assigned to one township (the 9-digit code from the ZLDWDM of the
 * land-use polygons a parcel overlaps most, or XZQDM of an XZQ layer); code null for parcels on no land-use
 * polygon.
 */
public record TownshipSummary(String code, String name, Totals totals) {}
