package io.redisinfo.http;

/** The request is malformed (a bad or unknown parameter): 400 with a detail that says why. */
public final class BadRequest extends ApiException {
  public BadRequest(String detail) {
    super(400, "Bad Request", detail);
  }
}
