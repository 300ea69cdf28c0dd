package io.redisinfo.component;

import java.util.List;
import java.util.Map;

/**
 * A Kubernetes label selector over the component's pods.
 *
 * @param matchLabels labels a pod must carry with these values
 * @param matchExpressions {@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}
 */
public record PodSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {
  public PodSelector {
    matchLabels = matchLabels == null ? Map.of() : Map.copyOf(matchLabels);
    matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
  }

  public record Requirement(String key, String operator, List<String> values) {
    public Requirement {
      values = values == null ? List.of() : List.copyOf(values);
    }
  }

  /** Whether a pod with {@code labels} is selected. An empty selector selects nothing. */
  public boolean matches(Map<String, String> labels) {
    if (matchLabels.isEmpty() && matchExpressions.isEmpty()) {
      return false;
    }
    Map<String, String> podLabels = labels == null ? Map.of() : labels;
    for (Map.Entry<String, String> e : matchLabels.entrySet()) {
      if (!e.getValue().equals(podLabels.get(e.getKey()))) {
        return false;
      }
    }
    for (Requirement r : matchExpressions) {
      String value = podLabels.get(r.key());
      boolean ok =
          switch (r.operator()) {
            case "In" -> value != null && r.values().contains(value);
            case "NotIn" -> value == null || !r.values().contains(value);
            case "Exists" -> podLabels.containsKey(r.key());
            case "DoesNotExist" -> !podLabels.containsKey(r.key());
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
