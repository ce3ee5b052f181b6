package org.landledger.io.query;

import java.util.Locale;
import java.util.Set;
import org.geotools.filter.expression.PropertyAccessor;
import org.geotools.filter.expression.PropertyAccessorFactory;
import org.geotools.util.factory.Hints;
import org.landledger.io.Feature;

/**
 * 要素属性访问: lets a GeoTools {@link org.geotools.api.filter.Filter} be evaluated directly on our
 * {@link Feature} (registered as a GeoTools service), so {@link ScanQuery} filters without building a
 * {@code SimpleFeature} per record. A property name is a field (exact, then case-insensitive, as 三调 exports
 * differ in case), one of {@link #GEOMETRY_NAMES} for the geometry, or {@value #ID} for the feature id (the
 * store's natural key: shapefile record number, GeoPackage fid, PostGIS primary key — as {@code SortKey.ID}).
 */
public final class FeatureProperties implements PropertyAccessorFactory {

  /** The property name that means the feature id (same as {@code Query.SortKey.ID}). */
  public static final String ID = Query.SortKey.ID;

  /** Names that mean the geometry when no field has them. */
  public static final Set<String> GEOMETRY_NAMES = Set.of("geometry", "the_geom", "geom", "shape");

  private static final PropertyAccessor ACCESSOR = new PropertyAccessor() {
    @Override
    public boolean canHandle(Object object, String xpath, Class<?> target) {
      return object instanceof Feature;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Object object, String xpath, Class<T> target) {
      return (T) value((Feature) object, xpath);
    }

    @Override
    public <T> void set(Object object, String xpath, T value, Class<T> target) {
      throw new IllegalArgumentException("features are read-only");
    }
  };

  @Override
  public PropertyAccessor createPropertyAccessor(Class<?> type, String xpath, Class<?> target, Hints hints) {
    return Feature.class.isAssignableFrom(type) ? ACCESSOR : null;
  }

  /** The value of a property of a feature: a field, the geometry for a geometry name, the id for {@value #ID}. */
  public static Object value(Feature f, String name) {
    if (ID.equals(name)) {
      return f.id();
    }
    if (f.has(name)) {
      return f.get(name);
    }
    if (name != null && GEOMETRY_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
      return f.geometry();
    }
    return null;
  }
}
