package io.redisinfo.k8s.directory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code redisinfo_directory_writes_total{operation}} (ConfigMaps created, updated, deleted),
 * {@code redisinfo_directory_write_failures_total{reason}} ({@code conflict} for a 409, {@code
 * error} for anything else) and {@code redisinfo_directory_entries_left_out} (entries that do not
 * fit in their namespace's ConfigMap).
 */
final class ConfigMapDirectoryMetrics {
  /** A write the API server accepted. */
  enum Operation {
    CREATE,
    UPDATE,
    DELETE
  }

  private final Map<Operation, Counter> writes = new EnumMap<>(Operation.class);
  private final Counter conflicts;
  private final Counter errors;

  ConfigMapDirectoryMetrics(MeterRegistry registry, Supplier<Number> leftOut) {
    for (Operation operation : Operation.values()) {
      writes.put(
          operation,
          Counter.builder("redisinfo.directory.writes")
              .description("Writes of redis-directory ConfigMaps the API server accepted")
              .tag("operation", operation.name().toLowerCase(java.util.Locale.ROOT))
              .register(registry));
    }
    conflicts = failures(registry, "conflict");
    errors = failures(registry, "error");
    Gauge.builder("redisinfo.directory.entries.left.out", leftOut)
        .description("Directory entries not in their namespace's ConfigMap (size limit)")
        .register(registry);
  }

  private static Counter failures(MeterRegistry registry, String reason) {
    return Counter.builder("redisinfo.directory.write.failures")
        .description("Writes of redis-directory ConfigMaps that failed")
        .tag("reason", reason)
        .register(registry);
  }

  void recordWrite(Operation operation) {
    writes.get(operation).increment();
  }

  void recordConflict() {
    conflicts.increment();
  }

  void recordError() {
    errors.increment();
  }
}
