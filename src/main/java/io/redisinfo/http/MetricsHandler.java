package io.redisinfo.http;

import io.redisinfo.metrics.PrometheusMetrics;
import java.io.IOException;
import java.util.Objects;

/**
 * {@code GET /metrics}: every metric in the Prometheus text format 0.0.4, or OpenMetrics 1.0 when
 * the {@code Accept} header asks for it (client_java's writers), gzip-compressed when {@code
 * Accept-Encoding} allows it. Query parameters are ignored, as scrapers add their own.
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
    exchange.setHeader("Vary", "Accept, Accept-Encoding");
    PrometheusMetrics.Scrape scrape = metrics.scrape(exchange.requestHeader("Accept"));
    byte[] body = scrape.body();
    String encoding = exchange.requestHeader("Accept-Encoding");
    if (encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
      // 1000 shards are about 1 MB of text; gzip makes it a tenth, as Prometheus asks for it.
      java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream(body.length / 8);
      try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
        gzip.write(body);
      }
      exchange.setHeader("Content-Encoding", "gzip");
      body = zipped.toByteArray();
    }
    exchange.sendBytes(200, scrape.contentType(), body);
  }
}
