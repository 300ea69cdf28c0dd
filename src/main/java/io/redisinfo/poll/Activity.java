package io.redisinfo.poll;

/** How a poll's result moves the shard's interval. */
public enum Activity {
  /** Busy or changing: the interval shrinks toward the minimum. */
  BUSY,
  /** Nothing to see: the interval grows toward the maximum. */
  QUIET,
  /**
   * Something is wrong (error, link down, role change, loading): poll at the minimum with
   * exponential backoff and full jitter up to the maximum.
   */
  TROUBLE
}
