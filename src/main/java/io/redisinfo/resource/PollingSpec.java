package io.redisinfo.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * {@code spec.polling}: the component's own poll-interval range. The CEL rules compare the two
 * durations at admission; {@link io.redisinfo.component.ComponentParser} checks the same in Java
 * for files read without an API server.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.minInterval) || !has(self.maxInterval)"
            + " || duration(self.minInterval) <= duration(self.maxInterval)",
    message = "polling.minInterval must not be greater than polling.maxInterval")
public class PollingSpec {
  /** Go-style durations: one or more number+unit pairs, e.g. 500ms, 2s, 1m, 1m30s, 1.5s. */
  public static final String DURATION_PATTERN = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$";

  @Pattern(DURATION_PATTERN)
  @Size(max = 32)
  @ValidationRule(
      value = "duration(self) > duration('0s')",
      message = "polling.minInterval must be greater than zero")
  @JsonPropertyDescription(
      "Shortest interval between two INFO polls of a shard, used while its values change"
          + " (Go duration: 500ms, 2s, 1m, 1m30s). Defaults to the operator's --min-interval.")
  private String minInterval;

  @Pattern(DURATION_PATTERN)
  @Size(max = 32)
  @JsonPropertyDescription(
      "Longest interval between two INFO polls of a shard, reached while its values stay still"
          + " (Go duration: 500ms, 2s, 1m, 1m30s). Defaults to the operator's --max-interval.")
  private String maxInterval;

  public PollingSpec() {}

  public PollingSpec(String minInterval, String maxInterval) {
    this.minInterval = minInterval;
    this.maxInterval = maxInterval;
  }

  public String getMinInterval() {
    return minInterval;
  }

  public void setMinInterval(String minInterval) {
    this.minInterval = minInterval;
  }

  public String getMaxInterval() {
    return maxInterval;
  }

  public void setMaxInterval(String maxInterval) {
    this.maxInterval = maxInterval;
  }
}
