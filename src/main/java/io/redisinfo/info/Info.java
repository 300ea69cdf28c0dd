package io.redisinfo.info;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One parsed INFO reply: sections in server order, each an ordered map of key to typed value.
 *
 * <p>Values are {@link Long}, {@link Double}, {@link String} or, for {@code k=v,k=v} values such
 * as {@code db0} or {@code cmdstat_get}, an ordered {@code Map<String, Object>} of the same types.
 * Section names are lower case ({@code # Keyspace} is {@code keyspace}). Immutable once built.
 */
public final class Info {
  private static final Info EMPTY = new Info(Map.of(), Map.of(), 0);

  private final Map<String, Map<String, Object>> sections;
  private final Map<String, Object> flat;
  private final int malformedLines;

  Info(Map<String, Map<String, Object>> sections, Map<String, Object> flat, int malformedLines) {
    this.sections = sections;
    this.flat = flat;
    this.malformedLines = malformedLines;
  }

  public static Info empty() {
    return EMPTY;
  }

  /** Builds an Info from already typed sections (tests, merging); copies the maps. */
  public static Info of(Map<String, Map<String, Object>> sections, int malformedLines) {
    Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
    Map<String, Object> flat = new LinkedHashMap<>();
    sections.forEach(
        (name, keys) -> {
          copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(keys)));
          keys.forEach(flat::putIfAbsent);
        });
    return new Info(
        Collections.unmodifiableMap(copy), Collections.unmodifiableMap(flat), malformedLines);
  }

  /** Sections in server order; names lower case. */
  public Map<String, Map<String, Object>> sections() {
    return sections;
  }

  /** Every key of every section (the first occurrence wins when a key repeats). */
  public Map<String, Object> keys() {
    return flat;
  }

  /** Lines that were neither a header, a blank line nor {@code key:value}; they are skipped. */
  public int malformedLines() {
    return malformedLines;
  }

  public Object get(String key) {
    return flat.get(key);
  }

  public String getString(String key) {
    Object value = flat.get(key);
    return value == null ? null : value.toString();
  }

  /** The value as a long, or null when absent or not a whole number. */
  public Long getLong(String key) {
    return flat.get(key) instanceof Long l ? l : null;
  }

  /** The value as a double (whole numbers included), or null when absent or not numeric. */
  public Double getDouble(String key) {
    Object value = flat.get(key);
    return value instanceof Number n ? n.doubleValue() : null;
  }

  public boolean isEmpty() {
    return flat.isEmpty();
  }

  @Override
  public String toString() {
    return "Info{sections=" + sections.keySet() + ", keys=" + flat.size() + "}";
  }
}
