package io.redisinfo.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The Kubernetes probes: {@code /healthz} answers 200 while the process serves requests; {@code
 * /readyz} answers 200 when the mode's readiness says so, else 503 with the reason. Query
 * parameters are ignored: a probe must not fail over a detail of its URL.
 */
public final class Probes {
  private final BooleanSupplier ready;
  private final Supplier<String> notReadyReason;

  /**
   * @param ready whether the mode is ready to serve (e.g. the first sync of shards is done)
   * @param notReadyReason why it is not, asked only when it is not
   */
  public Probes(BooleanSupplier ready, Supplier<String> notReadyReason) {
    this.ready = Objects.requireNonNull(ready);
    this.notReadyReason = Objects.requireNonNull(notReadyReason);
  }

  public Probes(BooleanSupplier ready) {
    this(ready, () -> "not ready yet: still starting, or shutting down");
  }

  /** Adds {@code /healthz} and {@code /readyz} to {@code server}. */
  public void registerOn(ApiServer server) {
    server.route("/healthz", this::health);
    server.route("/readyz", this::readiness);
  }

  private void health(ApiExchange exchange) throws IOException {
    exchange.setHeader("Cache-Control", "no-store");
    exchange.sendJson(200, json -> status(json, "ok"));
  }

  private void readiness(ApiExchange exchange) throws IOException {
    if (!ready.getAsBoolean()) {
      throw ApiException.serviceUnavailable(notReadyReason.get());
    }
    exchange.setHeader("Cache-Control", "no-store");
    exchange.sendJson(200, json -> status(json, "ready"));
  }

  private static void status(JsonGenerator json, String status) throws IOException {
    json.writeStartObject();
    json.writeStringField("status", status);
    json.writeEndObject();
  }
}
