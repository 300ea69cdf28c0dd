package io.redisinfo.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.redisinfo.shard.ShardRegistry;

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

  public PrometheusMetrics(ShardRegistry shards) {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.getPrometheusRegistry().register(new RedisShardCollector(shards));
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

  /** The Prometheus text format of every metric. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gcMetrics.close();
    registry.close();
  }
}
