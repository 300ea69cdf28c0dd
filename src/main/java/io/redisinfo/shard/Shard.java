package io.redisinfo.shard;

import java.util.Objects;

/**
 * A live shard: its current spec and its latest snapshot. The registry replaces the spec; the
 * poller publishes snapshots. Both are read without locks.
 */
public final class Shard {
  private volatile ShardSpec spec;
  private volatile ShardSnapshot snapshot;

  Shard(ShardSpec spec, ShardSnapshot snapshot) {
    this.spec = Objects.requireNonNull(spec);
    this.snapshot = Objects.requireNonNull(snapshot);
  }

  public String id() {
    return spec.id();
  }

  public ShardSpec spec() {
    return spec;
  }

  public ShardSnapshot snapshot() {
    return snapshot;
  }

  void spec(ShardSpec newSpec) {
    this.spec = newSpec;
  }

  /**
   * This shard as it is now, a copy whose spec and snapshot no longer change: what is computed from
   * several reads of it describes one moment, not a poll that completed half-way through.
   */
  public Shard frozen() {
    return new Shard(spec, snapshot);
  }

  /** Called by the poller only. */
  public void publish(ShardSnapshot newSnapshot) {
    this.snapshot = Objects.requireNonNull(newSnapshot);
  }

  @Override
  public String toString() {
    return "Shard{" + spec.id() + " " + spec.address() + "}";
  }
}
