package org.landledger.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.landledger.server.Fixtures.X0;
import static org.landledger.server.Fixtures.Y0;
import static org.landledger.server.Fixtures.get;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.Crs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

class WmsTest {

  @TempDir static Path dir;
  static LandLedgerServer server;

  @BeforeAll
  static void start() {
    server = Fixtures.start(dir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static BufferedImage png(Fixtures.Response r) throws IOException {
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return ImageIO.read(new ByteArrayInputStream(r.body()));
  }

  /** The largest difference of any channel of any pixel, colours weighted by alpha (as composited). */
  static int maxDifference(BufferedImage a, BufferedImage b) {
    assertThat(a.getWidth()).isEqualTo(b.getWidth());
    assertThat(a.getHeight()).isEqualTo(b.getHeight());
    int max = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        max = Math.max(max, Math.abs((p >>> 24) - (q >>> 24)));
        for (int s = 0; s < 24; s += 8) {
          max = Math.max(max, Math.abs(((p >>> s) & 0xFF) * (p >>> 24) / 255 - ((q >>> s) & 0xFF) * (q >>> 24) / 255));
        }
      }
    }
    return max;
  }

  static int alpha(BufferedImage img, int x, int y) {
    return img.getRGB(x, y) >>> 24;
  }

  static int[] rgb(BufferedImage img, int x, int y) {
    int p = img.getRGB(x, y);
    return new int[] {(p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF};
  }

  @Test
  void capabilitiesAreValidAgainstTheOfficialSchema() {
    Fixtures.Response r = get(server, "/ows?SERVICE=WMS&REQUEST=GetCapabilities");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/xml");
    String xml = r.text();
    Fixtures.validate(xml, "ogc/wms/1.3.0/capabilities_1_3_0.xsd");
    assertThat(xml).contains("<Name>DLTB</Name>", "<Name>DLTB_2</Name>", "<Name>result</Name>",
        "<Name>redline</Name>", "<CRS>EPSG:4527</CRS>", "<CRS>EPSG:4490</CRS>", "<CRS>EPSG:3857</CRS>",
        "REQUEST=GetLegendGraphic");
    // The native bbox in EPSG order (northing first): 4 000 000 … 4 000 100 by 39 500 000 … 39 500 500.
    assertThat(xml).contains("<BoundingBox CRS=\"EPSG:4527\" minx=\"4000000\" miny=\"39500000\" maxx=\"4000100\" maxy=\"39500500\"/>");
  }

  /** 600 m × 200 m at 1 m per pixel: x = X0 … X0+600, y = Y0−50 … Y0+150 (so square rows are 50 … 150). */
  static final String NATIVE_BBOX = (Y0 - 50) + "," + X0 + "," + (Y0 + 150) + "," + (X0 + 600);

  @Test
  void getMapDrawsLandUseColoursWhereThePolygonsAreAndLeavesTheRestTransparent() throws IOException {
    BufferedImage img = png(get(server, "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=DLTB&STYLES=&CRS=EPSG:4527"
        + "&BBOX=" + NATIVE_BBOX + "&WIDTH=600&HEIGHT=200&FORMAT=image/png&TRANSPARENT=TRUE"));
    assertThat(img.getWidth()).isEqualTo(600);
    assertThat(img.getHeight()).isEqualTo(200);
    // Square 1 (0101 水田, 耕地) covers pixels x 0–100, rows 50–150: 耕地 yellow #FFFF64.
    assertThat(alpha(img, 50, 100)).isEqualTo(255);
    assertThat(rgb(img, 50, 100)).containsExactly(0xFF, 0xFF, 0x64);
    // Square 2 (0301, 林地) at x 200–300: green #3CB43C.
    assertThat(rgb(img, 250, 100)).containsExactly(0x3C, 0xB4, 0x3C);
    // Square 3 (0702, 住宅用地) at x 400–500: orange #FFAA3C.
    assertThat(rgb(img, 450, 100)).containsExactly(0xFF, 0xAA, 0x3C);
    // Between squares and above them: nothing drawn, transparent.
    assertThat(alpha(img, 150, 100)).isZero();
    assertThat(alpha(img, 50, 20)).isZero();
    assertThat(alpha(img, 550, 100)).isZero();
  }

  @Test
  void eastNorthOrderInAGaussKrugerBboxMissesTheData() throws IOException {
    // Same numbers in the wrong (east,north) order: the map lands far from the data and is empty.
    BufferedImage img = png(get(server, "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=DLTB&STYLES=&CRS=EPSG:4527"
        + "&BBOX=" + X0 + "," + (Y0 - 50) + "," + (X0 + 600) + "," + (Y0 + 150) + "&WIDTH=60&HEIGHT=20&FORMAT=image/png&TRANSPARENT=TRUE"));
    for (int x = 0; x < 60; x++) {
      for (int y = 0; y < 20; y++) {
        assertThat(alpha(img, x, y)).isZero();
      }
    }
  }

  @Test
  void latLonBboxIn4490GivesTheSameMapAsLonLatInCrs84() throws IOException {
    Envelope e = org.landledger.server.catalog.Envelopes.transform(new Envelope(X0 - 50, X0 + 650, Y0 - 50, Y0 + 150),
        Crs.epsg(4527), Crs.epsg(4490));
    String latLon = e.getMinY() + "," + e.getMinX() + "," + e.getMaxY() + "," + e.getMaxX();
    String lonLat = e.getMinX() + "," + e.getMinY() + "," + e.getMaxX() + "," + e.getMaxY();
    String common = "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=DLTB&STYLES=&WIDTH=300&HEIGHT=120&FORMAT=image/png&TRANSPARENT=TRUE";
    Fixtures.Response a = get(server, common + "&CRS=EPSG:4490&BBOX=" + latLon);
    Fixtures.Response b = get(server, common + "&CRS=EPSG:4326&BBOX=" + latLon);
    Fixtures.Response c = get(server, common + "&CRS=CRS:84&BBOX=" + lonLat);
    BufferedImage ia = png(a);
    // Same axis handling: CRS:84 lon,lat is EPSG:4326 lat,lon — the same image.
    assertThat(b.body()).isEqualTo(c.body());
    // CGCS2000 and WGS 84 coincide at this scale (GeoTools uses no datum shift between them); their transforms
    // differ in the last bits of a double, which may move an edge pixel's fill and outline coverage by one level
    // of 255 each.
    assertThat(maxDifference(ia, png(b))).isLessThanOrEqualTo(2);
    // Centre of square 1 (X0+50, Y0+50) in lon/lat → pixel: must be painted.
    Point centre = (Point) Crs.epsg(4527).transform(Fixtures.GF.createPoint(new Coordinate(X0 + 50, Y0 + 50)), Crs.epsg(4490));
    int px = (int) ((centre.getX() - e.getMinX()) / e.getWidth() * 300);
    int py = (int) ((e.getMaxY() - centre.getY()) / e.getHeight() * 120);
    assertThat(alpha(ia, px, py)).isEqualTo(255);
    assertThat(rgb(ia, px, py)).containsExactly(0xFF, 0xFF, 0x64);
  }

  @Test
  void webMercatorBboxIsEastNorth() throws IOException {
    Envelope e = org.landledger.server.catalog.Envelopes.transform(new Envelope(X0 - 50, X0 + 650, Y0 - 50, Y0 + 150),
        Crs.epsg(4527), Crs.epsg(3857));
    BufferedImage img = png(get(server, "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=DLTB&STYLES=&CRS=EPSG:3857"
        + "&BBOX=" + e.getMinX() + "," + e.getMinY() + "," + e.getMaxX() + "," + e.getMaxY()
        + "&WIDTH=350&HEIGHT=100&FORMAT=image/png&TRANSPARENT=TRUE"));
    Point centre = (Point) Crs.epsg(4527).transform(Fixtures.GF.createPoint(new Coordinate(X0 + 250, Y0 + 50)), Crs.epsg(3857));
    int px = (int) ((centre.getX() - e.getMinX()) / e.getWidth() * 350);
    int py = (int) ((e.getMaxY() - centre.getY()) / e.getHeight() * 100);
    assertThat(rgb(img, px, py)).containsExactly(0x3C, 0xB4, 0x3C);
  }

  @Test
  void jpegIsOpaqueAndRightSize() throws IOException {
    Fixtures.Response r = get(server, "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=result&STYLES=&CRS=EPSG:4527"
        + "&BBOX=" + NATIVE_BBOX + "&WIDTH=300&HEIGHT=100&FORMAT=image/jpeg");
    assertThat(r.contentType()).isEqualTo("image/jpeg");
    BufferedImage img = png(r);
    assertThat(img.getWidth()).isEqualTo(300);
    assertThat(img.getHeight()).isEqualTo(100);
    // Background white at the left gap (x 55 m ≈ pixel 27? no: between squares at 150 m → pixel 75).
    int[] gap = rgb(img, 75, 50);
    assertThat(gap[0]).isGreaterThan(240);
    assertThat(gap[1]).isGreaterThan(240);
    // FAIL square (x 400–500 m → pixels 200–250) is red-dominated.
    int[] fail = rgb(img, 225, 50);
    assertThat(fail[0]).isGreaterThan(fail[1] + 80);
  }

  @Test
  void layerGroupDrawsItsLayers() throws IOException {
    BufferedImage img = png(get(server, "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=redline&STYLES=&CRS=EPSG:4527"
        + "&BBOX=" + NATIVE_BBOX + "&WIDTH=600&HEIGHT=200&FORMAT=image/png&TRANSPARENT=TRUE"));
    assertThat(alpha(img, 50, 100)).isGreaterThan(0);
  }

  @Test
  void getFeatureInfoReturnsTheClickedFeatureWithChineseValues() {
    String q = "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=DLTB&QUERY_LAYERS=DLTB&STYLES=&CRS=EPSG:4527"
        + "&BBOX=" + NATIVE_BBOX + "&WIDTH=600&HEIGHT=200&I=250&J=100";
    Fixtures.Response json = get(server, q + "&INFO_FORMAT=application/json");
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.text()).contains("\"DLBM\":\"0301\"", "乔木林地", "城关镇西关村").doesNotContain("0101");
    assertThat(get(server, q + "&INFO_FORMAT=text/html").text()).contains("<td>乔木林地</td>");
    assertThat(get(server, q + "&INFO_FORMAT=text/plain").text()).contains("DLMC = 乔木林地");
    assertThat(get(server, q.replace("I=250", "I=150") + "&INFO_FORMAT=text/plain").text()).contains("no features found");
  }

