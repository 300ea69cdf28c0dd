package io.redisinfo.shard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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

  /**
   * Counts adds and removals; written under this registry's lock (after the map changed), read
   * without it. The sorted list is cached together with the version it was built at.
   */
  private volatile long membershipVersion;

  private record Sorted(long version, List<Shard> shards) {}

  private volatile Sorted sortedById;

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

  /**
   * The live shards sorted by id, immutable; built once per change of the set of shards rather than
   * per reader (the HTTP API lists all of them in this order, up to thousands of times a second).
   */
  public List<Shard> allSortedById() {
    // Never takes this registry's lock: listeners run under it (sync, put) and may wait for a
    // thread that is reading here (DirectoryUpdater.refreshAll did, and the two deadlocked).
    long version = membershipVersion;
    Sorted cached = sortedById;
    if (cached != null && cached.version() == version) {
      return cached.shards();
    }
    // The version is read before the copy: a change racing with the copy bumps the version after
    // changing the map, so a list that may have missed it is cached under an older version and is
    // never served again.
    List<Shard> copy = new ArrayList<>(shards.values());
    copy.sort(Comparator.comparing(Shard::id));
    List<Shard> sorted = Collections.unmodifiableList(copy);
    sortedById = new Sorted(version, sorted);
    return sorted;
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
      membershipChanged();
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
    if (removed != null) {
      membershipChanged();
    }
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

  private void membershipChanged() {
    membershipVersion = membershipVersion + 1; // only under this registry's lock
  }

  /** Removes every shard (used at shutdown). */
  public synchronized void clear() {
    for (String id : new ArrayList<>(shards.keySet())) {
      remove(id);
    }
  }
}
