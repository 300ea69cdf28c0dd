package io.redisinfo.poll;

/** A poll failure whose message is already the one to show. */
final class PollException extends RuntimeException {
  PollException(String message) {
    super(message, null, false, false);
  }
}
