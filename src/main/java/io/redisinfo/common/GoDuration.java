package io.redisinfo.common;

import java.time.Duration;

/**
 * Durations in the Kubernetes/Go form used on the command line and in resources: a sequence of
 * number+unit, units {@code h}, {@code m}, {@code s}, {@code ms}, {@code us}, {@code ns}, e.g.
 * {@code 500ms}, {@code 2s}, {@code 1m30s}.
 */
public final class GoDuration {
  private GoDuration() {}

  /**
   * @throws IllegalArgumentException with a message saying what is wrong and what is expected
   */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("duration is empty; expected e.g. 500ms, 2s, 1m");
    }
    String s = text.trim();
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    long nanos = 0;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      if (start == i) {
        throw invalid(text);
      }
      double number;
      try {
        number = Double.parseDouble(s.substring(start, i));
      } catch (NumberFormatException e) {
        throw invalid(text);
      }
      int unitStart = i;
      while (i < s.length() && Character.isLetter(s.charAt(i))) {
        i++;
      }
      long unitNanos =
          switch (s.substring(unitStart, i)) {
            case "h" -> 3_600_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "s" -> 1_000_000_000L;
            case "ms" -> 1_000_000L;
            case "us", "µs" -> 1_000L;
            case "ns" -> 1L;
            default -> throw invalid(text);
          };
      double part = number * unitNanos;
      if (part > Long.MAX_VALUE - nanos) {
        throw new IllegalArgumentException("duration '" + text + "' is too long");
      }
      nanos += (long) part;
    }
    return Duration.ofNanos(nanos);
  }

  /** Formats like Go's short form: {@code 500ms}, {@code 2s}, {@code 1m30s}, {@code 1.5s}. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    StringBuilder out = new StringBuilder();
    long hours = millis / 3_600_000;
    long minutes = (millis / 60_000) % 60;
    long secondsMillis = millis % 60_000;
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (minutes > 0) {
      out.append(minutes).append('m');
    }
    if (secondsMillis > 0 || out.length() == 0) {
      if (secondsMillis % 1000 == 0) {
        out.append(secondsMillis / 1000);
      } else {
        out.append(
            java.math.BigDecimal.valueOf(secondsMillis, 3).stripTrailingZeros().toPlainString());
      }
      out.append('s');
    }
    return out.toString();
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "duration '" + text + "' is not valid; expected a number and a unit, e.g. 500ms, 2s, 1m");
  }
}
