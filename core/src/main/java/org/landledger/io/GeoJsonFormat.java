package org.landledger.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.EnumSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.landledger.geo.Crs;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.landledger.io.query.FeatureCursor;
import org.landledger.io.query.PushDown;
import org.landledger.io.query.Query;
import org.landledger.io.query.ScanQuery;

/**
 * GeoJSON 格式: RFC 7946 FeatureCollections (.geojson, .json), streamed with Jackson; geometries are
 * read by JTS's GeoJSON reader and written here losslessly (see {@link #writeGeometry}).
 *
 * <p>RFC 7946 data is WGS 84 longitude/latitude and carries no CRS. 三调 layers are projected
 * (Gauss–Krüger), so for any other CRS the writer adds the legacy (2008) {@code "crs"} member with an
 * OGC URN ({@code urn:ogc:def:crs:EPSG::4527}) and keeps the coordinates as they are; the reader accepts
 * that member (name or EPSG-code form). Coordinates are always read as x = easting/longitude,
 * y = northing/latitude, as GDAL does. Without a {@code "crs"} member the layer is EPSG:4326 unless the
 * caller assumes another CRS (e.g. CGCS2000 lon/lat data exported without one).
 *
 * <p>Reading makes two streaming passes: the first learns the property schema (types inferred from the
 * values: integral → INTEGER/LONG, fractional → DOUBLE, true/false → BOOLEAN, anything mixed → STRING)
 * and the feature count; every {@link LayerReader#features()} call streams the features again. JSON has
 * no date type: DATE attributes are written as ISO text and read back as STRING.
 */
public final class GeoJsonFormat implements LayerFormat {

  /** JSON values one feature may hold (coordinates included): a guard against a huge array exhausting memory. */
  static final long MAX_VALUES_PER_FEATURE = 6_000_000;
  private static final ObjectMapper MAPPER = new ObjectMapper().setNodeFactory(new BudgetNodeFactory());
  private static final JsonFactory JSON = MAPPER.getFactory();
  private static final GeometryFactory GF = new GeometryFactory();
  private static final Pattern EPSG_NAME = Pattern.compile(
      "^(?:urn:ogc:def:crs:epsg:[0-9.]*:|epsg:{1,2}|https?://www\\.opengis\\.net/def/crs/epsg/[0-9.]+/)(\\d+)$",
      Pattern.CASE_INSENSITIVE);

  @Override
  public String name() {
    return "GeoJSON";
  }

  @Override
  public boolean handles(Path file) {
    String ext = Layers.extension(file);
    return ext.equals("geojson") || ext.equals("json");
  }

