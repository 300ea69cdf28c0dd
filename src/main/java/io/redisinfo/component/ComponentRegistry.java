package io.redisinfo.component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The declared components, valid or not, keyed by {@code namespace/name}. Invalid ones are kept so
 * they can be reported under their name. Sources (component files, the Kubernetes API) replace
 * their own set with {@link #sync} or change one with {@link #put}/{@link #remove}.
 */
public final class ComponentRegistry {
  private final ConcurrentHashMap<String, ParsedComponent> components = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> keysBySource = new HashMap<>();
  private final List<ComponentListener> listeners = new CopyOnWriteArrayList<>();

  public void addListener(ComponentListener listener) {
    listeners.add(listener);
  }

  public Optional<ParsedComponent> get(String key) {
    return Optional.ofNullable(components.get(key));
  }

  public Optional<ParsedComponent> get(String namespace, String name) {
    return get(namespace + "/" + name);
  }

  /** Every component, sorted by key. */
  public List<ParsedComponent> all() {
    List<ParsedComponent> list = new ArrayList<>(components.values());
    list.sort(Comparator.comparing(ParsedComponent::key));
    return list;
  }

  public synchronized void put(String source, ParsedComponent component) {
    String key = component.key();
    if (key == null) {
      throw new IllegalArgumentException("a component without namespace and name has no key");
    }
    keysBySource.computeIfAbsent(source, s -> new HashSet<>()).add(key);
    ParsedComponent previous = components.put(key, component);
    if (!component.equals(previous)) {
      listeners.forEach(l -> l.onChanged(previous, component));
    }
  }

  public synchronized void remove(String source, String key) {
    keysBySource.getOrDefault(source, new HashSet<>()).remove(key);
    ParsedComponent previous = components.remove(key);
    if (previous != null) {
      listeners.forEach(l -> l.onChanged(previous, null));
    }
  }

  /** Makes {@code source}'s components exactly {@code wanted} (those with a key). */
  public synchronized void sync(String source, Collection<ParsedComponent> wanted) {
    Set<String> keys = new HashSet<>();
    for (ParsedComponent c : wanted) {
      if (c.key() != null) {
        keys.add(c.key());
      }
    }
    for (String key : new ArrayList<>(keysBySource.getOrDefault(source, Set.of()))) {
      if (!keys.contains(key)) {
        remove(source, key);
      }
    }
    for (ParsedComponent c : wanted) {
      if (c.key() != null) {
        put(source, c);
      }
    }
  }
}
