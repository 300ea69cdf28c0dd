package io.redisinfo.advice.rules;

/** {@code evicted_keys} grew since the last poll: keys are being deleted to make room. */
public final class Evictions extends CounterGrowth {
  public static final String NAME = "evictions";

  public Evictions() {
    super(
        NAME,
        "evicted_keys",
        "evictions are a cache working as designed, and silent data loss for anything else");
  }

  @Override
  String message(long evicted) {
    return evicted
        + " keys evicted since the last poll: raise maxmemory, store less, or (for data that must"
        + " not be lost) use maxmemory-policy noeviction";
  }
}
