package io.redisinfo.directory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The directory entries, keyed by {@code namespace/component}. Reads are lock-free; changes are
 * serialised and told to listeners in order.
 *
 * <p>Long-polls ({@link #awaitChange}) hold no thread: a waiter is a future and a timeout task on
 * the one shared timer, so thousands of waiters cost a few hundred bytes each. The futures are
 * completed on the thread that changes the directory or on the timer thread; callers must not block
 * in dependent stages (use the {@code *Async} variants with their own executor for any I/O).
 */
public final class Directory {
  private final ConcurrentHashMap<String, DirectoryEntry> entries = new ConcurrentHashMap<>();
  private final List<DirectoryListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, Set<Waiter>> waitersByKey = new HashMap<>();
  private final ScheduledExecutorService timer;

  /**
   * @param timer ends long-polls; shared, never blocked by the directory. A {@code
   *     ScheduledThreadPoolExecutor} with {@code setRemoveOnCancelPolicy(true)} frees a finished
   *     waiter's task at once.
   */
  public Directory(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  public void addListener(DirectoryListener listener) {
    listeners.add(listener);
  }

  public Optional<DirectoryEntry> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  public Optional<DirectoryEntry> get(String namespace, String component) {
    return get(namespace + "/" + component);
  }

  /** Every entry, sorted by key. */
  public List<DirectoryEntry> all() {
    List<DirectoryEntry> list = new ArrayList<>(entries.values());
    list.sort(Comparator.comparing(DirectoryEntry::key));
    return list;
  }

  public int size() {
    return entries.size();
  }

  /**
   * Adds or replaces an entry (built with its version set). Returns whether the version changed; an
   * entry equal to the current one changes nothing and wakes no one.
   */
  public boolean update(DirectoryEntry entry) {
    Objects.requireNonNull(entry.version(), "entry version");
    List<Waiter> woken;
    synchronized (this) {
      DirectoryEntry previous = entries.get(entry.key());
      if (previous != null && previous.version().equals(entry.version())) {
        return false;
      }
      entries.put(entry.key(), entry);
      listeners.forEach(l -> l.onChanged(entry.key(), previous, entry));
      woken = takeWaiters(entry.key());
    }
    wake(woken, Optional.of(entry));
    return true;
  }

  /** Removes an entry; returns whether it was there. */
  public boolean remove(String key) {
    List<Waiter> woken;
    synchronized (this) {
      DirectoryEntry previous = entries.remove(key);
      if (previous == null) {
        return false;
      }
      listeners.forEach(l -> l.onChanged(key, previous, null));
      woken = takeWaiters(key);
    }
    wake(woken, Optional.empty());
    return true;
  }

  /**
   * Waits, without a thread, until the entry's version differs from {@code knownVersion}. Completes
   * at once when it already differs (a null {@code knownVersion} matches only a missing entry),
   * else at the first change of the entry (update or removal), else when {@code wait} ends.
   * Completes with the entry at that time (empty when there is none); at the end of the wait its
   * version is still {@code knownVersion}. Cancelling the future drops the waiter.
   */
  public CompletableFuture<Optional<DirectoryEntry>> awaitChange(
      String key, String knownVersion, Duration wait) {
    Waiter waiter;
    synchronized (this) {
      DirectoryEntry current = entries.get(key);
      String currentVersion = current == null ? null : current.version();
      if (!Objects.equals(currentVersion, knownVersion) || wait.isZero() || wait.isNegative()) {
        return CompletableFuture.completedFuture(Optional.ofNullable(current));
      }
      waiter = new Waiter(new CompletableFuture<>());
      waitersByKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(waiter);
      waiter.timeout =
          timer.schedule(() -> expire(key, waiter), wait.toNanos(), TimeUnit.NANOSECONDS);
    }
    waiter.future.whenComplete(
        (entry, error) -> {
          if (waiter.future.isCancelled()) {
            drop(key, waiter);
          }
        });
    return waiter.future;
  }

  /** Long-polls currently waiting (all keys). */
  public synchronized int waiting() {
    int count = 0;
    for (Set<Waiter> set : waitersByKey.values()) {
      count += set.size();
    }
    return count;
  }

  private List<Waiter> takeWaiters(String key) {
    Set<Waiter> set = waitersByKey.remove(key);
    return set == null ? List.of() : new ArrayList<>(set);
  }

  private void wake(List<Waiter> woken, Optional<DirectoryEntry> entry) {
    for (Waiter waiter : woken) {
      waiter.timeout.cancel(false);
      waiter.future.complete(entry);
    }
  }

  private void expire(String key, Waiter waiter) {
    if (drop(key, waiter)) {
      waiter.future.complete(Optional.ofNullable(entries.get(key)));
    }
  }

  private synchronized boolean drop(String key, Waiter waiter) {
    Set<Waiter> set = waitersByKey.get(key);
    if (set == null || !set.remove(waiter)) {
      return false;
    }
    if (set.isEmpty()) {
      waitersByKey.remove(key);
    }
    if (waiter.timeout != null) {
      waiter.timeout.cancel(false);
    }
    return true;
  }

  private static final class Waiter {
    final CompletableFuture<Optional<DirectoryEntry>> future;
    ScheduledFuture<?> timeout;

    Waiter(CompletableFuture<Optional<DirectoryEntry>> future) {
      this.future = future;
    }
  }
}
