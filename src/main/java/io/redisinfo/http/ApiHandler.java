package io.redisinfo.http;

import java.io.IOException;

/**
 * Answers the requests of one route. Throw {@link ApiException} (e.g. {@link BadRequest}) to answer
 * with a problem; any other exception becomes a 500 problem and is logged.
 */
@FunctionalInterface
public interface ApiHandler {
  void handle(ApiExchange exchange) throws IOException;
}
