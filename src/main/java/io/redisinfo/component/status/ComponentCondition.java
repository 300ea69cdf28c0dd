package io.redisinfo.component.status;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A condition in the Kubernetes convention.
 *
 * @param type e.g. {@link #READY}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param reason a CamelCase word a program can switch on
 * @param message what a human should know or do
 * @param lastTransitionTime when {@code status} last changed (see {@link Conditions#merge})
 * @param observedGeneration the component generation this condition was computed from
 */
public record ComponentCondition(
    String type,
    String status,
    String reason,
    String message,
    Instant lastTransitionTime,
    long observedGeneration) {
  public static final String READY = "Ready";
  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  private static final Set<String> STATUSES = Set.of(TRUE, FALSE, UNKNOWN);

  public ComponentCondition {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(lastTransitionTime, "lastTransitionTime");
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException(
          "condition status '" + status + "' is not one of True, False, Unknown");
    }
    message = message == null ? "" : message;
  }

  public boolean isTrue() {
    return TRUE.equals(status);
  }

  /** The same condition with another transition time. */
  public ComponentCondition withLastTransitionTime(Instant time) {
    return new ComponentCondition(type, status, reason, message, time, observedGeneration);
  }
}
