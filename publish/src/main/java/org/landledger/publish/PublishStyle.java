package org.landledger.publish;

/**
 * 发布样式: one SLD 1.0 style the publisher uploads — its GeoServer name (unique in the workspace), a title,
 * the SLD document, and a drawing rank (lower ranks are drawn first in a run's layer group).
 */
public record PublishStyle(String name, String title, String sld, int rank) {}
