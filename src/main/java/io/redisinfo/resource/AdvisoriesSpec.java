package io.redisinfo.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;

/** {@code spec.advisories}: per-component tuning of the purpose-aware advisories. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AdvisoriesSpec {
  @JsonPropertyDescription(
      "Rules not evaluated for this component, e.g. [keys-in-use, persistence-on-cache]. The"
          + " rules are listed in docs/ADVISORIES.md and by GET /v1/advisories; an unknown name"
          + " makes the spec invalid.")
  private List<String> disabled;

  @JsonPropertyDescription(
      "Threshold overrides by name: memoryNearLimitPercent, hitRatioMinPercent,"
          + " hitRatioMinLookups, clientsNearMaxPercent, replicaLagSeconds, unsavedSeconds,"
          + " slowForkMillis, fragmentationRatio, fragmentationMinBytes, clientBufferBytes,"
          + " blockedClients, expiringKeysMinPercent, expiryMinKeys, supportedSinceMajor"
          + " (docs/ADVISORIES.md gives each default). Percentages are 0-100.")
  private Map<String, Double> thresholds;

  public List<String> getDisabled() {
    return disabled;
  }

  public void setDisabled(List<String> disabled) {
    this.disabled = disabled;
  }

  public Map<String, Double> getThresholds() {
    return thresholds;
  }

  public void setThresholds(Map<String, Double> thresholds) {
    this.thresholds = thresholds;
  }
}
