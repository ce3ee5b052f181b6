package org.landledger.io;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.h2gis.functions.io.shp.internal.ShapefileWriter;
import org.h2gis.functions.io.dbf.internal.DbaseFileWriter;
import org.landledger.io.shapefile.ShapefileFiles;
import org.landledger.io.shapefile.ShapefileReader;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Shapefile 格式: .shp/.shx/.dbf with .prj (CRS) and .cpg (DBF encoding). Read by our own
 * {@link ShapefileReader} (validation, lazy DBF fields, spatial index); written through H2GIS's shapefile and DBF
 * writers.
 */
public final class ShapefileFormat implements LayerFormat {

  private static final GeometryFactory GF = new GeometryFactory();

  @Override
  public String name() {
    return "shapefile";
  }

  @Override
  public boolean handles(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".shp");
  }

  @Override
  public List<String> layerNames(Path file) {
    return List.of(stem(file));
  }

  @Override
  public LayerReader open(Path file, String layer, ReadOptions options) {
    return ShapefileReader.open(file, options);
  }

  static String stem(Path file) {
    return ShapefileFiles.stem(file);
  }

  /** A sibling with another extension, accepting either case (".dbf" or ".DBF"). */
  static Path sibling(Path shp, String ext) {
    return ShapefileFiles.sibling(shp, ext);
  }

  // ---------------------------------------------------------------- writing

  /** The set replaced together; a stale spatial index (.qix, our .llidx) of the old file goes with it. */
  private static final List<String> EXTENSIONS = List.of(".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".llidx");

  @Override
  public void write(Path file, List<Layer> layers, WriteOptions options) {
    if (layers.size() != 1) {
      throw new IllegalArgumentException("a shapefile holds exactly one layer, got " + layers.size());
    }
    Layer layer = layers.get(0);
    Charset cs = options.encoding() == null ? StandardCharsets.UTF_8 : options.encoding();
    Path base = file.toAbsolutePath().getParent().resolve(stem(file));
    AtomicFiles.writeSet(base, EXTENSIONS, tmpBase -> writeTo(Path.of(tmpBase + ".shp"), layer, cs));
  }

  private static void writeTo(Path shp, Layer layer, Charset cs) throws IOException {
    List<Field> fields = layer.schema().fields();
    List<String> dbfNames = dbfNames(fields);
    DbaseFileHeader header = new DbaseFileHeader();
    header.setEncoding(cs.name());
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      try {
        addColumn(header, dbfNames.get(i), f);
      } catch (org.h2gis.functions.io.dbf.internal.DbaseFileException e) {
        throw new IOException("field " + f.name() + ": " + e.getMessage(), e);
      }
    }
    writeShapes(shp, layer, cs, header, fields);
  }

  static void addColumn(DbaseFileHeader header, String name, Field f)
      throws org.h2gis.functions.io.dbf.internal.DbaseFileException {
    {
      switch (f.type()) {
        case INTEGER -> header.addColumn(name, 'N', f.width() > 0 ? f.width() : 9, 0);
        case LONG -> header.addColumn(name, 'N', f.width() > 0 ? f.width() : 18, 0);
        case DOUBLE -> header.addColumn(name, 'N', f.width() > 0 ? f.width() : 19,
            f.width() > 0 ? f.decimals() : 6);
        case BOOLEAN -> header.addColumn(name, 'L', 1, 0);
        case DATE, STRING -> header.addColumn(name, 'C', f.width() > 0 ? f.width() : 254, 0);
      }
    }
  }

  private static void writeShapes(Path shp, Layer layer, Charset cs, DbaseFileHeader header, List<Field> fields)
      throws IOException {
    ShapeType shapeType = shapeTypeOf(layer);
    header.setNumRecords(layer.size());
    // LDID byte: 0x4D (cp936) for GBK so other readers know it even without the .cpg.
    if (!header.setEncoding(isGbk(cs) ? "cp936" : cs.name())) {
      header.setEncoding("UTF-8");
    }
    Path shx = shp.resolveSibling(stem(shp) + ".shx");
    Path dbf = shp.resolveSibling(stem(shp) + ".dbf");
    try (var shpOut = java.nio.channels.FileChannel.open(shp, java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.READ);
        var shxOut = java.nio.channels.FileChannel.open(shx, java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.READ);
        var dbfOut = java.nio.channels.FileChannel.open(dbf, java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.WRITE)) {
      ShapefileWriter shapes = new ShapefileWriter(shpOut, shxOut);
      shapes.writeHeaders(shapeType);
      PolygonRecordLength.install(shapes, shapeType);
      DbaseFileWriter attributes = new DbaseFileWriter(header, dbfOut, cs);
      for (Feature f : layer.features()) {
        if (f.geometry() == null) {
          throw new IllegalArgumentException("feature " + f.id() + " has no geometry: a shapefile cannot hold it");
        }
        shapes.writeGeometry(toShapeGeometry(f.geometry(), shapeType));
        Object[] row = new Object[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
          row[i] = dbfValue(f.get(fields.get(i).name()), fields.get(i));
        }
        try {
          attributes.write(row);
        } catch (org.h2gis.functions.io.dbf.internal.DbaseFileException e) {
          throw new IOException("feature " + f.id() + ": " + e.getMessage(), e);
        }
      }
      shapes.writeHeaders(shapeType);
      shapes.close();
      attributes.close();
    }
    stampDbfHeader(dbf, layer.size());
    String stem = stem(shp);
    Path dir = shp.getParent();
    if (layer.crs() != null) {
      Files.writeString(dir.resolve(stem + ".prj"), layer.crs().toPrj(), StandardCharsets.ISO_8859_1);
    }
    Files.writeString(dir.resolve(stem + ".cpg"), cs.name(), StandardCharsets.ISO_8859_1);
  }

  /**
   * The "last update" date every DBF we write carries (bytes 1–3 of the header). H2GIS stamps today's
   * date, which makes two otherwise identical runs differ; a constant keeps outputs byte-reproducible
   * (sample data, regression fixtures, checksums in approvals).
   */
  static final java.time.LocalDate DBF_DATE = java.time.LocalDate.of(2020, 1, 1);

  /** Rewrites the DBF header's date (constant, see {@link #DBF_DATE}) and record count. */
  static void stampDbfHeader(Path dbf, long records) throws IOException {
    if (records > Integer.MAX_VALUE) {
      throw new IOException(dbf + ": a DBF holds at most " + Integer.MAX_VALUE + " records");
    }
    try (var ch = java.nio.channels.FileChannel.open(dbf, java.nio.file.StandardOpenOption.WRITE)) {
      var buf = java.nio.ByteBuffer.allocate(7).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      buf.put((byte) (DBF_DATE.getYear() - 1900)).put((byte) DBF_DATE.getMonthValue())
          .put((byte) DBF_DATE.getDayOfMonth()).putInt((int) records).flip();
      ch.write(buf, 1);
    }
  }

  static boolean isGbk(Charset cs) {
    String n = cs.name().toUpperCase(Locale.ROOT);
    return n.equals("GBK") || n.equals("GB18030") || n.equals("GB2312");
  }

  /** DBF names are at most 10 bytes: truncate, keeping them unique. */
  static List<String> dbfNames(List<Field> fields) {
    Set<String> used = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (Field f : fields) {
      String n = f.name();
      if (n.getBytes(StandardCharsets.UTF_8).length > 10) {
        n = n.substring(0, Math.min(10, n.length()));
        while (n.getBytes(StandardCharsets.UTF_8).length > 10) {
          n = n.substring(0, n.length() - 1);
        }
      }
      String candidate = n;
      int k = 1;
      while (!used.add(candidate.toUpperCase(Locale.ROOT))) {
        String suffix = "_" + k++;
        candidate = n.substring(0, Math.min(n.length(), 10 - suffix.length())) + suffix;
      }
      out.add(candidate);
    }
    return out;
  }

  static Object dbfValue(Object v, Field f) {
    if (v == null) {
      return null;
    }
    return switch (f.type()) {
      case INTEGER, LONG -> v instanceof Number n ? n.longValue() : Long.valueOf(v.toString().trim());
      case DOUBLE -> v instanceof Number n ? n.doubleValue() : Double.valueOf(v.toString().trim());
      case BOOLEAN -> v instanceof Boolean b ? b : Boolean.valueOf(v.toString());
      default -> v.toString();
    };
  }

  private static ShapeType shapeTypeOf(Layer layer) {
    String t = layer.schema().geometryType();
    for (Feature f : layer.features()) {
      if (f.geometry() != null && !f.geometry().isEmpty()) {
        t = f.geometry().getGeometryType();
        break;
      }
    }
    return switch (t) {
      case "Polygon", "MultiPolygon" -> ShapeType.POLYGON;
      case "LineString", "MultiLineString", "LinearRing" -> ShapeType.ARC;
      case "Point" -> ShapeType.POINT;
      case "MultiPoint" -> ShapeType.MULTIPOINT;
      default -> throw new IllegalArgumentException("a shapefile cannot hold geometry type " + t);
    };
  }

  static Geometry toShapeGeometry(Geometry g, ShapeType st) {
    if (g == null) {
      return null;
    }
    if (st == ShapeType.POLYGON && g instanceof Polygon p) {
      // A copy: H2GIS normalises (reorders) the geometry it writes, which must not change the caller's.
      return GF.createMultiPolygon(new Polygon[] {(Polygon) p.copy()});
    }
    if (st == ShapeType.POLYGON && g instanceof MultiPolygon) {
      return g.copy();
    }
    if (st == ShapeType.ARC && g instanceof LineString l) {
      return GF.createMultiLineString(new LineString[] {l});
    }
    if (st == ShapeType.MULTIPOINT && g instanceof Point p) {
      return GF.createMultiPoint(new Point[] {p});
    }
    if ((st == ShapeType.POLYGON && !(g instanceof MultiPolygon))
        || (st == ShapeType.ARC && !(g instanceof MultiLineString))
        || (st == ShapeType.MULTIPOINT && !(g instanceof MultiPoint))) {
      throw new IllegalArgumentException("mixed geometry types: cannot write " + g.getGeometryType()
          + " into a " + st + " shapefile");
    }
    return g;
  }
}
