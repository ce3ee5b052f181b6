package org.landledger.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.Layer;
import org.landledger.io.LayerSchema;
import org.landledger.io.Layers;
import org.landledger.io.ReadOptions;
import org.landledger.server.catalog.Catalog;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Hand-made fixture layers (planar GK zone 39, EPSG:4527) written with {@code Layers.write}, a server on an
 * ephemeral loopback port, an HTTP helper and offline XSD validation against the official OGC schemas.
 *
 * <p>Layout: {@code data/DLTB.shp} three 100 m squares — 1: 0101 水田 at (39 500 000, 4 000 000), 2: 0301
 * 乔木林地 200 m east of it, 3: 0702 农村宅基地 400 m east; {@code data/redline/result.shp} (group "redline")
 * squares with status PASS/WARN/FAIL at the same places; {@code data/other/DLTB.shp} a second DLTB, served
 * as {@code DLTB_2}.
 */
public final class Fixtures {

  static final GeometryFactory GF = new GeometryFactory();
  public static final double X0 = 39_500_000;
  public static final double Y0 = 4_000_000;

  private Fixtures() {}

  public static Polygon square(double x, double y, double side) {
    return GF.createPolygon(new Coordinate[] {
        new Coordinate(x, y), new Coordinate(x + side, y), new Coordinate(x + side, y + side),
        new Coordinate(x, y + side), new Coordinate(x, y)});
  }

