package io.redisinfo.poll;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Turns what went wrong in a poll into one line that says what happened and, where it can, what to
 * do. Never includes a password: Lettuce's messages carry none, and credentials print redacted.
 */
final class PollErrors {
  private PollErrors() {}

  static String describe(Throwable error, String address, Duration timeout) {
    Throwable e = unwrap(error);
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String upper = message.toUpperCase(Locale.ROOT);
    if (e instanceof RedisCommandTimeoutException || e instanceof TimeoutException) {
      return "no answer from "
          + address
          + " within "
          + timeout.toMillis()
          + " ms (server frozen, overloaded or unreachable)";
    }
    if (e instanceof PollException) {
      return message;
    }
    if (upper.contains("WRONGPASS")
        || upper.contains("NOAUTH")
        || upper.contains("INVALID PASSWORD")
        || upper.contains("INVALID USERNAME-PASSWORD")
        || upper.contains("AUTH <PASSWORD> CALLED WITHOUT")
        || upper.contains("AUTHENTICATION")) {
      return "authentication failed at " + address + ": " + serverText(e, message);
    }
    if (upper.contains("UNKNOWN COMMAND") && upper.contains("INFO")) {
      return "INFO is not available on "
          + address
          + " (renamed or disabled with rename-command): "
          + serverText(e, message);
    }
    if (upper.startsWith("NOPERM") || upper.contains("NOPERM")) {
      return "the user may not run INFO on " + address + ": " + serverText(e, message);
    }
    if (upper.startsWith("LOADING")) {
      return address + " is loading its dataset: " + message;
    }
    if (e instanceof RedisConnectionException) {
      Throwable cause = rootCause(e);
      if (cause instanceof ConnectException) {
        return "connection refused at " + address + " (no server listening?)";
      }
      if (cause instanceof UnknownHostException) {
        return "unknown host in " + address + ": " + cause.getMessage();
      }
      if (cause != e && cause.getMessage() != null) {
        return "cannot connect to " + address + ": " + cause.getMessage();
      }
      return "cannot connect to " + address + ": " + message;
    }
    if (e instanceof RedisCommandExecutionException) {
      return "INFO failed at " + address + ": " + message;
    }
    if (e instanceof io.netty.handler.codec.DecoderException
        || e instanceof IllegalStateException && upper.contains("REDIS")
        || upper.contains("PROTOCOL")
        || upper.contains("INVALID FIRST BYTE")) {
      return "protocol error from " + address + " (is it a Redis server?): " + message;
    }
    return "poll of " + address + " failed: " + message;
  }

  private static String serverText(Throwable e, String message) {
    return message;
  }

  static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
