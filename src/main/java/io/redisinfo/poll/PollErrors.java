package io.redisinfo.poll;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.protocol.RedisProtocolException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.redisinfo.shard.FailureKind;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Decides, once and where the error happens, what kind of failure a poll met ({@link FailureKind})
 * and says it in one line that tells what happened and, where it can, what to do. The kind comes
 * from the exception types and, for a server's error reply, from its error code (the reply's first
 * word, which the Redis protocol defines); never from matching the rest of the text. Never includes
 * a password: Lettuce's messages carry none, and credentials print redacted.
 */
final class PollErrors {
  private PollErrors() {}

  /** A classified failure: its kind and the line for {@code lastError}. */
  record Failure(FailureKind kind, String message) {}

  static String describe(Throwable error, String address, Duration timeout) {
    return classify(error, address, timeout).message();
  }

  static Failure classify(Throwable error, String address, Duration timeout) {
    Throwable e = unwrap(error);
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    Throwable root = rootCause(e);
    String rootMessage = root.getMessage() == null ? message : root.getMessage();
    if (e instanceof RedisCommandTimeoutException
        || e instanceof TimeoutException
        || root instanceof RedisCommandTimeoutException) {
      return new Failure(
          FailureKind.TIMEOUT,
          "no answer from "
              + address
              + " within "
              + timeout.toMillis()
              + " ms (server frozen, overloaded or unreachable)");
    }
    if (e instanceof PollException) {
      return new Failure(FailureKind.ERROR, message);
    }
    // Lettuce wraps a refused handshake (AUTH, HELLO) in a connection exception: find the reply.
    RedisCommandExecutionException reply = find(e, RedisCommandExecutionException.class);
    if (reply != null) {
      return errorReply(reply, address);
    }
    NotSslRecordException plain = find(e, NotSslRecordException.class);
    if (plain != null) {
      return new Failure(
          FailureKind.TLS,
          "TLS handshake with "
              + address
              + " failed: the server answered without TLS (is spec.tls.enabled right?)");
    }
    SSLException tls = find(e, SSLException.class);
    if (tls != null) {
      return new Failure(
          FailureKind.TLS,
          "TLS handshake with "
              + address
              + " failed: "
              + rootMessage
              + (tls instanceof io.netty.handler.ssl.SslHandshakeTimeoutException
                  ? " (does the port serve TLS? check the server's tls-port)"
                  : " (check spec.tls.caSecretRef and the client certificate)"));
    }
    if (root instanceof RedisProtocolException || root instanceof DecoderException) {
      return new Failure(
          FailureKind.PROTOCOL,
          "protocol error from " + address + " (is it a Redis server?): " + rootMessage);
    }
    if (root instanceof ConnectException) {
      return new Failure(
          FailureKind.REFUSED, "connection refused at " + address + " (no server listening?)");
    }
    if (root instanceof UnknownHostException) {
      return new Failure(
          FailureKind.UNKNOWN_HOST, "unknown host in " + address + ": " + rootMessage);
    }
    if (e instanceof RedisConnectionException) {
      return new Failure(FailureKind.CONNECT, "cannot connect to " + address + ": " + rootMessage);
    }
    return new Failure(FailureKind.ERROR, "poll of " + address + " failed: " + rootMessage);
  }

  /** A server's error reply, by its error code. */
  private static Failure errorReply(RedisCommandExecutionException reply, String address) {
    String text = reply.getMessage() == null ? "" : reply.getMessage();
    int space = text.indexOf(' ');
    String code = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
    switch (code) {
      case "WRONGPASS", "NOAUTH":
        return new Failure(FailureKind.AUTH, "authentication failed at " + address + ": " + text);
      case "NOPERM":
        return new Failure(
            FailureKind.NOPERM, "the user may not run INFO on " + address + ": " + text);
      case "LOADING":
        return new Failure(FailureKind.LOADING, address + " is loading its dataset: " + text);
      case "ERR":
        // Servers before 6 answer a wrong AUTH with a plain ERR; the command a reply belongs to
        // is known here only through Lettuce's text, which names the unknown command.
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.startsWith("ERR INVALID PASSWORD")
            || upper.startsWith("ERR AUTH <PASSWORD> CALLED WITHOUT")
            || upper.startsWith("ERR CLIENT SENT AUTH, BUT NO PASSWORD IS SET")) {
          return new Failure(FailureKind.AUTH, "authentication failed at " + address + ": " + text);
        }
        if (upper.startsWith("ERR UNKNOWN COMMAND")) {
          return new Failure(
              FailureKind.INFO_UNAVAILABLE,
              "INFO is not available on "
                  + address
                  + " (renamed or disabled with rename-command): "
                  + text);
        }
        return new Failure(FailureKind.ERROR, "INFO failed at " + address + ": " + text);
      default:
        return new Failure(FailureKind.ERROR, "INFO failed at " + address + ": " + text);
    }
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
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
