package io.redisinfo.http;

/** The request names something that does not exist: 404. */
public final class NotFound extends ApiException {
  public NotFound(String detail) {
    super(404, "Not Found", detail);
  }
}
