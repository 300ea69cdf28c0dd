package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.Set;

/**
 * A rule about something that happened: an INFO counter that grew since the last poll (evictions,
 * rejected connections, full resyncs). It reports as an event (it starts at its first sighting) and
 * says how many times it happened.
 */
abstract class CounterGrowth implements ShardRule {
  private final String name;
  private final String counter;
  private final String why;

  CounterGrowth(String name, String counter, String why) {
    this.name = name;
    this.counter = counter;
    this.why = why;
  }

  /** What to say about {@code growth} occurrences since the last poll. */
  abstract String message(long growth);

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean reportsEvents() {
    return true;
  }

  @Override
  public final Set<String> previousKeys() {
    return Set.of(counter);
  }

  @Override
  public final Set<String> requiredKeys() {
    return Set.of(counter);
  }

  @Override
  public final String why() {
    return why;
  }

  @Override
  public final String checkShard(ShardInfo shard, RuleInput input) {
    Long growth = shard.delta(counter);
    return growth == null || growth == 0 ? null : message(growth);
  }
}
