package io.redisinfo.advice;

import io.redisinfo.info.Info;
import java.util.Objects;

/**
 * One shard of a component as rules see it: its latest INFO and the one before (for counters that
 * must change between polls to mean something, such as {@code evicted_keys}).
 *
 * @param previous the INFO of the poll before, or null after the first poll
 */
public record ShardInfo(String id, Info current, Info previous) {
  public ShardInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(current, "current");
  }

  /** {@code key}'s whole-number value now, or null when absent (older server) or not a number. */
  public Long now(String key) {
    return current.getLong(key);
  }

  /**
   * How much the counter {@code key} grew since the previous poll; null when there is no previous
   * poll, the field is missing, or it went down (a restart or {@code CONFIG RESETSTAT}).
   */
  public Long delta(String key) {
    if (previous == null) {
      return null;
    }
    return delta(current.getLong(key), previous.getLong(key));
  }

  static Long delta(Long now, Long before) {
    if (now == null || before == null || now < before) {
      return null;
    }
    return now - before;
  }
}
