package io.redisinfo.k8s.directory;

import java.util.Map;

/**
 * What the {@code redis-directory} ConfigMap of one namespace should hold.
 *
 * @param data {@code <component>.json} to the entry's JSON, for every entry that fits; empty when
 *     the namespace has no entry (then the ConfigMap is deleted)
 * @param leftOut component key ({@code namespace/component}) to the reason its entry is not in the
 *     ConfigMap (it would pass the size limit)
 */
public record ConfigMapPlan(Map<String, String> data, Map<String, String> leftOut) {
  public ConfigMapPlan {
    data = Map.copyOf(data);
    leftOut = Map.copyOf(leftOut);
  }
}
