package org.landledger.server.ows;

/**
 * OGC 服务异常: an error to report to the client as an OGC exception report — an exception code from the
 * OWS/WMS vocabulary (InvalidParameterValue, MissingParameterValue, LayerNotDefined, InvalidCRS,
 * OperationNotSupported, …), the parameter it concerns (locator) and a message. Never carries a stack trace.
 */
public final class OwsException extends RuntimeException {

  private final String code;
  private final String locator;
  private final int status;

  public OwsException(String code, String locator, String message) {
    this(code, locator, message, code.equals("NoApplicableCode") ? 500 : code.equals("OperationNotSupported") ? 501 : 400);
  }

  public OwsException(String code, String locator, String message, int status) {
    super(message, null, false, false);
    this.code = code;
    this.locator = locator;
    this.status = status;
  }

  public String code() {
    return code;
  }

  public String locator() {
    return locator;
  }

  public int status() {
    return status;
  }

  public static OwsException missing(String param) {
    return new OwsException("MissingParameterValue", param, "missing parameter " + param);
  }

  public static OwsException invalid(String param, String message) {
    return new OwsException("InvalidParameterValue", param, message);
  }

  /** WMS 1.3.0 ServiceExceptionReport. */
  public String toWmsXml() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<ServiceExceptionReport version=\"1.3.0\" xmlns=\"http://www.opengis.net/ogc\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xsi:schemaLocation=\"http://www.opengis.net/ogc http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd\">\n"
        + "  <ServiceException code=\"" + Xml.esc(wmsCode()) + "\""
        + (locator == null ? "" : " locator=\"" + Xml.esc(locator) + "\"") + ">" + Xml.esc(getMessage())
        + "</ServiceException>\n</ServiceExceptionReport>\n";
  }

  /** OWS 1.1 ExceptionReport (WFS 2.0). */
  public String toOwsXml(String version) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<ows:ExceptionReport xmlns:ows=\"http://www.opengis.net/ows/1.1\" version=\"" + Xml.esc(version) + "\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xsi:schemaLocation=\"http://www.opengis.net/ows/1.1 http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd\">\n"
        + "  <ows:Exception exceptionCode=\"" + Xml.esc(code) + "\""
        + (locator == null ? "" : " locator=\"" + Xml.esc(locator) + "\"") + ">\n"
        + "    <ows:ExceptionText>" + Xml.esc(getMessage()) + "</ows:ExceptionText>\n"
        + "  </ows:Exception>\n</ows:ExceptionReport>\n";
  }

  private String wmsCode() {
    // WMS 1.3.0 has its own codes for a few cases; the OWS ones are accepted as free text otherwise.
    return switch (code) {
      case "InvalidCRS", "LayerNotDefined", "StyleNotDefined", "InvalidFormat", "LayerNotQueryable",
          "InvalidPoint", "OperationNotSupported", "MissingDimensionValue", "InvalidDimensionValue",
          "CurrentUpdateSequence", "InvalidUpdateSequence" -> code;
      default -> code;
    };
  }
}
