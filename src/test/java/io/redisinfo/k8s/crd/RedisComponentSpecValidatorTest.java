package io.redisinfo.k8s.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import org.junit.jupiter.api.Test;

class RedisComponentSpecValidatorTest {
  private static RedisComponentSpec byEndpoint() {
    RedisComponentSpec spec = new RedisComponentSpec();
    spec.setEndpoint(new EndpointSpec("redis.shop.svc", 6379));
    return spec;
  }

  @Test
  void minimalSpecsAreValid() {
    assertThat(RedisComponentSpecValidator.problems(byEndpoint())).isEmpty();
    RedisComponentSpec bySelector = new RedisComponentSpec();
    bySelector.setSelector(new LabelSelectorBuilder().addToMatchLabels("app", "redis").build());
    assertThat(RedisComponentSpecValidator.problems(bySelector)).isEmpty();
  }

  @Test
  void missingSpec() {
    assertThat(RedisComponentSpecValidator.problems(null))
        .containsExactly("spec is missing: set spec.endpoint or spec.selector");
  }

  @Test
  void neitherEndpointNorSelector() {
    assertThat(RedisComponentSpecValidator.problems(new RedisComponentSpec()))
        .containsExactly("exactly one of spec.endpoint and spec.selector must be set");
  }

  @Test
  void bothEndpointAndSelector() {
    RedisComponentSpec spec = byEndpoint();
    spec.setSelector(new LabelSelectorBuilder().addToMatchLabels("app", "redis").build());
    assertThat(RedisComponentSpecValidator.problems(spec))
        .containsExactly("exactly one of spec.endpoint and spec.selector must be set");
  }

  @Test
  void portsOutOfRangeAndNegativeDatabase() {
    RedisComponentSpec spec = byEndpoint();
    spec.getEndpoint().setPort(70000);
    spec.setPodPort(0);
    spec.setDatabase(-1);
    assertThat(RedisComponentSpecValidator.problems(spec))
        .containsExactlyInAnyOrder(
            "spec.endpoint.port must be between 1 and 65535, got 70000",
            "spec.podPort must be between 1 and 65535, got 0",
            "spec.database must be 0 or more, got -1");
  }

  @Test
  void databaseAbove15IsAllowed() {
    RedisComponentSpec spec = byEndpoint();
    spec.setDatabase(31);
    assertThat(RedisComponentSpecValidator.problems(spec)).isEmpty();
  }

  @Test
  void endpointWithoutHost() {
    RedisComponentSpec spec = byEndpoint();
    spec.getEndpoint().setHost("");
    assertThat(RedisComponentSpecValidator.problems(spec))
        .containsExactly("spec.endpoint.host is required");
  }

  @Test
  void incompleteSecretRefAndEmptyUsername() {
    RedisComponentSpec spec = byEndpoint();
    spec.setAuth(new AuthSpec("", new SecretKeySelectorSpec("redis-auth", null)));
    assertThat(RedisComponentSpecValidator.problems(spec))
        .containsExactlyInAnyOrder(
            "spec.auth.username must not be empty; omit it for the default user",
            "spec.auth.passwordSecretRef.key is required");
  }

  @Test
  void selectorRequirementWithoutOperator() {
    RedisComponentSpec spec = new RedisComponentSpec();
    spec.setSelector(
        new LabelSelectorBuilder()
            .addNewMatchExpression()
            .withKey("app")
            .endMatchExpression()
            .build());
    assertThat(RedisComponentSpecValidator.problems(spec))
        .containsExactly("spec.selector.matchExpressions entries need a key and an operator");
  }

  @Test
  void badDurations() {
    RedisComponentSpec spec = byEndpoint();
    spec.setPolling(new PollingSpec("1 second", "5x"));
    assertThat(RedisComponentSpecValidator.problems(spec))
        .containsExactlyInAnyOrder(
            "spec.polling.minInterval: '1 second' is not a duration such as 500ms, 2s, 1m or 1m30s",
            "spec.polling.maxInterval: '5x' is not a duration such as 500ms, 2s, 1m or 1m30s");
  }

  @Test
  void minGreaterThanMax() {
    RedisComponentSpec spec = byEndpoint();
    spec.setPolling(new PollingSpec("1m30s", "1m"));
    assertThat(RedisComponentSpecValidator.problems(spec))
        .containsExactly(
            "spec.polling.minInterval (1m30s) must not be greater than spec.polling.maxInterval"
                + " (1m)");
  }

  @Test
  void zeroMinInterval() {
    RedisComponentSpec spec = byEndpoint();
    spec.setPolling(new PollingSpec("0s", null));
    assertThat(RedisComponentSpecValidator.problems(spec))
        .containsExactly("spec.polling.minInterval must be greater than zero");
  }

  @Test
  void equalIntervalsAndOneSidedOverridesAreValid() {
    RedisComponentSpec spec = byEndpoint();
    spec.setPolling(new PollingSpec("2s", "2000ms"));
    assertThat(RedisComponentSpecValidator.problems(spec)).isEmpty();
    spec.setPolling(new PollingSpec(null, "1m"));
    assertThat(RedisComponentSpecValidator.problems(spec)).isEmpty();
  }
}
