package io.redisinfo.directory;

import io.redisinfo.component.ComponentListener;
import io.redisinfo.component.ComponentRegistry;
import io.redisinfo.component.ParsedComponent;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardListener;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSpec;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the {@link Directory} in line with the components and their shards. It listens to both
 * registries (a component or its set of pods changed); a change of master found by polling is seen
 * by {@link #refreshAll()}, which the application calls after polls or on a short period (cheap: an
 * unchanged entry is not written and wakes no one). An invalid component has no entry.
 */
public final class DirectoryUpdater implements ComponentListener, ShardListener {
  private final ComponentRegistry components;
  private final ShardRegistry shards;
  private final Directory directory;
  private final DirectoryEntryBuilder builder;

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
      directory.remove(componentKey);
      return;
    }
    directory.update(builder.build(parsed.get().component(), shards.all()));
  }

  /** Rebuilds every entry and removes those of components that are gone. */
  public synchronized void refreshAll() {
    Set<String> keys = new HashSet<>();
    for (ParsedComponent parsed : components.all()) {
      keys.add(parsed.key());
      refresh(parsed.key());
    }
    for (DirectoryEntry entry : directory.all()) {
      if (!keys.contains(entry.key())) {
        directory.remove(entry.key());
      }
    }
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
    if (!java.util.Objects.equals(previous.component(), shard.spec().component())) {
      refreshComponentOf(shard.spec());
    }
  }

  @Override
  public void onRemoved(Shard shard) {
    refreshComponentOf(shard.spec());
  }

  private void refreshComponentOf(ShardSpec spec) {
    if (spec.component() != null) {
      refresh(spec.component());
    }
  }
}
