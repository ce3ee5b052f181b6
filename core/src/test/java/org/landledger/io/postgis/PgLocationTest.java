package org.landledger.io.postgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.io.Layers;

class PgLocationTest {

  @Test
  void parsesEveryPart() {
    PgLocation l = PgLocation.parse("pg:postgresql://gis@db.example:6543/county?schema=sandiao&fetch-size=500"
        + "&password-file=/run/secrets/pg&sslmode=require#DLTB");
    assertThat(l.user()).isEqualTo("gis");
    assertThat(l.host()).isEqualTo("db.example");
    assertThat(l.port()).isEqualTo(6543);
    assertThat(l.database()).isEqualTo("county");
    assertThat(l.schema()).isEqualTo("sandiao");
    assertThat(l.table()).isEqualTo("DLTB");
    assertThat(l.fetchSize()).isEqualTo(500);
    assertThat(l.passwordFile()).isEqualTo(Path.of("/run/secrets/pg"));
    assertThat(l.sslmode()).isEqualTo("require");
    assertThat(l.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/county");
    // Messages show where, never how to log in.
    assertThat(l.toString()).isEqualTo("pg:postgresql://gis@db.example:6543/county?schema=sandiao#DLTB");
  }

  @Test
  void defaultsAndSchemaDotTableAndPercentEncodedChineseNames() {
    PgLocation l = PgLocation.parse("pg:postgresql://gis@localhost/county#sandiao.%E5%9C%B0%E7%B1%BB%E5%9B%BE%E6%96%91");
    assertThat(l.port()).isEqualTo(5432);
    assertThat(l.schema()).isEqualTo("sandiao");
    assertThat(l.table()).isEqualTo("地类图斑");
    assertThat(l.fetchSize()).isEqualTo(PgLocation.DEFAULT_FETCH_SIZE);
    PgLocation plain = PgLocation.parse("PG:postgresql://gis@[::1]:5433/county");
    assertThat(plain.host()).isEqualTo("[::1]");
    assertThat(plain.port()).isEqualTo(5433);
    assertThat(plain.schema()).isEqualTo("public");
    assertThat(plain.table()).isNull();
  }

  @Test
  void refusesPasswordsInTheLocationWithoutEchoingThem() {
    assertThatThrownBy(() -> PgLocation.parse("pg:postgresql://gis:s3cret@host/db#t"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PGPASSWORD").hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> PgLocation.parse("pg:postgresql://gis@host/db?password=s3cret#t"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password-file").hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> PgLocation.parse("pg:mysql://gis@host/db"))
        .hasMessageContaining("pg:postgresql://");
    assertThatThrownBy(() -> PgLocation.parse("pg:postgresql://gis@host/db?colour=red"))
        .hasMessageContaining("unknown PostGIS location parameter 'colour'");
    assertThatThrownBy(() -> PgLocation.parse("pg:postgresql://gis@host:x/db")).hasMessageContaining("bad port");
    assertThatThrownBy(() -> PgLocation.parse("pg:postgresql://gis@host")).hasMessageContaining("no database");
  }

  @Test
  void layersSendsPgLocationsToThePostGisStoreAndPathsToFiles() {
    assertThat(Layers.storeOf("pg:postgresql://gis@host/db#t")).isInstanceOf(PostGisStore.class);
    assertThat(Layers.storeOf("/data/pg:county.shp")).isNull();
    assertThat(Layers.storeOf("county.gpkg#DLTB")).isNull();
  }

  @Test
  void passwordFromFileThenEnvironmentThenPgpass(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("pw");
    Files.writeString(secret, "from-file\n");
    Path home = dir.resolve("home");
    Files.createDirectories(home);
    Files.write(home.resolve(".pgpass"), List.of(
        "# comment",
        "otherhost:5432:county:gis:wrong",
        "db.example:6543:*:gis:from\\:pgpass"));
    PgLocation withFile = PgLocation.parse("pg:postgresql://gis@db.example:6543/county?password-file=" + secret + "#t");
    PgLocation without = PgLocation.parse("pg:postgresql://gis@db.example:6543/county#t");
    assertThat(PgPassword.resolve(withFile, Map.of("PGPASSWORD", "from-env"), home)).isEqualTo("from-file");
    assertThat(PgPassword.resolve(without, Map.of("PGPASSWORD", "from-env"), home)).isEqualTo("from-env");
    assertThat(PgPassword.resolve(without, Map.of(), home)).isEqualTo("from:pgpass");
    assertThat(PgPassword.resolve(PgLocation.parse("pg:postgresql://gis@elsewhere/county"), Map.of(), home)).isNull();
    Path alt = dir.resolve("alt.pgpass");
    Files.write(alt, List.of("*:*:*:*:from-pgpassfile"));
    assertThat(PgPassword.resolve(without, Map.of("PGPASSFILE", alt.toString()), home)).isEqualTo("from-pgpassfile");
    PgLocation missing = PgLocation.parse("pg:postgresql://gis@h/db?password-file=" + dir.resolve("nope") + "#t");
    assertThatThrownBy(() -> PgPassword.resolve(missing, Map.of(), home))
        .isInstanceOf(org.landledger.io.InputDataException.class).hasMessageContaining("cannot read password-file");
  }

  @Test
  void ewkbCarriesTheSrid() {
    // Little-endian WKB point type 1 → EWKB type 0x20000001 followed by SRID 4527 (0x000011AF).
    byte[] wkb = new org.locationtech.jts.io.WKBWriter(2, org.locationtech.jts.io.ByteOrderValues.LITTLE_ENDIAN)
        .write(new org.locationtech.jts.geom.GeometryFactory().createPoint(new org.locationtech.jts.geom.Coordinate(1, 2)));
    String hex = org.locationtech.jts.io.WKBWriter.toHex(PgWriter.withSrid(wkb, 4527));
    assertThat(hex).startsWith("0101000020AF110000").hasSize(2 * (wkb.length + 4));
    assertThat(PgWriter.derivedName("x".repeat(70), "_pkey")).hasSize(63).endsWith("_pkey");
  }
}
