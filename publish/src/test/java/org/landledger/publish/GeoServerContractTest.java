package org.landledger.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The contract checker itself: it accepts documented requests and reports each kind of violation. */
class GeoServerContractTest {

  static final GeoServerContract CONTRACT = new GeoServerContract();
  static final String R = GeoServerContract.REST_ROOT;

  @Test
  void acceptsDocumentedRequests() {
    assertThat(CONTRACT.violations("GET", R + "/workspaces/ll", null, null, null)).isEmpty();
    assertThat(CONTRACT.violations("POST", R + "/workspaces", null, "application/json",
        "{\"workspace\":{\"name\":\"ll\"}}")).isEmpty();
    assertThat(CONTRACT.violations("POST", R + "/workspaces/ll/datastores", null, "application/json",
        "{\"dataStore\":{\"name\":\"d\",\"enabled\":true,\"connectionParameters\":{\"entry\":["
            + "{\"@key\":\"database\",\"$\":\"file:/x.gpkg\"},{\"@key\":\"dbtype\",\"$\":\"geopkg\"}]}}}")).isEmpty();
    // styles.yaml writes this template as /rest/workspaces/{workspace}/styles/{style} under basePath /geoserver/rest
    assertThat(CONTRACT.violations("PUT", R + "/workspaces/ll/styles/s", null, RestRequest.SLD,
        PublishStyles.forTable(new org.landledger.io.LayerSchema("homestead", java.util.List.of(), "MultiPolygon")).sld())).isEmpty();
    // datastores.yaml declares no basePath: read against the REST root like its siblings
    assertThat(CONTRACT.violations("GET", R + "/workspaces/ll/datastores/d", null, null, null)).isEmpty();
  }

  @Test
  void postGisDataStoreParametersAreStringEntries() {
    String store = "{\"dataStore\":{\"name\":\"s_postgis\",\"enabled\":true,\"connectionParameters\":{\"entry\":["
        + "{\"@key\":\"dbtype\",\"$\":\"postgis\"},{\"@key\":\"host\",\"$\":\"db\"},{\"@key\":\"port\",\"$\":%s},"
        + "{\"@key\":\"database\",\"$\":\"gis\"},{\"@key\":\"schema\",\"$\":\"s\"},{\"@key\":\"user\",\"$\":\"u\"},"
        + "{\"@key\":\"passwd\",\"$\":\"p\"},{\"@key\":\"Expose primary keys\",\"$\":\"true\"}]}}}";
    assertThat(CONTRACT.violations("POST", R + "/workspaces/ll/datastores", null, "application/json",
        String.format(store, "\"5432\""))).isEmpty();
    // the map is String → String: a port sent as a JSON number does not match
    assertThat(CONTRACT.violations("PUT", R + "/workspaces/ll/datastores/s_postgis", null, "application/json",
        String.format(store, "5432"))).singleElement().asString().contains("string");
  }

  @Test
  void rejectsUnknownPathsAndMethodsWithoutSuccessResponse() {
    assertThat(CONTRACT.violations("GET", R + "/workspace/ll", null, null, null))
        .singleElement().asString().contains("no such path");
    assertThat(CONTRACT.violations("GET", "/rest/workspaces/ll", null, null, null))
        .singleElement().asString().contains("no such path");
    // PUT on the datastores collection is documented only as 405 Method Not Allowed
    assertThat(CONTRACT.violations("PUT", R + "/workspaces/ll/datastores", null, "application/json", "{}"))
        .singleElement().asString().contains("not a documented operation");
  }

  @Test
  void rejectsUndeclaredQueryParametersAndContentTypes() {
    assertThat(CONTRACT.violations("POST", R + "/workspaces/ll/styles", "nam=x", RestRequest.SLD,
        PublishStyles.forTable(new org.landledger.io.LayerSchema("homestead", java.util.List.of(), "MultiPolygon")).sld())).singleElement().asString().contains("'nam'");
    assertThat(CONTRACT.violations("POST", R + "/workspaces/ll/datastores", null, "text/plain",
        "{\"dataStore\":{\"name\":\"d\"}}")).singleElement().asString().contains("content type");
  }

  @Test
  void rejectsBodiesThatDoNotMatchTheSchema() {
    assertThat(CONTRACT.violations("POST", R + "/workspaces", null, "application/json",
        "{\"workspace\":{\"title\":\"no name\"}}")).isNotEmpty();
    assertThat(CONTRACT.violations("POST", R + "/workspaces/ll/datastores", null, "application/json",
        "{\"dataStore\":{\"name\":\"d\",\"enabled\":\"yes\"}}")).singleElement().asString().contains("enabled");
    // wrong wrapper: GeoServer's element is dataStore, not datastore
    assertThat(CONTRACT.violations("POST", R + "/workspaces/ll/datastores", null, "application/json",
        "{\"datastore\":{\"name\":\"d\"}}")).singleElement().asString().contains("wrapper");
    assertThat(CONTRACT.violations("PUT", R + "/workspaces/ll/datastores/d/featuretypes/f", null, "application/json",
        "{\"featureType\":{\"name\":\"f\",\"nativeBoundingBox\":{\"minx\":\"west\"}}}")).isNotEmpty();
    assertThat(CONTRACT.violations("POST", R + "/workspaces/ll/layergroups", null, "application/json",
        "{\"layerGroup\":{\"name\":\"g\",\"mode\":\"STACKED\"}}")).isNotEmpty();
    assertThat(CONTRACT.violations("POST", R + "/workspaces/ll/styles", "name=s", RestRequest.SLD,
        "<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\" version=\"1.0.0\">"
            + "<NamedLayer><UserStyle/></NamedLayer></StyledLayerDescriptor>"))
        .isNotEmpty().allMatch(v -> v.contains("SLD invalid"));
  }
}
