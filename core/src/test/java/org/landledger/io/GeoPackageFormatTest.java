package org.landledger.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.AreaMode;
import org.landledger.geo.Crs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class GeoPackageFormatTest {

  static final GeometryFactory GF = new GeometryFactory();

  static Polygon square(double x, double y, double side) {
    return GF.createPolygon(new Coordinate[] {
        new Coordinate(x, y), new Coordinate(x + side, y), new Coordinate(x + side, y + side),
        new Coordinate(x, y + side), new Coordinate(x, y)});
  }

  static Map<String, Object> attrs(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Two 三调 polygons in EPSG:4527: a 100 m square (one part) and two 50 m squares (multipolygon). */
  static Layer dltb() {
    LayerSchema schema = new LayerSchema("DLTB", List.of(
        new Field("BSM", FieldType.STRING), new Field("DLBM", FieldType.STRING), new Field("DLMC", FieldType.STRING),
        new Field("ZLDWMC", FieldType.STRING), new Field("KCXS", FieldType.DOUBLE), new Field("GDDB", FieldType.INTEGER),
        new Field("TBMJ_L", FieldType.LONG), new Field("SFJBNT", FieldType.BOOLEAN), new Field("GXSJ", FieldType.DATE)),
        "Polygon");
    MultiPolygon two = GF.createMultiPolygon(new Polygon[] {
        square(39_500_200, 4_000_000, 50), square(39_500_300, 4_000_000, 50)});
    return new Layer(schema, Crs.epsg(4527), List.of(
        new Feature("1", square(39_500_000, 4_000_000, 100), attrs("BSM", "1", "DLBM", "0101", "DLMC", "水田",
            "ZLDWMC", "城关镇东关村", "KCXS", 0.08, "GDDB", 5, "TBMJ_L", 10_000_000_000L, "SFJBNT", true, "GXSJ", "2024-05-01")),
        new Feature("2", two, attrs("BSM", "2", "DLBM", "0702", "DLMC", "农村宅基地",
            "ZLDWMC", "城关镇西关村", "KCXS", null, "GDDB", null, "TBMJ_L", 5000L, "SFJBNT", false, "GXSJ", null))));
  }

  static Layer towns() {
    LayerSchema schema = new LayerSchema("XZQ", List.of(new Field("XZQMC", FieldType.STRING)), "Polygon");
    return new Layer(schema, Crs.epsg(4490), List.of(
        new Feature("7", square(117.0, 36.0, 0.01), attrs("XZQMC", "城关镇"))));
  }

  @Test
  void roundTripsAttributesCrsAndMixedPolygonTypes(@TempDir Path dir) {
    Path gpkg = dir.resolve("county.gpkg");
    Layers.write(dltb(), gpkg);
    try (LayerReader r = Layers.open(gpkg)) {
      assertThat(r.location()).endsWith("county.gpkg#DLTB");
      assertThat(r.crs()).isEqualTo(Crs.epsg(4527));
      assertThat(r.encoding()).isNull();
      assertThat(r.count()).isEqualTo(2);
      // Polygon + MultiPolygon in one layer → a MULTIPOLYGON table.
      assertThat(r.schema().geometryType()).isEqualTo("MultiPolygon");
      assertThat(r.schema().fields()).extracting(Field::name, Field::type).containsExactly(
          org.assertj.core.groups.Tuple.tuple("BSM", FieldType.STRING), org.assertj.core.groups.Tuple.tuple("DLBM", FieldType.STRING),
          org.assertj.core.groups.Tuple.tuple("DLMC", FieldType.STRING), org.assertj.core.groups.Tuple.tuple("ZLDWMC", FieldType.STRING),
          org.assertj.core.groups.Tuple.tuple("KCXS", FieldType.DOUBLE), org.assertj.core.groups.Tuple.tuple("GDDB", FieldType.INTEGER),
          org.assertj.core.groups.Tuple.tuple("TBMJ_L", FieldType.LONG), org.assertj.core.groups.Tuple.tuple("SFJBNT", FieldType.BOOLEAN),
          org.assertj.core.groups.Tuple.tuple("GXSJ", FieldType.DATE));
      // Contents extent: x 39 500 000 … 39 500 350, y 4 000 000 … 4 000 100.
      assertThat(r.bounds()).isEqualTo(new org.locationtech.jts.geom.Envelope(39_500_000, 39_500_350, 4_000_000, 4_000_100));
      List<Feature> fs = r.readAll().features();
      Feature a = fs.get(0);
      assertThat(a.id()).isEqualTo("1");
      assertThat(a.string("DLMC")).isEqualTo("水田");
      assertThat(a.string("ZLDWMC")).isEqualTo("城关镇东关村");
      assertThat(a.get("KCXS")).isEqualTo(0.08);
      assertThat(a.get("GDDB")).isEqualTo(5);
      assertThat(a.get("TBMJ_L")).isEqualTo(10_000_000_000L);
      assertThat(a.get("SFJBNT")).isEqualTo(true);
      assertThat(a.get("GXSJ")).isEqualTo("2024-05-01");
      // 100 m square: 100 × 100 = 10 000 m²; the two 50 m squares: 2 × 2 500 = 5 000 m².
      assertThat(a.geometry().getArea()).isEqualTo(10_000.0);
      Feature b = fs.get(1);
      assertThat(b.id()).isEqualTo("2");
      assertThat(b.string("DLMC")).isEqualTo("农村宅基地");
      assertThat(b.get("KCXS")).isNull();
      assertThat(b.get("GXSJ")).isNull();
      assertThat(b.geometry().getNumGeometries()).isEqualTo(2);
      assertThat(b.geometry().getArea()).isEqualTo(5_000.0);
      assertThat(AreaCalculator.of(r.crs(), AreaMode.PLANAR).area(b.geometry())).isEqualTo(5_000.0);
    }
    // The standard R-tree spatial index is there for GDAL/QGIS.
    mil.nga.geopackage.GeoPackage gp = mil.nga.geopackage.GeoPackageManager.open(gpkg.toFile());
    try {
      assertThat(new mil.nga.geopackage.extension.rtree.RTreeIndexExtension(gp).has("DLTB")).isTrue();
    } finally {
      gp.close();
    }
  }

  @Test
  void multiLayerFileSelectsTablesByHash(@TempDir Path dir) {
    Path gpkg = dir.resolve("county.gpkg");
    Layers.write(List.of(dltb(), towns()), gpkg, WriteOptions.DEFAULT);
    Layer xzq = Layers.read(gpkg + "#XZQ");
    assertThat(xzq.name()).isEqualTo("XZQ");
    assertThat(xzq.crs()).isEqualTo(Crs.epsg(4490));
    assertThat(xzq.features()).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo("7");
      assertThat(f.string("XZQMC")).isEqualTo("城关镇");
      assertThat(f.geometry().getEnvelopeInternal().getMinX()).isEqualTo(117.0);
    });
    // Case-insensitive table name; default is the first feature table.
    assertThat(Layers.read(gpkg + "#dltb").size()).isEqualTo(2);
    assertThat(Layers.layerNames(gpkg)).containsExactly("DLTB", "XZQ");
    assertThat(Layers.read(gpkg.toString()).name()).isEqualTo("DLTB");
    // Written the other way round, the other table comes first.
    Path swapped = dir.resolve("swapped.gpkg");
    Layers.write(List.of(towns(), dltb()), swapped, WriteOptions.DEFAULT);
    assertThat(Layers.read(swapped.toString()).name()).isEqualTo("XZQ");
    assertThatThrownBy(() -> Layers.open(gpkg + "#JBNTBHTB")).isInstanceOf(InputDataException.class)
        .hasMessageContaining("county.gpkg").hasMessageContaining("JBNTBHTB").hasMessageContaining("DLTB");
  }

  @Test
  void chineseTableAndFieldNames(@TempDir Path dir) {
    Layer l = new Layer(new LayerSchema("地类图斑", List.of(new Field("地类名称", FieldType.STRING),
        new Field("图斑面积", FieldType.DOUBLE)), "Polygon"), Crs.epsg(4527),
        List.of(new Feature("1", square(39_500_000, 4_000_000, 30), attrs("地类名称", "旱地", "图斑面积", 900.0))));
    Path gpkg = dir.resolve("三调.gpkg");
    Layers.write(l, gpkg);
    assertThat(Layers.layerNames(gpkg)).containsExactly("地类图斑");
    Feature f = Layers.read(gpkg + "#地类图斑").features().get(0);
    assertThat(f.string("地类名称")).isEqualTo("旱地");
    // 30 × 30 = 900 m²
    assertThat(f.number("图斑面积")).isEqualTo(900.0);
    assertThat(f.geometry().getArea()).isEqualTo(900.0);
  }

  @Test
  void sqlKeywordsAndSpacesInNamesAreQuoted(@TempDir Path dir) {
    Layer l = new Layer(new LayerSchema("DLTB-2024 副本", List.of(new Field("group", FieldType.STRING),
        new Field("fid", FieldType.LONG), new Field("geom", FieldType.STRING)), "Polygon"), Crs.epsg(4527),
        List.of(new Feature("5", square(0, 0, 2), attrs("group", "甲", "fid", 99L, "geom", "text"))));
    Path gpkg = dir.resolve("q.gpkg");
    Layers.write(l, gpkg);
    Layer back = Layers.read(gpkg + "#DLTB-2024 副本");
    // Attribute columns named like the key and geometry columns keep their names; ours move aside.
    assertThat(back.schema().fields()).extracting(Field::name).containsExactly("group", "fid", "geom");
    Feature f = back.features().get(0);
    assertThat(f.id()).isEqualTo("5");
    assertThat(f.get("group")).isEqualTo("甲");
    assertThat(f.get("fid")).isEqualTo(99L);
    assertThat(f.get("geom")).isEqualTo("text");
    assertThat(f.geometry().getArea()).isEqualTo(4.0); // 2 × 2
  }

  @Test
  void streamsFeaturesAndCanStreamTwice(@TempDir Path dir) {
    Path gpkg = dir.resolve("d.gpkg");
    Layers.write(dltb(), gpkg);
    try (LayerReader r = Layers.open(gpkg)) {
      try (Stream<Feature> s = r.features()) {
        assertThat(s.limit(1).map(Feature::id).toList()).containsExactly("1");
      }
      try (Stream<Feature> s = r.features()) {
        assertThat(s.map(Feature::id).toList()).containsExactly("1", "2");
      }
    }
  }

  @Test
  void nonNumericIdsGetFreshKeys(@TempDir Path dir) {
    Layer l = new Layer(new LayerSchema("T", List.of(new Field("N", FieldType.STRING)), "Polygon"), Crs.epsg(4527),
        List.of(new Feature("a", square(0, 0, 1), attrs("N", "一")), new Feature("b", square(2, 0, 1), attrs("N", "二"))));
    Path gpkg = dir.resolve("t.gpkg");
    Layers.write(l, gpkg);
    assertThat(Layers.read(gpkg).features()).extracting(Feature::id, f -> f.string("N"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("1", "一"), org.assertj.core.groups.Tuple.tuple("2", "二"));
  }

  @Test
  void atomicWriteReplacesWholeAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
    Path gpkg = dir.resolve("county.gpkg");
    Layers.write(List.of(dltb(), towns()), gpkg, WriteOptions.DEFAULT);
    Layers.write(towns(), gpkg);
    // Replaced whole: the DLTB table of the first write is gone.
    assertThat(Layers.layerNames(gpkg)).containsExactly("XZQ");
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("county.gpkg");
    }
  }

  @Test
  void failureMidWriteLeavesThePreviousFileIntact(@TempDir Path dir) throws Exception {
    Path gpkg = dir.resolve("county.gpkg");
    Layers.write(dltb(), gpkg);
    byte[] before = Files.readAllBytes(gpkg);
    // The second feature's GDDB is text that is not an integer: the write fails after the first row.
    Layer bad = new Layer(new LayerSchema("DLTB", List.of(new Field("GDDB", FieldType.INTEGER)), "Polygon"),
        Crs.epsg(4527), List.of(new Feature("1", square(0, 0, 1), attrs("GDDB", 3)),
            new Feature("2", square(2, 0, 1), attrs("GDDB", "三等"))));
    assertThatThrownBy(() -> Layers.write(bad, gpkg)).hasMessageContaining("feature 2").hasMessageContaining("GDDB");
    assertThat(Files.readAllBytes(gpkg)).isEqualTo(before);
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("county.gpkg");
    }
    assertThat(Layers.read(gpkg).size()).isEqualTo(2);
  }

  @Test
  void srsOfAnotherOrganizationIsResolvedFromItsDefinition(@TempDir Path dir) {
    Path gpkg = dir.resolve("esri.gpkg");
    Layers.write(dltb(), gpkg);
    // As some tools write it: organization ESRI, no EPSG code, an ESRI WKT without AUTHORITY (zone 39, FE 39 500 000).
    mil.nga.geopackage.GeoPackage gp = mil.nga.geopackage.GeoPackageManager.open(gpkg.toFile());
    try {
      gp.execSQL("UPDATE gpkg_spatial_ref_sys SET organization = 'ESRI', organization_coordsys_id = 999001, "
          + "definition = '" + Crs.epsg(4527).toPrj() + "' WHERE srs_id = 4527");
    } finally {
      gp.close();
    }
    assertThat(Crs.epsg(4527).toPrj()).doesNotContain("AUTHORITY").contains("CGCS2000_3_Degree_GK_Zone_39");
    assertThat(Layers.read(gpkg).crs()).isEqualTo(Crs.epsg(4527));
    // An undefined SRS (srs_id −1) gives no CRS unless one is assumed.
    gp = mil.nga.geopackage.GeoPackageManager.open(gpkg.toFile());
    try {
      gp.execSQL("UPDATE gpkg_geometry_columns SET srs_id = -1");
      gp.execSQL("UPDATE gpkg_contents SET srs_id = -1");
    } finally {
      gp.close();
    }
    assertThat(Layers.read(gpkg).crs()).isNull();
    assertThat(Layers.read(gpkg.toString(), ReadOptions.DEFAULT.withAssumedCrs(Crs.epsg(4527))).crs())
        .isEqualTo(Crs.epsg(4527));
  }

  @Test
  void notAGeoPackageIsBadInputNamingTheFile(@TempDir Path dir) throws Exception {
    Path gpkg = dir.resolve("broken.gpkg");
    Files.writeString(gpkg, "this is not sqlite");
    assertThatThrownBy(() -> Layers.open(gpkg)).isInstanceOf(InputDataException.class)
        .hasMessageContaining("broken.gpkg");
  }
}
