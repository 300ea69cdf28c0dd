package io.redisinfo.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The parameters of a query string: each name with its values in order (a name may repeat). The
 * accessors reject bad values with a {@link BadRequest} whose detail names the parameter and what
 * it accepts.
 */
public final class QueryParams {
  private static final QueryParams EMPTY = new QueryParams(Map.of());

  private final Map<String, List<String>> values;

  private QueryParams(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * Parses a raw (still percent-encoded) query string, e.g. {@code a=1&b=x%2Fy&a=2}; null or empty
   * is no parameters. A name without {@code =} has the value {@code ""}.
   *
   * @throws BadRequest when a percent escape is malformed
   */
  public static QueryParams parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return EMPTY;
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    int start = 0;
    int length = rawQuery.length();
    while (start <= length) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        String pair = rawQuery.substring(start, end);
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
      }
      start = end + 1;
    }
    return new QueryParams(values);
  }

  private static String decode(String text) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text;
    }
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("malformed query string near '" + text + "': " + e.getMessage());
    }
  }

  /**
   * Rejects any parameter not in {@code allowed}, so that a typo is an error, not a silently
   * ignored filter. Returns this for chaining.
   */
  public QueryParams allowOnly(Collection<String> allowed) {
    for (String name : values.keySet()) {
      if (!allowed.contains(name)) {
        throw new BadRequest(
            "unknown parameter '"
                + name
                + "'; "
                + (allowed.isEmpty()
                    ? "this endpoint takes no parameters"
                    : "allowed: " + String.join(", ", allowed)));
      }
    }
    return this;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** Every value of a repeatable parameter, in order; empty when absent. */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /**
   * The value of a parameter given at most once.
   *
   * @throws BadRequest when it is given more than once
   */
  public Optional<String> single(String name) {
    List<String> given = values.get(name);
    if (given == null) {
      return Optional.empty();
    }
    if (given.size() > 1) {
      throw new BadRequest(
          "parameter '" + name + "' is given " + given.size() + " times; give it at most once");
    }
    return Optional.of(given.get(0));
  }

  /**
   * A parameter given at most once whose value must be {@code true} or {@code false}.
   *
   * @throws BadRequest otherwise
   */
  public Optional<Boolean> bool(String name) {
    Optional<String> value = single(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    return switch (value.get()) {
      case "true" -> Optional.of(Boolean.TRUE);
      case "false" -> Optional.of(Boolean.FALSE);
      default ->
          throw new BadRequest(
              "parameter '" + name + "' must be true or false, got '" + value.get() + "'");
    };
  }

  /**
   * A parameter given at most once whose value must be a whole number in {@code [min, max]}.
   *
   * @throws BadRequest otherwise
   */
  public OptionalLong longInRange(String name, long min, long max) {
    Optional<String> value = single(name);
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    String text = value.get();
    String expected =
        "parameter '" + name + "' must be a whole number from " + min + " to " + max + ", got '";
    long number;
    try {
      number = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new BadRequest(expected + text + "'");
    }
    if (number < min || number > max) {
      throw new BadRequest(expected + text + "'");
    }
    return OptionalLong.of(number);
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
