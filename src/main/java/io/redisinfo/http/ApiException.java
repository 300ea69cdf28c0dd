package io.redisinfo.http;

/**
 * Thrown by a handler to answer with a problem document instead of its normal response. Carries no
 * stack trace: it is an answer, not a bug, and some are thrown on every bad request.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String title;

  public ApiException(int status, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
  }

  public static ApiException serviceUnavailable(String detail) {
    return new ApiException(503, "Service Unavailable", detail);
  }

  public int status() {
    return status;
  }

  public Problem problem() {
    return Problem.of(status, title, getMessage());
  }
}
