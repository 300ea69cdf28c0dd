package io.redisinfo.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Map;

/**
 * The shared Jackson setup for responses. Generators write straight to the response stream; the
 * typed INFO values are written without reflection, anything else through the shared mapper.
 */
public final class Json {
  /** Thread-safe once configured; shared so that its buffers and serializers are reused. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** A generator on {@code out} that leaves closing {@code out} to the caller. */
  public static JsonGenerator generator(OutputStream out) throws IOException {
    JsonGenerator generator = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
    generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return generator;
  }

  /**
   * Writes a value: numbers, strings, booleans, null, maps and collections of those directly; any
   * other object (a record, a POJO) through {@link #MAPPER}.
   */
  public static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String s) {
      json.writeString(s);
    } else if (value instanceof Long l) {
      json.writeNumber(l);
    } else if (value instanceof Double d) {
      json.writeNumber(d);
    } else if (value instanceof Integer i) {
      json.writeNumber(i);
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.writeFieldName(String.valueOf(entry.getKey()));
        writeValue(json, entry.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof Collection<?> items) {
      json.writeStartArray();
      for (Object item : items) {
        writeValue(json, item);
      }
      json.writeEndArray();
    } else {
      json.writeObject(value);
    }
  }

  /** Writes {@code "name": value} with {@link #writeValue}. */
  public static void writeField(JsonGenerator json, String name, Object value) throws IOException {
    json.writeFieldName(name);
    writeValue(json, value);
  }
}
