package org.landledger.publish;

import java.io.PrintWriter;

/**
 * 演练: prints each request (method, URL, headers, body) instead of sending it. Nothing reaches the server, so
 * every existence check is answered "missing" and the printout shows the creating requests; a real run sends
 * PUT to the same resources where they already exist. Credentials are printed masked, and so is a
 * database password in a PostGIS store's body.
 */
public final class DryRunTransport implements RestTransport {

  private final String restRoot;
  private final String user;
  private final PrintWriter out;

  public DryRunTransport(String geoserverUrl, String user, PrintWriter out) {
    this.restRoot = HttpRestTransport.restRoot(geoserverUrl);
    this.user = user;
    this.out = out;
  }

  @Override
  public Response send(RestRequest r) {
    out.println(r.method() + " " + restRoot + r.target());
    out.println("Authorization: Basic " + user + ":" + Secret.MASK);
    if (r.body() != null) {
      out.println("Content-Type: " + r.contentType());
      out.println();
      out.println(r.printableBody().strip());
    } else if (r.method().equals("GET")) {
      out.println("# not sent (dry run): taken as missing, so the next request creates it;"
          + " a real run updates (PUT) what exists");
    }
    out.println();
    out.flush();
    return switch (r.method()) {
      case "GET" -> new Response(404, "");
      case "POST" -> new Response(201, "");
      default -> new Response(200, "");
    };
  }

  @Override
  public String describe() {
    return restRoot + " (dry run)";
  }
}
