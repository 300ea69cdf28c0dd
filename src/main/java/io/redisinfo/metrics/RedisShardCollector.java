package io.redisinfo.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.redisinfo.info.Info;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The per-shard series, under the names redis_exporter uses, built at scrape time from each shard's
 * latest snapshot.
 *
 * <p>Why a collector and not Micrometer meters: Micrometer's Prometheus registry renames what it
 * does not like ({@code redis_instance_info} would become {@code redis_instance}), and the label
 * sets change between polls ({@code db}, {@code cmd}, {@code role} after a failover). Reading the
 * registry at scrape time gives exactly the contract's names, and a removed shard's series vanish
 * with it: nothing to register or forget.
 *
 * <p>Labels: {@code namespace}, {@code component}, {@code shard}, {@code address} (empty when the
 * shard has no component/namespace), plus {@code db}, {@code cmd}, {@code role}, {@code
 * redis_version} where named. No label holds a key name or an error text. Every shard has {@code
 * redis_up} and {@code redisinfo_poll_interval_seconds}; the INFO series are given only while the
 * last poll succeeded, so a down server shows gaps rather than stale values (as redis_exporter).
 */
public final class RedisShardCollector implements MultiCollector {
  private final ShardRegistry shards;
  private final BooleanSupplier exports;

  /**
   * @param exports whether to export anything now (the leader does; a standby exports nothing, so a
   *     Service scraping both replicas counts each Redis server once)
   */
  public RedisShardCollector(ShardRegistry shards, BooleanSupplier exports) {
    this.shards = shards;
    this.exports = exports;
  }

  public RedisShardCollector(ShardRegistry shards) {
    this(shards, () -> true);
  }

  @Override
  public MetricSnapshots collect() {
    Families f = new Families();
    if (!exports.getAsBoolean()) {
      return f.build();
    }
    List<Shard> sorted = new ArrayList<>(shards.all());
    sorted.sort(Comparator.comparing(Shard::id));
    for (Shard shard : sorted) {
      ShardSnapshot snapshot = shard.snapshot();
      Labels labels = labelsOf(shard.spec());
      f.up.dataPoint(gauge(labels, snapshot.reachable() ? 1 : 0));
      f.pollInterval.dataPoint(gauge(labels, snapshot.pollInterval().toNanos() / 1e9));
      Info info = snapshot.info();
      if (!snapshot.reachable() || info == null) {
        continue;
      }
      gauge(f.uptime, labels, info, "uptime_in_seconds");
      gauge(f.clients, labels, info, "connected_clients");
      gauge(f.blocked, labels, info, "blocked_clients");
      gauge(f.memoryUsed, labels, info, "used_memory");
      gauge(f.memoryMax, labels, info, "maxmemory");
      gauge(f.memoryRss, labels, info, "used_memory_rss");
      gauge(f.fragmentation, labels, info, "mem_fragmentation_ratio");
      gauge(f.systemMemory, labels, info, "total_system_memory");
      gauge(f.masterLastIo, labels, info, "master_last_io_seconds_ago");
      gauge(f.lastSave, labels, info, "rdb_last_save_time");
      gauge(f.clusterEnabled, labels, info, "cluster_enabled");
      counter(f.netInput, labels, info, "total_net_input_bytes");
      counter(f.netOutput, labels, info, "total_net_output_bytes");
      gauge(f.slaves, labels, info, "connected_slaves");
      counter(f.commandsProcessed, labels, info, "total_commands_processed");
      counter(f.hits, labels, info, "keyspace_hits");
      counter(f.misses, labels, info, "keyspace_misses");
      counter(f.evicted, labels, info, "evicted_keys");
      counter(f.expired, labels, info, "expired_keys");
      counter(f.rejected, labels, info, "rejected_connections");
      String link = info.getString("master_link_status");
      if (link != null) {
        f.masterLinkUp.dataPoint(gauge(labels, "up".equals(link) ? 1 : 0));
      }
      String role = info.getString("role");
      String version = info.getString("redis_version");
      if (role != null || version != null) {
        f.instance.dataPoint(
            InfoDataPointSnapshot.builder()
                .labels(labels.add("role", orEmpty(role)).add("redis_version", orEmpty(version)))
                .build());
      }
      Map<String, Object> keyspace = info.sections().getOrDefault("keyspace", Map.of());
      keyspace.forEach(
          (db, value) -> {
            if (db.startsWith("db") && value instanceof Map<?, ?> fields) {
              Double keys = number(fields.get("keys"));
              if (keys != null) {
                f.dbKeys.dataPoint(gauge(labels.add("db", db), keys));
              }
              Double expiring = number(fields.get("expires"));
              if (expiring != null) {
                f.dbKeysExpiring.dataPoint(gauge(labels.add("db", db), expiring));
              }
            }
          });
      if (info.sections().containsKey("keyspace") && !keyspace.containsKey("db0")) {
        // INFO lists only databases with keys; redis_exporter shows empty ones as 0 (it asks
        // CONFIG GET databases, which we do not run): db0, which every client uses, is shown.
        f.dbKeys.dataPoint(gauge(labels.add("db", "db0"), 0));
        f.dbKeysExpiring.dataPoint(gauge(labels.add("db", "db0"), 0));
      }
      info.keys()
          .forEach(
              (key, value) -> {
                if (key.startsWith("cmdstat_") && value instanceof Map<?, ?> fields) {
                  Labels cmd = labels.add("cmd", key.substring("cmdstat_".length()));
                  Double calls = number(fields.get("calls"));
                  Double usec = number(fields.get("usec"));
                  if (calls != null) {
                    f.commands.dataPoint(counter(cmd, calls));
                  }
                  if (usec != null) {
                    f.commandSeconds.dataPoint(counter(cmd, usec / 1e6));
                  }
                }
              });
    }
    return f.build();
  }

