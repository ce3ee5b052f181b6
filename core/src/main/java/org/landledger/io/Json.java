package org.landledger.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;

/** JSON 输出: the one JSON mapper for results — pretty-printed UTF-8, written atomically. */
public final class Json {

  public static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Json() {}

  public static String toString(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise result: " + e.getMessage(), e);
    }
  }

  /** Writes {@code value} as JSON to {@code file}, atomically. */
  public static void write(Path file, Object value) {
    AtomicFiles.writeString(file, toString(value) + "\n");
  }
}