  @Override
  public List<String> layerNames(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputDataException(file, "file not found");
    }
    // The "name" member (as GDAL and we write it, before "features"), else the file name.
    try (Cursor c = new Cursor(file)) {
      c.next();
      return List.of(c.name != null && !c.name.isBlank() ? c.name : ShapefileFormat.stem(file));
    }
  }

  @Override
  public LayerReader open(Path file, String layer, ReadOptions options) {
    if (!Files.isRegularFile(file)) {
      throw new InputDataException(file, "file not found");
    }
    return new Reader(file, options);
  }

  // ---------------------------------------------------------------- reading

  /** Walks a GeoJSON document feature by feature. */
  private static final class Cursor implements AutoCloseable {
    private final Path file;
    private final JsonParser p;
    /** The document was a single Feature or bare geometry, returned once. */
    private JsonNode single;
    private boolean inFeatures;
    private boolean done;
    /** Members of a document that is a lone Feature or geometry (any member order). */
    private final com.fasterxml.jackson.databind.node.ObjectNode top = MAPPER.createObjectNode();
    private String topType;
    private boolean typed;
    /** Schema pass: return features without coordinates. */
    boolean skipGeometry;
    /** Byte offset of the last feature object returned from "features" (−1 for a lone feature). */
    long offset = -1;
    /** Features returned so far. */
    long ordinal;
    JsonNode crs;
    String name;

    Cursor(Path file) {
      this.file = file;
      try {
        this.p = JSON.createParser(file.toFile());
      } catch (IOException e) {
        throw bad(e);
      }
      try {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new InputDataException(file, "not GeoJSON: the document is not a JSON object");
        }
      } catch (IOException | RuntimeException e) {
        close();
        throw e instanceof IOException io ? bad(io) : (RuntimeException) e;
      }
    }

    InputDataException bad(IOException e) {
      return GeoJsonFormat.bad(file, e);
    }

    /** The next feature (or geometry) object, or null at the end; top-level members are noted on the way. */
    JsonNode next() {
      try {
        while (!done) {
          if (inFeatures) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY) {
              inFeatures = false;
              continue;
            }
            if (t != JsonToken.START_OBJECT) {
              throw new InputDataException(file, "not GeoJSON: \"features\" holds a " + t + " instead of a Feature object");
            }
            offset = p.currentTokenLocation().getByteOffset();
            ordinal++;
            BudgetNodeFactory.reset();
            try {
              return skipGeometry ? summary() : p.readValueAsTree();
            } catch (FeatureTooLarge e) {
              throw tooLarge(file, ordinal);
            }
          }
          JsonToken t = p.nextToken();
          if (t == JsonToken.END_OBJECT || t == null) {
            done = true;
            break;
          }
          String member = p.currentName();
          JsonToken v = p.nextToken();
          switch (member) {
            case "features" -> {
              if (v != JsonToken.START_ARRAY) {
                throw new InputDataException(file, "not GeoJSON: \"features\" is not an array");
              }
              inFeatures = true;
            }
            case "crs" -> crs = p.readValueAsTree();
            case "name" -> name = v == JsonToken.VALUE_STRING ? p.getText() : null;
            case "type" -> {
              topType = p.getText();
              typed = true;
            }
            case "geometry", "properties", "id", "coordinates", "geometries" -> top.set(member, p.readValueAsTree());
            default -> p.skipChildren();
          }
        }
        if (!typed) {
          throw new InputDataException(file, "not GeoJSON: the object has no \"type\" member");
        }
        if (topType != null && !topType.equals("FeatureCollection")) {
          top.put("type", topType);
          topType = null;
          single = top;
        }
        if (single != null) {
          JsonNode s = single;
          single = null;
          return asFeature(s);
        }
        return null;
      } catch (IOException e) {
        throw bad(e);
      }
    }

    /**
     * The feature at the parser, with its geometry reduced to {"type": …}: the schema pass needs no
     * coordinates, and skipping them keeps it a plain token scan.
     */
    private JsonNode summary() throws IOException {
      var f = MAPPER.createObjectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String member = p.currentName();
        JsonToken v = p.nextToken();
        if (member.equals("geometry") && v == JsonToken.START_OBJECT) {
          var g = f.putObject("geometry");
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String gm = p.currentName();
            p.nextToken();
            if (gm.equals("type")) {
              g.put("type", p.getText());
            } else {
              p.skipChildren();
            }
          }
        } else if (member.equals("properties") || member.equals("id") || member.equals("type")) {
          f.set(member, p.readValueAsTree());
        } else {
          p.skipChildren();
        }
      }
      return f;
    }

    /** A lone Feature document stays as is; a bare geometry becomes a feature without properties. */
    private static JsonNode asFeature(JsonNode n) {
      if ("Feature".equals(n.path("type").asText())) {
        return n;
      }
      var f = MAPPER.createObjectNode().put("type", "Feature");
      f.set("geometry", n);
      return f;
    }

    @Override
    public void close() {
      try {
        p.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class Reader implements LayerReader {
    private final Path file;
    private final LayerSchema schema;
    private final Crs crs;
    private final long count;
    private final List<Cursor> open = new ArrayList<>();
    private Index index;

    Reader(Path file, ReadOptions options) {
      this.file = file;
      Map<String, FieldType> types = new LinkedHashMap<>();
      long n = 0;
      java.util.Set<String> geometryTypes = new java.util.TreeSet<>();
      String layerName;
      JsonNode crsNode;
      try (Cursor c = new Cursor(file)) {
        c.skipGeometry = true;
        JsonNode f;
        while ((f = c.next()) != null) {
          n++;
          checkMembers(file, f, n);
          JsonNode gt = f.path("geometry").path("type");
          if (gt.isTextual()) {
            geometryTypes.add(gt.asText());
          }
          JsonNode props = f.get("properties");
          if (props != null && props.isObject()) {
            props.fields().forEachRemaining(e -> {
              FieldType t = typeOf(e.getValue());
              if (!types.containsKey(e.getKey())) {
                types.put(e.getKey(), t);
              } else if (t != null) {
                types.put(e.getKey(), merge(types.get(e.getKey()), t));
              }
            });
          }
        }
        layerName = c.name;
        crsNode = c.crs;
      }
      this.count = n;
      List<Field> fields = new ArrayList<>();
      types.forEach((k, t) -> fields.add(new Field(k, t == null ? FieldType.STRING : t)));
      String name = layerName != null && !layerName.isBlank() ? layerName : ShapefileFormat.stem(file);
      this.schema = new LayerSchema(name, fields, geometryTypes.size() == 1 ? geometryTypes.iterator().next() : "Geometry");
      this.crs = crsNode == null || crsNode.isNull()
          ? (options.assumeCrs() != null ? options.assumeCrs() : Crs.epsg(Crs.WGS84))
          : crsOf(crsNode, file, options.assumeCrs());
    }

    @Override
    public String location() {
      return file.toString();
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
      return null; // JSON is Unicode by definition
    }

    @Override
    public long count() {
      return count;
    }

    @Override
    public Envelope bounds() {
      return scanBounds();
    }

    @Override
    public Stream<Feature> features() {
      Cursor c = new Cursor(file);
      synchronized (open) {
        open.add(c);
      }
      ValuePool pool = new ValuePool(schema.fields());
      var it = new java.util.Iterator<Feature>() {
        JsonNode nextNode;

        @Override
        public boolean hasNext() {
          if (nextNode == null) {
            nextNode = c.next();
          }
          return nextNode != null;
        }

        @Override
        public Feature next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          JsonNode n = nextNode;
          nextNode = null;
          return toFeature(n, c.ordinal == 0 ? 1 : c.ordinal, pool);
        }
      };
      return StreamSupport.stream(Spliterators.spliterator(it, count, Spliterator.ORDERED | Spliterator.NONNULL), false)
          .onClose(() -> {
            c.close();
            synchronized (open) {
              open.remove(c);
            }
          });
    }

    private Feature toFeature(JsonNode n, long index, ValuePool pool) {
      JsonNode idNode = n.get("id");
      String id = idNode == null || idNode.isNull() ? String.valueOf(index) : idNode.asText();
      Geometry g = GeoJsonGeometry.read(n.get("geometry"), GF, file.toString(), id);
      Object[] values = pool.row();
      JsonNode props = n.get("properties");
      List<Field> fields = schema.fields();
      for (int i = 0; i < fields.size(); i++) {
        JsonNode v = props == null ? null : props.get(fields.get(i).name());
        pool.set(values, i, toJava(v, fields.get(i).type()));
      }
      return new Feature(id, g, pool.attributes(values));
    }

    @Override
    public Set<PushDown> capabilities() {
      return EnumSet.of(PushDown.BBOX);
    }

    /**
     * 查询: a box is answered from an in-memory STR-tree of the features' envelopes and file offsets (built by
     * one pass over the file on the first query with a box — GeoJSON has no index on disk; this is the only
     * in-memory index of our readers, ≈ 100 bytes a feature), reading only the features it names, in layer
     * order; everything else is done by {@link ScanQuery}.
     */
    @Override
    public FeatureCursor query(Query q) {
      Envelope box = ScanQuery.boxInLayerCrs(q, crs);
      Index index = box == null ? null : index();
      if (index == null) {
        return LayerReader.super.query(q);
      }
      List<Index.Entry> hits = index.hits(box);
      return ScanQuery.apply(readAt(hits), schema, crs, q, EnumSet.of(PushDown.BBOX));
    }

    @Override
    public long count(Query q) {
      Envelope box = ScanQuery.boxInLayerCrs(q, crs);
      if (box != null && q.looseBbox() && q.filter() == org.geotools.api.filter.Filter.INCLUDE) {
        Index index = index();
        if (index != null) {
          return index.hits(box).size();
        }
      }
      return LayerReader.super.count(q);
    }

    /** The index, built on first use; null for a document that is a lone feature (nothing to index). */
    private Index index() {
      synchronized (this) {
        if (index == null) {
          index = Index.build(this);
        }
        return index.entries == 0 ? null : index;
      }
    }

    /** The features of the index entries, read at their offsets (one file channel per stream). */
    private Stream<Feature> readAt(List<Index.Entry> hits) {
      java.nio.channels.FileChannel ch;
      try {
        ch = java.nio.channels.FileChannel.open(file);
      } catch (IOException e) {
        throw new InputDataException(file, "cannot read: " + e.getMessage(), e);
      }
      ValuePool pool = new ValuePool(schema.fields());
      return hits.stream().map(h -> {
        try {
          ch.position(h.offset());
          try (JsonParser p = JSON.createParser(java.nio.channels.Channels.newInputStream(ch))) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE); // the channel serves the next feature too
            p.nextToken();
            BudgetNodeFactory.reset();
            return toFeature(p.readValueAsTree(), h.ordinal(), pool);
          }
        } catch (IOException e) {
          throw bad(file, e);
        }
      }).onClose(() -> {
        try {
          ch.close();
        } catch (IOException ignored) {
          // read-only channel
        }
      });
    }

    @Override
    public void close() {
      synchronized (open) {
        open.forEach(Cursor::close);
        open.clear();
      }
    }
  }

  /** The in-memory spatial index of a GeoJSON file: feature envelopes → (ordinal, byte offset). */
  private static final class Index {
    record Entry(long ordinal, long offset) {}

    private final org.locationtech.jts.index.strtree.STRtree tree = new org.locationtech.jts.index.strtree.STRtree();
    private long entries;

    /** One pass reading every feature (so a bad feature fails here as it would in a full read). */
    static Index build(Reader r) {
      Index ix = new Index();
      try (Cursor c = new Cursor(r.file)) {
        ValuePool pool = new ValuePool(r.schema.fields());
        JsonNode n;
        while ((n = c.next()) != null) {
          if (c.offset < 0) {
            return ix; // a lone Feature or geometry document: no offsets to seek to
          }
          Feature f = r.toFeature(n, c.ordinal, pool);
          if (f.geometry() != null && !f.geometry().isEmpty()) {
            ix.tree.insert(f.geometry().getEnvelopeInternal(), new Entry(c.ordinal, c.offset));
          }
          ix.entries++;
        }
      }
      ix.tree.build();
      return ix;
    }

    /** The entries whose envelope meets {@code box}, in layer order. */
    @SuppressWarnings("unchecked")
    List<Entry> hits(Envelope box) {
      List<Entry> out = new ArrayList<>(tree.query(box));
      out.sort(java.util.Comparator.comparingLong(Entry::ordinal));
      return out;
    }
  }

  /** Counts the JSON values of one feature as Jackson builds them; see {@link #MAX_VALUES_PER_FEATURE}. */
  private static final class BudgetNodeFactory extends com.fasterxml.jackson.databind.node.JsonNodeFactory {
    private static final ThreadLocal<long[]> LEFT = ThreadLocal.withInitial(() -> new long[] {MAX_VALUES_PER_FEATURE});

    static void reset() {
      LEFT.get()[0] = MAX_VALUES_PER_FEATURE;
    }

    private static void spend() {
      if (--LEFT.get()[0] < 0) {
        throw new FeatureTooLarge();
      }
    }

    @Override
    public com.fasterxml.jackson.databind.node.NumericNode numberNode(int v) {
      spend();
      return super.numberNode(v);
    }

    @Override
    public com.fasterxml.jackson.databind.node.NumericNode numberNode(long v) {
      spend();
      return super.numberNode(v);
    }

    @Override
    public com.fasterxml.jackson.databind.node.NumericNode numberNode(double v) {
      spend();
      return super.numberNode(v);
    }

    @Override
    public com.fasterxml.jackson.databind.node.ValueNode numberNode(java.math.BigInteger v) {
      spend();
      return super.numberNode(v);
    }

    @Override
    public com.fasterxml.jackson.databind.node.ValueNode numberNode(java.math.BigDecimal v) {
      spend();
      return super.numberNode(v);
    }

    @Override
    public com.fasterxml.jackson.databind.node.TextNode textNode(String text) {
      spend();
      return super.textNode(text);
    }

    @Override
    public com.fasterxml.jackson.databind.node.ArrayNode arrayNode() {
      spend();
      return super.arrayNode();
    }

    @Override
    public com.fasterxml.jackson.databind.node.ArrayNode arrayNode(int capacity) {
      spend();
      return super.arrayNode(capacity);
    }

    @Override
    public com.fasterxml.jackson.databind.node.ObjectNode objectNode() {
      spend();
      return super.objectNode();
    }
  }

  /** Thrown inside Jackson when a feature holds more than {@link #MAX_VALUES_PER_FEATURE} values. */
  private static final class FeatureTooLarge extends RuntimeException {
    FeatureTooLarge() {
      super(null, null, false, false);
    }
  }

  private static InputDataException tooLarge(Path file, long ordinal) {
    return new InputDataException(file.toString(), String.valueOf(ordinal), null, "more than "
        + String.format(Locale.ROOT, "%,d", MAX_VALUES_PER_FEATURE).replace(',', ' ')
        + " JSON values in one feature (a limit against running out of memory)", null);
  }

  /** A parse failure as bad input naming the file and line, in words rather than Jackson's option names. */
  static InputDataException bad(Path file, IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FeatureTooLarge) {
        return tooLarge(file, -1);
      }
    }
    String line = e instanceof JsonProcessingException jpe && jpe.getLocation() != null
        ? " at line " + jpe.getLocation().getLineNr() : "";
    String m = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException && m.contains("nesting depth")) {
      m = "nested deeper than " + JSON.streamReadConstraints().getMaxNestingDepth() + " levels";
    } else if (m != null && m.startsWith("Non-standard token")) {
      m = "NaN and Infinity are not JSON numbers" + (m.contains("'") ? " (" + m.substring(m.indexOf('\''),
          m.indexOf('\'', m.indexOf('\'') + 1) + 1) + ")" : "");
    }
    return new InputDataException(file, "unreadable GeoJSON: " + m + line, e);
  }

  /** A feature's "type" and "properties" members have the types RFC 7946 §3.2 gives them. */
  private static void checkMembers(Path file, JsonNode f, long ordinal) {
    JsonNode idNode = f.get("id");
    String id = idNode == null || idNode.isNull() ? String.valueOf(ordinal) : idNode.asText();
    JsonNode type = f.get("type");
    if (type == null || !"Feature".equals(type.asText())) {
      throw new InputDataException(file.toString(), id, null, "not a GeoJSON Feature: \"type\" is "
          + (type == null ? "missing" : type.toString()), null);
    }
    JsonNode props = f.get("properties");
    if (props != null && !props.isNull() && !props.isObject()) {
      throw new InputDataException(file.toString(), id, "properties", "\"properties\" must be an object or null, not "
          + props.getNodeType().toString().toLowerCase(Locale.ROOT), null);
    }
  }

  /** The CRS of a legacy "crs" member: {"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4527"}}. */
  static Crs crsOf(JsonNode crs, Path file, Crs assumed) {
    String type = crs.path("type").asText("");
    JsonNode props = crs.path("properties");
    String text = null;
    if (type.equalsIgnoreCase("name")) {
      text = props.path("name").asText(null);
    } else if (type.equalsIgnoreCase("EPSG")) {
      text = "EPSG:" + props.path("code").asText("");
    }
    if (text != null) {
      String t = text.trim();
      String upper = t.toUpperCase(Locale.ROOT);
      if (upper.endsWith(":CRS84") || upper.endsWith("/CRS84")) {
        return Crs.epsg(Crs.WGS84);
      }
      Matcher m = EPSG_NAME.matcher(t);
      if (m.matches()) {
        try {
          return Crs.epsg(Integer.parseInt(m.group(1)));
        } catch (IllegalArgumentException e) {
          // unknown code: reported below
        }
      }
    }
    if (assumed != null) {
      return assumed;
    }
    throw new InputDataException(file, "unknown coordinate system in the \"crs\" member (" + crs
        + "); pass --crs EPSG:nnnn to state it");
  }

  private static FieldType typeOf(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return FieldType.BOOLEAN;
    }
    if (v.isInt() || v.isShort()) {
      return FieldType.INTEGER;
    }
    if (v.isLong()) {
      return FieldType.LONG;
    }
    if (v.isNumber()) {
      return FieldType.DOUBLE;
    }
    return FieldType.STRING;
  }

  private static FieldType merge(FieldType a, FieldType b) {
    if (a == null || a == b) {
      return b;
    }
    boolean an = a == FieldType.INTEGER || a == FieldType.LONG || a == FieldType.DOUBLE;
    boolean bn = b == FieldType.INTEGER || b == FieldType.LONG || b == FieldType.DOUBLE;
    if (an && bn) {
      return a == FieldType.DOUBLE || b == FieldType.DOUBLE ? FieldType.DOUBLE : FieldType.LONG;
    }
    return FieldType.STRING;
  }

  private static Object toJava(JsonNode v, FieldType t) {
    if (v == null || v.isNull()) {
      return null;
    }
    return switch (t) {
      case STRING, DATE -> v.isValueNode() ? v.asText() : v.toString();
      case INTEGER -> v.intValue();
      case LONG -> v.longValue();
      case DOUBLE -> v.doubleValue();
      case BOOLEAN -> v.booleanValue();
    };
  }

  // ---------------------------------------------------------------- writing

  @Override
  public void write(Path file, List<Layer> layers, WriteOptions options) {
    if (layers.size() != 1) {
      throw new IllegalArgumentException("a GeoJSON file holds exactly one layer, got " + layers.size());
    }
    Layer layer = layers.get(0);
    AtomicFiles.write(file, tmp -> {
      try (JsonGenerator g = JSON.createGenerator(tmp.toFile(), JsonEncoding.UTF8)) {
        writeLayer(g, layer);
      }
    });
  }

  private static void writeLayer(JsonGenerator g, Layer layer) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "FeatureCollection");
    g.writeStringField("name", layer.name());
    if (layer.crs() != null && layer.crs().epsg() != Crs.WGS84) {
      g.writeObjectFieldStart("crs");
      g.writeStringField("type", "name");
      g.writeObjectFieldStart("properties");
      g.writeStringField("name", "urn:ogc:def:crs:EPSG::" + layer.crs().epsg());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeArrayFieldStart("features");
    for (Feature f : layer.features()) {
      g.writeRaw('\n');
      g.writeStartObject();
      g.writeStringField("type", "Feature");
      writeId(g, f.id());
      g.writeObjectFieldStart("properties");
      for (Field field : layer.schema().fields()) {
        g.writeFieldName(field.name());
        try {
          writeValue(g, f.get(field.name()), field.type());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("layer " + layer.name() + ", feature " + f.id() + ", field " + field.name()
              + ": cannot write " + f.get(field.name()) + " as " + field.type(), e);
        }
      }
      g.writeEndObject();
      g.writeFieldName("geometry");
      if (f.geometry() == null) {
        g.writeNull();
      } else {
        writeGeometry(g, f.geometry());
      }
      g.writeEndObject();
    }
    g.writeRaw('\n');
    g.writeEndArray();
    g.writeEndObject();
    g.writeRaw('\n');
  }

  /**
   * Writes a geometry losslessly. JTS's GeoJsonWriter rounds through x·10^d, which at Gauss–Krüger
   * magnitudes loses bits (4 000 200 came back as 4 000 199.9999999995 with d = 15) and with small d moves
   * vertices; here every ordinate is printed as its shortest exact decimal. Shells are written
   * counter-clockwise and holes clockwise (RFC 7946 §3.1.6).
   */
  static void writeGeometry(JsonGenerator g, Geometry geom) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", geom.getGeometryType());
    if (geom instanceof org.locationtech.jts.geom.GeometryCollection && !(geom instanceof org.locationtech.jts.geom.MultiPoint
        || geom instanceof org.locationtech.jts.geom.MultiLineString || geom instanceof org.locationtech.jts.geom.MultiPolygon)) {
      g.writeArrayFieldStart("geometries");
      for (int i = 0; i < geom.getNumGeometries(); i++) {
        writeGeometry(g, geom.getGeometryN(i));
      }
      g.writeEndArray();
    } else {
      g.writeFieldName("coordinates");
      writeCoordinates(g, geom);
    }
    g.writeEndObject();
  }

  private static void writeCoordinates(JsonGenerator g, Geometry geom) throws IOException {
    if (geom instanceof org.locationtech.jts.geom.Point p) {
      if (p.isEmpty()) {
        g.writeStartArray();
        g.writeEndArray();
      } else {
        writePosition(g, p.getCoordinate());
      }
    } else if (geom instanceof org.locationtech.jts.geom.LineString l) {
      writePositions(g, l.getCoordinates(), false);
    } else if (geom instanceof org.locationtech.jts.geom.Polygon p) {
      g.writeStartArray();
      if (!p.isEmpty()) {
        writeRing(g, p.getExteriorRing().getCoordinates(), true);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
          writeRing(g, p.getInteriorRingN(i).getCoordinates(), false);
        }
      }
      g.writeEndArray();
    } else {
      g.writeStartArray();
      for (int i = 0; i < geom.getNumGeometries(); i++) {
        writeCoordinates(g, geom.getGeometryN(i));
      }
      g.writeEndArray();
    }
  }

  private static void writeRing(JsonGenerator g, org.locationtech.jts.geom.Coordinate[] ring, boolean shell)
      throws IOException {
    boolean ccw = ring.length >= 4 && org.locationtech.jts.algorithm.Orientation.isCCW(ring);
    writePositions(g, ring, ccw != shell);
  }

  private static void writePositions(JsonGenerator g, org.locationtech.jts.geom.Coordinate[] cs, boolean reversed)
      throws IOException {
    g.writeStartArray();
    for (int i = 0; i < cs.length; i++) {
      writePosition(g, cs[reversed ? cs.length - 1 - i : i]);
    }
    g.writeEndArray();
  }

  private static void writePosition(JsonGenerator g, org.locationtech.jts.geom.Coordinate c) throws IOException {
    g.writeStartArray();
    writeOrdinate(g, c.x);
    writeOrdinate(g, c.y);
    if (!Double.isNaN(c.getZ())) {
      writeOrdinate(g, c.getZ());
    }
    g.writeEndArray();
  }

  private static void writeOrdinate(JsonGenerator g, double v) throws IOException {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("a GeoJSON coordinate must be finite, got " + v);
    }
    // Double.toString's shortest round-trip digits, without exponent: 39500000, 117.01.
    g.writeNumber(java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
  }

  private static void writeId(JsonGenerator g, String id) throws IOException {
    try {
      long n = Long.parseLong(id);
      if (String.valueOf(n).equals(id)) {
        g.writeNumberField("id", n);
        return;
      }
    } catch (NumberFormatException e) {
      // a text id
    }
    g.writeStringField("id", id);
  }

  private static void writeValue(JsonGenerator g, Object v, FieldType t) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    switch (t) {
      case INTEGER, LONG -> g.writeNumber(v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim()));
      case DOUBLE -> {
        double d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
        if (Double.isFinite(d)) {
          g.writeNumber(d);
        } else {
          g.writeNull(); // JSON has no NaN/Infinity
        }
      }
      case BOOLEAN -> g.writeBoolean(v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString().trim()));
      case DATE -> g.writeString(v instanceof Date d ? d.toInstant().toString() : v.toString());
      case STRING -> g.writeString(v.toString());
    }
  }
}
