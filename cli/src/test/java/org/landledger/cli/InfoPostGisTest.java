package org.landledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.Layer;
import org.landledger.io.LayerSchema;
import org.landledger.io.Layers;
import org.landledger.io.postgis.PgLocation;
import org.landledger.io.postgis.PgPassword;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import picocli.CommandLine;

/** {@code landledger info pg:…#table} against a real PostGIS (LANDLEDGER_PG_URL); skipped without one. */
class InfoPostGisTest {

  static final GeometryFactory GF = new GeometryFactory();

  static String url() {
    String u = System.getProperty("landledger.pg.url");
    if (u == null || u.isBlank()) {
      u = System.getenv("LANDLEDGER_PG_URL");
    }
    Assumptions.assumeTrue(u != null && !u.isBlank(), "LANDLEDGER_PG_URL is not set: PostGIS tests skipped"
        + " (scripts/test-all.sh starts PostGIS with scripts/postgis-up.sh and sets it)");
    return u.trim();
  }

  static Polygon square(double x, double y, double side) {
    return GF.createPolygon(new Coordinate[] {
        new Coordinate(x, y), new Coordinate(x + side, y), new Coordinate(x + side, y + side),
        new Coordinate(x, y + side), new Coordinate(x, y)});
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void describesAPostGisTable() throws Exception {
    String base = url();
    String table = "cli_info_" + Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE);
    String loc = base + "#" + table;
    // Two 三调 polygons in EPSG:4527: 100 m × 100 m = 10 000 m² and 30 m × 30 m = 900 m² → 10 900 m².
    Layer dltb = new Layer(new LayerSchema(table, List.of(new Field("DLBM", FieldType.STRING, 5, 0)), "Polygon"),
        Crs.epsg(4527), List.of(
            new Feature("1", square(39_500_000, 4_000_000, 100), Map.of("DLBM", "0101")),
            new Feature("2", square(39_500_200, 4_000_000, 30), Map.of("DLBM", "9999"))));
    Layers.write(dltb, loc);
    try {
      Run r = run("info", "--json", "--limit", "1", loc);
      assertThat(r.code()).as(r.err()).isZero();
      JsonNode info = new ObjectMapper().readTree(r.out());
      assertThat(info.get("layer").asText()).isEqualTo(table);
      assertThat(info.get("location").asText()).endsWith("#" + table).doesNotContain("password");
      assertThat(info.get("featureCount").asLong()).isEqualTo(2);
      assertThat(info.get("crs").asText()).contains("4527");
      assertThat(info.get("geometryType").asText()).isEqualTo("Polygon");
      assertThat(info.get("totals").get("planarAreaM2").asDouble()).isEqualTo(10_900.0);
      // 9999 is no 三调 code.
      assertThat(info.get("unknownLandUseCodes").get("9999").asLong()).isEqualTo(1);
      assertThat(info.get("features")).hasSize(1);
      Run text = run("info", loc);
      assertThat(text.code()).isZero();
      assertThat(text.out()).contains("要素数 features: 2").contains("10900.00 m²");
    } finally {
      drop(base, table);
    }
  }

  static void drop(String base, String table) throws java.sql.SQLException {
    PgLocation loc = PgLocation.parse(base);
    java.util.Properties p = new java.util.Properties();
    p.setProperty("user", loc.user());
    String pw = PgPassword.resolve(loc);
    if (pw != null) {
      p.setProperty("password", pw);
    }
    try (var c = java.sql.DriverManager.getConnection(loc.jdbcUrl(), p); var st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS \"" + loc.schema() + "\".\"" + table + "\"");
    }
  }

  @Test
  void aMissingTableIsBadInputWithAOneLineMessage() {
    String base = url();
    Run r = run("info", base + "#no_such_table_here");
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err().strip()).startsWith("landledger: pg:postgresql://").contains("no table no_such_table_here")
        .doesNotContain("password-file").doesNotContain("\n");
  }
}
