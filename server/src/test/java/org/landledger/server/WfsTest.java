package org.landledger.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.landledger.server.Fixtures.enc;
import static org.landledger.server.Fixtures.get;
import static org.landledger.server.Fixtures.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WfsTest {

  @TempDir static Path dir;
  static LandLedgerServer server;
  static final ObjectMapper JSON = new ObjectMapper();
  static final String GF = "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ll:DLTB";

  @BeforeAll
  static void start() {
    server = Fixtures.start(dir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode json(String q) throws Exception {
    Fixtures.Response r = get(server, q);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void capabilitiesAndStoredQueryDocumentsAreSchemaValid() {
    Fixtures.Response r = get(server, "/ows?SERVICE=WFS&REQUEST=GetCapabilities");
    assertThat(r.status()).isEqualTo(200);
    Fixtures.validate(r.text(), "ogc/wfs/2.0/wfs.xsd");
    assertThat(r.text()).contains("<wfs:Name>ll:DLTB</wfs:Name>", "<wfs:DefaultCRS>urn:ogc:def:crs:EPSG::4527</wfs:DefaultCRS>",
        "ImplementsResultPaging");
    Fixtures.validate(get(server, "/wfs?REQUEST=ListStoredQueries&VERSION=2.0.0").text(), "ogc/wfs/2.0/wfs.xsd");
    Fixtures.validate(get(server, "/wfs?REQUEST=DescribeStoredQueries&VERSION=2.0.0").text(), "ogc/wfs/2.0/wfs.xsd");
  }

  @Test
  void theValidatorRejectsAnInvalidDocument() {
    // Guards the tests above: a capabilities document missing its required parts must fail validation.
    String broken = "<wfs:WFS_Capabilities xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" version=\"2.0.0\"><wfs:Bogus/></wfs:WFS_Capabilities>";
    try {
      Fixtures.validate(broken, "ogc/wfs/2.0/wfs.xsd");
    } catch (AssertionError expected) {
      return;
    }
    throw new AssertionError("invalid document passed validation");
  }

  @Test
  void gmlFeatureCollectionValidatesAgainstWfsGmlAndTheServedApplicationSchema() throws Exception {
    Fixtures.Response r = get(server, GF);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/gml+xml");
    String xml = r.text();
    assertThat(xml).contains("numberMatched=\"3\"", "numberReturned=\"3\"", "<ll:DLMC>水田</ll:DLMC>", "gml:id=\"DLTB.1\"");
    // Native CRS in EPSG order (north, east): square 1 from (x X0, y Y0) clockwise — as the shapefile stores
    // outer rings — to (x X0, y Y0+100), written "northing easting".
    assertThat(xml).contains("<gml:posList srsDimension=\"2\">4000000 39500000 4000100 39500000 4000100 39500100");
    // Validate with the DescribeFeatureType schema the server itself serves.
    String xsd = get(server, "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=ll:DLTB").text();
    Path local = dir.resolve("ll.xsd");
    java.nio.file.Files.writeString(local, xsd);
    String withLocalSchema = xml.replaceFirst("http://landledger.org/ll http://[^ ]+", "http://landledger.org/ll " + local.toUri());
    javax.xml.validation.SchemaFactory f = javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI);
    f.setResourceResolver(new Fixtures.OfflineResolver());
    var schema = f.newSchema(new javax.xml.transform.Source[] {
        new javax.xml.transform.stream.StreamSource(WfsTest.class.getResource("/ogc/wfs/2.0/wfs.xsd").toExternalForm()),
        new javax.xml.transform.stream.StreamSource(local.toFile())});
    var v = schema.newValidator();
    v.setResourceResolver(new Fixtures.OfflineResolver());
    v.validate(new javax.xml.transform.stream.StreamSource(new java.io.StringReader(withLocalSchema)));
  }

  @Test
  void pagingWithCountStartIndexAndNextLinks() throws Exception {
    JsonNode p1 = json(GF + "&OUTPUTFORMAT=application/json&COUNT=2");
    assertThat(p1.get("numberMatched").asInt()).isEqualTo(3);
    assertThat(p1.get("numberReturned").asInt()).isEqualTo(2);
    assertThat(p1.get("features").get(0).get("id").asText()).isEqualTo("DLTB.1");
    String next = p1.get("links").get(0).get("href").asText();
    assertThat(next).contains("STARTINDEX=2");
    JsonNode p2 = json(next.substring(next.indexOf("/ows")));
    assertThat(p2.get("numberReturned").asInt()).isEqualTo(1);
    assertThat(p2.get("features").get(0).get("properties").get("DLMC").asText()).isEqualTo("农村宅基地");
    assertThat(p2.get("links").toString()).doesNotContain("\"next\"");
    // GML carries the next link as an attribute.
    Matcher m = Pattern.compile("next=\"([^\"]+)\"").matcher(get(server, GF + "&COUNT=1").text());
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).contains("STARTINDEX=1");
  }

  @Test
  void getPropertyValueListsOneAttribute() {
    Fixtures.Response r = get(server, "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=ll:DLTB&VALUEREFERENCE=DLMC"
        + "&CQL_FILTER=" + enc("ZLDWMC = '城关镇东关村'"));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    Fixtures.validate(r.text(), "ogc/wfs/2.0/wfs.xsd");
    assertThat(r.text()).contains("numberMatched=\"2\"", "<ll:DLMC>水田</ll:DLMC>", "<ll:DLMC>农村宅基地</ll:DLMC>")
        .doesNotContain("乔木林地");
    assertThat(get(server, "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=ll:DLTB&VALUEREFERENCE="
        + enc("//DLMC")).status()).isEqualTo(400);
  }

  @Test
  void hitsCountsWithoutFeatures() {
    String xml = get(server, GF + "&RESULTTYPE=hits").text();
    assertThat(xml).contains("numberMatched=\"3\"", "numberReturned=\"0\"").doesNotContain("wfs:member");
  }

  @Test
  void ecqlFiltersOnAttributesIncludingChineseValues() throws Exception {
    JsonNode r = json(GF + "&OUTPUTFORMAT=json&CQL_FILTER=" + enc("ZLDWMC = '城关镇东关村' AND DLBM LIKE '07%'"));
    assertThat(r.get("numberMatched").asInt()).isEqualTo(1);
    assertThat(r.get("features").get(0).get("id").asText()).isEqualTo("DLTB.3");
    // Names are matched case-insensitively, as 三调 exports differ.
    assertThat(json(GF + "&OUTPUTFORMAT=json&CQL_FILTER=" + enc("dlbm IN ('0101','0301')")).get("numberMatched").asInt()).isEqualTo(2);
    // Spatial: a BBOX around square 2 only (native coordinates).
    assertThat(json(GF + "&OUTPUTFORMAT=json&CQL_FILTER=" + enc("BBOX(geometry, 39500210, 4000010, 39500220, 4000020)"))
        .get("features").get(0).get("id").asText()).isEqualTo("DLTB.2");
  }

  @Test
  void ecqlNamingAnythingButLayerAttributesIsRefused() {
    // CVE-2024-36401 shape: an XPath/expression as property name must never be evaluated.
    for (String evil : new String[] {
        "exec(java.lang.Runtime.getRuntime(),'touch /tmp/x') = 1",
        "\"java.lang.Runtime.getRuntime()\" = 1",
        "\"/etc/passwd\" = 'x'",
        "NOSUCH = 1",
        "jsonPointer(DLBM, '/a') = 1"}) {
      Fixtures.Response r = get(server, GF + "&CQL_FILTER=" + enc(evil));
      assertThat(r.status()).as(evil).isEqualTo(400);
      assertThat(r.text()).as(evil).contains("InvalidParameterValue").doesNotContain("Exception:").doesNotContain("at org.");
    }
  }

  @Test
  void bboxResourceIdSrsNameAndPropertyName() throws Exception {
    // KVP BBOX with a CRS URN (EPSG order, north first) around squares 1 and 2.
    JsonNode b = json(GF + "&OUTPUTFORMAT=json&BBOX=4000010,39500010,4000020,39500250,urn:ogc:def:crs:EPSG::4527");
    assertThat(b.get("numberMatched").asInt()).isEqualTo(2);
    JsonNode ids = json(GF + "&OUTPUTFORMAT=json&RESOURCEID=DLTB.3,DLTB.1");
    assertThat(ids.get("numberMatched").asInt()).isEqualTo(2);
    // SRSNAME urn:…4490 in GML: latitude first (about 36.1°N, 117°E for zone 39).
    String gml = get(server, GF + "&RESOURCEID=DLTB.1&SRSNAME=urn:ogc:def:crs:EPSG::4490").text();
    Matcher m = Pattern.compile("<gml:posList srsDimension=\"2\">([0-9.]+) ([0-9.]+)").matcher(gml);
    assertThat(m.find()).isTrue();
    assertThat(Double.parseDouble(m.group(1))).isBetween(35.0, 37.0);
    assertThat(Double.parseDouble(m.group(2))).isBetween(116.0, 118.0);
    // GeoJSON stays lon,lat.
    JsonNode gj = json(GF + "&OUTPUTFORMAT=json&RESOURCEID=DLTB.1&SRSNAME=EPSG:4490");
    assertThat(gj.get("features").get(0).get("geometry").get("coordinates").get(0).get(0).get(0).get(0).asDouble()).isBetween(116.0, 118.0);
    JsonNode props = json(GF + "&OUTPUTFORMAT=json&PROPERTYNAME=DLMC");
    assertThat(props.get("features").get(0).get("properties").size()).isEqualTo(1);
    assertThat(props.get("features").get(0).get("geometry").isNull()).isTrue();
    assertThat(get(server, GF + "&PROPERTYNAME=" + enc("../x")).status()).isEqualTo(400);
  }

  @Test
  void getFeatureByIdStoredQueryReturnsTheBareFeature() {
    Fixtures.Response r = get(server, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID="
        + enc("urn:ogc:def:query:OGC-WFS::GetFeatureById") + "&ID=DLTB.2");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text()).contains("<ll:DLTB xmlns:ll=", "gml:id=\"DLTB.2\"", "乔木林地").doesNotContain("FeatureCollection");
    assertThat(get(server, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID="
        + enc("urn:ogc:def:query:OGC-WFS::GetFeatureById") + "&ID=DLTB.99").status()).isEqualTo(404);
  }

  @Test
  void fesXmlFilterOverPost() throws Exception {
    String body = """
        <wfs:GetFeature service="WFS" version="2.0.0" outputFormat="application/json"
            xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2">
          <wfs:Query typeNames="ll:DLTB">
            <fes:Filter><fes:Or>
              <fes:PropertyIsEqualTo><fes:ValueReference>DLMC</fes:ValueReference><fes:Literal>水田</fes:Literal></fes:PropertyIsEqualTo>
              <fes:BBOX><fes:ValueReference>geometry</fes:ValueReference>
                <gml:Envelope srsName="urn:ogc:def:crs:EPSG::4527"><gml:lowerCorner>4000010 39500410</gml:lowerCorner><gml:upperCorner>4000020 39500420</gml:upperCorner></gml:Envelope>
              </fes:BBOX>
            </fes:Or></fes:Filter>
          </wfs:Query>
        </wfs:GetFeature>""";
    Fixtures.Response r = post(server, "/wfs", "text/xml", body);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    JsonNode j = JSON.readTree(r.body());
    assertThat(j.get("numberMatched").asInt()).isEqualTo(2);
    assertThat(j.get("features").get(1).get("id").asText()).isEqualTo("DLTB.3");
    // FES via KVP FILTER too; a property that is not an attribute is refused.
    String fes = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo><fes:ValueReference>"
        + "exec(java.lang.Runtime.getRuntime(),'id')</fes:ValueReference><fes:Literal>1</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";
    assertThat(get(server, GF + "&FILTER=" + enc(fes)).status()).isEqualTo(400);
  }

  @Test
  void xmlExternalEntitiesAreRefused() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" version=\"2.0.0\">"
        + "<wfs:Query typeNames=\"ll:DLTB\"><wfs:PropertyName>&x;</wfs:PropertyName></wfs:Query></wfs:GetFeature>";
    Fixtures.Response r = post(server, "/wfs", "text/xml", xxe);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.text()).contains("ows:ExceptionReport").doesNotContain("root:");
  }

  @Test
  void aBboxOutsideTheCrsDomainIsABadRequestNotAnInternalError() {
    Fixtures.Response r = get(server, GF + "&BBOX=95,0,100,10,urn:ogc:def:crs:EPSG::4490");
    assertThat(r.status()).as(r.text()).isIn(200, 400);
    assertThat(r.text()).doesNotContain("internal error");
  }

  @Test
  void countAboveTheCapIsRefused() {
    Fixtures.Response r = get(server, GF + "&COUNT=10001");
    assertThat(r.status()).isEqualTo(400);
    Fixtures.validate(r.text(), "ogc/ows/1.1.0/owsExceptionReport.xsd");
    assertThat(r.text()).contains("locator=\"COUNT\"");
  }
}
