package io.redisinfo.advice;

import io.redisinfo.component.status.ComponentCondition;
import java.time.Instant;
import java.util.List;

/**
 * A component's {@code Healthy} condition from its advisories: True when it has none, False with
 * the worst advisory's rule as reason otherwise, Unknown while they are still being judged.
 */
public final class HealthyCondition {
  public static final String TYPE = "Healthy";

  private HealthyCondition() {}

  /**
   * @param advisories the component's advisories now, in any order
   */
  public static ComponentCondition of(List<Advisory> advisories, Instant now, long generation) {
    if (advisories.isEmpty()) {
      return new ComponentCondition(
          TYPE,
          ComponentCondition.TRUE,
          "NoAdvisories",
          "no advisory for this component's purpose",
          now,
          generation);
    }
    Advisory worst = advisories.stream().min(AdvisoryEvaluator.ORDER).orElseThrow();
    return new ComponentCondition(
        TYPE,
        ComponentCondition.FALSE,
        reason(worst.rule()),
        worst.severity().wireName()
            + ": "
            + worst.message()
            + (advisories.size() > 1
                ? " (and " + (advisories.size() - 1) + " more advisories)"
                : ""),
        now,
        generation);
  }

  /** Not judged yet ({@link AdvisoryTracker#settled} is false). */
  public static ComponentCondition evaluating(Instant now, long generation) {
    return new ComponentCondition(
        TYPE,
        ComponentCondition.UNKNOWN,
        "Evaluating",
        "advisories need a few polls of every shard",
        now,
        generation);
  }

  /** The rule name as a condition or Event reason: {@code no-maxmemory} is {@code NoMaxmemory}. */
  public static String reason(String rule) {
    StringBuilder reason = new StringBuilder();
    for (String word : rule.split("-")) {
      if (!word.isEmpty()) {
        reason.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return reason.toString();
  }
}
