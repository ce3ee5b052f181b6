package org.landledger.server.catalog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.landledger.geo.Crs;
import org.landledger.io.LayerReader;
import org.landledger.io.LayerSchema;
import org.landledger.io.Layers;
import org.landledger.io.ReadOptions;
import org.landledger.io.query.FeatureCursor;
import org.landledger.io.query.PushDown;
import org.landledger.io.query.Query;
import org.locationtech.jts.geom.Envelope;

/**
 * 图层数据源: a layer as the server holds it — where it is read from and what was read once at startup
 * (schema, CRS, feature count, extent), never its features. Every request goes through {@link #query} /
 * {@link #count}, i.e. the store's {@link LayerReader#query}: its index and push-down answer the box, filter
 * and paging.
 *
 * <p>Readers are not assumed thread-safe (a shapefile reader keeps file positions, a GeoPackage reader one
 * connection): a query borrows a reader from this source's pool for the life of its cursor and gives it back
 * when the cursor is closed. Up to {@link #IDLE} idle readers are kept open for the next requests; under more
 * concurrency further readers are opened and closed again when given back. Closing the source closes the idle
 * readers and each borrowed one as it comes back.
 */
public final class LayerSource implements AutoCloseable {

  /** Idle readers kept open per layer (about the number of request threads that render at once). */
  static final int IDLE = 4;

  private final String location;
  private final ReadOptions options;
  private final LayerSchema schema;
  private final Crs crs;
  private final long count;
  private final Envelope bounds;
  private final Set<PushDown> capabilities;
  private final Deque<LayerReader> idle = new ArrayDeque<>();
  private boolean closed; // guarded by idle

  private LayerSource(String location, ReadOptions options, LayerReader first) {
    this.location = location;
    this.options = options;
    this.schema = first.schema();
    this.crs = first.crs();
    this.count = first.count();
    Envelope b = first.bounds();
    this.bounds = b == null ? new Envelope() : new Envelope(b);
    this.capabilities = Set.copyOf(first.capabilities());
    idle.push(first);
  }

  /** Opens a layer and reads its metadata only (header, schema, count, extent); the reader stays in the pool. */
  public static LayerSource open(String location, ReadOptions options) {
    LayerReader r = Layers.open(location, options);
    try {
      return new LayerSource(location, options, r);
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
  }

  public String location() {
    return location;
  }

  public LayerSchema schema() {
    return schema;
  }

  /** The layer's CRS, or null when the source declares none. */
  public Crs crs() {
    return crs;
  }

  public long count() {
    return count;
  }

  /** The extent (layer CRS), as the store keeps it or computed once at startup; a null envelope when empty. */
  public Envelope bounds() {
    return new Envelope(bounds);
  }

  /** What the store answers itself of a {@link Query} (the rest is done by ScanQuery over its stream). */
  public Set<PushDown> capabilities() {
    return capabilities;
  }

  /** The features a query selects, streamed on a borrowed reader; close the cursor to give the reader back. */
  public FeatureCursor query(Query q) {
    LayerReader r = borrow();
    FeatureCursor c;
    try {
      c = r.query(q);
    } catch (RuntimeException e) {
      giveBack(r);
      throw e;
    }
    return new FeatureCursor() {
      private boolean done;

      @Override
      public boolean hasNext() {
        return !done && c.hasNext();
      }

      @Override
      public org.landledger.io.Feature next() {
        return c.next();
      }

      @Override
      public Set<PushDown> pushedDown() {
        return c.pushedDown();
      }

      @Override
      public void close() {
        if (done) {
          return;
        }
        done = true;
        try {
          c.close();
        } finally {
          giveBack(r);
        }
      }
    };
  }

  /** How many features a query selects, ignoring its paging ({@code resultType=hits}). */
  public long count(Query q) {
    LayerReader r = borrow();
    try {
      return r.count(q);
    } finally {
      giveBack(r);
    }
  }

  private LayerReader borrow() {
    synchronized (idle) {
      if (closed) {
        throw new IllegalStateException("layer " + location + " is no longer served");
      }
      if (!idle.isEmpty()) {
        return idle.pop();
      }
    }
    return Layers.open(location, options);
  }

  private void giveBack(LayerReader r) {
    synchronized (idle) {
      if (!closed && idle.size() < IDLE) {
        idle.push(r);
        return;
      }
    }
    r.close();
  }

  /** Closes the idle readers; borrowed ones are closed as they come back. */
  @Override
  public void close() {
    synchronized (idle) {
      if (closed) {
        return;
      }
      closed = true;
      idle.forEach(LayerReader::close);
      idle.clear();
    }
  }
}