  static Labels labelsOf(ShardSpec spec) {
    String namespace = "";
    String component = "";
    if (spec.component() != null) {
      int slash = spec.component().indexOf('/');
      namespace = slash < 0 ? "" : spec.component().substring(0, slash);
      component = spec.component().substring(slash + 1);
    } else if (spec.pod() != null && spec.pod().indexOf('/') > 0) {
      namespace = spec.pod().substring(0, spec.pod().indexOf('/'));
    }
    // "instance" is the Redis server, as with redis_exporter's multi-target scrapes: dashboards'
    // $instance picker and alert texts name the server. Scraped with honor_labels (the
    // ServiceMonitor in deploy/monitoring does), it and "namespace" are kept as they are.
    return Labels.of(
        "namespace",
        namespace,
        "component",
        component,
        "shard",
        spec.id(),
        "address",
        spec.address().toString(),
        "instance",
        spec.address().toString());
  }

  private static void gauge(GaugeSnapshot.Builder family, Labels labels, Info info, String key) {
    Double value = info.getDouble(key);
    if (value != null) {
      family.dataPoint(gauge(labels, value));
    }
  }

  private static void counter(
      CounterSnapshot.Builder family, Labels labels, Info info, String key) {
    Double value = info.getDouble(key);
    if (value != null) {
      family.dataPoint(counter(labels, value));
    }
  }

  private static GaugeDataPointSnapshot gauge(Labels labels, double value) {
    return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
  }

  private static CounterDataPointSnapshot counter(Labels labels, double value) {
    return CounterDataPointSnapshot.builder().labels(labels).value(value).build();
  }

