package io.redisinfo.http;

/**
 * An RFC 9457 problem document, sent as {@code application/problem+json}.
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title the short, fixed summary of the status (e.g. {@code Bad Request})
 * @param status the HTTP status code
 * @param detail what went wrong with this request and, where possible, how to fix it
 */
public record Problem(String type, String title, int status, String detail) {
  public static final String CONTENT_TYPE = "application/problem+json";

  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail);
  }
}
