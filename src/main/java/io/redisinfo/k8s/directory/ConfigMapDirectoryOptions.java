package io.redisinfo.k8s.directory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * How {@link ConfigMapDirectory} works. Start from {@link #builder()} and change what differs.
 *
 * @param namespaces the watched namespaces (one ConfigMap informer each); empty = all namespaces
 *     (one cluster-wide informer). Entries of other namespaces are not written.
 * @param isLeader asked before every write; false = write nothing (a standby). Fold any other "may
 *     write now" condition into it, e.g. that the directory has been filled after a start.
 * @param meters where {@code redisinfo_directory_writes_total} and friends are registered
 * @param maxDataBytes data size limit of one ConfigMap (keys plus values, bytes); the API server's
 *     is 1 MiB
 * @param batchDelay a change is written this long after it is seen, so that a burst of changes
 *     (e.g. every entry built at start) gives one write per namespace
 * @param resyncPeriod every namespace is compared with its ConfigMap this often (no API call when
 *     they agree), which also makes a new leader write what its predecessor left undone
 * @param minBackoff first wait before retrying a namespace whose write failed or conflicted;
 *     doubled on every further failure
 * @param maxBackoff the longest such wait
 * @param instance the reporting instance of Events (e.g. the pod name)
 * @param onLeftOutChanged told the component key ({@code namespace/component}) whose entry has just
 *     been left out of, or put back into, its ConfigMap; see {@link ConfigMapDirectory#leftOut()}.
 *     Called on the writer's thread: must be quick.
 * @param configMapName the ConfigMap's name in each namespace ({@code redis-directory} by default);
 *     one of that name without our managed-by label is never touched
 */
public record ConfigMapDirectoryOptions(
    Set<String> namespaces,
    BooleanSupplier isLeader,
    MeterRegistry meters,
    int maxDataBytes,
    Duration batchDelay,
    Duration resyncPeriod,
    Duration minBackoff,
    Duration maxBackoff,
    String instance,
    Consumer<String> onLeftOutChanged,
    String configMapName) {
  /** The API server's limit on a ConfigMap's data: 1 MiB. */
  public static final int MAX_CONFIGMAP_DATA_BYTES = 1024 * 1024;

  public ConfigMapDirectoryOptions {
    namespaces = Set.copyOf(Objects.requireNonNull(namespaces, "namespaces"));
    Objects.requireNonNull(isLeader, "isLeader");
    Objects.requireNonNull(meters, "meters");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(onLeftOutChanged, "onLeftOutChanged");
    Objects.requireNonNull(configMapName, "configMapName");
    if (maxDataBytes <= 0 || maxDataBytes > MAX_CONFIGMAP_DATA_BYTES) {
      throw new IllegalArgumentException(
          "maxDataBytes must be 1-" + MAX_CONFIGMAP_DATA_BYTES + ", got " + maxDataBytes);
    }
    requirePositive("batchDelay", batchDelay, true);
    requirePositive("resyncPeriod", resyncPeriod, false);
    requirePositive("minBackoff", minBackoff, false);
    requirePositive("maxBackoff", maxBackoff, false);
    if (maxBackoff.compareTo(minBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff " + maxBackoff + " is shorter than minBackoff " + minBackoff);
    }
  }

  /**
   * All namespaces, always leader, a private meter registry, the 1 MiB limit, 200 ms batching, 30 s
   * resync, retries after 200 ms doubling up to 5 min; change what differs.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Options being put together; {@link #build()} checks them. */
  public static final class Builder {
    private Set<String> namespaces = Set.of();
    private BooleanSupplier isLeader = () -> true;
    private MeterRegistry meters;
    private int maxDataBytes = MAX_CONFIGMAP_DATA_BYTES;
    private Duration batchDelay = Duration.ofMillis(200);
    private Duration resyncPeriod = Duration.ofSeconds(30);
    private Duration minBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofMinutes(5);
    private String instance = "redis-info-operator";
    private Consumer<String> onLeftOutChanged = key -> {};
    private String configMapName = "redis-directory";

    private Builder() {}

    public Builder namespaces(Set<String> value) {
      namespaces = value;
      return this;
    }

    public Builder leader(BooleanSupplier value) {
      isLeader = value;
      return this;
    }

    public Builder meters(MeterRegistry value) {
      meters = value;
      return this;
    }

    public Builder maxDataBytes(int value) {
      maxDataBytes = value;
      return this;
    }

    public Builder timing(
        Duration batch, Duration resync, Duration firstBackoff, Duration longestBackoff) {
      batchDelay = batch;
      resyncPeriod = resync;
      minBackoff = firstBackoff;
      maxBackoff = longestBackoff;
      return this;
    }

    public Builder instance(String value) {
      instance = value;
      return this;
    }

    public Builder leftOutListener(Consumer<String> value) {
      onLeftOutChanged = value;
      return this;
    }

    public Builder configMapName(String value) {
      configMapName = value;
      return this;
    }

    public ConfigMapDirectoryOptions build() {
      return new ConfigMapDirectoryOptions(
          namespaces,
          isLeader,
          meters == null ? new SimpleMeterRegistry() : meters,
          maxDataBytes,
          batchDelay,
          resyncPeriod,
          minBackoff,
          maxBackoff,
          instance,
          onLeftOutChanged,
          configMapName);
    }
  }

  private static void requirePositive(String name, Duration value, boolean zeroAllowed) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || (!zeroAllowed && value.isZero())) {
      throw new IllegalArgumentException(
          name + " must be " + (zeroAllowed ? "zero or more" : "positive") + ", got " + value);
    }
  }
}
