package org.landledger.io;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.landledger.geo.Crs;
import org.locationtech.jts.geom.Envelope;

/**
 * 图层: a layer held in memory — schema, CRS and features. Analyses read inputs through
 * {@link Layers} and build result layers of this type for writing and serving.
 */
public record Layer(LayerSchema schema, Crs crs, List<Feature> features, String location) {

  public Layer {
    features = List.copyOf(features);
  }

  public Layer(LayerSchema schema, Crs crs, List<Feature> features) {
    this(schema, crs, features, schema.name());
  }

  public String name() {
    return schema.name();
  }

  public int size() {
    return features.size();
  }

  public Envelope bounds() {
    Envelope e = new Envelope();
    for (Feature f : features) {
      if (f.geometry() != null) {
        e.expandToInclude(f.geometry().getEnvelopeInternal());
      }
    }
    return e;
  }

  /**
   * Whether the feature ids can serve as integer keys (a GeoPackage fid, a PostGIS primary key): all distinct
   * positive integers, e.g. shapefile record numbers.
   */
  public boolean idsAreKeys() {
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (Feature f : features) {
      try {
        long id = Long.parseLong(f.id());
        if (id <= 0 || !seen.add(id)) {
          return false;
        }
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }

  public Layer withName(String name) {
    return new Layer(schema.withName(name), crs, features, location);
  }

  /** A layer whose features are mapped by {@code fn}, same schema and CRS. */
  public Layer map(Function<Feature, Feature> fn) {
    return new Layer(schema, crs, features.stream().map(fn).toList(), location);
  }

  /**
   * Builds a result layer from computed rows: fields are taken, in order, from the first row's keys
   * with types inferred from the first non-null value of each key.
   */
  public static Layer fromRows(String name, Crs crs, String geometryType, List<Feature> rows) {
    java.util.LinkedHashMap<String, FieldType> types = new java.util.LinkedHashMap<>();
    for (Feature f : rows) {
      for (Map.Entry<String, Object> e : f.attributes().entrySet()) {
        if (e.getValue() != null) {
          types.putIfAbsent(e.getKey(), FieldType.of(e.getValue()));
        } else {
          types.putIfAbsent(e.getKey(), null);
        }
        if (types.get(e.getKey()) == null && e.getValue() != null) {
          types.put(e.getKey(), FieldType.of(e.getValue()));
        }
      }
    }
    List<Field> fields = types.entrySet().stream()
        .map(e -> new Field(e.getKey(), e.getValue() == null ? FieldType.STRING : e.getValue()))
        .toList();
    return new Layer(new LayerSchema(name, fields, geometryType), crs, rows, name);
  }
}
