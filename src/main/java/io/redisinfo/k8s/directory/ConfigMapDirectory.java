package io.redisinfo.k8s.directory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.lettuce.core.resource.Delay;
import io.redisinfo.directory.Directory;
import io.redisinfo.directory.DirectoryEntry;
import io.redisinfo.directory.DirectoryJson;
import io.redisinfo.k8s.directory.ConfigMapWriter.Outcome;
import io.redisinfo.k8s.directory.ConfigMapWriter.Result;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Mirrors the {@link Directory} into one ConfigMap {@value #NAME} per namespace that has entries
 * (label {@value #MANAGED_BY}: {@value #MANAGED_BY_VALUE}), one key {@code <component>.json} per
 * component holding the entry's JSON ({@link DirectoryJson#write}, as served by {@code GET
 * /v1/directory/{ns}/{component}}; never a password).
 *
 * <ul>
 *   <li><b>Only real changes are written.</b> The wanted data is compared with the ConfigMap as
 *       last seen (the informer's copy, or the server's answer to our own write); a write happens
 *       only when they differ, at most one per namespace per batch. Our own writes therefore come
 *       back through the informer as "no difference" and cause no further write.
 *   <li><b>Drift is repaired.</b> An informer on ConfigMaps {@value #NAME} with the label (in each
 *       watched namespace, or in all) sees edits and deletions and the wanted data is written
 *       again. Keys of removed components are removed; a namespace left without entries has its
 *       ConfigMap deleted.
 *   <li><b>Size limit.</b> The API server refuses ConfigMap data over 1 MiB. Entries are taken in
 *       order of component name; one that would pass the limit is left out of the ConfigMap (the
 *       others are written), a Warning Event {@value #LEFT_OUT_REASON} is recorded on its
 *       RedisComponent and {@link #leftOut()} names it, so that the reconciler can set {@code
 *       Ready=False} with that reason. Nothing is retried for it: it is put in as soon as it fits.
 *   <li><b>Leader only.</b> {@code options.isLeader()} is asked before every write; a standby
 *       writes nothing. Call {@link #syncAll()} when leadership is gained (the periodic resync does
 *       it too).
 *   <li><b>Conflicts and failures.</b> Updates are a PUT carrying the {@code resourceVersion} that
 *       was compared, so a concurrent edit gives 409; the ConfigMap is then read again and the
 *       namespace retried after a backoff (doubling from {@code minBackoff} to {@code maxBackoff}),
 *       as after any other failure: a failing namespace never spins.
 * </ul>
 *
 * <p>Wiring (operator mode), once the directory reflects the cluster (the inventory's informers
 * have synced and {@code DirectoryUpdater.attach()} ran), so that a restart does not delete
 * ConfigMaps whose entries are merely not rebuilt yet:
 *
 * <pre>{@code
 * ConfigMapDirectory configMaps =
 *     new ConfigMapDirectory(client, directory, new DirectoryJson(),
 *         ConfigMapDirectoryOptions.builder()
 *             .namespaces(watchedNamespaces)          // empty = all
 *             .leader(() -> isLeader)                 // e.g. set by JOSDK LeaderCallbacks
 *             .meters(prometheusRegistry)
 *             .instance(podName)
 *             .build());
 * configMaps.start();
 * // on gaining leadership: configMaps.syncAll();  in the reconciler: configMaps.leftOut()
 * // at shutdown: configMaps.close();
 * }</pre>
 *
 * <p>All API calls are made on one thread of its own; directory and informer notifications only
 * mark a namespace to be looked at.
 */
public final class ConfigMapDirectory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigMapDirectory.class);

  /** The ConfigMap's default name ({@code --directory-configmap}). */
  public static final String NAME = "redis-directory";

  /** Reason of the Event on components whose namespace has a ConfigMap of that name not ours. */
  public static final String NOT_OWNED_REASON = "DirectoryConfigMapNotOwned";

  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_VALUE = "redis-info-operator";

  /** Reason of the Event (and suggested {@code Ready=False} reason) of a left-out entry. */
  public static final String LEFT_OUT_REASON = "DirectoryEntryTooLarge";

  private final KubernetesClient client;
  private final Directory directory;
  private final ConfigMapDirectoryOptions options;
  private final ConfigMapPlanner planner;
  private final ConfigMapDirectoryMetrics metrics;
  private final ConfigMapWriter writer;
  private final LeftOutEvents events;

  /** The ConfigMap of each namespace as last seen (informer or our own write); absent = none. */
  private final Map<String, ConfigMap> known = new ConcurrentHashMap<>();

  private final Set<String> dirty = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final Map<String, String> leftOut = new ConcurrentHashMap<>();
  private final Map<String, String> notOwned = new ConcurrentHashMap<>();
  private final ResourceEventHandler<ConfigMap> handler = new InformerHandler();
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean closed;

  // Touched on the writer thread only.
  private final Map<String, Backoff> backoffs = new HashMap<>();

  /** Lettuce's exponential delay with equal jitter: min, then doubling up to max. */
  private final Delay retryDelay;

  private final ScheduledExecutorService executor;

  public ConfigMapDirectory(
      KubernetesClient client,
      Directory directory,
      DirectoryJson json,
      ConfigMapDirectoryOptions options) {
    this.client = client;
    this.directory = directory;
    this.options = options;
    this.planner = new ConfigMapPlanner(json, options.maxDataBytes(), options.configMapName());
    this.metrics = new ConfigMapDirectoryMetrics(options.meters(), leftOut::size);
    this.writer = new ConfigMapWriter(client, metrics, options.configMapName());
    this.events = new LeftOutEvents(client, Clock.systemUTC(), options.instance());
    this.retryDelay =
        Delay.equalJitter(
            options.minBackoff(),
            options.maxBackoff(),
            options.minBackoff().toNanos(),
            TimeUnit.NANOSECONDS);
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "redis-directory-configmaps");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * What to observe: the ConfigMaps named {@code configMapName} with our label, in the namespaces
   * given; the controller registers the returned handler on its informer of them.
   */
  public ResourceEventHandler<ConfigMap> observer() {
    return handler;
  }

  /**
   * Starts writing, from the ConfigMaps the controller's informer has listed: listens to the
   * directory and brings every namespace in line. Call it once the directory reflects the cluster:
   * an empty directory would mean deleting every directory ConfigMap.
   *
   * @throws IllegalStateException when called twice
   */
  public void start(java.util.stream.Stream<ConfigMap> listed) {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("ConfigMapDirectory already started");
    }
    listed
        .filter(c -> options.configMapName().equals(c.getMetadata().getName()))
        .forEach(c -> known.putIfAbsent(c.getMetadata().getNamespace(), c));
    directory.addListener(
        (key, previous, current) ->
            markDirty(current != null ? current.namespace() : previous.namespace()));
    syncAll();
    long resync = options.resyncPeriod().toMillis();
    executor.scheduleWithFixedDelay(this::syncAll, resync, resync, TimeUnit.MILLISECONDS);
  }

  /** Looks at every namespace again: those with entries and those with a ConfigMap. */
  public void syncAll() {
    if (!started.get()) {
      return; // start() syncs everything once the directory reflects the cluster
    }
    Set<String> namespaces = new HashSet<>(known.keySet());
    for (DirectoryEntry entry : directory.all()) {
      namespaces.add(entry.namespace());
    }
    namespaces.forEach(this::markDirty);
  }

  /**
   * Component keys ({@code namespace/component}) whose entry is not in its ConfigMap because it
   * would pass the size limit, each with a message saying so. The reconciler can report them as
   * {@code Ready=False}, reason {@value #LEFT_OUT_REASON}.
   */
  public Map<String, String> leftOut() {
    return Map.copyOf(leftOut);
  }

  /** Stops the informers and the writer thread; a write under way is finished first. */
  @Override
  public void close() {
    closed = true;
    executor.shutdown();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Test hook: returns once everything scheduled so far (the batch included) has run. */
  void flush() throws Exception {
    executor.schedule(() -> {}, options.batchDelay().toNanos(), TimeUnit.NANOSECONDS).get();
  }

  /** Test hook: the ConfigMap of {@code namespace} as last seen, or null. */
  ConfigMap known(String namespace) {
    return known.get(namespace);
  }

  private boolean watched(String namespace) {
    return options.namespaces().isEmpty() || options.namespaces().contains(namespace);
  }

  private void markDirty(String namespace) {
    if (closed || !watched(namespace)) {
      return;
    }
    dirty.add(namespace);
    scheduleDrain(options.batchDelay().toNanos());
  }

  private void scheduleDrain(long delayNanos) {
    if (!closed && drainScheduled.compareAndSet(false, true)) {
      executor.schedule(this::drain, delayNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void drain() {
    drainScheduled.set(false);
    syncDirty();
  }

  /**
   * Syncs every dirty namespace that is not backing off; runs on the writer thread. A namespace
   * that fails gets one retry task after its backoff, a task of its own so that it never holds back
   * the batch of a change that comes meanwhile.
   */
  private void syncDirty() {
    if (closed) {
      return;
    }
    Map<String, List<DirectoryEntry>> byNamespace = new HashMap<>();
    for (DirectoryEntry entry : directory.all()) {
      byNamespace.computeIfAbsent(entry.namespace(), ns -> new ArrayList<>()).add(entry);
    }
    long now = System.nanoTime();
    for (String namespace : List.copyOf(dirty)) {
      Backoff backoff = backoffs.get(namespace);
      if (backoff != null && backoff.notBefore - now > 0) {
        continue; // its retry is already scheduled
      }
      dirty.remove(namespace);
      if (sync(namespace, byNamespace.getOrDefault(namespace, List.of()))) {
        backoffs.remove(namespace);
      } else {
        dirty.add(namespace);
        Backoff failed = backoffs.computeIfAbsent(namespace, ns -> new Backoff());
        long wait = failed.fail(retryDelay);
        executor.schedule(this::syncDirty, wait, TimeUnit.NANOSECONDS);
      }
    }
  }

  /** Brings one namespace in line; false when it must be retried later. */
  private boolean sync(String namespace, List<DirectoryEntry> entries) {
    try {
      ConfigMapPlan plan = planner.plan(entries);
      boolean leader = options.isLeader().getAsBoolean();
      trackLeftOut(namespace, plan, leader);
      if (!leader) {
        return true;
      }
      Outcome outcome = writer.write(namespace, plan, known.get(namespace));
      if (outcome.result() == Result.NOT_OURS) {
        notOwned(namespace, entries);
        return true; // looked at again at the next resync, not retried in a loop
      }
      owned(namespace);
      remember(namespace, outcome.current());
      if (outcome.result() == Result.CONFLICT) {
        LOG.debug("ConfigMap {}/{} changed under us; retrying", namespace, options.configMapName());
        return false;
      }
      if (outcome.result() == Result.WRITTEN) {
        LOG.debug(
            "wrote ConfigMap {}/{} ({} entries)",
            namespace,
            options.configMapName(),
            plan.data().size());
      }
      return true;
    } catch (RuntimeException e) {
      // Warned once per stretch of failures; the retries are logged at debug level.
      Backoff backoff = backoffs.get(namespace);
      LOG.atLevel(backoff == null || backoff.failures == 0 ? Level.WARN : Level.DEBUG)
          .log(
              "cannot write ConfigMap {}/{}: {}",
              namespace,
              options.configMapName(),
              e.getMessage());
      return false;
    }
  }

  /**
   * A ConfigMap of our name that we did not create (no managed-by label) is someone else's: never
   * written, adopted or deleted. Each of the namespace's components gets a Warning Event once (and
   * {@link #notOwned()} names the namespace, for a condition), until the name is free or the label
   * is added by its owner.
   */
  private void notOwned(String namespace, List<DirectoryEntry> entries) {
    String message =
        ("ConfigMap %s/%s exists but was not created by redis-info-operator (no label %s=%s), so"
                + " the directory is not published there. Rename or remove it, add the label to"
                + " hand it over, or choose another name with --directory-configmap.")
            .formatted(namespace, options.configMapName(), MANAGED_BY, MANAGED_BY_VALUE);
    if (notOwned.put(namespace, message) == null) {
      LOG.warn(message);
      for (DirectoryEntry entry : entries) {
        events.notOwned(entry.key(), message);
        tell(entry.key());
      }
    }
  }

  private void owned(String namespace) {
    if (notOwned.remove(namespace) != null) {
      LOG.info(
          "ConfigMap {}/{} is free or ours again: the directory is published there",
          namespace,
          options.configMapName());
      for (DirectoryEntry entry : directory.all()) {
        if (entry.namespace().equals(namespace)) {
          events.owned(entry.key());
          tell(entry.key());
        }
      }
    }
  }

  public String configMapName() {
    return options.configMapName();
  }

  /**
   * Namespaces whose ConfigMap of our name belongs to someone else, with the message saying so (for
   * a condition on their components).
   */
  public Map<String, String> notOwned() {
    return Map.copyOf(notOwned);
  }

  private void trackLeftOut(String namespace, ConfigMapPlan plan, boolean leader) {
    String prefix = namespace + "/";
    for (String key : List.copyOf(leftOut.keySet())) {
      if (key.startsWith(prefix) && !plan.leftOut().containsKey(key)) {
        leftOut.remove(key);
        events.fits(key);
        tell(key);
      }
    }
    plan.leftOut()
        .forEach(
            (key, message) -> {
              if (!message.equals(leftOut.put(key, message))) {
                tell(key);
              }
              if (leader) {
                events.leftOut(key, message);
              }
            });
  }

  private void tell(String componentKey) {
    try {
      options.onLeftOutChanged().accept(componentKey);
    } catch (RuntimeException e) {
      LOG.warn("left-out listener failed for {}: {}", componentKey, e.toString());
    }
  }

  private void remember(String namespace, ConfigMap current) {
    if (current == null) {
      known.remove(namespace);
    } else {
      known.put(namespace, current);
    }
  }

  /** Keeps {@link #known} up to date and looks at the namespace again after any change. */
  private final class InformerHandler implements ResourceEventHandler<ConfigMap> {
    @Override
    public void onAdd(ConfigMap configMap) {
      seen(configMap, false);
    }

    @Override
    public void onUpdate(ConfigMap previous, ConfigMap current) {
      seen(current, false);
    }

    @Override
    public void onDelete(ConfigMap configMap, boolean deletedFinalStateUnknown) {
      seen(configMap, true);
    }

    private void seen(ConfigMap configMap, boolean deleted) {
      if (!options.configMapName().equals(configMap.getMetadata().getName())) {
        return;
      }
      String namespace = configMap.getMetadata().getNamespace();
      if (deleted) {
        known.remove(namespace);
      } else {
        known.put(namespace, configMap);
      }
      if (started.get()) {
        markDirty(namespace);
      }
    }
  }

  /** A namespace's failed attempts in a row, and when it may be tried again. */
  private static final class Backoff {
    int failures;
    long notBefore;

    /** Records a failure; returns the wait before the next attempt, in nanoseconds. */
    long fail(Delay delay) {
      failures++;
      long wait = delay.createDelay(failures).toNanos();
      notBefore = System.nanoTime() + wait;
      return wait;
    }
  }
}