  @Test
  void legendHasOneRowPerRule() throws IOException {
    BufferedImage img = png(get(server, "/ows?SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=result&FORMAT=image/png"));
    // Red-line status style: PASS, WARN, FAIL, other → 4 rows of 20 px + 4 px padding.
    assertThat(img.getHeight()).isEqualTo(84);
  }

  @Test
  void errorsAreOgcExceptionReportsWithoutStackTraces() {
    Fixtures.Response big = get(server, "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=DLTB&STYLES=&CRS=EPSG:4527"
        + "&BBOX=" + NATIVE_BBOX + "&WIDTH=4097&HEIGHT=200&FORMAT=image/png");
    assertThat(big.status()).isEqualTo(400);
    Fixtures.validate(big.text(), "ogc/wms/1.3.0/exceptions_1_3_0.xsd");
    assertThat(big.text()).contains("locator=\"WIDTH\"").doesNotContain("at org.");
    Fixtures.Response traversal = get(server, "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + Fixtures.enc("../../etc/passwd")
        + "&STYLES=&CRS=EPSG:4527&BBOX=" + NATIVE_BBOX + "&WIDTH=10&HEIGHT=10");
    assertThat(traversal.text()).contains("code=\"LayerNotDefined\"");
    Fixtures.Response crs = get(server, "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=DLTB&STYLES=&CRS=EPSG:2000"
        + "&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10");
    assertThat(crs.text()).contains("code=\"InvalidCRS\"");
    assertThat(get(server, "/ows?SERVICE=WMS&REQUEST=Explode").status()).isEqualTo(501);
  }

  @Test
  void sldExportDescribesTheStyle() {
    Fixtures.Response r = get(server, "/styles/result.sld");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text()).contains("<ogc:Literal>FAIL</ogc:Literal>", "#E53935", "<ogc:Not>")
        .doesNotContain("ElseFilter"); // QGIS applies ElseFilter to every feature
    assertThat(get(server, "/styles/nothing.sld").status()).isEqualTo(404);
  }
}