  private static Double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /**
   * One builder per family. Counter names are given without {@code _total} and the info name
   * without {@code _info}: the Prometheus writers add those suffixes.
   */
  private static final class Families {
    final GaugeSnapshot.Builder up = gaugeFamily("redis_up", "1 if the last INFO succeeded");
    final GaugeSnapshot.Builder pollInterval =
        gaugeFamily("redisinfo_poll_interval_seconds", "Current poll interval of the shard");
    final GaugeSnapshot.Builder uptime =
        gaugeFamily("redis_uptime_in_seconds", "uptime_in_seconds from INFO");
    final GaugeSnapshot.Builder clients =
        gaugeFamily("redis_connected_clients", "connected_clients from INFO");
    final GaugeSnapshot.Builder blocked =
        gaugeFamily("redis_blocked_clients", "blocked_clients from INFO");
    final GaugeSnapshot.Builder memoryUsed =
        gaugeFamily("redis_memory_used_bytes", "used_memory from INFO");
    final GaugeSnapshot.Builder memoryMax =
        gaugeFamily("redis_memory_max_bytes", "maxmemory from INFO (0 = no limit)");
    final GaugeSnapshot.Builder memoryRss =
        gaugeFamily("redis_memory_used_rss_bytes", "used_memory_rss from INFO");
    final GaugeSnapshot.Builder fragmentation =
        gaugeFamily("redis_memory_fragmentation_ratio", "mem_fragmentation_ratio from INFO");
    final GaugeSnapshot.Builder systemMemory =
        gaugeFamily("redis_total_system_memory_bytes", "total_system_memory from INFO");
    final GaugeSnapshot.Builder masterLastIo =
        gaugeFamily(
            "redis_master_last_io_seconds_ago", "Replicas: master_last_io_seconds_ago from INFO");
    final GaugeSnapshot.Builder lastSave =
        gaugeFamily("redis_rdb_last_save_timestamp_seconds", "rdb_last_save_time from INFO");
    final GaugeSnapshot.Builder clusterEnabled =
        gaugeFamily("redis_cluster_enabled", "cluster_enabled from INFO");
    final GaugeSnapshot.Builder dbKeysExpiring =
        gaugeFamily("redis_db_keys_expiring", "Keys with an expiry of a database (keyspace)");
    final CounterSnapshot.Builder netInput =
        counterFamily("redis_net_input_bytes", "total_net_input_bytes from INFO");
    final CounterSnapshot.Builder netOutput =
        counterFamily("redis_net_output_bytes", "total_net_output_bytes from INFO");
    final GaugeSnapshot.Builder slaves =
        gaugeFamily("redis_connected_slaves", "connected_slaves from INFO");
    final GaugeSnapshot.Builder masterLinkUp =
        gaugeFamily("redis_master_link_up", "Replicas: 1 if master_link_status is up");
    final GaugeSnapshot.Builder dbKeys =
        gaugeFamily("redis_db_keys", "Keys of a database (keyspace section of INFO)");
    final CounterSnapshot.Builder commandsProcessed =
        counterFamily("redis_commands_processed", "total_commands_processed from INFO");
    final CounterSnapshot.Builder hits = counterFamily("redis_keyspace_hits", "keyspace_hits");
    final CounterSnapshot.Builder misses =
        counterFamily("redis_keyspace_misses", "keyspace_misses");
    final CounterSnapshot.Builder evicted = counterFamily("redis_evicted_keys", "evicted_keys");
    final CounterSnapshot.Builder expired = counterFamily("redis_expired_keys", "expired_keys");
    final CounterSnapshot.Builder rejected =
        counterFamily("redis_rejected_connections", "rejected_connections");
    final CounterSnapshot.Builder commands =
        counterFamily("redis_commands", "Calls of a command (cmdstat_* calls)");
    final CounterSnapshot.Builder commandSeconds =
        counterFamily(
            "redis_commands_duration_seconds", "Time spent in a command (cmdstat_* usec)");
    final InfoSnapshot.Builder instance =
        InfoSnapshot.builder().name("redis_instance").help("Role and version of the server");

    MetricSnapshots build() {
      List<MetricSnapshot> all = new ArrayList<>();
      for (var builder :
          List.of(
              up,
              pollInterval,
              uptime,
              clients,
              blocked,
              memoryUsed,
              memoryMax,
              slaves,
              masterLinkUp,
              dbKeys,
              memoryRss,
              fragmentation,
              systemMemory,
              masterLastIo,
              lastSave,
              clusterEnabled,
              dbKeysExpiring)) {
        add(all, builder.build());
      }
      for (var builder :
          List.of(
              commandsProcessed,
              hits,
              misses,
              evicted,
              expired,
              rejected,
              commands,
              commandSeconds,
              netInput,
              netOutput)) {
        add(all, builder.build());
      }
      add(all, instance.build());
      return new MetricSnapshots(all);
    }

    private static void add(List<MetricSnapshot> all, MetricSnapshot snapshot) {
      if (!snapshot.getDataPoints().isEmpty()) {
        all.add(snapshot);
      }
    }

    private static GaugeSnapshot.Builder gaugeFamily(String name, String help) {
      return GaugeSnapshot.builder().name(name).help(help);
    }

    private static CounterSnapshot.Builder counterFamily(String name, String help) {
      return CounterSnapshot.builder().name(name).help(help);
    }
  }
}
