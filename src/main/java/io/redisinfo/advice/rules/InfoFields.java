package io.redisinfo.advice.rules;

import io.redisinfo.info.Info;
import java.util.Map;

/** Reading the INFO values several rules need; null always means "not in this INFO". */
final class InfoFields {
  private InfoFields() {}

  /** Sum of {@code field} (keys, expires) over every {@code dbN} line; 0 with an empty keyspace. */
  static Long keyspaceSum(Info info, String field) {
    Map<String, Object> keyspace = info.sections().get("keyspace");
    if (keyspace == null) {
      return null;
    }
    long sum = 0;
    for (Map.Entry<String, Object> db : keyspace.entrySet()) {
      if (db.getKey().startsWith("db") && db.getValue() instanceof Map<?, ?> fields) {
        if (fields.get(field) instanceof Number n) {
          sum += n.longValue();
        }
      }
    }
    return sum;
  }

  /**
   * Calls of a command so far: {@code cmdstatKey}'s ({@code cmdstat_NAME}) {@code calls}; 0 when
   * INFO has a commandstats section without it (never called), null when INFO has no commandstats
   * at all. The caller names the key whole: a concatenation here would run after every poll.
   */
  static Long commandCalls(Info info, String cmdstatKey) {
    if (!info.sections().containsKey("commandstats")) {
      return null;
    }
    if (info.get(cmdstatKey) instanceof Map<?, ?> fields
        && fields.get("calls") instanceof Number n) {
      return n.longValue();
    }
    return 0L;
  }

  /** A number as a percentage with at most one decimal. */
  static String percent(double ratio) {
    return String.format(java.util.Locale.ROOT, "%.1f %%", ratio * 100);
  }

  /** Bytes in the units Redis itself shows ({@code 1.50M}). */
  static String bytes(long bytes) {
    String[] units = {"B", "K", "M", "G", "T"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0
        ? bytes + "B"
        : String.format(java.util.Locale.ROOT, "%.2f%s", value, units[unit]);
  }
}
