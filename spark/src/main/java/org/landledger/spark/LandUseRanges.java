package org.landledger.spark;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.landledger.geo.Crs;
import org.landledger.geo.GeometryRepair;
import org.landledger.io.Feature;
import org.landledger.io.LayerReader;
import org.landledger.io.Layers;
import org.landledger.io.ReadOptions;
import org.landledger.landuse.SurveyPolygon;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * 分段读取的地类图层: a DLTB layer that the Spark tasks read themselves, each a disjoint range of records
 * ({@link LayerReader#features(long, long)}: a shapefile seeks by its .shx offsets), so the driver never holds
 * the layer. Each record gets the analyses' geometry repair ({@link GeometryRepair}, repairing) and its 三调
 * attributes are checked ({@link SurveyPolygon#of}) where it is read, as {@code LandUseOverlay} does up front.
 *
 * <p>The location must be readable at the same path by every executor (local mode, or a shared file system).
 */
public final class LandUseRanges implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String location;
  private final String encoding;
  private final int assumeEpsg;
  private final long count;
  private final int crsEpsg;
  private final long recordsPerTask;

  /**
   * Opens {@code location} on the driver only for its header (record count, CRS), and splits it into ranges of
   * {@code recordsPerTask} records.
   */
  public LandUseRanges(String location, ReadOptions options, long recordsPerTask) {
    if (recordsPerTask < 1) {
      throw new IllegalArgumentException("records per task must be positive, got " + recordsPerTask);
    }
    this.location = location;
    this.encoding = options.encoding() == null ? null : options.encoding().name();
    this.assumeEpsg = options.assumeCrs() == null ? 0 : options.assumeCrs().epsg();
    this.recordsPerTask = recordsPerTask;
    try (LayerReader r = open()) {
      this.count = r.count();
      this.crsEpsg = r.crs() == null ? 0 : r.crs().epsg();
    }
  }

  public String location() {
    return location;
  }

  /** Number of land-use records. */
  public long count() {
    return count;
  }

  /** The layer's CRS (null when it declares none and none is assumed). */
  public Crs crs() {
    return crsEpsg == 0 ? null : Crs.epsg(crsEpsg);
  }

  /** The disjoint record ranges {first, count} covering the layer, one per Spark task. */
  public List<long[]> ranges() {
    List<long[]> out = new ArrayList<>();
    for (long first = 0; first < count; first += recordsPerTask) {
      out.add(new long[] {first, Math.min(recordsPerTask, count - first)});
    }
    return out;
  }

  /** A reader of the layer, with the options given (on the driver or an executor). */
  public LayerReader open() {
    ReadOptions o = new ReadOptions(encoding == null ? null : Charset.forName(encoding),
        assumeEpsg == 0 ? null : Crs.epsg(assumeEpsg));
    return Layers.open(location, o);
  }

  /** A record as the analyses see it: geometry repaired (GeometryFixer) when invalid. */
  Feature repaired(Feature f) {
    return f.geometry() == null ? f : new GeometryRepair(true).check(location, f);
  }

  /** The records of one range, read lazily and in order. */
  Stream<Feature> read(LayerReader reader, long first, long n) {
    return reader.features(first, n).map(this::repaired);
  }

  /**
   * Runs on the executors: reads each range of the partition and emits {record index, WKB} rows (records without
   * geometry are skipped: they cover nothing). The reader is closed when the task ends.
   */
  FlatMapFunction<Iterator<long[]>, Row> reader() {
    return new ReadRanges(this);
  }

  private static final class ReadRanges implements FlatMapFunction<Iterator<long[]>, Row> {
    private static final long serialVersionUID = 1L;
    private final LandUseRanges source;

    ReadRanges(LandUseRanges source) {
      this.source = source;
    }

    @Override
    public Iterator<Row> call(Iterator<long[]> ranges) {
      LayerReader reader = source.open();
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> reader.close());
      }
      // A plain iterator, record by record: a flatMapped stream's iterator would buffer a whole range.
      WKBWriter w = new WKBWriter(2);
      return new Iterator<>() {
        Iterator<Feature> current = java.util.Collections.emptyIterator();
        long index;
        Row next;

        @Override
        public boolean hasNext() {
          while (next == null) {
            if (current.hasNext()) {
              Feature f = current.next();
              long i = index++;
              SurveyPolygon.of(f, source.location);
              Geometry g = f.geometry();
              if (g != null && !g.isEmpty()) {
                next = RowFactory.create(i, w.write(g));
              }
            } else if (ranges.hasNext()) {
              long[] range = ranges.next();
              index = range[0];
              current = source.read(reader, range[0], range[1]).iterator();
            } else {
              return false;
            }
          }
          return true;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          Row r = next;
          next = null;
          return r;
        }
      };
    }
  }
}
