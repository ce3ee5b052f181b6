package org.landledger.io.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.geotools.api.filter.And;
import org.geotools.api.filter.BinaryComparisonOperator;
import org.geotools.api.filter.ExcludeFilter;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.IncludeFilter;
import org.geotools.api.filter.Not;
import org.geotools.api.filter.Or;
import org.geotools.api.filter.PropertyIsBetween;
import org.geotools.api.filter.PropertyIsEqualTo;
import org.geotools.api.filter.PropertyIsGreaterThan;
import org.geotools.api.filter.PropertyIsGreaterThanOrEqualTo;
import org.geotools.api.filter.PropertyIsLessThan;
import org.geotools.api.filter.PropertyIsLessThanOrEqualTo;
import org.geotools.api.filter.PropertyIsLike;
import org.geotools.api.filter.PropertyIsNotEqualTo;
import org.geotools.api.filter.PropertyIsNull;
import org.geotools.api.filter.expression.Expression;
import org.geotools.api.filter.expression.Literal;
import org.geotools.api.filter.expression.PropertyName;
import org.geotools.filter.LikeToRegexConverter;
import org.geotools.util.Converters;
import org.landledger.io.Field;
import org.landledger.io.FieldType;

/**
 * 过滤条件转 SQL: translates a GeoTools {@link Filter} into a SQL WHERE condition with bound parameters only —
 * never a value or a name from the filter in the SQL text. Property names are looked up in the layer's schema
 * (the caller's {@code columns} function) and appear only as the schema's quoted identifiers; a name that is
 * not a field is not translated.
 *
 * <p>The translation gives exactly the features GeoTools' own evaluation ({@link ScanQuery}) gives, or, where
 * SQL cannot say exactly the same thing, a superset marked {@link Where#exact() inexact} (the caller then
 * evaluates the filter on what the database returns). Translated exactly: comparisons, BETWEEN, LIKE (with the
 * filter's wildcard, single-character and escape characters), IS NULL, AND/OR/NOT (IN lists arrive as ORs of
 * equalities) — in the cases where the literal's type matches the field's, so that GeoTools' conversions and
 * SQL's agree:
 *
 * <ul>
 *   <li>text fields with text literals: {@code =}/{@code <>} (case-insensitively only for literals without
 *       case), {@code <}/{@code >}/BETWEEN by code point (not for literals that parse as numbers, which GeoTools
 *       compares numerically, nor for literals with characters from U+D800 up, where UTF-16 and code point
 *       order differ), LIKE by code point with GeoTools' rule that a wildcard does not match a line feed;
 *   <li>number fields with number literals (or number text): integral ones for integer fields (GeoTools
 *       truncates 5.7 to 5 when it converts to an integer field), any finite one for real fields (not BETWEEN
 *       with a zero bound: GeoTools' BETWEEN orders −0.0 below 0.0); PostgreSQL's NaN sorts as GeoTools does.
 * </ul>
 *
 * Booleans, dates, functions, arithmetic, spatial operators and feature ids are left to the caller. Comparisons
 * whose value is null are false and their negation true, as in GeoTools (SQL's unknown is folded to false under
 * NOT). Filters deeper than {@value #MAX_DEPTH} or with more than {@value #MAX_PARAMETERS} values are not
 * translated (SQLite limits expression depth).
 */
public final class SqlFilter {

  static final int MAX_DEPTH = 64;
  static final int MAX_PARAMETERS = 2000;

