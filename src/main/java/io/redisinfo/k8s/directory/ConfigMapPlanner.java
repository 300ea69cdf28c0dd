package io.redisinfo.k8s.directory;

import io.redisinfo.directory.DirectoryEntry;
import io.redisinfo.directory.DirectoryJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out the entries of one namespace as ConfigMap data: key {@code <component>.json}, value the
 * entry's JSON (as {@link DirectoryJson#write} gives it, the same as the HTTP API). The API server
 * refuses a ConfigMap whose data (keys plus values, in bytes) passes 1 MiB; the entries are taken
 * in order of component name and one that would pass the limit is left out (with a reason), the
 * next ones are still tried. The layout is a function of the entries alone, so equal entries give
 * equal data and nothing to write.
 */
final class ConfigMapPlanner {
  private final DirectoryJson json;
  private final int maxDataBytes;
  private final String configMapName;

  ConfigMapPlanner(DirectoryJson json, int maxDataBytes, String configMapName) {
    this.configMapName = configMapName;
    if (maxDataBytes <= 0) {
      throw new IllegalArgumentException("maxDataBytes must be positive, got " + maxDataBytes);
    }
    this.json = json;
    this.maxDataBytes = maxDataBytes;
  }

  static String keyOf(String component) {
    return component + ".json";
  }

  /**
   * @param entries the entries of one namespace
   */
  ConfigMapPlan plan(Collection<DirectoryEntry> entries) {
    List<DirectoryEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(DirectoryEntry::component));
    Map<String, String> data = new HashMap<>();
    Map<String, String> leftOut = new HashMap<>();
    long used = 0;
    for (DirectoryEntry entry : sorted) {
      String key = keyOf(entry.component());
      String value = json.write(entry);
      long size = bytes(key) + bytes(value);
      if (used + size <= maxDataBytes) {
        data.put(key, value);
        used += size;
      } else {
        leftOut.put(
            entry.key(),
            ("the directory entry (%d bytes) does not fit in ConfigMap %s: %d of its %d bytes are"
                    + " used by other entries")
                .formatted(size, configMapName, used, maxDataBytes));
      }
    }
    return new ConfigMapPlan(data, leftOut);
  }

  private static long bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
