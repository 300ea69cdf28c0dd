package io.redisinfo.metrics;

import java.util.Locale;

/** How one poll ended; the {@code outcome} label of {@code redisinfo_polls_total}. */
public enum PollOutcome {
  /** INFO answered and was read. */
  OK,
  /** INFO did not answer within the timeout. */
  TIMEOUT,
  /** The server refused the credentials (WRONGPASS, NOAUTH). */
  AUTH_FAILED,
  /** Any other failure: connection refused, reset, a protocol error. */
  ERROR;

  /** The label value: {@code ok}, {@code timeout}, {@code auth_failed}, {@code error}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
