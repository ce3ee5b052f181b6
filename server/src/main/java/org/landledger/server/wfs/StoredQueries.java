package org.landledger.server.wfs;

import org.landledger.server.catalog.Catalog;
import org.landledger.server.catalog.ServedLayer;
import org.landledger.server.ows.OwsException;

/** 存储查询: the one stored query WFS 2.0 requires, GetFeatureById, listed and described. */
final class StoredQueries {

  private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  private static final String NS = " xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:ll=\"" + Gml32.NS + "\""
      + " xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
      + " xsi:schemaLocation=\"http://www.opengis.net/wfs/2.0 http://schemas.opengis.net/wfs/2.0/wfs.xsd\"";

  private StoredQueries() {}

  static String list(Catalog catalog) {
    StringBuilder b = new StringBuilder(HEAD).append("<wfs:ListStoredQueriesResponse").append(NS).append(">\n")
        .append("<wfs:StoredQuery id=\"").append(WfsService.GET_FEATURE_BY_ID).append("\">")
        .append("<wfs:Title xml:lang=\"zh\">按标识获取要素</wfs:Title><wfs:Title xml:lang=\"en\">Get feature by identifier</wfs:Title>");
    for (ServedLayer l : catalog.layers()) {
      b.append("<wfs:ReturnFeatureType>ll:").append(l.name()).append("</wfs:ReturnFeatureType>");
    }
    return b.append("</wfs:StoredQuery>\n</wfs:ListStoredQueriesResponse>\n").toString();
  }

  static String describe(String ids) {
    if (ids != null) {
      for (String id : ids.split(",")) {
        if (!id.trim().equals(WfsService.GET_FEATURE_BY_ID)) {
          throw OwsException.invalid("STOREDQUERY_ID", "unknown stored query " + WfsService.abbreviate(id.trim()));
        }
      }
    }
    return HEAD + "<wfs:DescribeStoredQueriesResponse" + NS + ">\n"
        + "<wfs:StoredQueryDescription id=\"" + WfsService.GET_FEATURE_BY_ID + "\">"
        + "<wfs:Title xml:lang=\"en\">Get feature by identifier</wfs:Title>"
        + "<wfs:Abstract xml:lang=\"en\">Returns the single feature whose gml:id is ID.</wfs:Abstract>"
        + "<wfs:Parameter name=\"ID\" type=\"xs:string\"/>"
        + "<wfs:QueryExpressionText isPrivate=\"true\" language=\"urn:ogc:def:queryLanguage:OGC-WFS::WFS_QueryExpression\""
        + " returnFeatureTypes=\"\"/>"
        + "</wfs:StoredQueryDescription>\n</wfs:DescribeStoredQueriesResponse>\n";
  }
}
