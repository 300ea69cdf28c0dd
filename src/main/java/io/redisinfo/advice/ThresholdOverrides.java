package io.redisinfo.advice;

import java.util.ArrayList;
import java.util.List;

/** Applies overrides to {@link AdvisoryThresholds} by name, collecting every problem. */
final class ThresholdOverrides {
  private final double[] values;
  private final List<String> problems = new ArrayList<>();

  ThresholdOverrides(AdvisoryThresholds t) {
    values =
        new double[] {
          t.memoryNearLimitPercent(),
          t.hitRatioMinPercent(),
          t.hitRatioMinLookups(),
          t.clientsNearMaxPercent(),
          t.replicaLagSeconds(),
          t.unsavedSeconds(),
          t.slowForkMillis(),
          t.fragmentationRatio(),
          t.fragmentationMinBytes(),
          t.clientBufferBytes(),
          t.blockedClients(),
          t.expiringKeysMinPercent(),
          t.expiryMinKeys(),
          t.supportedSinceMajor()
        };
  }

  void set(String name, Object value) {
    int index = AdvisoryThresholds.NAMES.indexOf(name);
    if (index < 0) {
      problems.add(
          "unknown threshold '"
              + name
              + "'; known: "
              + String.join(", ", AdvisoryThresholds.NAMES));
      return;
    }
    boolean decimal = name.endsWith("Percent") || name.equals("fragmentationRatio");
    double number;
    try {
      number = Double.parseDouble(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      problems.add("threshold '" + name + "' must be a number, got '" + value + "'");
      return;
    }
    if (number < 0 || Double.isNaN(number) || Double.isInfinite(number)) {
      problems.add("threshold '" + name + "' must be zero or more, got '" + value + "'");
    } else if (!decimal && number != Math.rint(number)) {
      problems.add("threshold '" + name + "' must be a whole number, got '" + value + "'");
    } else if (name.endsWith("Percent") && number > 100) {
      problems.add("threshold '" + name + "' is a percentage (0-100), got '" + value + "'");
    } else {
      values[index] = number;
    }
  }

  AdvisoryThresholds build() {
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    double[] v = values;
    return new AdvisoryThresholds(
        v[0],
        v[1],
        (long) v[2],
        v[3],
        (long) v[4],
        (long) v[5],
        (long) v[6],
        v[7],
        (long) v[8],
        (long) v[9],
        (long) v[10],
        v[11],
        (long) v[12],
        (long) v[13]);
  }
}
