package io.redisinfo.advice;

import java.util.List;

/**
 * What is known of one component's advice now.
 *
 * @param active the active advisories, worst first
 * @param unknownRules rules that apply but that some shard's INFO lacks fields for (an older
 *     server): not judged, so their silence says nothing
 */
public record ComponentAdvisories(List<Advisory> active, List<String> unknownRules) {
  public static final ComponentAdvisories NONE = new ComponentAdvisories(List.of(), List.of());

  public ComponentAdvisories {
    active = List.copyOf(active);
    unknownRules = List.copyOf(unknownRules);
  }
}
