package io.redisinfo.advice;

import static io.redisinfo.advice.InfoTexts.fixture;
import static io.redisinfo.advice.InfoTexts.info;
import static org.assertj.core.api.Assertions.assertThat;

import io.redisinfo.component.Purpose;
import io.redisinfo.info.InfoFixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rules that lack their fields on an older server say "unknown" rather than "fine". */
class UnknownRulesTest {
  private final AdvisoryEvaluator evaluator = new AdvisoryEvaluator();

  @Test
  void redis7AnswersEveryRule() {
    for (Purpose purpose : Purpose.values()) {
      assertThat(
              evaluator.unknownRules(
                  purpose,
                  List.of(
                      new ShardInfo("a", info(), null),
                      new ShardInfo("b", fixture(InfoFixtures.REDIS7_MASTER), null)),
                  AdvisorySettings.DEFAULTS))
          .as(purpose.wireName())
          .isEmpty();
    }
  }

  @Test
  void redis28LacksMemoryLimitsMaxclientsAndSaveCounters() {
    List<ShardInfo> old = List.of(new ShardInfo("a", fixture("redis28-master.txt"), null));
    assertThat(evaluator.unknownRules(Purpose.QUEUE, old, AdvisorySettings.DEFAULTS))
        .containsExactly(
            "clients-near-max",
            "eviction-policy",
            "last-save-old",
            "memory-near-limit",
            "no-maxmemory",
            "no-persistence");
    assertThat(evaluator.unknownRules(Purpose.CACHE, old, AdvisorySettings.DEFAULTS))
        .as("the persistence rules do not apply to a cache")
        .doesNotContain("no-persistence", "last-save-old")
        .contains("no-maxmemory");
    AdvisorySettings off = AdvisorySettings.of(List.of("no-maxmemory"), Map.of());
    assertThat(evaluator.unknownRules(Purpose.QUEUE, old, off)).doesNotContain("no-maxmemory");
  }

  @Test
  void unknownRulesFollowEachShardsLackingRules() {
    Set<String> old = evaluator.rulesLacking(fixture("redis28-master.txt"));
    Set<String> current = evaluator.rulesLacking(fixture(InfoFixtures.REDIS7_MASTER));

    assertThat(current).isEmpty();
    assertThat(
            evaluator.unknownRulesOf(
                Purpose.QUEUE, List.of(current, old), AdvisorySettings.DEFAULTS))
        .isEqualTo(
            evaluator.unknownRules(
                Purpose.QUEUE,
                List.of(new ShardInfo("a", fixture("redis28-master.txt"), null)),
                AdvisorySettings.DEFAULTS))
        .contains("no-maxmemory");
  }

  @Test
  void everyRuleNamesTheFieldsItNeedsOrHasAlternatives() {
    for (Rule rule : Rules.all()) {
      if (!rule.name().equals("big-client-buffers")) { // either of two generations of fields
        assertThat(rule.requiredKeys()).as(rule.name()).isNotEmpty();
      }
    }
  }
}
