package io.redisinfo.shard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live shards, keyed by id. Several sources (ad-hoc addresses, component files, Kubernetes
 * components and pods) each own a set of shards and replace it with {@link #sync}; listeners hear
 * every add, update and removal. Reads are lock-free; changes are serialised.
 */
public final class ShardRegistry {
  private final ConcurrentHashMap<String, Shard> shards = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> idsBySource = new HashMap<>();
  private final Map<String, String> sourceById = new HashMap<>();
  private final List<ShardListener> listeners = new CopyOnWriteArrayList<>();
  private final Duration initialInterval;

  public ShardRegistry(Duration initialInterval) {
    this.initialInterval = initialInterval;
  }

  public void addListener(ShardListener listener) {
    listeners.add(listener);
  }

  public void removeListener(ShardListener listener) {
    listeners.remove(listener);
  }

  public Optional<Shard> get(String id) {
    return Optional.ofNullable(shards.get(id));
  }

  /** A snapshot of the live shards, in no particular order. */
  public Collection<Shard> all() {
    return Collections.unmodifiableCollection(new ArrayList<>(shards.values()));
  }

  public int size() {
    return shards.size();
  }

  /** Adds or updates one shard owned by {@code source}. */
  public synchronized void put(String source, ShardSpec spec) {
    Shard existing = shards.get(spec.id());
    String owner = sourceById.get(spec.id());
    if (owner != null && !owner.equals(source)) {
      idsBySource.getOrDefault(owner, Set.of()).remove(spec.id());
    }
    sourceById.put(spec.id(), source);
    idsBySource.computeIfAbsent(source, s -> new HashSet<>()).add(spec.id());
    if (existing == null) {
      Shard shard = new Shard(spec, ShardSnapshot.initial(initialInterval));
      shards.put(spec.id(), shard);
      listeners.forEach(l -> l.onAdded(shard));
    } else if (!existing.spec().equals(spec)) {
      ShardSpec previous = existing.spec();
      existing.spec(spec);
      listeners.forEach(l -> l.onUpdated(existing, previous));
    }
  }

  /** Removes one shard, whoever owns it. Returns whether it was there. */
  public synchronized boolean remove(String id) {
    Shard removed = shards.remove(id);
    String owner = sourceById.remove(id);
    if (owner != null) {
      idsBySource.getOrDefault(owner, Set.of()).remove(id);
    }
    if (removed != null) {
      listeners.forEach(l -> l.onRemoved(removed));
    }
    return removed != null;
  }

  /**
   * Makes {@code source}'s shards exactly {@code specs}: adds the new, updates the changed, removes
   * those of the source that are no longer listed.
   */
  public synchronized void sync(String source, Collection<ShardSpec> specs) {
    Set<String> wanted = new HashSet<>();
    for (ShardSpec spec : specs) {
      wanted.add(spec.id());
    }
    for (String id : new ArrayList<>(idsBySource.getOrDefault(source, Set.of()))) {
      if (!wanted.contains(id)) {
        remove(id);
      }
    }
    for (ShardSpec spec : specs) {
      put(source, spec);
    }
  }

  /** Removes every shard (used at shutdown). */
  public synchronized void clear() {
    for (String id : new ArrayList<>(shards.keySet())) {
      remove(id);
    }
  }
}