  public static Layer dltb(String name) {
    LayerSchema schema = new LayerSchema(name, List.of(
        new Field("BSM", FieldType.STRING, 18, 0), new Field("DLBM", FieldType.STRING, 5, 0),
        new Field("DLMC", FieldType.STRING, 60, 0), new Field("ZLDWMC", FieldType.STRING, 100, 0),
        new Field("TBMJ", FieldType.DOUBLE, 15, 2)), "Polygon");
    String[][] rows = {{"1", "0101", "水田", "城关镇东关村"}, {"2", "0301", "乔木林地", "城关镇西关村"}, {"3", "0702", "农村宅基地", "城关镇东关村"}};
    List<Feature> fs = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("BSM", rows[i][0]);
      a.put("DLBM", rows[i][1]);
      a.put("DLMC", rows[i][2]);
      a.put("ZLDWMC", rows[i][3]);
      a.put("TBMJ", 10000.0);
      fs.add(new Feature(rows[i][0], square(X0 + 200 * i, Y0, 100), a));
    }
    return new Layer(schema, Crs.epsg(4527), fs);
  }

  public static Layer redline() {
    LayerSchema schema = new LayerSchema("result", List.of(
        new Field("status", FieldType.STRING, 8, 0), new Field("reason", FieldType.STRING, 100, 0)), "Polygon");
    String[] st = {"PASS", "WARN", "FAIL"};
    List<Feature> fs = new ArrayList<>();
    for (int i = 0; i < st.length; i++) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("status", st[i]);
      a.put("reason", i == 2 ? "占用永久基本农田" : "");
      fs.add(new Feature(Integer.toString(i + 1), square(X0 + 200 * i, Y0, 100), a));
    }
    return new Layer(schema, Crs.epsg(4527), fs);
  }

  /** Writes the fixture folder. */
  public static Path writeData(Path dir) {
    try {
      Path data = Files.createDirectories(dir.resolve("data"));
      Layers.write(dltb("DLTB"), data.resolve("DLTB.shp"));
      Layers.write(redline(), Files.createDirectories(data.resolve("redline")).resolve("result.shp"));
      Layers.write(dltb("DLTB"), Files.createDirectories(data.resolve("other")).resolve("DLTB.shp"));
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static LandLedgerServer start(Path dir, ServerOptions options) {
    Catalog c = Catalog.scan(List.of(writeData(dir)), ReadOptions.DEFAULT, m -> {});
    return LandLedgerServer.start(c, options);
  }

  public static LandLedgerServer start(Path dir) {
    return start(dir, ServerOptions.loopback(0));
  }

  // ---- HTTP ----

  static final HttpClient HTTP = HttpClient.newHttpClient();

  public record Response(int status, String contentType, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  public static Response get(LandLedgerServer s, String pathAndQuery) {
    return send(s, HttpRequest.newBuilder(uri(s, pathAndQuery)).GET().build());
  }

  public static Response post(LandLedgerServer s, String path, String contentType, String body) {
    return send(s, HttpRequest.newBuilder(uri(s, path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  static URI uri(LandLedgerServer s, String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + s.port() + pathAndQuery.replace(" ", "%20"));
  }

  static Response send(LandLedgerServer s, HttpRequest r) {
    try {
      HttpResponse<byte[]> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofByteArray());
      return new Response(resp.statusCode(), resp.headers().firstValue("Content-Type").orElse(""), resp.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // ---- XSD validation, offline ----

  /**
   * Validates a document against an official schema from the ogc-schemas jar ({@code ogc/...} path),
   * resolving http://schemas.opengis.net/ to the jar and the two W3C schemas to local copies.
   */
  public static void validate(String xml, String... schemaPaths) {
    try {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setResourceResolver(new OfflineResolver());
      StreamSource[] sources = new StreamSource[schemaPaths.length];
      for (int i = 0; i < schemaPaths.length; i++) {
        URL u = Fixtures.class.getResource("/" + schemaPaths[i]);
        if (u == null) {
          throw new IllegalStateException("schema not on the test classpath: " + schemaPaths[i]);
        }
        sources[i] = new StreamSource(u.openStream(), u.toExternalForm());
      }
      Schema schema = f.newSchema(sources);
      Validator v = schema.newValidator();
      v.setResourceResolver(new OfflineResolver());
      v.validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    } catch (org.xml.sax.SAXException e) {
      throw new AssertionError("not schema-valid: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final class OfflineResolver implements LSResourceResolver {
    @Override
    public LSInput resolveResource(String type, String ns, String publicId, String systemId, String baseUri) {
      if (systemId == null) {
        return null;
      }
      String res = null;
      if (systemId.startsWith("http://schemas.opengis.net/")) {
        res = "/ogc/" + systemId.substring("http://schemas.opengis.net/".length());
      } else if (systemId.equals("http://www.w3.org/1999/xlink.xsd")) {
        res = "/w3c/xlink.xsd";
      } else if (systemId.equals("http://www.w3.org/2001/xml.xsd")) {
        res = "/w3c/xml.xsd";
      } else if (systemId.startsWith("http")) {
        throw new IllegalStateException("schema outside the offline set: " + systemId);
      }
      if (res == null) {
        return null;
      }
      URL u = Fixtures.class.getResource(res);
      if (u == null) {
        throw new IllegalStateException("missing offline schema " + res + " for " + systemId);
      }
      return new Input(u.toExternalForm(), publicId);
    }
  }

  record Input(String systemId, String publicId) implements LSInput {
    @Override public java.io.Reader getCharacterStream() { return null; }
    @Override public void setCharacterStream(java.io.Reader r) {}
    @Override public InputStream getByteStream() {
      try {
        return new URL(systemId).openStream();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    @Override public void setByteStream(InputStream b) {}
    @Override public String getStringData() { return null; }
    @Override public void setStringData(String s) {}
    @Override public String getSystemId() { return systemId; }
    @Override public void setSystemId(String s) {}
    @Override public String getPublicId() { return publicId; }
    @Override public void setPublicId(String p) {}
    @Override public String getBaseURI() { return systemId; }
    @Override public void setBaseURI(String b) {}
    @Override public String getEncoding() { return null; }
    @Override public void setEncoding(String e) {}
    @Override public boolean getCertifiedText() { return false; }
    @Override public void setCertifiedText(boolean c) {}
  }
}
