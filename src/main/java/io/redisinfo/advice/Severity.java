package io.redisinfo.advice;

import java.util.Locale;

/** How urgent an advisory is, most severe first (so the natural order sorts the worst first). */
public enum Severity {
  CRITICAL,
  WARNING,
  INFO;

  /** The lower-case name used in JSON, metrics labels and filters. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the allowed values
   */
  public static Severity parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "severity '" + text + "' is not one of critical, warning, info");
    }
  }
}
