package io.redisinfo.component;

import java.util.List;

/**
 * The outcome of reading one component document: the component when valid, else every problem found
 * (each says what to fix). Namespace and name are kept when readable so the invalid component can
 * still be reported under its name.
 */
public record ParsedComponent(
    String namespace, String name, Component component, List<String> problems) {
  public ParsedComponent {
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return component != null;
  }

  /** {@code namespace/name}, or null when the document has no usable name. */
  public String key() {
    return namespace == null || name == null ? null : namespace + "/" + name;
  }
}
