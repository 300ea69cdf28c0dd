package io.redisinfo.component.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for lists of conditions, following the Kubernetes API conventions. */
public final class Conditions {
  private Conditions() {}

  /**
   * Merges freshly computed conditions into the previous ones. A new condition whose type was
   * present with the same {@code status} keeps the old {@code lastTransitionTime} (the reason,
   * message and generation are taken from the new one): the time says when the status last changed,
   * not when it was last computed. Previous conditions of types not computed now are kept, since
   * another writer may own them. Order: the previous order, then new types.
   *
   * @param previous the conditions before, or null
   * @param current the conditions just computed, their transition time being "now"
   */
  public static List<ComponentCondition> merge(
      List<ComponentCondition> previous, List<ComponentCondition> current) {
    Map<String, ComponentCondition> byType = new LinkedHashMap<>();
    if (previous != null) {
      previous.forEach(c -> byType.put(c.type(), c));
    }
    for (ComponentCondition fresh : current) {
      ComponentCondition old = byType.get(fresh.type());
      if (old != null && old.status().equals(fresh.status())) {
        byType.put(fresh.type(), fresh.withLastTransitionTime(old.lastTransitionTime()));
      } else {
        byType.put(fresh.type(), fresh);
      }
    }
    return List.copyOf(new ArrayList<>(byType.values()));
  }

  /** The condition of {@code type}, or null. */
  public static ComponentCondition find(List<ComponentCondition> conditions, String type) {
    if (conditions == null) {
      return null;
    }
    for (ComponentCondition c : conditions) {
      if (c.type().equals(type)) {
        return c;
      }
    }
    return null;
  }
}
