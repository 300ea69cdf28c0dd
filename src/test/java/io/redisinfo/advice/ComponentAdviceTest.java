package io.redisinfo.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hysteresis: two evaluations to start, three and 30 s absent to clear. */
class ComponentAdviceTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final List<String> events = new ArrayList<>();
  private final AdvisoryListener listener =
      new AdvisoryListener() {
        @Override
        public void onStarted(String component, Advisory advisory) {
          events.add(
              "start " + advisory.rule() + " " + advisory.severity() + " " + advisory.since());
        }

        @Override
        public void onCleared(String component, Advisory advisory) {
          events.add("clear " + advisory.rule() + " " + advisory.severity());
        }
      };
  private final ComponentAdvice advice =
      new ComponentAdvice("shop/cache", Hysteresis.DEFAULT, Set.of("keys-command"));

  private static Advisory advisory(String rule, String shard, Severity severity, Instant at) {
    return new Advisory(rule, severity, "change it", "because", shard, at);
  }

  private void evaluate(int second, Advisory... found) {
    Instant at = T0.plusSeconds(second);
    List<Advisory> list = new ArrayList<>();
    for (Advisory a : found) {
      list.add(a.withSince(at));
    }
    advice.update(list, key -> true, at, listener);
  }

  private static Advisory a(String rule) {
    return advisory(rule, "s1", Severity.WARNING, T0);
  }

  @Test
  void startsOnTheSecondEvaluationWithTheFirstOnesTime() {
    evaluate(0, a("evictions"));
    assertThat(advice.active()).isEmpty();
    assertThat(events).isEmpty();
    evaluate(5, a("evictions"));
    assertThat(events).containsExactly("start evictions WARNING " + T0);
    assertThat(advice.active()).singleElement().satisfies(x -> assertThat(x.since()).isEqualTo(T0));
  }

  @Test
  void anEventStartsAtOnceAndClearsLikeTheRest() {
    evaluate(0, a("keys-command"));
    assertThat(events).containsExactly("start keys-command WARNING " + T0);
    evaluate(1);
    evaluate(2);
    evaluate(40);
    assertThat(events)
        .containsExactly("start keys-command WARNING " + T0, "clear keys-command WARNING");
  }

  @Test
  void aCandidateSeenOnceIsForgotten() {
    evaluate(0, a("evictions"));
    evaluate(5);
    evaluate(10, a("evictions"));
    assertThat(events).isEmpty();
    evaluate(15, a("evictions"));
    assertThat(events).containsExactly("start evictions WARNING " + T0.plusSeconds(10));
  }

  @Test
  void clearsAfterThreeMissesSpanningThirtySeconds() {
    evaluate(0, a("evictions"));
    evaluate(1, a("evictions"));
    evaluate(2);
    evaluate(3);
    evaluate(4);
    assertThat(events).hasSize(1).as("three misses within 2 s: not yet");
    evaluate(20, a("evictions"));
    evaluate(21);
    evaluate(40);
    evaluate(50);
    assertThat(advice.active()).hasSize(1).as("a reappearance restarts the count");
    evaluate(51);
    assertThat(events).containsExactly("start evictions WARNING " + T0, "clear evictions WARNING");
    assertThat(advice.active()).isEmpty();
  }

  @Test
  void onlyKeysInScopeAreJudged() {
    Advisory other = advisory("evictions", "s2", Severity.WARNING, T0);
    advice.update(List.of(a("evictions"), other), key -> true, T0, listener);
    advice.update(List.of(a("evictions"), other), key -> true, T0, listener);
    assertThat(advice.active()).hasSize(2);
    for (int i = 1; i <= 5; i++) {
      // polls of s1 that no longer see s1's evictions say nothing of s2
      advice.update(
          List.of(other), key -> "s1".equals(key.shard()), T0.plusSeconds(60 * i), listener);
    }
    assertThat(advice.active())
        .singleElement()
        .satisfies(x -> assertThat(x.shard()).isEqualTo("s2"));
  }

  @Test
  void aNewSeverityIsAClearAndAStart() {
    evaluate(0, a("evictions"));
    evaluate(1, a("evictions"));
    evaluate(2, advisory("evictions", "s1", Severity.CRITICAL, T0));
    assertThat(events)
        .containsExactly(
            "start evictions WARNING " + T0,
            "clear evictions WARNING",
            "start evictions CRITICAL " + T0);
  }

  @Test
  void clearNowWithdrawsActiveOnesAtOnce() {
    evaluate(0, a("evictions"), a("keys-command"));
    evaluate(1, a("evictions"), a("keys-command"));
    advice.clearNow(x -> x.rule().equals("keys-command"), listener);
    assertThat(advice.active()).extracting(Advisory::rule).containsExactly("evictions");
    assertThat(events).contains("clear keys-command WARNING");
  }
}
