package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.Set;

/** {@code redis_version} of a major below the supported ones. */
public final class RedisEol implements ShardRule {
  public static final String NAME = "redis-eol";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("redis_version");
  }

  @Override
  public String why() {
    return "an end-of-life Redis gets no security or bug fixes";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    String version = shard.current().getString("redis_version");
    if (version == null) {
      return null;
    }
    // The digits before the first dot, read in place: this runs after every poll.
    int end = version.indexOf('.');
    end = end < 0 ? version.length() : end;
    if (end == 0 || end > 9) {
      return null;
    }
    long major = 0;
    for (int i = 0; i < end; i++) {
      char c = version.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      major = major * 10 + (c - '0');
    }
    if (major >= input.thresholds().supportedSinceMajor()) {
      return null;
    }
    return "Redis "
        + version
        + " is end-of-life: upgrade to "
        + input.thresholds().supportedSinceMajor()
        + ".x or newer";
  }
}
