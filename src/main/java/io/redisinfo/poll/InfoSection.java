package io.redisinfo.poll;

import io.lettuce.core.RedisCommandExecutionException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Which INFO a shard is asked. {@code INFO everything} (Redis 2.8.? and later answer it; 7.0 adds
 * module sections) is tried first; servers that predate it, such as Redis 2.8.19, answer it with an
 * empty reply, and some proxies and forks refuse it with a syntax error. Then {@code INFO all}
 * (everything but module sections), and last plain {@code INFO} (the default sections, no
 * commandstats), whatever it returns.
 */
enum InfoSection {
  EVERYTHING("everything"),
  ALL("all"),
  DEFAULT(null);

  private final String argument;

  InfoSection(String argument) {
    this.argument = argument;
  }

  /** The argument of INFO, or null for none. */
  String argument() {
    return argument;
  }

  /** The command as a user would type it, for logs. */
  String command() {
    return argument == null ? "INFO" : "INFO " + argument;
  }

  /** The next, older form to try, or null when this is the last one. */
  InfoSection fallback() {
    return this == EVERYTHING ? ALL : this == ALL ? DEFAULT : null;
  }

  /**
   * Whether a reply carries nothing a summary can use: empty, or without a single {@code # Section}
   * header (a server that did not understand the argument and answered with nothing useful).
   */
  static boolean isUnusable(byte[] reply) {
    return reply == null || isUnusable(reply, reply.length);
  }

  /** {@link #isUnusable(byte[])} of reply[0, length). */
  static boolean isUnusable(byte[] reply, int length) {
    for (int i = 0; i + 1 < length; i++) {
      if (reply[i] == '#' && reply[i + 1] == ' ' && (i == 0 || reply[i - 1] == '\n')) {
        return false;
      }
    }
    return true;
  }

  /** {@link #isUnusable(byte[])} of a text (for tests). */
  static boolean isUnusable(String reply) {
    return isUnusable(reply == null ? null : reply.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether an error reply says the argument was not understood (a syntax or section error), as
   * opposed to a missing command, a missing permission or a loading server, which no other form of
   * INFO would get past.
   */
  static boolean isRefusedArgument(Throwable error) {
    if (!(error instanceof RedisCommandExecutionException) || error.getMessage() == null) {
      return false;
    }
    String message = error.getMessage().toUpperCase(Locale.ROOT);
    return message.startsWith("ERR")
        && !message.contains("UNKNOWN COMMAND")
        && (message.contains("SYNTAX")
            || message.contains("SECTION")
            || message.contains("ARGUMENT")
            || message.contains("WRONG NUMBER"));
  }
}
