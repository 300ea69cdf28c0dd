package io.redisinfo.poll;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.protocol.RedisProtocolException;
import io.netty.handler.codec.DecoderException;
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
    Throwable root = rootCause(e);
    String rootMessage = root.getMessage() == null ? message : root.getMessage();
    // Lettuce wraps handshake failures (AUTH, protocol) in a connection exception: look at all.
    String upper = chainText(e).toUpperCase(Locale.ROOT);
    if (e instanceof RedisCommandTimeoutException
        || e instanceof TimeoutException
        || root instanceof RedisCommandTimeoutException) {
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
        || upper.contains("AUTH <PASSWORD> CALLED WITHOUT")) {
      return "authentication failed at " + address + ": " + rootMessage;
    }
    if (upper.contains("UNKNOWN COMMAND") && upper.contains("INFO")) {
      return "INFO is not available on "
          + address
          + " (renamed or disabled with rename-command): "
          + rootMessage;
    }
    if (upper.contains("NOPERM")) {
      return "the user may not run INFO on " + address + ": " + rootMessage;
    }
    if (upper.contains("LOADING")) {
      return address + " is loading its dataset: " + rootMessage;
    }
    if (root instanceof RedisProtocolException
        || root instanceof DecoderException
        || upper.contains("INVALID FIRST BYTE")) {
      return "protocol error from " + address + " (is it a Redis server?): " + rootMessage;
    }
    if (root instanceof ConnectException) {
      return "connection refused at " + address + " (no server listening?)";
    }
    if (root instanceof UnknownHostException) {
      return "unknown host in " + address + ": " + rootMessage;
    }
    if (e instanceof RedisConnectionException) {
      return "cannot connect to " + address + ": " + rootMessage;
    }
    if (e instanceof RedisCommandExecutionException) {
      return "INFO failed at " + address + ": " + message;
    }
    return "poll of " + address + " failed: " + rootMessage;
  }

  private static String chainText(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      text.append(t.getMessage()).append('\n');
    }
    return text.toString();
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
