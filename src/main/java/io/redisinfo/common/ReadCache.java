package io.redisinfo.common;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Values read one by one, by key, from a source that must not be asked too often (an API server),
 * and kept: read when first asked for, again all together on {@link #refresh} (each key once,
 * however many ask for it), and again on {@link #recheck} at most once per floor each. Each read
 * says whether the value differs from the last one, so a caller acts on changes only. A value that
 * cannot be read keeps its last read; one never read is asked for again next time.
 */
public final class ReadCache<K, V> {
  /** Reads one value: empty when the key has none (a 404), null when it cannot be read now. */
  @FunctionalInterface
  public interface Reader<K, V> {
    Optional<V> read(K key);
  }

  private final Reader<K, V> reader;
  private final long floorNanos;
  private final LongSupplier nanoTime;
  private final Map<K, Optional<V>> read = new ConcurrentHashMap<>();
  private final Map<K, Long> rechecked = new ConcurrentHashMap<>();

  /**
   * @param floor the shortest time between two {@link #recheck}s of one key
   * @param nanoTime the clock of the floor ({@code System::nanoTime})
   */
  public ReadCache(Reader<K, V> reader, Duration floor, LongSupplier nanoTime) {
    this.reader = reader;
    this.floorNanos = floor.toNanos();
    this.nanoTime = nanoTime;
  }

  /** The value as last read, read now if it never was; null when there is none. */
  public V get(K key) {
    Optional<V> known = read.get(key);
    if (known == null) {
      known = reader.read(key);
      if (known == null) {
        return null;
      }
      read.put(key, known);
    }
    return known.orElse(null);
  }

  /** The value as last read, without reading; empty when none or never read. */
  public Optional<V> last(K key) {
    return read.getOrDefault(key, Optional.empty());
  }

  /**
   * Reads every one of {@code keys} again and forgets every other key.
   *
   * @return whether a value differs from its last read (or appeared or disappeared)
   */
  public boolean refresh(Set<K> keys) {
    read.keySet().retainAll(keys);
    rechecked.keySet().retainAll(keys);
    return reread(keys);
  }

  /**
   * Reads again those of {@code keys} not re-read this way within the floor (a value that keeps
   * failing to work is not read at every failure).
   *
   * @return whether a value differs from its last read
   */
  public boolean recheck(Collection<K> keys) {
    long now = nanoTime.getAsLong();
    Set<K> due = new HashSet<>();
    for (K key : keys) {
      Long last = rechecked.get(key);
      if (last == null || now - last >= floorNanos) {
        due.add(key);
        rechecked.put(key, now);
      }
    }
    return reread(due);
  }

  private boolean reread(Collection<K> keys) {
    boolean differs = false;
    for (K key : keys) {
      Optional<V> now = reader.read(key);
      if (now != null) {
        Optional<V> before = read.put(key, now);
        differs |= !Objects.equals(before, now);
      }
    }
    return differs;
  }
}
