package io.redisinfo.directory;

import io.redisinfo.component.ComponentListener;
import io.redisinfo.component.ComponentRegistry;
import io.redisinfo.component.ParsedComponent;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardListener;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the {@link Directory} in line with the components and their shards. It listens to both
 * registries (a component or its set of pods changed) and to polls ({@link #onPolled}: a change of
 * master or of reachability). An unchanged entry is not written and wakes no one. An invalid
 * component has no entry.
 *
 * <p>{@link #refreshAll()} rebuilds only the entries whose inputs changed since they were built:
 * the component as registered and, for a selector component, the id, spec, role and reachability of
 * each of its shards. With 1000 components it ran every second and rebuilt (and hashed) every
 * entry, each time from a copy of every shard: 24 ms/s of CPU at 1000 components.
 */
public final class DirectoryUpdater implements ComponentListener, ShardListener {
  private final ComponentRegistry components;
  private final ShardRegistry shards;
  private final Directory directory;
  private final DirectoryEntryBuilder builder;

  /** The inputs each entry was last built from (guarded by this). */
  private final Map<String, Inputs> built = new HashMap<>();

  /**
   * Role and reachability of each shard when its component's entry was last refreshed for a poll: a
   * poll that changes neither (nearly all) costs one lookup, on the poll's own thread.
   */
  private final Map<String, PolledState> polled = new java.util.concurrent.ConcurrentHashMap<>();

  private record PolledState(String role, boolean reachable) {}

  /** Entries built so far (guarded by this); shows that an unchanged entry is not rebuilt. */
  private long entriesBuilt;

  /**
   * What an entry is built from: the registered component (compared by identity: a registry
   * replaces it on every change) and, for a selector component, what the builder reads of each of
   * its shards, in id order.
   */
  private record Inputs(ParsedComponent component, List<Object> shardState) {
    boolean sameAs(Inputs other) {
      return other != null && component == other.component && shardState.equals(other.shardState);
    }
  }

  public DirectoryUpdater(
      ComponentRegistry components,
      ShardRegistry shards,
      Directory directory,
      DirectoryEntryBuilder builder) {
    this.components = components;
    this.shards = shards;
    this.directory = directory;
    this.builder = builder;
  }

  /** Registers with both registries and builds every entry. */
  public void attach() {
    components.addListener(this);
    shards.addListener(this);
    refreshAll();
  }

  /**
   * Rebuilds the entry of one component (removes it when the component is gone or invalid).
   * Serialised, so that a slow rebuild cannot overwrite a newer one.
   */
  public synchronized void refresh(String componentKey) {
    Optional<ParsedComponent> parsed = components.get(componentKey);
    if (parsed.isEmpty() || !parsed.get().valid()) {
      built.remove(componentKey);
      directory.remove(componentKey);
      return;
    }
    List<Shard> own = usesShards(parsed.get()) ? shardsOf(componentKey, shards.all()) : List.of();
    // An endpoint component's shard being added (a component file load adds 1000 at once) leaves
    // its entry as it was: rebuilding and re-hashing it was half the directory's share of start-up.
    if (inputsOf(parsed.get(), own).sameAs(built.get(componentKey))
        && directory.get(componentKey).isPresent()) {
      return;
    }
    rebuild(parsed.get(), own);
  }

  /**
   * Rebuilds every entry whose inputs changed (a failover changes a role) and removes those of
   * components that are gone.
   */
  public synchronized void refreshAll() {
    Map<String, List<Shard>> shardsByComponent = new HashMap<>();
    for (Shard shard : shards.allSortedById()) {
      String component = shard.spec().component();
      if (component != null) {
        shardsByComponent.computeIfAbsent(component, c -> new ArrayList<>(2)).add(shard);
      }
    }
    Set<String> keys = new HashSet<>();
    for (ParsedComponent parsed : components.all()) {
      keys.add(parsed.key());
      if (!parsed.valid()) {
        built.remove(parsed.key());
        directory.remove(parsed.key());
        continue;
      }
      List<Shard> own =
          usesShards(parsed) ? shardsByComponent.getOrDefault(parsed.key(), List.of()) : List.of();
      Inputs inputs = inputsOf(parsed, own);
      if (!inputs.sameAs(built.get(parsed.key())) || directory.get(parsed.key()).isEmpty()) {
        rebuild(parsed, own);
      }
    }
    built.keySet().retainAll(keys);
    for (DirectoryEntry entry : directory.all()) {
      if (!keys.contains(entry.key())) {
        directory.remove(entry.key());
      }
    }
  }

  private void rebuild(ParsedComponent parsed, List<Shard> own) {
    Inputs inputs = inputsOf(parsed, own);
    directory.update(builder.build(parsed.component(), own));
    built.put(parsed.key(), inputs);
    entriesBuilt++;
  }

  synchronized long entriesBuilt() {
    return entriesBuilt;
  }

  /** An endpoint component's entry is its spec alone; a selector component's needs its pods. */
  private static boolean usesShards(ParsedComponent parsed) {
    return parsed.component().spec().endpoint() == null;
  }

  private static Inputs inputsOf(ParsedComponent parsed, List<Shard> own) {
    if (own.isEmpty()) {
      return new Inputs(parsed, List.of());
    }
    List<Object> state = new ArrayList<>(own.size() * 3);
    for (Shard shard : own) {
      ShardSnapshot snapshot = shard.snapshot();
      state.add(shard.spec());
      state.add(snapshot.role());
      state.add(snapshot.reachable());
    }
    return new Inputs(parsed, state);
  }

  /** The shards of a component, sorted by id. */
  private static List<Shard> shardsOf(String componentKey, Collection<Shard> all) {
    List<Shard> own = new ArrayList<>(2);
    for (Shard shard : all) {
      if (Objects.equals(componentKey, shard.spec().component())) {
        own.add(shard);
      }
    }
    own.sort(Comparator.comparing(Shard::id));
    return own;
  }

  @Override
  public void onChanged(ParsedComponent previous, ParsedComponent current) {
    refresh(current != null ? current.key() : previous.key());
  }

  @Override
  public void onAdded(Shard shard) {
    refreshComponentOf(shard.spec());
  }

  @Override
  public void onUpdated(Shard shard, ShardSpec previous) {
    refreshComponentOf(previous);
    if (!Objects.equals(previous.component(), shard.spec().component())) {
      refreshComponentOf(shard.spec());
    }
  }

  @Override
  public void onRemoved(Shard shard) {
    polled.remove(shard.id());
    refreshComponentOf(shard.spec());
  }

  /**
   * After each poll of a shard: a new master (failover) or a shard that stopped or started
   * answering changes its component's entry at once. Replaces a rescan of every component each
   * second, which cost an idle operator a wake-up per second (docs/BENCHMARKS.md).
   */
  public void onPolled(Shard shard) {
    String component = shard.spec().component();
    if (component == null) {
      return;
    }
    ShardSnapshot snapshot = shard.snapshot();
    PolledState last = polled.get(shard.id());
    if (last != null
        && last.reachable() == snapshot.reachable()
        && Objects.equals(last.role(), snapshot.role())) {
      return;
    }
    polled.put(shard.id(), new PolledState(snapshot.role(), snapshot.reachable()));
    refresh(component);
  }

  private void refreshComponentOf(ShardSpec spec) {
    if (spec.component() != null) {
      refresh(spec.component());
    }
  }
}
