package io.redisinfo.advice;

import io.redisinfo.component.AdvisoryTuning;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One component's tuning: its thresholds and the rules it turned off.
 *
 * @param disabled names of rules not evaluated for the component
 */
public record AdvisorySettings(AdvisoryThresholds thresholds, Set<String> disabled) {
  public static final AdvisorySettings DEFAULTS =
      new AdvisorySettings(AdvisoryThresholds.DEFAULTS, Set.of());

  public AdvisorySettings {
    disabled = Set.copyOf(disabled);
  }

  /** The settings a component's {@code spec.advisories} asks for (defaults when unusable). */
  public static AdvisorySettings of(AdvisoryTuning tuning) {
    try {
      return of(tuning.disabled(), tuning.thresholds());
    } catch (IllegalArgumentException e) {
      return DEFAULTS; // the parser reported it: the component is invalid anyway
    }
  }

  /** What is wrong with a {@code spec.advisories}: unknown rules and thresholds, bad values. */
  public static List<String> problems(AdvisoryTuning tuning) {
    try {
      of(tuning.disabled(), tuning.thresholds());
      return List.of();
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage());
    }
  }

  /**
   * Settings from a component's {@code spec.advisories}: rules to disable and threshold overrides
   * by name (see {@link AdvisoryThresholds#NAMES}).
   *
   * @throws IllegalArgumentException naming every unknown rule, unknown threshold and bad value
   */
  public static AdvisorySettings of(Collection<String> disabled, Map<String, ?> overrides) {
    List<String> problems = new ArrayList<>();
    for (String rule : disabled) {
      if (Rules.byName(rule).isEmpty()) {
        problems.add(
            "unknown rule '" + rule + "' in disabled; known: " + String.join(", ", Rules.names()));
      }
    }
    AdvisoryThresholds thresholds = AdvisoryThresholds.DEFAULTS;
    try {
      thresholds = thresholds.withOverrides(overrides);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new AdvisorySettings(thresholds, Set.copyOf(disabled));
  }
}
