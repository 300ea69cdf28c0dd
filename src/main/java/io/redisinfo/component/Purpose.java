package io.redisinfo.component;

import java.util.Locale;

/** What an application component uses its Redis for. */
public enum Purpose {
  CACHE,
  SESSION,
  COUNTER,
  RATELIMIT,
  LOCK,
  QUEUE,
  STATS,
  LOG,
  OTHER;

  /** The lower-case name used in resources, JSON and the directory. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the allowed values
   */
  public static Purpose parse(String text) {
    if (text == null || text.isBlank()) {
      return OTHER;
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "purpose '"
              + text
              + "' is not one of cache, session, counter, ratelimit, lock, queue, stats, log, other");
    }
  }
}
