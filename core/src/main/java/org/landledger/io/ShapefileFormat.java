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
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.value.Value;
import org.h2.value.ValueNull;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.shp.internal.SHPDriver;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.h2gis.functions.io.shp.internal.ShapefileHeader;
import org.h2gis.functions.io.shp.internal.ShapefileWriter;
import org.h2gis.functions.io.dbf.internal.DbaseFileWriter;
import org.landledger.geo.Crs;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Shapefile 格式: .shp/.shx/.dbf with .prj (CRS) and .cpg (DBF encoding), read record by record through
 * H2GIS's shapefile and DBF drivers.
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
    return new Reader(file, options);
  }

  static String stem(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /** A sibling with another extension, accepting either case (".dbf" or ".DBF"). */
  static Path sibling(Path shp, String ext) {
    String stem = stem(shp);
    Path dir = shp.toAbsolutePath().getParent();
    for (String e : new String[] {ext, ext.toUpperCase(Locale.ROOT)}) {
      Path p = dir.resolve(stem + e);
      if (Files.exists(p)) {
        return p;
      }
    }
    return dir.resolve(stem + ext);
  }

  private static final class Reader implements LayerReader {
    private final Path shp;
    private final SHPDriver driver;
    /** Plain 2D shapes, decoded directly (null for Z/M shapes, which go through the driver). */
    private final DirectShapes shapes;
    private final LayerSchema schema;
    private final Crs crs;
    private final Charset encoding;
    private final int geometryIndex;
    private final int[] dbfToDriver;
    private final long count;

    Reader(Path shp, ReadOptions options) {
      this.shp = shp;
      if (!Files.isRegularFile(shp)) {
        throw new InputDataException(shp, "file not found");
      }
      Path shx = sibling(shp, ".shx");
      Path dbf = sibling(shp, ".dbf");
      if (!Files.isRegularFile(shx)) {
        throw new InputDataException(shp, "missing index file " + shx.getFileName()
            + " (a shapefile needs .shp, .shx and .dbf together)");
      }
      if (!Files.isRegularFile(dbf)) {
        throw new InputDataException(shp, "missing attribute file " + dbf.getFileName()
            + " (a shapefile needs .shp, .shx and .dbf together)");
      }
      Path prj = sibling(shp, ".prj");
      Crs declared = Files.isRegularFile(prj) ? resolvePrj(prj, options) : null;
      this.crs = declared != null ? declared : options.assumeCrs();
      this.encoding = DbfEncoding.resolve(dbf, sibling(shp, ".cpg"), options.encoding());
      checkShpLength(shp);
      this.driver = new SHPDriver();
      try {
        // Absolute: H2GIS looks up the .shx/.dbf via getParentFile(), null for "DLTB.shp".
        driver.initDriverFromFile(shp.toAbsolutePath().toFile(), encoding.name());
      } catch (IOException | RuntimeException e) {
        closeQuietly();
        throw new InputDataException(shp, "unreadable shapefile: " + e.getMessage(), e);
      }
      DbaseFileHeader h = driver.getDbaseFileHeader();
      this.geometryIndex = driver.getGeometryFieldIndex();
      List<Field> fields = new ArrayList<>();
      this.dbfToDriver = new int[h.getNumFields()];
      for (int i = 0; i < h.getNumFields(); i++) {
        fields.add(new Field(h.getFieldName(i), typeOf(h.getFieldType(i), h.getFieldLength(i),
            h.getFieldDecimalCount(i)), h.getFieldLength(i), h.getFieldDecimalCount(i)));
        dbfToDriver[i] = i >= geometryIndex ? i + 1 : i;
      }
      ShapeType st = driver.getShapeFileHeader().getShapeType();
      this.schema = new LayerSchema(stem(shp), fields, geometryTypeOf(st));
      this.count = driver.getRowCount();
      if (h.getNumRecords() != count) {
        closeQuietly();
        throw new InputDataException(shp, "the .dbf has " + h.getNumRecords() + " records but the .shx indexes "
            + count + " shapes");
      }
      DirectShapes direct = null;
      if (DirectShapes.handles(st)) {
        try {
          direct = new DirectShapes(shp.toAbsolutePath(), shx.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
          closeQuietly();
          throw new InputDataException(shp, "unreadable shapefile: " + e.getMessage(), e);
        }
      }
      this.shapes = direct;
    }

    private static Crs resolvePrj(Path prj, ReadOptions options) {
      try {
        return Crs.fromPrj(prj);
      } catch (InputDataException e) {
        if (options.assumeCrs() != null) {
          return options.assumeCrs();
        }
        throw e;
      }
    }

    private static void checkShpLength(Path shp) {
      try (var ch = Files.newByteChannel(shp)) {
        var buf = java.nio.ByteBuffer.allocate(100);
        while (buf.hasRemaining() && ch.read(buf) > 0) {
          // fill the 100-byte header
        }
        if (buf.position() < 100) {
          throw new InputDataException(shp, "truncated .shp: the 100-byte header is incomplete");
        }
        buf.flip();
        int magic = buf.getInt(0);
        if (magic != ShapefileHeader.MAGIC) {
          throw new InputDataException(shp, "not a shapefile (bad file code " + magic + ")");
        }
        long declared = (buf.getInt(24) & 0xffffffffL) * 2L;
        long actual = ch.size();
        if (actual < declared) {
          throw new InputDataException(shp, "truncated .shp: header says " + declared + " bytes, file has " + actual);
        }
      } catch (IOException e) {
        throw new InputDataException(shp, "cannot read: " + e.getMessage(), e);
      }
    }

    private void closeQuietly() {
      try {
        driver.close();
      } catch (IOException | RuntimeException ignored) {
        // closing after a failed open
      }
      if (shapes != null) {
        shapes.close();
      }
    }

    @Override
    public String location() {
      return shp.toString();
    }

    @Override
    public LayerSchema schema() {
      return schema;
    }

    @Override
    public Crs crs() {
      return crs;
    }

    @Override
    public Charset encoding() {
      return encoding;
    }

    @Override
    public long count() {
      return count;
    }

    @Override
    public Envelope bounds() {
      ShapefileHeader h = driver.getShapeFileHeader();
      return count == 0 ? new Envelope() : new Envelope(h.minX(), h.maxX(), h.minY(), h.maxY());
    }

    @Override
    public Stream<Feature> features() {
      return features(0, count);
    }

    /** Random access: the .shx gives each record's offset, so a range starts where it starts. */
    @Override
    public Stream<Feature> features(long first, long n) {
      if (first < 0 || n < 0) {
        throw new IllegalArgumentException("record range must not be negative: first " + first + ", count " + n);
      }
      long end = Math.min(count, first + Math.min(n, count));
      ValuePool pool = new ValuePool(schema.fields());
      var it = new java.util.Iterator<Feature>() {
        long row = first;

        @Override
        public boolean hasNext() {
          return row < end;
        }

        @Override
        public Feature next() {
          return read(row++, pool);
        }
      };
      return StreamSupport.stream(Spliterators.spliterator(it, Math.max(0, end - first),
          Spliterator.ORDERED | Spliterator.SIZED), false);
    }

    private Feature read(long row, ValuePool pool) {
      String id = String.valueOf(row + 1);
      Geometry g;
      try {
        if (shapes != null) {
          g = shapes.read(row);
        } else {
          Value v = driver.getField(row, geometryIndex);
          g = v == null || v == ValueNull.INSTANCE ? null : ((org.h2.value.ValueGeometry) v).getGeometry();
        }
      } catch (IOException | RuntimeException e) {
        throw new InputDataException(shp.toString(), id, null, "unreadable shape: " + e.getMessage(), e);
      }
      Object[] values = pool.row();
      List<Field> fields = schema.fields();
      for (int i = 0; i < fields.size(); i++) {
        Field f = fields.get(i);
        try {
          Value v = driver.getField(row, dbfToDriver[i]);
          pool.set(values, i, toJava(v, f));
        } catch (IOException | RuntimeException e) {
          throw new InputDataException(shp.toString(), id, f.name(), "unreadable value: " + e.getMessage(), e);
        }
      }
      return new Feature(id, g, pool.attributes(values));
    }

    @Override
    public void close() {
      closeQuietly();
    }
  }

  private static FieldType typeOf(char dbfType, int length, int decimals) {
    return switch (Character.toUpperCase(dbfType)) {
      case 'N', 'F' -> decimals > 0 ? FieldType.DOUBLE : length < 10 ? FieldType.INTEGER : length < 19 ? FieldType.LONG : FieldType.DOUBLE;
      case 'L' -> FieldType.BOOLEAN;
      case 'D' -> FieldType.DATE;
      default -> FieldType.STRING;
    };
  }

  private static Object toJava(Value v, Field f) {
    if (v == null || v == ValueNull.INSTANCE) {
      return null;
    }
    return switch (f.type()) {
      case STRING -> {
        String s = v.getString();
        yield s == null ? null : s.strip();
      }
      case INTEGER -> v.getInt();
      case LONG -> v.getLong();
      case DOUBLE -> v.getDouble();
      case BOOLEAN -> v.getBoolean();
      case DATE -> v.getString();
    };
  }

  private static String geometryTypeOf(ShapeType st) {
    if (st.isPolygonType()) {
      return "MultiPolygon";
    }
    if (st.isLineType()) {
      return "MultiLineString";
    }
    if (st.isMultiPointType()) {
      return "MultiPoint";
    }
    if (st.isPointType()) {
      return "Point";
    }
    return "Geometry";
  }

  // ---------------------------------------------------------------- writing

  private static final List<String> EXTENSIONS = List.of(".shp", ".shx", ".dbf", ".prj", ".cpg");

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
