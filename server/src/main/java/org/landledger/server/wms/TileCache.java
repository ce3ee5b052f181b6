package org.landledger.server.wms;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * 瓦片缓存: encoded GetMap images of repeated requests, least recently used first out, within a byte budget
 * (0 = off, the default). Keyed by each layer's version (a re-published layer has a new one), style, CRS, bbox,
 * size, format and background; emptied whenever the catalog changes (a run or upload adds or replaces layers).
 */
public final class TileCache {

  /** One request's identity. */
  public record Key(List<Long> layerVersions, List<String> styles, int epsg, Envelope bbox, int width, int height,
      String format, long background) {}

  private final long maxBytes;
  private final LinkedHashMap<Key, byte[]> entries = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;
  private long hits;
  private long misses;

  /** A cache of at most {@code maxBytes} of image bytes; 0 turns it off. */
  public TileCache(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("tile cache size must not be negative");
    }
    this.maxBytes = maxBytes;
  }

  public boolean enabled() {
    return maxBytes > 0;
  }

  public synchronized byte[] get(Key key) {
    byte[] b = entries.get(key);
    if (b == null) {
      misses++;
    } else {
      hits++;
    }
    return b;
  }

  public synchronized void put(Key key, byte[] image) {
    if (image.length > maxBytes) {
      return;
    }
    byte[] old = entries.put(key, image);
    bytes += image.length - (old == null ? 0 : old.length);
    for (Iterator<Map.Entry<Key, byte[]>> it = entries.entrySet().iterator(); bytes > maxBytes && it.hasNext(); ) {
      bytes -= it.next().getValue().length;
      it.remove();
    }
  }

  public synchronized void clear() {
    entries.clear();
    bytes = 0;
  }

  /** {hits, misses, entries, bytes}. */
  public synchronized long[] stats() {
    return new long[] {hits, misses, entries.size(), bytes};
  }
}
