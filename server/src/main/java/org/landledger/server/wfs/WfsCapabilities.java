package org.landledger.server.wfs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.landledger.geo.Crs;
import org.landledger.server.Limits;
import org.landledger.server.catalog.Catalog;
import org.landledger.server.catalog.ServedLayer;
import org.landledger.server.ows.RequestCrs;
import org.landledger.server.ows.Xml;
import org.locationtech.jts.geom.Envelope;

/**
 * WFS 2.0 能力文档 (valid against wfs.xsd): operations, the conformance constraints we honour (Simple WFS
 * with KVP and XML encodings, result paging), one FeatureType per layer with its native CRS as default and
 * EPSG:4490/4326/3857 as others, and the filter capabilities of {@link AttributeFilter}/{@link Fes}.
 */
final class WfsCapabilities {

  private WfsCapabilities() {}

  static String write(Catalog catalog, Limits limits, String url) {
    String u = Xml.esc(url);
    StringBuilder b = new StringBuilder(8192);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<wfs:WFS_Capabilities version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\"")
        .append(" xmlns:ows=\"http://www.opengis.net/ows/1.1\" xmlns:fes=\"http://www.opengis.net/fes/2.0\"")
        .append(" xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
        .append(" xmlns:ll=\"").append(Gml32.NS).append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        .append(" xsi:schemaLocation=\"http://www.opengis.net/wfs/2.0 http://schemas.opengis.net/wfs/2.0/wfs.xsd\">\n")
        .append("<ows:ServiceIdentification><ows:Title>LandLedger 土地账本 WFS</ows:Title>")
        .append("<ows:Abstract>三调数据与核算结果要素服务 (land survey data and analysis results)</ows:Abstract>")
        .append("<ows:ServiceType>WFS</ows:ServiceType><ows:ServiceTypeVersion>2.0.0</ows:ServiceTypeVersion>")
        .append("<ows:Fees>none</ows:Fees><ows:AccessConstraints>none</ows:AccessConstraints></ows:ServiceIdentification>\n")
        .append("<ows:ServiceProvider><ows:ProviderName>LandLedger</ows:ProviderName><ows:ServiceContact/></ows:ServiceProvider>\n")
        .append("<ows:OperationsMetadata>\n");
    operation(b, "GetCapabilities", u, "AcceptVersions", List.of("2.0.0"));
    operation(b, "DescribeFeatureType", u, "outputFormat", List.of("application/gml+xml; version=3.2"));
    List<String> formats = new java.util.ArrayList<>(WfsService.GML_FORMATS);
    formats.addAll(WfsService.JSON_FORMATS);
    operation(b, "GetFeature", u, "outputFormat", formats);
    operation(b, "GetPropertyValue", u, null, null);
    operation(b, "ListStoredQueries", u, null, null);
    operation(b, "DescribeStoredQueries", u, null, null);
    b.append("<ows:Parameter name=\"version\"><ows:AllowedValues><ows:Value>2.0.0</ows:Value></ows:AllowedValues></ows:Parameter>\n");
    String[][] constraints = {
        {"ImplementsBasicWFS", "FALSE"}, {"ImplementsTransactionalWFS", "FALSE"}, {"ImplementsLockingWFS", "FALSE"},
        {"KVPEncoding", "TRUE"}, {"XMLEncoding", "TRUE"}, {"SOAPEncoding", "FALSE"}, {"ImplementsInheritance", "FALSE"},
        {"ImplementsRemoteResolve", "FALSE"}, {"ImplementsResultPaging", "TRUE"}, {"ImplementsStandardJoins", "FALSE"},
        {"ImplementsSpatialJoins", "FALSE"}, {"ImplementsTemporalJoins", "FALSE"}, {"ImplementsFeatureVersioning", "FALSE"},
        {"ManageStoredQueries", "FALSE"}};
    for (String[] c : constraints) {
      constraint(b, "ows", c[0], c[1]);
    }
    b.append("<ows:Constraint name=\"CountDefault\"><ows:NoValues/><ows:DefaultValue>").append(limits.defaultCount())
        .append("</ows:DefaultValue></ows:Constraint>\n")
        .append("<ows:Constraint name=\"QueryExpressions\"><ows:AllowedValues><ows:Value>wfs:Query</ows:Value>")
        .append("<ows:Value>wfs:StoredQuery</ows:Value></ows:AllowedValues></ows:Constraint>\n")
        .append("</ows:OperationsMetadata>\n<wfs:FeatureTypeList>\n");
    for (ServedLayer l : catalog.layers()) {
      b.append("<wfs:FeatureType><wfs:Name>ll:").append(Xml.esc(l.name())).append("</wfs:Name><wfs:Title>")
          .append(Xml.esc(l.name())).append("</wfs:Title><wfs:Abstract>").append(l.count())
          .append(" 个要素 features</wfs:Abstract><wfs:DefaultCRS>").append(RequestCrs.urn(l.crs())).append("</wfs:DefaultCRS>");
      Set<Integer> others = new LinkedHashSet<>(List.of(Crs.CGCS2000, Crs.WGS84, Crs.WEB_MERCATOR));
      others.remove(l.crs().epsg());
      for (int c : others) {
        b.append("<wfs:OtherCRS>urn:ogc:def:crs:EPSG::").append(c).append("</wfs:OtherCRS>");
      }
      b.append("<wfs:OutputFormats>");
      for (String f : formats) {
        b.append("<wfs:Format>").append(Xml.esc(f)).append("</wfs:Format>");
      }
      b.append("</wfs:OutputFormats>");
      Envelope e = l.bounds(Crs.epsg(Crs.WGS84));
      if (!e.isNull()) {
        b.append("<ows:WGS84BoundingBox><ows:LowerCorner>").append(RequestCrs.num(e.getMinX())).append(' ')
            .append(RequestCrs.num(e.getMinY())).append("</ows:LowerCorner><ows:UpperCorner>")
            .append(RequestCrs.num(e.getMaxX())).append(' ').append(RequestCrs.num(e.getMaxY()))
            .append("</ows:UpperCorner></ows:WGS84BoundingBox>");
      }
      b.append("</wfs:FeatureType>\n");
    }
    b.append("</wfs:FeatureTypeList>\n<fes:Filter_Capabilities><fes:Conformance>");
    String[][] fes = {
        {"ImplementsQuery", "TRUE"}, {"ImplementsAdHocQuery", "TRUE"}, {"ImplementsFunctions", "FALSE"},
        {"ImplementsResourceId", "TRUE"}, {"ImplementsMinStandardFilter", "TRUE"}, {"ImplementsStandardFilter", "TRUE"},
        {"ImplementsMinSpatialFilter", "TRUE"}, {"ImplementsSpatialFilter", "FALSE"},
        {"ImplementsMinTemporalFilter", "FALSE"}, {"ImplementsTemporalFilter", "FALSE"}, {"ImplementsVersionNav", "FALSE"},
        {"ImplementsSorting", "TRUE"}, {"ImplementsExtendedOperators", "FALSE"}, {"ImplementsMinimumXPath", "FALSE"},
        {"ImplementsSchemaElementFunc", "FALSE"}};
    for (String[] c : fes) {
      constraint(b, "fes", c[0], c[1]);
    }
    b.append("</fes:Conformance><fes:Id_Capabilities><fes:ResourceIdentifier name=\"fes:ResourceId\"/></fes:Id_Capabilities>")
        .append("<fes:Scalar_Capabilities><fes:LogicalOperators/><fes:ComparisonOperators>");
    for (String op : List.of("PropertyIsEqualTo", "PropertyIsNotEqualTo", "PropertyIsLessThan", "PropertyIsGreaterThan",
        "PropertyIsLessThanOrEqualTo", "PropertyIsGreaterThanOrEqualTo", "PropertyIsLike", "PropertyIsNull", "PropertyIsBetween")) {
      b.append("<fes:ComparisonOperator name=\"").append(op).append("\"/>");
    }
    b.append("</fes:ComparisonOperators></fes:Scalar_Capabilities><fes:Spatial_Capabilities><fes:GeometryOperands>")
        .append("<fes:GeometryOperand name=\"gml:Envelope\"/></fes:GeometryOperands><fes:SpatialOperators>")
        .append("<fes:SpatialOperator name=\"BBOX\"/></fes:SpatialOperators></fes:Spatial_Capabilities>")
        .append("</fes:Filter_Capabilities>\n</wfs:WFS_Capabilities>\n");
    return b.toString();
  }

  private static void operation(StringBuilder b, String name, String u, String param, List<String> values) {
    b.append("<ows:Operation name=\"").append(name).append("\"><ows:DCP><ows:HTTP><ows:Get xlink:href=\"").append(u)
        .append("\"/><ows:Post xlink:href=\"").append(u).append("\"/></ows:HTTP></ows:DCP>");
    if (param != null) {
      b.append("<ows:Parameter name=\"").append(param).append("\"><ows:AllowedValues>");
      for (String v : values) {
        b.append("<ows:Value>").append(Xml.esc(v)).append("</ows:Value>");
      }
      b.append("</ows:AllowedValues></ows:Parameter>");
    }
    b.append("</ows:Operation>\n");
  }

  private static void constraint(StringBuilder b, String prefix, String name, String value) {
    b.append('<').append(prefix).append(":Constraint name=\"").append(name).append("\"><ows:NoValues/><ows:DefaultValue>")
        .append(value).append("</ows:DefaultValue></").append(prefix).append(":Constraint>\n");
  }
}
