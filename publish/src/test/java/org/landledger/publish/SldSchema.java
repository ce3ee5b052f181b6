package org.landledger.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official OGC SLD 1.0.0 XSD (from the ogc-schemas jar), loaded offline: its imports name
 * {@code http://schemas.opengis.net/…} (mapped to the jar's {@code ogc/} folder) and the W3C XLink / XML
 * schemas (mapped to {@code w3c/} test resources). Any other URL fails loudly, so nothing is fetched.
 */
final class SldSchema {

  private static final String OGC = "http://schemas.opengis.net/";
  private static Schema schema;

  private SldSchema() {}

  static synchronized Schema get() throws SAXException {
    if (schema == null) {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setResourceResolver(new OfflineResolver());
      String main = OGC + "sld/1.0.0/StyledLayerDescriptor.xsd";
      schema = f.newSchema(new StreamSource(open(main), main));
    }
    return schema;
  }

  /** Validation errors of {@code sld} (empty when valid). */
  static List<String> errors(String sld) throws SAXException, IOException {
    List<String> errors = new ArrayList<>();
    Validator v = get().newValidator();
    v.setErrorHandler(new ErrorHandler() {
      @Override public void warning(SAXParseException e) {}
      @Override public void error(SAXParseException e) { errors.add(e.getLineNumber() + ": " + e.getMessage()); }
      @Override public void fatalError(SAXParseException e) { errors.add(e.getLineNumber() + ": " + e.getMessage()); }
    });
    try {
      v.validate(new StreamSource(new StringReader(sld)));
    } catch (SAXParseException e) {
      // reported through the handler already
    }
    return errors;
  }

  static InputStream open(String url) {
    String resource;
    if (url.startsWith(OGC)) {
      resource = "ogc/" + url.substring(OGC.length());
    } else if (url.equals("http://www.w3.org/1999/xlink.xsd")) {
      resource = "w3c/xlink.xsd";
    } else if (url.equals("http://www.w3.org/2001/xml.xsd")) {
      resource = "w3c/xml.xsd";
    } else {
      throw new IllegalStateException("schema not available offline: " + url);
    }
    URL u = SldSchema.class.getClassLoader().getResource(resource);
    if (u == null) {
      throw new IllegalStateException("missing schema resource " + resource + " for " + url);
    }
    try {
      return u.openStream();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class OfflineResolver implements LSResourceResolver {
    @Override
    public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
      String absolute = baseUri == null ? systemId : URI.create(baseUri).resolve(systemId).toString();
      return new Input(publicId, absolute, open(absolute));
    }
  }

  private record Input(String publicId, String systemId, InputStream byteStream) implements LSInput {
    @Override public String getPublicId() { return publicId; }
    @Override public String getSystemId() { return systemId; }
    @Override public InputStream getByteStream() { return byteStream; }
    @Override public java.io.Reader getCharacterStream() { return null; }
    @Override public void setCharacterStream(java.io.Reader r) {}
    @Override public void setByteStream(InputStream s) {}
    @Override public String getStringData() { return null; }
    @Override public void setStringData(String s) {}
    @Override public void setSystemId(String s) {}
    @Override public void setPublicId(String s) {}
    @Override public String getBaseURI() { return null; }
    @Override public void setBaseURI(String s) {}
    @Override public String getEncoding() { return null; }
    @Override public void setEncoding(String s) {}
    @Override public boolean getCertifiedText() { return false; }
    @Override public void setCertifiedText(boolean b) {}
  }
}
