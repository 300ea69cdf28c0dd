package io.redisinfo.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.redisinfo.shard.ShardRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Everything {@code GET /metrics} shows, in one Prometheus registry: the per-shard Redis series
 * ({@link RedisShardCollector}), the operator's own ({@link OperatorMetrics}) and the JVM's. The
 * operator mode adds JOSDK's metrics to {@link #registry()}.
 */
public final class PrometheusMetrics implements AutoCloseable {
  /** The content type of {@link #scrape()}: the Prometheus text format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final OperatorMetrics operatorMetrics;
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

  /** Whether this replica exports the redis_* series (the leader; standalone always). */
  private volatile BooleanSupplier exportsShards = () -> true;

  private final ExpositionFormats formats = ExpositionFormats.init();

  public PrometheusMetrics(ShardRegistry shards) {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry
        .getPrometheusRegistry()
        .register(new RedisShardCollector(shards, () -> exportsShards.getAsBoolean()));
    Gauge.builder("redisinfo.leader", this, m -> m.exportsShards.getAsBoolean() ? 1 : 0)
        .description(
            "1 on the replica that holds the Lease and exports the redis_* series, 0 on a standby")
        .register(registry);
    operatorMetrics = new OperatorMetrics(registry, shards);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public PollMetrics pollMetrics() {
    return operatorMetrics;
  }

  public StatusWriteMetrics statusWriteMetrics() {
    return operatorMetrics;
  }

  /**
   * Exports the per-shard {@code redis_*} series only while {@code leader} says so: with two
   * replicas behind one Service, only the leader's scrape has them, so {@code sum()} and alerts
   * count each Redis server once.
   */
  public void exportShardSeriesWhen(BooleanSupplier leader) {
    this.exportsShards = leader;
  }

  /** The Prometheus text format of every metric. */
  public String scrape() {
    return registry.scrape();
  }

  /** A scrape in the format {@code accept} asks for: OpenMetrics 1.0 or Prometheus text 0.0.4. */
  public record Scrape(String contentType, byte[] body) {}

  public Scrape scrape(String accept) throws IOException {
    ExpositionFormatWriter writer =
        accept != null && accept.contains("application/openmetrics-text")
            ? formats.getOpenMetricsTextFormatWriter()
            : formats.getPrometheusTextFormatWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    writer.write(out, registry.getPrometheusRegistry().scrape());
    return new Scrape(writer.getContentType(), out.toByteArray());
  }

  @Override
  public void close() {
    gcMetrics.close();
    registry.close();
  }
}
