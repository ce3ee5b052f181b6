package org.landledger.io;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.Crs;

/**
 * {@link ShapefileIndexCheck} on a two-square shapefile written with {@code Layers.write}, then damaged by hand:
 * each lie in the index or a record header is refused naming the .shp and the record; the untouched file passes.
 */
class ShapefileIndexCheckTest {

  @Test
  void anHonestFilePassesAndEachLieIsRefused(@TempDir Path dir) throws Exception {
    Path shp = dir.resolve("A.shp");
    Path shx = dir.resolve("A.shx");
    Layer layer = Layer.fromRows("A", Crs.epsg(4527), "Polygon", List.of(
        new Feature("1", ShapefileFormatTest.square(39_500_000, 4_000_000, 100), Map.of("DLBM", "0101")),
        new Feature("2", ShapefileFormatTest.square(39_500_200, 4_000_000, 100), Map.of("DLBM", "0102"))));
    Layers.write(layer, shp);
    byte[] goodShp = Files.readAllBytes(shp);
    byte[] goodShx = Files.readAllBytes(shx);
    assertThatCode(() -> ShapefileIndexCheck.check(shp)).doesNotThrowAnyException();
    // A square polygon record: 44 + 4 × 1 part + 16 × 5 points = 128 content bytes; two records of 8 + 128.
    org.assertj.core.api.Assertions.assertThat(goodShp.length).isEqualTo(100 + 2 * (8 + 128));

    // Second index record (bytes 108–115) pointing one word past the last record's start + length.
    byte[] shx2 = goodShx.clone();
    ByteBuffer.wrap(shx2).putInt(108, (100 + 136) / 2 + 1);
    Files.write(shx, shx2);
    refused(shp, "A.shp: record 2: the index A.shx points at bytes 238–374, outside the 372-byte .shp");
    Files.write(shx, goodShx);

    // First record header claiming 2^31 bytes of content.
    byte[] shp2 = goodShp.clone();
    ByteBuffer.wrap(shp2).putInt(104, 1 << 30);
    Files.write(shp, shp2);
    refused(shp, "record 1: the record header claims 2147483648 bytes of content, more than the 264 left");

    // Negative part count (0xFFFFFFFF as a little-endian int) with honest lengths.
    shp2 = goodShp.clone();
    ByteBuffer.wrap(shp2).order(ByteOrder.LITTLE_ENDIAN).putInt(100 + 8 + 36, -1);
    Files.write(shp, shp2);
    refused(shp, "record 1: claims -1 parts");

    // An index listing more records than the .shp can hold: (372 − 100) / 12 = 22 at most; 23 listed.
    Files.write(shp, goodShp);
    byte[] longShx = java.util.Arrays.copyOf(goodShx, 100 + 23 * 8);
    Files.write(shx, longShx);
    refused(shp, "lists 23 records, more than a .shp of 372 bytes can hold");
  }

  private static void refused(Path shp, String message) {
    assertThatThrownBy(() -> ShapefileIndexCheck.check(shp)).isInstanceOf(InputDataException.class)
        .hasMessageContaining(message);
  }
}
