package io.redisinfo.component;

import java.util.List;
import java.util.Map;

/**
 * {@code spec.advisories}: rules a component turns off and thresholds it overrides, as written. The
 * rule and threshold names are checked by the advice package (see {@code
 * AdvisorySettings.problems}), which the parser is given by the adapter that builds it.
 *
 * @param disabled rule names, e.g. {@code no-maxmemory}
 * @param thresholds threshold name to value, e.g. {@code memoryNearLimitPercent: 80}
 */
public record AdvisoryTuning(List<String> disabled, Map<String, Object> thresholds) {
  public static final AdvisoryTuning NONE = new AdvisoryTuning(List.of(), Map.of());

  public AdvisoryTuning {
    disabled = List.copyOf(disabled);
    thresholds = Map.copyOf(thresholds);
  }
}
