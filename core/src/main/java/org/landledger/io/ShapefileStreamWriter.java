package org.landledger.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.h2gis.functions.io.dbf.internal.DbaseFileException;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.dbf.internal.DbaseFileWriter;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.h2gis.functions.io.shp.internal.ShapefileWriter;
import org.landledger.geo.Crs;

/**
 * Shapefile 流式写出: writes a shapefile feature by feature, for layers too large to hold in memory
 * (millions of polygons). Same encoding rules as {@link ShapefileFormat} (.cpg, .prj, GBK LDID, constant
 * DBF date); the files are written under temporary names and moved into place by {@link #close()}, so an
 * aborted run leaves no partial output. Not thread-safe.
 */
public final class ShapefileStreamWriter implements AutoCloseable {

  /** The set replaced together; a stale spatial index (.qix, our .llidx) of the old file goes with it. */
  private static final List<String> EXTENSIONS = List.of(".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".llidx");

  private final Path target;
  private final Path tmpDir;
  private final Path tmpShp;
  private final LayerSchema schema;
  private final ShapeType shapeType;
  private final FileChannel shpOut;
  private final FileChannel shxOut;
  private final FileChannel dbfOut;
  private final ShapefileWriter shapes;
  private final DbaseFileWriter attributes;
  private final Charset cs;
  private final Crs crs;
  private long count;
  private boolean closed;

  private ShapefileStreamWriter(Path target, LayerSchema schema, Crs crs, Charset cs) throws IOException {
    this.target = target.toAbsolutePath();
    this.schema = schema;
    this.crs = crs;
    this.cs = cs;
    this.shapeType = switch (schema.geometryType()) {
      case "Polygon", "MultiPolygon" -> ShapeType.POLYGON;
      case "LineString", "MultiLineString" -> ShapeType.ARC;
      case "Point" -> ShapeType.POINT;
      case "MultiPoint" -> ShapeType.MULTIPOINT;
      default -> throw new IllegalArgumentException("a shapefile cannot hold geometry type " + schema.geometryType());
    };
    Path dir = this.target.getParent();
    Files.createDirectories(dir);
    String stem = ShapefileFormat.stem(this.target);
    this.tmpDir = Files.createTempDirectory(dir, "." + stem + ".");
    this.tmpShp = tmpDir.resolve(stem + ".shp");
    DbaseFileHeader header = new DbaseFileHeader();
    List<Field> fields = schema.fields();
    List<String> names = ShapefileFormat.dbfNames(fields);
    for (int i = 0; i < fields.size(); i++) {
      try {
        ShapefileFormat.addColumn(header, names.get(i), fields.get(i));
      } catch (DbaseFileException e) {
        throw new IOException("field " + fields.get(i).name() + ": " + e.getMessage(), e);
      }
    }
    if (!header.setEncoding(ShapefileFormat.isGbk(cs) ? "cp936" : cs.name())) {
      header.setEncoding("UTF-8");
    }
    header.setNumRecords(0);
    this.shpOut = FileChannel.open(tmpShp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    this.shxOut = FileChannel.open(tmpDir.resolve(stem + ".shx"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.READ);
    this.dbfOut = FileChannel.open(tmpDir.resolve(stem + ".dbf"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    this.shapes = new ShapefileWriter(shpOut, shxOut);
    shapes.writeHeaders(shapeType);
    PolygonRecordLength.install(shapes, shapeType);
    this.attributes = new DbaseFileWriter(header, dbfOut, cs);
  }

  /** Opens a writer for {@code shp} (replaced on {@link #close()}). */
  public static ShapefileStreamWriter open(Path shp, LayerSchema schema, Crs crs, WriteOptions options) {
    Charset cs = options.encoding() == null ? StandardCharsets.UTF_8 : options.encoding();
    try {
      return new ShapefileStreamWriter(shp, schema, crs, cs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + shp + ": " + e.getMessage(), e);
    }
  }

  public LayerSchema schema() {
    return schema;
  }

  /** Features written so far. */
  public long count() {
    return count;
  }

  /** Appends one feature (attributes looked up by the schema's field names). */
  public void write(Feature f) {
    if (f.geometry() == null) {
      throw new IllegalArgumentException("feature " + f.id() + " has no geometry: a shapefile cannot hold it");
    }
    List<Field> fields = schema.fields();
    Object[] row = new Object[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      row[i] = ShapefileFormat.dbfValue(f.get(fields.get(i).name()), fields.get(i));
    }
    try {
      shapes.writeGeometry(ShapefileFormat.toShapeGeometry(f.geometry(), shapeType));
      attributes.write(row);
    } catch (IOException | DbaseFileException e) {
      throw new UncheckedIOException("cannot write " + target + ", feature " + f.id() + ": " + e.getMessage(),
          e instanceof IOException io ? io : new IOException(e));
    }
    count++;
  }

  /** Finishes the headers and moves the files into place. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    String stem = ShapefileFormat.stem(target);
    try {
      try {
        shapes.writeHeaders(shapeType);
        shapes.close();
        attributes.close();
      } finally {
        shpOut.close();
        shxOut.close();
        dbfOut.close();
      }
      ShapefileFormat.stampDbfHeader(tmpDir.resolve(stem + ".dbf"), count);
      if (crs != null) {
        Files.writeString(tmpDir.resolve(stem + ".prj"), crs.toPrj(), StandardCharsets.ISO_8859_1);
      }
      Files.writeString(tmpDir.resolve(stem + ".cpg"), cs.name(), StandardCharsets.ISO_8859_1);
      Path dir = target.getParent();
      for (String ext : EXTENSIONS) {
        Path src = tmpDir.resolve(stem + ext);
        if (!Files.exists(src)) {
          Files.deleteIfExists(dir.resolve(stem + ext)); // e.g. a stale .prj from an earlier layer
        } else {
          try {
            Files.move(src, dir.resolve(stem + ext), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(src, dir.resolve(stem + ext), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      deleteTmp();
    }
  }

  /** Drops everything written (for a failed run). */
  public void abort() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      shpOut.close();
      shxOut.close();
      dbfOut.close();
    } catch (IOException ignored) {
      // discarding anyway
    }
    deleteTmp();
  }

  private void deleteTmp() {
    try (var s = Files.list(tmpDir)) {
      for (Path p : s.toList()) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(tmpDir);
    } catch (IOException ignored) {
      // best effort: a leftover hidden temp folder is harmless
    }
  }
}
