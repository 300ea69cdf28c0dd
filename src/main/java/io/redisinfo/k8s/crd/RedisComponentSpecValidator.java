package io.redisinfo.k8s.crd;

import io.fabric8.kubernetes.api.model.LabelSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a {@link RedisComponentSpec} against the rules the generated CRD schema enforces at
 * admission (required fields, ranges, duration patterns and the CEL rules). Resources that came
 * through the API server already passed them; resources read from files (standalone mode) and the
 * shipped examples did not.
 */
public final class RedisComponentSpecValidator {
  private RedisComponentSpecValidator() {}

  /** Every violated rule, each a message that says what to fix; empty when the spec is valid. */
  public static List<String> problems(RedisComponentSpec spec) {
    List<String> problems = new ArrayList<>();
    if (spec == null) {
      problems.add("spec is missing: set spec.endpoint or spec.selector");
      return problems;
    }
    if ((spec.getEndpoint() == null) == (spec.getSelector() == null)) {
      problems.add("exactly one of spec.endpoint and spec.selector must be set");
    }
    EndpointSpec endpoint = spec.getEndpoint();
    if (endpoint != null) {
      if (endpoint.getHost() == null || endpoint.getHost().isEmpty()) {
        problems.add("spec.endpoint.host is required");
      } else if (endpoint.getHost().length() > 253) {
        problems.add("spec.endpoint.host is longer than 253 characters");
      }
      checkPort(problems, "spec.endpoint.port", endpoint.getPort());
    }
    LabelSelector selector = spec.getSelector();
    if (selector != null && selector.getMatchExpressions() != null) {
      for (var requirement : selector.getMatchExpressions()) {
        if (requirement.getKey() == null || requirement.getOperator() == null) {
          problems.add("spec.selector.matchExpressions entries need a key and an operator");
        }
      }
    }
    checkPort(problems, "spec.podPort", spec.getPodPort());
    if (spec.getDatabase() != null && spec.getDatabase() < 0) {
      problems.add("spec.database must be 0 or more, got " + spec.getDatabase());
    }
    AuthSpec auth = spec.getAuth();
    if (auth != null) {
      if (auth.getUsername() != null && auth.getUsername().isEmpty()) {
        problems.add("spec.auth.username must not be empty; omit it for the default user");
      }
      SecretKeySelectorSpec ref = auth.getPasswordSecretRef();
      if (ref != null) {
        if (ref.getName() == null || ref.getName().isEmpty()) {
          problems.add("spec.auth.passwordSecretRef.name is required");
        }
        if (ref.getKey() == null || ref.getKey().isEmpty()) {
          problems.add("spec.auth.passwordSecretRef.key is required");
        }
      }
    }
    if (spec.getPolling() != null) {
      checkPolling(problems, spec.getPolling());
    }
    return problems;
  }

  private static void checkPort(List<String> problems, String field, Integer port) {
    if (port != null && (port < 1 || port > 65535)) {
      problems.add(field + " must be between 1 and 65535, got " + port);
    }
  }

  private static void checkPolling(List<String> problems, PollingSpec polling) {
    Duration min = duration(problems, "spec.polling.minInterval", polling.getMinInterval());
    Duration max = duration(problems, "spec.polling.maxInterval", polling.getMaxInterval());
    if (min != null && min.isZero()) {
      problems.add("spec.polling.minInterval must be greater than zero");
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      problems.add(
          "spec.polling.minInterval ("
              + polling.getMinInterval()
              + ") must not be greater than spec.polling.maxInterval ("
              + polling.getMaxInterval()
              + ")");
    }
  }

  private static Duration duration(List<String> problems, String field, String text) {
    if (text == null) {
      return null;
    }
    try {
      return GoDurations.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add(field + ": " + e.getMessage());
      return null;
    }
  }
}
