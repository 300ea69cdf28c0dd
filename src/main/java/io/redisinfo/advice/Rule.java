package io.redisinfo.advice;

import java.util.List;
import java.util.Set;

/**
 * One piece of judgement over a component's INFO: a pure function of the input, with no state and
 * no I/O. Severity is not the rule's business: {@link SeverityTable} gives it per purpose, and a
 * rule is not even asked for a purpose where the table says it does not apply.
 */
public interface Rule {
  /** The rule's name, lower-case words joined by {@code -}; stable (users disable rules by it). */
  String name();

  /** One line, no links: why this matters. */
  String why();

  /** What is wrong now; empty when nothing is, or when the fields it needs are missing. */
  List<Finding> check(RuleInput input);

  /**
   * The INFO keys this rule cannot judge without ({@code #section} for a whole section, such as
   * {@code #commandstats}). Where a shard lacks one (an older server) the rule is "unknown" for the
   * component rather than silent: {@link AdvisoryEvaluator#unknownRules}.
   */
  default Set<String> requiredKeys() {
    return Set.of();
  }

  /**
   * The INFO keys this rule reads from {@link ShardInfo#previous()}: only those are kept from one
   * poll to the next (a whole INFO per shard would double the heap a shard costs).
   */
  default Set<String> previousKeys() {
    return Set.of();
  }

  /**
   * Whether a finding reports that something happened (a counter moved between two polls) rather
   * than a reading near a threshold. Such advisories start at once: waiting for a second sighting
   * would hide a one-off {@code KEYS} or a single burst of evictions. They clear like any other.
   */
  default boolean reportsEvents() {
    return false;
  }
}
