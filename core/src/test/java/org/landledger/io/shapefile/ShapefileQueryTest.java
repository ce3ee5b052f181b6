package org.landledger.io.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.geotools.filter.text.ecql.ECQL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.Layer;
import org.landledger.io.LayerReader;
import org.landledger.io.LayerSchema;
import org.landledger.io.Layers;
import org.landledger.io.ReadOptions;
import org.landledger.io.query.FeatureCursor;
import org.landledger.io.query.PushDown;
import org.landledger.io.query.Query;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Queries against the shapefile reader: box (spatial index — ours, a hand-made .qix, shptree's), properties,
 * paging, counts — each compared with a brute-force pass over every feature.
 */
class ShapefileQueryTest {

  static final GeometryFactory GF = new GeometryFactory();
  static final double X0 = 39_500_000;
  static final double Y0 = 4_000_000;

  static Polygon square(double x, double y, double side) {
    return GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + side, y),
        new Coordinate(x + side, y + side), new Coordinate(x, y + side), new Coordinate(x, y)});
  }

  /**
   * A 20 × 15 grid of 100 m cells (90 m squares, so neighbours do not touch) with every 7th cell missing, and one
   * L-shaped polygon over the top-left corner: BSM = "T" + record number, DLBM alternating 0101/0201, KCXS =
   * column / 100.
   */
  static Layer grid() {
    LayerSchema schema = new LayerSchema("G", List.of(new Field("BSM", FieldType.STRING, 18, 0),
        new Field("DLBM", FieldType.STRING, 5, 0), new Field("KCXS", FieldType.DOUBLE, 6, 2)), "MultiPolygon");
    List<Feature> fs = new ArrayList<>();
    int cell = 0;
    for (int row = 0; row < 15; row++) {
      for (int col = 0; col < 20; col++, cell++) {
        if (cell % 7 == 3) {
          continue;
        }
        fs.add(feature(fs.size() + 1, square(X0 + 100 * col, Y0 + 100 * row, 90), col));
      }
    }
    Polygon ell = GF.createPolygon(new Coordinate[] {new Coordinate(X0 - 500, Y0 + 1000),
        new Coordinate(X0 - 400, Y0 + 1000), new Coordinate(X0 - 400, Y0 + 1400), new Coordinate(X0, Y0 + 1400),
        new Coordinate(X0, Y0 + 1500), new Coordinate(X0 - 500, Y0 + 1500), new Coordinate(X0 - 500, Y0 + 1000)});
    fs.add(feature(fs.size() + 1, ell, 0));
    return new Layer(schema, Crs.epsg(4527), fs);
  }

  private static Feature feature(int n, Geometry g, int col) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("BSM", "T" + n);
    a.put("DLBM", n % 2 == 0 ? "0101" : "0201");
    a.put("KCXS", col / 100.0);
    return new Feature(String.valueOf(n), g, a);
  }

  static Path writeGrid(Path dir) {
    Path shp = dir.resolve("G.shp");
    Layers.write(grid(), shp);
    return shp;
  }

  /** Ids of the features whose envelope meets the box, by a pass over all of them. */
  static List<String> bruteForce(List<Feature> all, Envelope box) {
    return all.stream().filter(f -> f.geometry() != null && !f.geometry().isEmpty()
        && box.intersects(f.geometry().getEnvelopeInternal())).map(Feature::id).toList();
  }

  static List<String> ids(LayerReader r, Query q) {
    try (FeatureCursor c = r.query(q)) {
      return c.stream().map(Feature::id).toList();
    }
  }

  /** 300 random boxes (some points, some on cell edges, some covering everything) over the grid's extent. */
  static List<Envelope> boxes(Envelope extent, long seed) {
    Random rnd = new Random(seed);
    List<Envelope> out = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      double x = extent.getMinX() - 200 + rnd.nextDouble() * (extent.getWidth() + 400);
      double y = extent.getMinY() - 200 + rnd.nextDouble() * (extent.getHeight() + 400);
      if (i % 10 == 0) {
        x = Math.round(x / 10) * 10.0; // on a cell edge (cells start at multiples of 100 m, end at +90 m)
        y = Math.round(y / 10) * 10.0;
      }
      double w = i % 5 == 0 ? 0 : rnd.nextDouble() * extent.getWidth() / (1 + rnd.nextInt(20));
      double h = i % 5 == 0 ? 0 : rnd.nextDouble() * extent.getHeight() / (1 + rnd.nextInt(20));
      out.add(new Envelope(x, x + w, y, y + h));
    }
    Envelope all = new Envelope(extent);
    all.expandBy(1);
    out.add(all);
    return out;
  }

  private static void assertBoxesMatchBruteForce(LayerReader r, long seed) {
    List<Feature> all;
    try (Stream<Feature> s = r.features()) {
      all = s.toList();
    }
    Envelope extent = new Envelope();
    all.forEach(f -> extent.expandToInclude(f.geometry().getEnvelopeInternal()));
    int nonEmpty = 0;
    for (Envelope box : boxes(extent, seed)) {
      List<String> expected = bruteForce(all, box);
      nonEmpty += expected.isEmpty() ? 0 : 1;
      assertThat(ids(r, Query.bbox(box))).as("box %s", box).containsExactlyElementsOf(expected);
      assertThat(r.count(Query.bbox(box))).as("count %s", box).isEqualTo(expected.size());
    }
    assertThat(nonEmpty).as("boxes that hit something").isGreaterThan(100);
  }

  @Test
  void boxesReturnExactlyTheRecordsWhoseEnvelopeMeetsThemInRecordOrder(@TempDir Path dir) {
    Path shp = writeGrid(dir);
    try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULT)) {
      // 300 cells − 43 missing (cell % 7 == 3 for cells 0…299: 3, 10, …, 297 → 43) + the L = 258 records.
      assertThat(r.count()).isEqualTo(258);
      assertBoxesMatchBruteForce(r, 42);
      assertThat(r.spatialIndex()).startsWith("packed Hilbert R-tree (G.llidx)");
      try (FeatureCursor c = r.query(Query.bbox(new Envelope(X0, X0 + 1, Y0, Y0 + 1)))) {
        assertThat(c.pushedDown()).contains(PushDown.BBOX);
        // Cell (0, 0) only: record 1.
        assertThat(c.stream().map(Feature::id).toList()).containsExactly("1");
      }
    }
    assertThat(dir.resolve("G.llidx")).exists();
  }

  @Test
  void aBoxBetweenCellsFindsNothingAndTheLShapeIsMatchedByEnvelopeOrByGeometry(@TempDir Path dir) {
    Path shp = writeGrid(dir);
    try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULT)) {
      // x 90–100 m east of X0 is the gap between columns 0 and 1 (squares are 90 m): nothing.
      assertThat(ids(r, Query.bbox(new Envelope(X0 + 90.5, X0 + 99.5, Y0, Y0 + 1500)))).isEmpty();
      // The L's envelope is x −500…0, y 1000…1500; its notch x −400…0, y 1000…1400 is outside the L itself.
      Envelope notch = new Envelope(X0 - 300, X0 - 200, Y0 + 1100, Y0 + 1200);
      assertThat(ids(r, Query.bbox(notch))).containsExactly("258");
      assertThat(ids(r, Query.all().withBbox(notch, null, false))).isEmpty();
      assertThat(r.count(Query.all().withBbox(notch, null, false))).isZero();
    }
  }

  @Test
  void propertiesAreDecodedOnlyWhenAskedAndFiltersSeeTheFieldsTheyNeed(@TempDir Path dir) throws Exception {
    Path shp = writeGrid(dir);
    try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULT)) {
      try (FeatureCursor c = r.query(Query.all().withProperties(List.of("dlbm")))) {
        assertThat(c.pushedDown()).contains(PushDown.PROPERTIES);
        Feature f = c.next();
        assertThat(f.attributes()).containsOnlyKeys("DLBM");
        assertThat(f.get("DLBM")).isEqualTo("0201"); // record 1: odd → 0201
      }
      // The filter needs KCXS, which is not asked for: decoded for the filter, not returned.
      Query q = Query.all().withProperties(List.of("BSM")).withFilter(ECQL.toFilter("KCXS >= 0.18"));
      try (FeatureCursor c = r.query(q)) {
        assertThat(c.pushedDown()).doesNotContain(PushDown.PROPERTIES);
        List<Feature> fs = c.stream().toList();
        // Columns 18 and 19 (KCXS 0.18, 0.19) of 15 rows = 30 cells, minus the missing ones (cell = 20 × row +
        // col ≡ 3 mod 7): col 18 in rows 1 and 8 (cells 38, 178), col 19 in rows 2 and 9 (cells 59, 199) → 26.
        assertThat(fs).allSatisfy(f -> assertThat(f.attributes()).containsOnlyKeys("BSM"));
        List<String> expected = r.features().filter(f -> f.number("KCXS") >= 0.18).map(Feature::id).toList();
        assertThat(fs).extracting(Feature::id).containsExactlyElementsOf(expected);
        assertThat(expected).hasSize(26);
      }
      try (FeatureCursor c = r.query(Query.all().withProperties(List.of()).withGeometry(false))) {
        Feature f = c.next();
        assertThat(f.attributes()).isEmpty();
        assertThat(f.geometry()).isNull();
      }
    }
  }

  @Test
  void pagingCountsOffRecordsInOrderWithAndWithoutABox(@TempDir Path dir) throws Exception {
    Path shp = writeGrid(dir);
    try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULT)) {
      List<String> all = r.features().map(Feature::id).toList();
      try (FeatureCursor c = r.query(Query.all().withPage(250, 100))) {
        assertThat(c.pushedDown()).contains(PushDown.PAGING);
        assertThat(c.stream().map(Feature::id).toList()).containsExactlyElementsOf(all.subList(250, 258));
      }
      Envelope box = new Envelope(X0 + 250, X0 + 950, Y0 + 250, Y0 + 950);
      List<String> inBox = ids(r, Query.bbox(box));
      for (int off = 0; off < inBox.size() + 3; off += 7) {
        List<String> page = ids(r, Query.bbox(box).withPage(off, 7));
        assertThat(page).containsExactlyElementsOf(inBox.subList(Math.min(off, inBox.size()),
            Math.min(off + 7, inBox.size())));
      }
      // A filter is not pushed down, so neither is paging: the page is of the filtered features.
      Query filtered = Query.all().withFilter(ECQL.toFilter("DLBM = '0101'")).withPage(3, 2);
      try (FeatureCursor c = r.query(filtered)) {
        assertThat(c.pushedDown()).doesNotContain(PushDown.PAGING);
        List<String> evens = r.features().filter(f -> "0101".equals(f.get("DLBM"))).map(Feature::id).toList();
        assertThat(c.stream().map(Feature::id).toList()).containsExactlyElementsOf(evens.subList(3, 5));
      }
      // Sorting by id descending is not record order: done over the stream.
      Query desc = Query.all().withSort(List.of(new Query.SortKey(Query.SortKey.ID, false))).withPage(0, 2);
      assertThat(ids(r, desc)).containsExactly("258", "257");
    }
  }

  @Test
  void countsComeFromTheHeaderAndTheIndex(@TempDir Path dir) throws Exception {
    Path shp = writeGrid(dir);
    try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULT)) {
      assertThat(r.capabilities()).contains(PushDown.COUNT, PushDown.BBOX, PushDown.PROPERTIES, PushDown.PAGING);
      assertThat(r.count(Query.all())).isEqualTo(258);
      assertThat(r.count(Query.all().withPage(10, 5))).isEqualTo(258);
      // Row 0, columns 0–4: cells 0–4 minus cell 3 = 4 records.
      assertThat(r.count(Query.bbox(new Envelope(X0, X0 + 490, Y0, Y0 + 50)))).isEqualTo(4);
      assertThat(r.count(Query.all().withFilter(ECQL.toFilter("DLBM = '0101'")))).isEqualTo(129);
    }
  }

  @Test
  void theIndexIsRebuiltWhenTheShapefileChanges(@TempDir Path dir) throws Exception {
    Path shp = writeGrid(dir);
    Envelope firstCell = new Envelope(X0 + 10, X0 + 20, Y0 + 10, Y0 + 20);
    try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULT)) {
      assertThat(ids(r, Query.bbox(firstCell))).containsExactly("1");
    }
    assertThat(dir.resolve("G.llidx")).exists();
    // Rewrite with the grid shifted 1 km east: the old index would still answer "1" for the first cell.
    Layer moved = grid().map(f -> f.withGeometry(org.locationtech.jts.geom.util.AffineTransformation
        .translationInstance(1000, 0).transform(f.geometry())));
    Layers.write(moved, shp);
    assertThat(dir.resolve("G.llidx")).doesNotExist(); // the writer drops the stale index with the old set
    try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULT)) {
      assertThat(ids(r, Query.bbox(firstCell))).isEmpty();
      assertBoxesMatchBruteForce(r, 7);
    }
    // An index that does not match (copied from elsewhere, or the .shp replaced by hand) is not trusted.
    Path other = Files.createDirectory(dir.resolve("other"));
    Path otherShp = writeGrid(other);
    try (ShapefileReader r = ShapefileReader.open(otherShp, ReadOptions.DEFAULT)) {
      r.spatialIndex();
    }
    Files.copy(other.resolve("G.llidx"), dir.resolve("G.llidx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULT)) {
      assertThat(ids(r, Query.bbox(firstCell))).isEmpty();
    }
  }

  @Test
  void anUnwritableFolderKeepsTheIndexInMemory(@TempDir Path dir) throws Exception {
    Path shp = writeGrid(dir);
    // A directory where the index file would go: the rename fails as in a read-only folder (tests may run as root,
    // which ignores permissions).
    Files.createDirectories(dir.resolve("G.llidx").resolve("occupied"));
    try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULT)) {
      assertBoxesMatchBruteForce(r, 3);
      assertThat(r.spatialIndex()).startsWith("packed Hilbert R-tree (in memory)").contains("kept in memory");
    }
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList()).isEmpty();
    }
  }

  // ------------------------------------------------------------------ .qix

  /**
   * A hand-made .qix in MapServer's new format: the root (the layer's extent, holding the records that fit no
   * quadrant) and four quadrant nodes holding the records inside each — the structure shptree writes, by hand.
   */
  static byte[] handMadeQix(List<Feature> all, Envelope extent, ByteOrder order) {
    double mx = (extent.getMinX() + extent.getMaxX()) / 2;
    double my = (extent.getMinY() + extent.getMaxY()) / 2;
    Envelope[] quads = {new Envelope(extent.getMinX(), mx, extent.getMinY(), my),
        new Envelope(mx, extent.getMaxX(), extent.getMinY(), my),
        new Envelope(extent.getMinX(), mx, my, extent.getMaxY()), new Envelope(mx, extent.getMaxX(), my, extent.getMaxY())};
    List<List<Integer>> inQuad = new ArrayList<>();
    for (int q = 0; q < 4; q++) {
      inQuad.add(new ArrayList<>());
    }
    List<Integer> root = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Envelope e = all.get(i).geometry().getEnvelopeInternal();
      int home = -1;
      for (int q = 0; q < 4 && home < 0; q++) {
        home = quads[q].contains(e) ? q : -1;
      }
      (home < 0 ? root : inQuad.get(home)).add(i);
    }
    int quadBytes = 0;
    for (List<Integer> ids : inQuad) {
      quadBytes += 44 + 4 * ids.size();
    }
    ByteBuffer b = ByteBuffer.allocate(16 + 44 + 4 * root.size() + quadBytes).order(order);
    b.put((byte) 'S').put((byte) 'Q').put((byte) 'T').put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2))
        .put((byte) 1).put(new byte[3]);
    b.putInt(all.size()).putInt(2);
    node(b, quadBytes, extent, root, 4);
    for (int q = 0; q < 4; q++) {
      node(b, 0, quads[q], inQuad.get(q), 0);
    }
    return b.array();
  }

  private static void node(ByteBuffer b, int subtreeBytes, Envelope e, List<Integer> ids, int subnodes) {
    b.putInt(subtreeBytes).putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
    b.putInt(ids.size());
    ids.forEach(b::putInt);
    b.putInt(subnodes);
  }

  @Test
  void aQixIsReadInEitherByteOrder(@TempDir Path dir) throws Exception {
    Path shp = writeGrid(dir);
    List<Feature> all;
    Envelope extent;
    try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULT)) {
      all = r.features().toList();
      extent = r.bounds();
    }
    for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
      Files.write(dir.resolve("G.qix"), handMadeQix(all, extent, order));
      try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULT)) {
        assertBoxesMatchBruteForce(r, 11);
        assertThat(r.spatialIndex()).isEqualTo("MapServer quadtree (G.qix)");
      }
    }
    assertThat(dir.resolve("G.llidx")).doesNotExist();
  }

  @Test
  void aQixThatDoesNotFitIsIgnoredAndSaysWhy(@TempDir Path dir) throws Exception {
    Path shp = writeGrid(dir);
    List<Feature> all;
    Envelope extent;
    try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULT)) {
      all = r.features().toList();
      extent = r.bounds();
    }
    // Built for a layer of one record fewer.
    Files.write(dir.resolve("G.qix"), handMadeQix(all.subList(0, all.size() - 1), extent, ByteOrder.LITTLE_ENDIAN));
    try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULT)) {
      assertBoxesMatchBruteForce(r, 5);
      assertThat(r.spatialIndex()).contains("ignored G.qix: it indexes 257 shapes, the .shx 258");
    }
    // Damaged: cut in the middle of the tree.
    byte[] good = handMadeQix(all, extent, ByteOrder.LITTLE_ENDIAN);
    Files.write(dir.resolve("G.qix"), java.util.Arrays.copyOf(good, good.length - 30));
    try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULT)) {
      assertThat(r.spatialIndex()).contains("ignored G.qix: truncated");
      assertBoxesMatchBruteForce(r, 6);
    }
    // Older than the .shp: stale.
    Files.write(dir.resolve("G.qix"), good);
    Files.setLastModifiedTime(dir.resolve("G.qix"), java.nio.file.attribute.FileTime.fromMillis(
        Files.getLastModifiedTime(shp).toMillis() - 60_000));
    try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULT)) {
      assertThat(r.spatialIndex()).contains("ignored G.qix: older than the .shp");
    }
  }

  @Test
  void theQixShptreeWritesIsUsed(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/shptree")) || onPath("shptree"), "shptree not installed");
    Path shp = writeGrid(dir);
    for (String format : List.of("NL", "NM", "L", "M")) {
      Files.deleteIfExists(dir.resolve("G.qix"));
      Process p = new ProcessBuilder("shptree", shp.toString(), "0", format).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor()).as(out).isZero();
      assertThat(dir.resolve("G.qix")).exists();
      try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULT)) {
        assertBoxesMatchBruteForce(r, 13);
        assertThat(r.spatialIndex()).as(format).isEqualTo("MapServer quadtree (G.qix)");
      }
    }
  }

  private static boolean onPath(String exe) {
    String path = System.getenv("PATH");
    return path != null && Stream.of(path.split(java.io.File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, exe)));
  }

  // ------------------------------------------------------------------ the county sample

  @Test
  void countySampleBoxesMatchABruteForceScan() throws IOException {
    Path shp = Path.of("/work/data/county42/DLTB.shp");
    assumeTrue(Files.isRegularFile(shp), "county sample not present");
    try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULT)) {
      List<Envelope> all = new ArrayList<>();
      try (FeatureCursor c = r.query(Query.all().withProperties(List.of()))) {
        c.forEachRemaining(f -> all.add(f.geometry().getEnvelopeInternal()));
      }
      Envelope extent = r.bounds();
      Random rnd = new Random(4527);
      for (int i = 0; i < 25; i++) {
        double side = i % 5 == 0 ? 8000 : i % 2 == 0 ? 2000 : 500;
        double x = extent.getMinX() + rnd.nextDouble() * (extent.getWidth() - side);
        double y = extent.getMinY() + rnd.nextDouble() * (extent.getHeight() - side);
        Envelope box = new Envelope(x, x + side, y, y + side);
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
          if (box.intersects(all.get(k))) {
            expected.add(String.valueOf(k + 1));
          }
        }
        assertThat(ids(r, Query.bbox(box).withProperties(List.of()))).as("box %s", box)
            .containsExactlyElementsOf(expected);
        assertThat(r.count(Query.bbox(box))).isEqualTo(expected.size());
      }
    }
  }
}
