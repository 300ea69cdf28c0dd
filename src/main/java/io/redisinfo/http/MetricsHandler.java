package io.redisinfo.http;

import io.redisinfo.metrics.PrometheusMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@code GET /metrics}: every metric in the Prometheus text format 0.0.4, which every Prometheus
 * and agent scrapes. Query parameters are ignored, as scrapers add their own.
 */
public final class MetricsHandler implements ApiHandler {
  public static final String PATH = "/metrics";

  private final PrometheusMetrics metrics;

  public MetricsHandler(PrometheusMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics);
  }

  @Override
  public void handle(ApiExchange exchange) throws IOException {
    exchange.setHeader("Cache-Control", "no-store");
    exchange.sendBytes(
        200, PrometheusMetrics.CONTENT_TYPE, metrics.scrape().getBytes(StandardCharsets.UTF_8));
  }
}