  private static final String TRUE = "1=1";
  private static final String FALSE = "1=0";
  private static final java.util.regex.Pattern INTEGER_TEXT = java.util.regex.Pattern.compile("[+-]?[0-9]{1,18}");
  private static final java.util.regex.Pattern DECIMAL_TEXT =
      java.util.regex.Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]{1,3})?");

  private SqlFilter() {}

  /** The SQL dialects of our stores. */
  public enum Dialect {
    /** SQLite (GeoPackage): BINARY collation (UTF-8 bytes = code points), GLOB for case-sensitive patterns. */
    SQLITE,
    /** PostgreSQL (PostGIS): the "C" collation (bytes = code points), LIKE with an explicit escape. */
    POSTGRESQL;

    /** A quoted identifier (the only way a name reaches SQL text). */
    public String quote(String name) {
      return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Whether a text value can be stored at all (PostgreSQL text has no NUL character). */
    boolean storable(String s) {
      return this != POSTGRESQL || s.indexOf('\0') < 0;
    }

    /** A text expression compared by code point. */
    String text(String sql) {
      return sql + (this == SQLITE ? " COLLATE BINARY" : " COLLATE \"C\"");
    }
  }

  /** A field a filter may name, with the SQL expression (a quoted column) that reads it. */
  public record Column(Field field, String sql) {
    public Column {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(sql, "sql");
    }
  }

  /**
   * A WHERE condition and its parameters (in order). {@code exact} when it selects exactly the features the
   * filter selects; otherwise a superset.
   */
  public record Where(String sql, List<Object> params, boolean exact) {
    public Where {
      params = List.copyOf(params);
    }
  }

  /**
   * Translates {@code filter}; {@code columns} gives the column of a property name (exact name first, then
   * ignoring case, as features are read) or null when the name is not a field that can be compared in SQL.
   */
  public static Where translate(Filter filter, Dialect dialect, Function<String, Column> columns) {
    Translator t = new Translator(dialect, columns);
    Part p = t.part(filter == null ? Filter.INCLUDE : filter, 0);
    if (p.sql == null || p.params.size() > MAX_PARAMETERS) {
      return new Where(TRUE, List.of(), false);
    }
    return new Where(p.sql, p.params, p.exact);
  }

  /** A translated piece: sql null means "not translatable" (true, inexact). */
  private record Part(String sql, List<Object> params, boolean exact) {
    static final Part UNKNOWN = new Part(null, List.of(), false);

    static Part exact(String sql, Object... params) {
      return new Part(sql, List.of(params), true);
    }
  }

  private static final class Translator {
    private final Dialect d;
    private final Function<String, Column> columns;

    Translator(Dialect d, Function<String, Column> columns) {
      this.d = d;
      this.columns = columns;
    }

    Part part(Filter f, int depth) {
      if (depth > MAX_DEPTH) {
        return Part.UNKNOWN;
      }
      return switchOn(f, depth);
    }

    private Part switchOn(Filter f, int depth) {
      if (f instanceof IncludeFilter) {
        return Part.exact(TRUE);
      }
      if (f instanceof ExcludeFilter) {
        return Part.exact(FALSE);
      }
      if (f instanceof And a) {
        return and(a.getChildren(), depth);
      }
      if (f instanceof Or o) {
        return or(o.getChildren(), depth);
      }
      if (f instanceof Not n) {
        Part c = part(n.getFilter(), depth + 1);
        // NOT of a superset is a subset: only an exact child can be negated. Unknown (null) → false first.
        return c.sql != null && c.exact ? new Part("NOT " + notNull(c.sql), c.params, true) : Part.UNKNOWN;
      }
      if (f instanceof PropertyIsNull n) {
        Column c = column(n.getExpression());
        return c == null ? Part.UNKNOWN : Part.exact(c.sql() + " IS NULL");
      }
      if (f instanceof PropertyIsBetween b) {
        return between(b);
      }
      if (f instanceof PropertyIsLike l) {
        return like(l);
      }
      if (f instanceof PropertyIsNotEqualTo ne) {
        Part eq = comparison(ne, "=");
        return eq.sql == null ? Part.UNKNOWN : new Part("NOT " + notNull(eq.sql), eq.params, true);
      }
      if (f instanceof PropertyIsEqualTo eq) {
        return comparison(eq, "=");
      }
      if (f instanceof PropertyIsLessThan lt) {
        return comparison(lt, "<");
      }
      if (f instanceof PropertyIsLessThanOrEqualTo le) {
        return comparison(le, "<=");
      }
      if (f instanceof PropertyIsGreaterThan gt) {
        return comparison(gt, ">");
      }
      if (f instanceof PropertyIsGreaterThanOrEqualTo ge) {
        return comparison(ge, ">=");
      }
      return Part.UNKNOWN;
    }

    private Part and(List<Filter> children, int depth) {
      List<Part> parts = new ArrayList<>();
      boolean exact = true;
      for (Filter c : children) {
        Part p = part(c, depth + 1);
        exact &= p.exact;
        if (p.sql != null) {
          parts.add(p); // an untranslatable conjunct only widens the result: leave it out
        }
      }
      return parts.isEmpty() ? new Part(TRUE, List.of(), exact) : join(parts, " AND ", exact);
    }

    private Part or(List<Filter> children, int depth) {
      List<Part> parts = new ArrayList<>();
      boolean exact = true;
      for (Filter c : children) {
        Part p = part(c, depth + 1);
        if (p.sql == null) {
          return Part.UNKNOWN; // one unknown alternative makes the whole OR unknown
        }
        exact &= p.exact;
        parts.add(p);
      }
      return parts.isEmpty() ? Part.exact(FALSE) : join(parts, " OR ", exact);
    }

    /** Joins as a balanced tree of parentheses, so a long IN list stays shallow for SQLite's parser. */
    private static Part join(List<Part> parts, String op, boolean exact) {
      if (parts.size() == 1) {
        return new Part(parts.get(0).sql, parts.get(0).params, exact);
      }
      int mid = parts.size() / 2;
      Part left = join(parts.subList(0, mid), op, exact);
      Part right = join(parts.subList(mid, parts.size()), op, exact);
      List<Object> ps = new ArrayList<>(left.params);
      ps.addAll(right.params);
      return new Part("(" + left.sql + ")" + op + "(" + right.sql + ")", ps, exact);
    }

    private static String notNull(String sql) {
      return "COALESCE((" + sql + "), FALSE)";
    }

    /** The column of a property-name expression, or null. */
    private Column column(Expression e) {
      if (!(e instanceof PropertyName p) || p.getPropertyName() == null) {
        return null;
      }
      return columns.apply(p.getPropertyName());
    }

    private Part comparison(BinaryComparisonOperator f, String op) {
      Column c;
      Object lit;
      if (f.getExpression1() instanceof PropertyName && f.getExpression2() instanceof Literal l) {
        c = column(f.getExpression1());
        lit = l.getValue();
      } else if (f.getExpression2() instanceof PropertyName && f.getExpression1() instanceof Literal l) {
        c = column(f.getExpression2());
        lit = l.getValue();
        op = flip(op);
      } else {
        return Part.UNKNOWN;
      }
      if (c == null || lit == null) {
        return Part.UNKNOWN;
      }
      FieldType type = c.field().type();
      if (type == FieldType.STRING) {
        if (!(lit instanceof String s)) {
          return Part.UNKNOWN; // GeoTools compares '0101' = 101 as numbers
        }
        if (op.equals("=")) {
          if (!d.storable(s)) {
            return Part.exact(FALSE); // no stored value can equal it (and the database would refuse the parameter)
          }
          return f.isMatchingCase() || caseless(s) ? Part.exact(d.text(c.sql()) + " = ?", s) : Part.UNKNOWN;
        }
        // GeoTools orders two texts as numbers when both parse as numbers.
        return parsesAsDouble(s) || !belowSurrogates(s) || !d.storable(s) ? Part.UNKNOWN
            : Part.exact(d.text(c.sql()) + " " + op + " ?", s);
      }
      Number n = number(lit, type);
      if (n == null) {
        return Part.UNKNOWN;
      }
      String sql = c.sql() + " " + op + " ?";
      if (d == Dialect.POSTGRESQL && type == FieldType.DOUBLE && !op.equals("=")) {
        // GeoTools finds NaN below every number; PostgreSQL sorts it above.
        sql = op.startsWith("<") ? "(" + sql + " OR " + c.sql() + " = 'NaN')" : "(" + sql + " AND " + c.sql() + " <> 'NaN')";
      }
      return Part.exact(sql, n);
    }

    private static String flip(String op) {
      return switch (op) {
        case "<" -> ">";
        case "<=" -> ">=";
        case ">" -> "<";
        case ">=" -> "<=";
        default -> op;
      };
    }

    private Part between(PropertyIsBetween b) {
      Column c = column(b.getExpression());
      if (c == null || !(b.getLowerBoundary() instanceof Literal lo) || !(b.getUpperBoundary() instanceof Literal hi)
          || lo.getValue() == null || hi.getValue() == null) {
        return Part.UNKNOWN;
      }
      FieldType type = c.field().type();
      if (type == FieldType.STRING) {
        // GeoTools converts the bounds to text and orders by String.compareTo (no numeric parsing here).
        if (!(lo.getValue() instanceof String l) || !(hi.getValue() instanceof String h) || !belowSurrogates(l)
            || !belowSurrogates(h) || !d.storable(l) || !d.storable(h)) {
          return Part.UNKNOWN;
        }
        String t = d.text(c.sql());
        return Part.exact("(" + t + " >= ? AND " + t + " <= ?)", l, h);
      }
      Number l = number(lo.getValue(), type);
      Number h = number(hi.getValue(), type);
      if (l == null || h == null || type == FieldType.DOUBLE && (l.doubleValue() == 0 || h.doubleValue() == 0)) {
        return Part.UNKNOWN;
      }
      return Part.exact("(" + c.sql() + " >= ? AND " + c.sql() + " <= ?)", l, h);
    }

    private Part like(PropertyIsLike l) {
      Column c = column(l.getExpression());
      if (c == null || c.field().type() != FieldType.STRING || l.getLiteral() == null) {
        return Part.UNKNOWN;
      }
      List<Object> tokens = likeTokens(l);
      if (tokens == null) {
        return Part.UNKNOWN;
      }
      boolean wild = tokens.contains(ANY) || tokens.contains(ONE);
      StringBuilder literal = new StringBuilder();
      for (Object t : tokens) {
        if (t instanceof Character ch) {
          literal.append(ch.charValue());
        }
      }
      if (!d.storable(literal.toString())) {
        return Part.exact(FALSE); // the pattern's literal part cannot occur in a stored value
      }
      if (!l.isMatchingCase() && !caseless(literal.toString())) {
        return Part.UNKNOWN;
      }
      if (!wild) {
        return Part.exact(d.text(c.sql()) + " = ?", literal.toString());
      }
      String sql = d == Dialect.SQLITE ? c.sql() + " GLOB ?" : d.text(c.sql()) + " LIKE ? ESCAPE '!'";
      String pattern = d == Dialect.SQLITE ? glob(tokens) : sqlLike(tokens);
      // GeoTools' wildcards are regex dots, which do not match a line feed: without one in the literal
      // part, a value with a line feed never matches.
      if (literal.indexOf("\n") >= 0) {
        return new Part(sql, List.of(pattern), false);
      }
      String noLineFeed = d == Dialect.SQLITE ? "instr(" + c.sql() + ", char(10)) = 0" : "strpos(" + c.sql() + ", chr(10)) = 0";
      return Part.exact("(" + sql + " AND " + noLineFeed + ")", pattern);
    }
  }

  private static final Object ANY = new Object();
  private static final Object ONE = new Object();
  private static final String REGEX_SPECIALS = ".?*^$+[]()|\\{}";

  /**
   * The pattern as GeoTools matches it: its own regular expression (from {@link LikeToRegexConverter}) read
   * back as literal characters, "any run" ({@code .*}) and "one character" ({@code .{1}}); null when that
   * expression holds anything else (e.g. a regex character GeoTools left unescaped because the filter's escape
   * is not a backslash) or cannot be built.
   */
  static List<Object> likeTokens(PropertyIsLike like) {
    String regex;
    try {
      regex = new LikeToRegexConverter(like).getPattern();
    } catch (RuntimeException e) {
      return null; // GeoTools would fail on every feature too
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < regex.length(); ) {
      if (regex.startsWith(".*", i)) {
        out.add(ANY);
        i += 2;
      } else if (regex.startsWith(".{1}", i)) {
        out.add(ONE);
        i += 4;
      } else if (regex.charAt(i) == '\\' && i + 1 < regex.length() && REGEX_SPECIALS.indexOf(regex.charAt(i + 1)) >= 0) {
        out.add(regex.charAt(i + 1));
        i += 2;
      } else if (REGEX_SPECIALS.indexOf(regex.charAt(i)) >= 0) {
        return null;
      } else {
        out.add(regex.charAt(i));
        i++;
      }
    }
    return out;
  }

  /** SQLite GLOB pattern (case-sensitive): * and ? wildcards, [x] for a literal special character. */
  private static String glob(List<Object> tokens) {
    StringBuilder sb = new StringBuilder();
    for (Object t : tokens) {
      if (t == ANY) {
        sb.append('*');
      } else if (t == ONE) {
        sb.append('?');
      } else {
        char ch = (Character) t;
        if (ch == '*' || ch == '?' || ch == '[') {
          sb.append('[').append(ch).append(']');
        } else {
          sb.append(ch);
        }
      }
    }
    return sb.toString();
  }

  /** SQL LIKE pattern with '!' as the escape character. */
  private static String sqlLike(List<Object> tokens) {
    StringBuilder sb = new StringBuilder();
    for (Object t : tokens) {
      if (t == ANY) {
        sb.append('%');
      } else if (t == ONE) {
        sb.append('_');
      } else {
        char ch = (Character) t;
        if (ch == '%' || ch == '_' || ch == '!') {
          sb.append('!');
        }
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  /**
   * A literal as the number GeoTools compares a field of this type with, or null when its conversions could
   * make it another number (non-integral literals for integer fields, text that is not plainly a number,
   * values out of the field's range or beyond 2^53 for reals).
   */
  static Number number(Object lit, FieldType type) {
    Number n;
    if (lit instanceof Integer || lit instanceof Long || lit instanceof Short || lit instanceof Byte) {
      n = ((Number) lit).longValue();
    } else if (lit instanceof Double || lit instanceof Float) {
      n = ((Number) lit).doubleValue();
    } else if (lit instanceof String s && INTEGER_TEXT.matcher(s).matches()) {
      n = Long.parseLong(s);
    } else if (lit instanceof String s && type == FieldType.DOUBLE && DECIMAL_TEXT.matcher(s).matches()) {
      n = Double.parseDouble(s);
    } else {
      return null;
    }
    Number out = switch (type) {
      case INTEGER -> integral(n, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case LONG -> integral(n, -(1L << 53), 1L << 53);
      case DOUBLE -> Double.isFinite(n.doubleValue()) && Math.abs(n.doubleValue()) <= 0x1p53 ? (Number) n.doubleValue() : null;
      default -> null;
    };
    if (out == null) {
      return null;
    }
    // What GeoTools itself makes of the literal for this field must be the same number.
    Class<?> target = type == FieldType.INTEGER ? Integer.class : type == FieldType.LONG ? Long.class : Double.class;
    Object converted = Converters.convert(lit, target);
    return converted instanceof Number c && c.doubleValue() == out.doubleValue() ? out : null;
  }

  private static Long integral(Number n, long min, long max) {
    double v = n.doubleValue();
    if (n instanceof Long l) {
      return l >= min && l <= max ? l : null;
    }
    return Double.isFinite(v) && v == Math.rint(v) && v >= min && v <= max ? (long) v : null;
  }

  private static boolean parsesAsDouble(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** No character from U+D800 up: UTF-16 order (Java) and code point order (SQL) agree against this text. */
  private static boolean belowSurrogates(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= '\uD800') {
        return false;
      }
    }
    return true;
  }

  /** No character of the text has another case, so ignoring case changes nothing. */
  static boolean caseless(String s) {
    return s.codePoints().allMatch(cp -> Character.toUpperCase(cp) == cp && Character.toLowerCase(cp) == cp
        && Character.toTitleCase(cp) == cp);
  }
}
