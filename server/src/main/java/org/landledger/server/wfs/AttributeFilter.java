package org.landledger.server.wfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.Id;
import org.geotools.api.filter.expression.Function;
import org.geotools.api.filter.expression.PropertyName;
import org.geotools.api.filter.identity.Identifier;
import org.geotools.filter.text.cql2.CQLException;
import org.geotools.filter.text.ecql.ECQL;
import org.geotools.filter.visitor.DefaultFilterVisitor;
import org.geotools.filter.visitor.DuplicatingFilterVisitor;
import org.landledger.io.Field;
import org.landledger.io.LayerSchema;
import org.landledger.server.catalog.ServedLayer;
import org.landledger.server.ows.OwsException;

/**
 * 属性过滤: an ECQL filter (GeoTools' cql module) checked against the layer's schema, for the layer's query
 * ({@code Query.filter}: the store pushes it down or ScanQuery evaluates it). Every property name must be one
 * of the layer's fields or its geometry — nothing is ever resolved as an XPath or expression (GeoServer's
 * CVE-2024-36401 came from exactly that) — and only a short list of plain functions is allowed. Field names
 * are rewritten to the schema's spelling (三调 exports differ in case); resource ids ({@code IN ('DLTB.5')})
 * become conditions on the feature id ({@code @id = '5'}), which stores map to their natural key.
 */
public final class AttributeFilter {

  /** The geometry property name clients use in filters (also accepted: the_geom, geom, shape). */
  public static final String GEOMETRY = "geometry";
  static final Set<String> GEOMETRY_ALIASES = Set.of("geometry", "the_geom", "geom", "shape");
  private static final Set<String> ALLOWED_FUNCTIONS = Set.of(
      "strtolowercase", "strtouppercase", "strlength", "strtrim", "strsubstring", "strconcat", "strstartswith",
      "strendswith", "area", "length", "abs", "floor", "ceil", "round");

  private AttributeFilter() {}

  /** Parses and validates {@code CQL_FILTER} text for a layer (its schema named by the public name). */
  public static Filter ecql(String text, LayerSchema schema) {
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
    return (Filter) f.accept(new DuplicatingFilterVisitor() {
      @Override
      public Object visit(PropertyName p, Object data) {
        String n = p.getPropertyName();
        if (GEOMETRY_ALIASES.contains(n.toLowerCase(Locale.ROOT)) && !schema.hasField(n)) {
          return getFactory(data).property(n.toLowerCase(Locale.ROOT));
        }
        return getFactory(data).property(schema.field(n).map(Field::name).orElse(n));
      }

      @Override
      public Object visit(Id filter, Object data) {
        List<String> fids = new ArrayList<>();
        String prefix = Gml32.elementName(schema.name()) + ".";
        for (Identifier id : filter.getIdentifiers()) {
          String rid = String.valueOf(id.getID());
          if (rid.startsWith(prefix)) {
            fids.add(rid.substring(prefix.length()));
          }
        }
        return ServedLayer.idFilter(fids);
      }
    }, null);
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

  private static String firstLine(String s) {
    if (s == null) {
      return "syntax error";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
