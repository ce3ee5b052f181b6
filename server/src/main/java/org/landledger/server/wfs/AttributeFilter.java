package org.landledger.server.wfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.expression.Function;
import org.geotools.api.filter.expression.PropertyName;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.filter.text.cql2.CQLException;
import org.geotools.filter.text.ecql.ECQL;
import org.geotools.filter.visitor.DefaultFilterVisitor;
import org.geotools.filter.visitor.DuplicatingFilterVisitor;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.LayerSchema;
import org.landledger.server.ows.OwsException;
import org.locationtech.jts.geom.Geometry;

/**
 * 属性过滤: an ECQL filter (GeoTools' cql module) checked against the layer's schema and evaluated on
 * features. Every property name must be one of the layer's fields or its geometry — nothing is ever
 * resolved as an XPath or expression (GeoServer's CVE-2024-36401 came from exactly that) — and only a
 * short list of plain functions is allowed.
 */
public final class AttributeFilter implements Predicate<Feature> {

  /** The geometry property name clients use in filters (also accepted: the_geom, geom, shape). */
  public static final String GEOMETRY = "geometry";
  static final Set<String> GEOMETRY_ALIASES = Set.of("geometry", "the_geom", "geom", "shape");
  private static final Set<String> ALLOWED_FUNCTIONS = Set.of(
      "strtolowercase", "strtouppercase", "strlength", "strtrim", "strsubstring", "strconcat", "strstartswith",
      "strendswith", "area", "length", "abs", "floor", "ceil", "round");

  private final Filter filter;
  private final SimpleFeatureType type;
  private final LayerSchema schema;

  private AttributeFilter(Filter filter, SimpleFeatureType type, LayerSchema schema) {
    this.filter = filter;
    this.type = type;
    this.schema = schema;
  }

  /** Parses and validates {@code CQL_FILTER} text for a layer. */
  public static AttributeFilter ecql(String text, LayerSchema schema) {
    Filter f;
    try {
      f = ECQL.toFilter(text);
    } catch (CQLException e) {
      throw OwsException.invalid("CQL_FILTER", "cannot parse CQL_FILTER: " + firstLine(e.getMessage()));
    }
    List<String> bad = new ArrayList<>();
    f.accept(new DefaultFilterVisitor() {
      @Override
      public Object visit(PropertyName p, Object data) {
        String n = p.getPropertyName();
        if (!known(schema, n)) {
          bad.add("unknown property " + n);
        }
        return data;
      }

      @Override
      public Object visit(Function fn, Object data) {
        if (!ALLOWED_FUNCTIONS.contains(fn.getName().toLowerCase(Locale.ROOT))) {
          bad.add("function " + fn.getName() + " is not allowed");
        }
        return super.visit(fn, data);
      }
    }, null);
    if (!bad.isEmpty()) {
      throw OwsException.invalid("CQL_FILTER", "CQL_FILTER refused: " + String.join("; ", bad)
          + " (properties of " + schema.name() + ": " + fieldNames(schema) + ", " + GEOMETRY + ")");
    }
    // Property names are matched case-insensitively (三调 exports differ in case): rewrite to the schema's spelling.
    Filter canonical = (Filter) f.accept(new DuplicatingFilterVisitor() {
      @Override
      public Object visit(PropertyName p, Object data) {
        String n = p.getPropertyName();
        if (GEOMETRY_ALIASES.contains(n.toLowerCase(Locale.ROOT)) && !schema.hasField(n)) {
          return getFactory(data).property(n.toLowerCase(Locale.ROOT));
        }
        return getFactory(data).property(schema.field(n).map(Field::name).orElse(n));
      }
    }, null);
    return new AttributeFilter(canonical, featureType(schema), schema);
  }

  /** Whether a name is a field of the layer (exact or case-insensitive) or its geometry. */
  static boolean known(LayerSchema schema, String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    return GEOMETRY_ALIASES.contains(name.toLowerCase(Locale.ROOT)) || schema.hasField(name);
  }

  static String fieldNames(LayerSchema schema) {
    return String.join(", ", schema.fields().stream().map(Field::name).toList());
  }

  private static SimpleFeatureType featureType(LayerSchema schema) {
    SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
    b.setName(schema.name());
    for (Field fld : schema.fields()) {
      b.add(fld.name(), switch (fld.type()) {
        case INTEGER -> Integer.class;
        case LONG -> Long.class;
        case DOUBLE -> Double.class;
        case BOOLEAN -> Boolean.class;
        case DATE, STRING -> String.class;
      });
    }
    for (String g : GEOMETRY_ALIASES) {
      if (!schema.hasField(g)) {
        b.add(g, Geometry.class);
      }
    }
    return b.buildFeatureType();
  }

  @Override
  public boolean test(Feature f) {
    SimpleFeatureBuilder b = new SimpleFeatureBuilder(type);
    for (Field fld : schema.fields()) {
      Object v = f.get(fld.name());
      if (v != null && fld.type() == org.landledger.io.FieldType.DATE) {
        v = v.toString();
      }
      b.set(fld.name(), v);
    }
    for (String g : GEOMETRY_ALIASES) {
      if (!schema.hasField(g)) {
        b.set(g, f.geometry());
      }
    }
    SimpleFeature sf = b.buildFeature(Gml32.gmlId(schema.name(), f.id()));
    return filter.evaluate(sf);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "syntax error";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
