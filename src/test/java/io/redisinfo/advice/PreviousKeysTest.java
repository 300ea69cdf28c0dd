package io.redisinfo.advice;

import static io.redisinfo.advice.InfoTexts.info;
import static org.assertj.core.api.Assertions.assertThat;

import io.redisinfo.component.Purpose;
import io.redisinfo.info.Info;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tracker keeps only the keys rules declare from the previous poll: that must be enough. */
class PreviousKeysTest {
  @Test
  void rulesFindTheSameWithTheTrimmedPreviousInfo() {
    Info before =
        info(
            "evicted_keys:5",
            "keyspace_hits:1000",
            "keyspace_misses:1000",
            "rejected_connections:1",
            "sync_full:1",
            "blocked_clients:11",
            "maxmemory_policy:noeviction");
    Info now =
        info(
            "evicted_keys:15",
            "keyspace_hits:1030",
            "keyspace_misses:1170",
            "rejected_connections:3",
            "sync_full:3",
            "blocked_clients:12",
            "maxmemory_policy:noeviction",
            "commandstats>cmdstat_keys:calls=2,usec=5,usec_per_call=2.5,rejected_calls=0");
    AdvisoryEvaluator evaluator = new AdvisoryEvaluator();
    Info trimmed = before.retain(evaluator.previousKeys());
    assertThat(trimmed.keys().size()).isLessThan(10);
    Instant at = Instant.EPOCH;
    for (Purpose purpose : Purpose.values()) {
      List<Advisory> full =
          evaluator.evaluate(
              purpose, List.of(new ShardInfo("s", now, before)), 1, AdvisorySettings.DEFAULTS, at);
      List<Advisory> kept =
          evaluator.evaluate(
              purpose, List.of(new ShardInfo("s", now, trimmed)), 1, AdvisorySettings.DEFAULTS, at);
      assertThat(kept).as(purpose.wireName()).isEqualTo(full);
      assertThat(full.stream().map(Advisory::rule))
          .as("the deltas fire at all for " + purpose)
          .contains("evictions", "keys-command", "rejected-connections", "full-resyncs");
    }
  }
}
