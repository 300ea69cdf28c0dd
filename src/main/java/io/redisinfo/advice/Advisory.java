package io.redisinfo.advice;

import java.time.Instant;
import java.util.Objects;

/**
 * One piece of advice about a component: what to change and why.
 *
 * @param rule the rule's name, e.g. {@code no-maxmemory}
 * @param severity how urgent, from the rule x purpose table
 * @param message what was seen and what to change
 * @param why one line on why it matters for this purpose
 * @param shard the shard it concerns, or null when it concerns the component as a whole
 * @param since when it was first seen (the first of the polls that started it)
 */
public record Advisory(
    String rule, Severity severity, String message, String why, String shard, Instant since) {
  public Advisory {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(since, "since");
  }

  /** What makes two advisories the same advice: the rule and the shard. */
  public Key key() {
    return new Key(rule, shard);
  }

  public Advisory withSince(Instant newSince) {
    return new Advisory(rule, severity, message, why, shard, newSince);
  }

  /** A rule on one shard (or on the whole component when {@code shard} is null). */
  public record Key(String rule, String shard) {
    // Written out: a record's generated equals and hashCode go through method handles, which C1
    // code calls without inlining, and keys are compared after every poll.
    @Override
    public boolean equals(Object o) {
      return o == this
          || (o instanceof Key other
              && rule.equals(other.rule)
              && Objects.equals(shard, other.shard));
    }

    @Override
    public int hashCode() {
      return 31 * rule.hashCode() + (shard == null ? 0 : shard.hashCode());
    }
  }
}
