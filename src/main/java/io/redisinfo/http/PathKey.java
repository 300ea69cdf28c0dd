package io.redisinfo.http;

/** Reads {@code {namespace}/{name}} from the rest of a path after a route prefix. */
final class PathKey {
  private PathKey() {}

  /**
   * @param what how the two segments are called in the error, e.g. {@code namespace/name}
   * @return {@code namespace/name}
   * @throws NotFound when the rest is not exactly two non-empty segments
   */
  static String parse(String path, String prefix, String what) {
    String rest = path.substring(prefix.length());
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1 || rest.indexOf('/', slash + 1) >= 0) {
      throw new NotFound(
          "no endpoint at " + path + "; expected " + prefix + "{" + what.replace("/", "}/{") + "}");
    }
    return rest;
  }
}
