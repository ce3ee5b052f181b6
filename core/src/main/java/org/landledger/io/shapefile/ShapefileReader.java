package org.landledger.io.shapefile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.geotools.api.filter.Filter;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.InputDataException;
import org.landledger.io.LayerReader;
import org.landledger.io.LayerSchema;
import org.landledger.io.ReadOptions;
import org.landledger.io.ValuePool;
import org.landledger.io.query.FeatureCursor;
import org.landledger.io.query.PushDown;
import org.landledger.io.query.Query;
import org.landledger.io.query.ScanQuery;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Shapefile 读取器: our own reader of .shp/.shx/.dbf (+ .prj, .cpg) — records fetched by their .shx offset, shapes
 * decoded straight into JTS ({@link ShapeDecoder}), DBF fields decoded only when asked for ({@link DbfFile}), a
 * spatial index on disk for boxes ({@link IndexFiles}: MapServer's {@code .qix} or our {@code .llidx}).
 *
 * <p>Checked once, at open: the three files' headers and record counts against each other and every .shx entry
 * against the .shp (inside it, no two records sharing bytes); then each record as it is read (its own header,
 * counts within its length, part indexes, coordinates finite and in the CRS's domain, DBF values of their type).
 * Every problem is an {@link InputDataException} naming the file, the record (its number, and BSM when the DBF has
 * one) and the field.
 *
 * <p>{@link #query} pushes down the box (index), the properties (only those fields decoded), paging (when nothing
 * else filters: records are then counted off in order) and the sort by id (record order); {@link #count(Query)}
 * answers from the .shx for everything and from the index for a loose box. Results stream in record order; ids are
 * record numbers from 1. Thread-safe: each stream reads through its own window.
 */
public final class ShapefileReader implements LayerReader {

  private final Path shp;
  private final DbfFile dbf;
  private final ShpFile shapes;
  private final LayerSchema schema;
  private final Crs crs;
  private final Domain domain;
  private final int bsmField;
  private IndexFiles.Found index;

  private ShapefileReader(Path shp, ReadOptions options) {
    this.shp = shp;
    if (!Files.isRegularFile(shp)) {
      throw new InputDataException(shp, "file not found");
    }
    Path shx = ShapefileFiles.sibling(shp, ".shx");
    Path dbfPath = ShapefileFiles.sibling(shp, ".dbf");
    if (!Files.isRegularFile(shx)) {
      throw new InputDataException(shp, "missing index file " + shx.getFileName()
          + " (a shapefile needs .shp, .shx and .dbf together)");
    }
    if (!Files.isRegularFile(dbfPath)) {
      throw new InputDataException(shp, "missing attribute file " + dbfPath.getFileName()
          + " (a shapefile needs .shp, .shx and .dbf together)");
    }
    Path prj = ShapefileFiles.sibling(shp, ".prj");
    Crs declared = Files.isRegularFile(prj) ? resolvePrj(prj, options) : null;
    this.crs = declared != null ? declared : options.assumeCrs();
    Charset cs = org.landledger.io.DbfEncoding.resolve(dbfPath, ShapefileFiles.sibling(shp, ".cpg"),
        options.encoding());
    this.dbf = DbfFile.open(dbfPath, cs);
    this.bsmField = fieldIndex(dbf.fields(), "BSM");
    ShpFile s = null;
    try {
      s = new ShpFile(shp, shx, this::label);
      if (dbf.records() != s.records()) {
        throw new InputDataException(shp, "the .dbf has " + dbf.records() + " records but the .shx indexes "
            + s.records() + " shapes");
      }
    } catch (RuntimeException e) {
      DbfFile.closeQuietly(s);
      dbf.close();
      throw e;
    }
    this.shapes = s;
    this.schema = new LayerSchema(ShapefileFiles.stem(shp), dbf.fields(), ShapeTypes.geometryType(s.shapeType()));
    this.domain = Domain.FINITE;
  }

  /** Opens a shapefile (the .shp path). */
  public static ShapefileReader open(Path shp, ReadOptions options) {
    return new ShapefileReader(shp, options);
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

  private static int fieldIndex(List<Field> fields, String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /** "12" or "12 (BSM 420102…)": how messages name record {@code i} (0-based). */
  String label(int i) {
    String n = String.valueOf(i + 1);
    if (bsmField < 0 || i < 0 || i >= dbf.records()) {
      return n;
    }
    try {
      DbfFile.Cursor c = dbf.cursor();
      c.load(i);
      Object bsm = c.value(bsmField);
      return bsm == null || bsm.toString().isEmpty() ? n : n + " (BSM " + bsm + ")";
    } catch (IOException | RuntimeException e) {
      return n;
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
    return dbf.charset();
  }

  @Override
  public long count() {
    return shapes.records();
  }

  @Override
  public Envelope bounds() {
    return shapes.records() == 0 ? new Envelope() : shapes.bounds();
  }

  @Override
  public Stream<Feature> features() {
    return features(0, shapes.records());
  }

  /** Random access: the .shx gives each record's offset, so a range starts where it starts. */
  @Override
  public Stream<Feature> features(long first, long n) {
    if (first < 0 || n < 0) {
      throw new IllegalArgumentException("record range must not be negative: first " + first + ", count " + n);
    }
    int from = (int) Math.min(first, shapes.records());
    int to = (int) Math.min(shapes.records(), from + Math.min(n, shapes.records()));
    Records it = new Records(null, from, to, null, true, allFields(), 0, Query.ALL);
    return StreamSupport.stream(Spliterators.spliterator(it, to - from, Spliterator.ORDERED | Spliterator.SIZED
        | Spliterator.NONNULL), false);
  }

  private int[] allFields() {
    int[] all = new int[schema.fields().size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  @Override
  public Set<PushDown> capabilities() {
    return EnumSet.of(PushDown.BBOX, PushDown.PROPERTIES, PushDown.PAGING, PushDown.SORT, PushDown.COUNT);
  }

  @Override
  public FeatureCursor query(Query q) {
    Set<PushDown> pushed = EnumSet.noneOf(PushDown.class);
    Envelope box = ScanQuery.boxInLayerCrs(q, crs);
    boolean unfiltered = q.filter() == Filter.INCLUDE;
    boolean naturalOrder = q.sort().isEmpty()
        || (q.sort().size() == 1 && q.sort().get(0).property().equals(Query.SortKey.ID) && q.sort().get(0).ascending());
    if (!q.sort().isEmpty() && naturalOrder) {
      pushed.add(PushDown.SORT);
    }
    int[] fields = fieldsFor(q, pushed);
    boolean geometry = q.geometry() || box != null || !unfiltered;
    int[] ids = null;
    if (box != null) {
      pushed.add(PushDown.BBOX);
      if (!box.covers(bounds())) {
        ids = index().index().candidates(box);
      }
    }
    boolean pagePushed = q.paged() && unfiltered && naturalOrder && (box == null || q.looseBbox());
    long skip = 0;
    long limit = Query.ALL;
    int from = 0;
    int to = shapes.records();
    if (pagePushed) {
      pushed.add(PushDown.PAGING);
      if (box == null) {
        from = (int) Math.min(q.offset(), to);
        to = (int) Math.min(to, from + Math.min(q.limit(), to));
      } else {
        skip = q.offset();
        limit = q.limit();
      }
    }
    Records it = new Records(ids, from, to, box, geometry, fields, skip, limit);
    Stream<Feature> s = StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED
        | Spliterator.NONNULL), false);
    LayerSchema view = pushed.contains(PushDown.PROPERTIES) ? ScanQuery.schemaOf(schema, q) : schema;
    return ScanQuery.apply(s, view, crs, q, pushed);
  }

  /**
   * The fields to decode for a query: all, or the properties asked for plus those the filter and the sort need;
   * PROPERTIES is pushed down when that is exactly the properties asked for.
   */
  private int[] fieldsFor(Query q, Set<PushDown> pushed) {
    if (q.properties() == null) {
      return allFields();
    }
    Set<String> names = new LinkedHashSet<>(q.properties());
    if (q.filter() != Filter.INCLUDE) {
      names.addAll(List.of(org.geotools.data.DataUtilities.attributeNames(q.filter())));
    }
    q.sort().forEach(k -> names.add(k.property()));
    List<String> wanted = ScanQuery.selected(schema, q.properties());
    List<String> needed = ScanQuery.selected(schema, new ArrayList<>(names));
    if (needed.equals(wanted)) {
      pushed.add(PushDown.PROPERTIES);
    }
    int[] idx = new int[needed.size()];
    for (int k = 0; k < idx.length; k++) {
      idx[k] = schema.fields().indexOf(schema.field(needed.get(k)).orElseThrow());
    }
    return idx;
  }

  @Override
  public long count(Query q) {
    if (q.bbox() == null && q.filter() == Filter.INCLUDE) {
      return count();
    }
    if (q.filter() == Filter.INCLUDE && q.looseBbox()) {
      Envelope box = ScanQuery.boxInLayerCrs(q, crs);
      SpatialIndex idx = index().index();
      long n = idx.count(box);
      if (n >= 0) {
        return n;
      }
      Records it = new Records(idx.candidates(box), 0, 0, box, true, new int[0], 0, Query.ALL);
      long c = 0;
      while (it.hasNext()) {
        it.next();
        c++;
      }
      return c;
    }
    return LayerReader.super.count(q);
  }

  /** The spatial index, found or built on first use. */
  synchronized IndexFiles.Found index() {
    if (index == null) {
      index = IndexFiles.find(shp, shapes.records(), shapes, this::buildIndex);
    }
    return index;
  }

  /** Which spatial index answers boxes (built on first use), for diagnostics and the bench. */
  public String spatialIndex() {
    IndexFiles.Found f = index();
    return f.index().describe() + (f.notes().isEmpty() ? "" : "; " + String.join("; ", f.notes()));
  }

  private ByteBuffer buildIndex(PackedRTree.Stamp stamp) {
    int n = shapes.records();
    int[] ids = new int[n];
    double[] boxes = new double[4 * n];
    int k = 0;
    Records all = new Records(null, 0, n, null, true, new int[0], 0, Query.ALL);
    while (all.hasNext()) {
      Feature f = all.next();
      Geometry g = f.geometry();
      if (g == null || g.isEmpty()) {
        continue;
      }
      Envelope e = g.getEnvelopeInternal();
      ids[k] = Integer.parseInt(f.id()) - 1;
      boxes[4 * k] = e.getMinX();
      boxes[4 * k + 1] = e.getMinY();
      boxes[4 * k + 2] = e.getMaxX();
      boxes[4 * k + 3] = e.getMaxY();
      k++;
    }
    return PackedRTree.build(java.util.Arrays.copyOf(ids, k), java.util.Arrays.copyOf(boxes, 4 * k), stamp);
  }

  @Override
  public void close() {
    shapes.close();
    dbf.close();
  }

  /**
   * 记录迭代: features of the records {@code ids} (ascending) or {@code [from, to)}, those whose envelope meets
   * {@code box} when one is given, after skipping {@code skip} and at most {@code limit} of them.
   */
  private final class Records implements Iterator<Feature> {
    private final int[] ids;
    private final int to;
    private final Envelope box;
    private final boolean geometry;
    private final int[] fields;
    private final ValuePool pool;
    private final ShpFile.Cursor shp = shapes.cursor();
    private final DbfFile.Cursor attrs = dbf.cursor();
    private final ShapeDecoder decoder;
    private int pos;
    private long skip;
    private long remaining;
    private Feature next;

    Records(int[] ids, int from, int to, Envelope box, boolean geometry, int[] fields, long skip, long limit) {
      this.ids = ids;
      this.pos = ids == null ? from : 0;
      this.to = ids == null ? to : ids.length;
      this.box = box;
      this.geometry = geometry;
      this.fields = fields;
      this.skip = skip;
      this.remaining = limit;
      List<Field> fs = new ArrayList<>();
      for (int f : fields) {
        fs.add(schema.fields().get(f));
      }
      this.pool = new ValuePool(fs);
      this.decoder = new ShapeDecoder(shapes.shapeType(), domain, new ShapeDecoder.RingDefects() {
        @Override
        public void unclosed(int part, int distinct) {
          // closed, as every reader does
        }

        @Override
        public void degenerate(int part, int distinct, int others) {
          // a ring without area adds nothing
        }

        @Override
        public void reoriented(int part, boolean hole) {
          // turned to its role
        }
      });
    }

    @Override
    public boolean hasNext() {
      while (next == null && remaining > 0 && pos < to) {
        int i = ids == null ? pos : ids[pos];
        pos++;
        Geometry g = geometry ? shape(i) : null;
        if (box != null && (g == null || !box.intersects(g.getEnvelopeInternal()))) {
          continue;
        }
        if (skip > 0) {
          skip--;
          continue;
        }
        next = new Feature(String.valueOf(i + 1), g, attributes(i));
        remaining--;
      }
      return next != null;
    }

    @Override
    public Feature next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Feature f = next;
      next = null;
      return f;
    }

    private Geometry shape(int i) {
      try {
        int c = shp.load(i);
        return decoder.decode(shp.buffer(), c, shp.length(i));
      } catch (RecordException e) {
        throw new InputDataException(shapes.path().toString(), label(i), e.field(), e.getMessage(), null);
      } catch (IOException e) {
        throw new InputDataException(shapes.path().toString(), label(i), null, "cannot read the record: "
            + e.getMessage(), e);
      }
    }

    private org.landledger.io.Attributes attributes(int i) {
      Object[] values = pool.row();
      if (fields.length == 0) {
        return pool.attributes(values);
      }
      try {
        attrs.load(i);
        for (int k = 0; k < fields.length; k++) {
          pool.set(values, k, attrs.value(fields[k]));
        }
      } catch (RecordException e) {
        throw new InputDataException(dbf.path().toString(), label(i), e.field(), e.getMessage(), null);
      } catch (IOException e) {
        throw new InputDataException(dbf.path().toString(), label(i), null, "cannot read the record: "
            + e.getMessage(), e);
      }
      return pool.attributes(values);
    }
  }
}
