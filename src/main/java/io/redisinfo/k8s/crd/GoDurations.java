package io.redisinfo.k8s.crd;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the Kubernetes/Go duration strings the CRD accepts ({@link PollingSpec#DURATION_PATTERN}):
 * one or more number+unit pairs with the units h, m, s and ms, e.g. {@code 500ms}, {@code 1m30s},
 * {@code 1.5s}.
 */
public final class GoDurations {
  private static final Pattern WHOLE = Pattern.compile(PollingSpec.DURATION_PATTERN);
  private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)");
  private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000L);

  private GoDurations() {}

  /**
   * @throws IllegalArgumentException naming the text and the expected form
   */
  public static Duration parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration such as 500ms, 2s, 1m or 1m30s");
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      BigDecimal millisPerUnit =
          switch (part.group(2)) {
            case "ms" -> BigDecimal.ONE;
            case "s" -> BigDecimal.valueOf(1_000L);
            case "m" -> BigDecimal.valueOf(60_000L);
            default -> BigDecimal.valueOf(3_600_000L);
          };
      nanos =
          nanos.add(
              new BigDecimal(part.group(1)).multiply(millisPerUnit).multiply(NANOS_PER_MILLI));
    }
    try {
      return Duration.ofNanos(nanos.longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration '" + text + "' is too long or too precise");
    }
  }
}
