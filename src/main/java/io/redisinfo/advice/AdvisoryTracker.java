package io.redisinfo.advice;

import io.redisinfo.component.Component;
import io.redisinfo.component.ComponentListener;
import io.redisinfo.component.ComponentRegistry;
import io.redisinfo.component.ParsedComponent;
import io.redisinfo.info.Info;
import io.redisinfo.poll.PollObserver;
import io.redisinfo.shard.FailureKind;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardListener;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current advisories of every component. After each poll of a component's shard it evaluates
 * the component's rules over its shards' latest and previous INFO, and passes the result through
 * {@link Hysteresis}. Hook it up as the poller's observer and as a listener of both registries
 * ({@link #attach}); others hear of advisories starting and clearing through {@link #addListener}.
 */
public final class AdvisoryTracker implements PollObserver, ShardListener, ComponentListener {
  private static final Logger LOG = LoggerFactory.getLogger(AdvisoryTracker.class);

  private final ComponentRegistry components;
  private final ShardRegistry shards;
  private final AdvisoryEvaluator evaluator;
  private final Hysteresis hysteresis;
  private final Clock clock;
  private final Function<Component, AdvisorySettings> settings;
  private final Set<String> previousKeys;
  private final Map<String, ShardHistory> histories = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> shardsByComponent = new ConcurrentHashMap<>();
  private final Map<String, ComponentAdvice> advice = new ConcurrentHashMap<>();
  private final Map<String, List<String>> unknownRules = new ConcurrentHashMap<>();
  private final List<AdvisoryListener> listeners = new CopyOnWriteArrayList<>();

  /** Each component's settings, with the component they were parsed from. */
  private final Map<String, Tuned> tuned = new ConcurrentHashMap<>();

  private record Tuned(Component component, AdvisorySettings settings) {}

  private static final Comparator<ShardInfo> BY_ID = Comparator.comparing(ShardInfo::id);
  private final AdvisoryListener fanOut = new FanOut();

  /**
   * @param settings each component's thresholds and disabled rules (its {@code spec.advisories})
   */
  public AdvisoryTracker(
      ComponentRegistry components,
      ShardRegistry shards,
      AdvisoryEvaluator evaluator,
      Hysteresis hysteresis,
      Clock clock,
      Function<Component, AdvisorySettings> settings) {
    this.components = Objects.requireNonNull(components);
    this.shards = Objects.requireNonNull(shards);
    this.evaluator = Objects.requireNonNull(evaluator);
    this.hysteresis = Objects.requireNonNull(hysteresis);
    this.clock = Objects.requireNonNull(clock);
    this.settings = Objects.requireNonNull(settings);
    this.previousKeys = evaluator.previousKeys();
  }

  /** Every rule, default hysteresis and thresholds, the system clock. */
  public AdvisoryTracker(ComponentRegistry components, ShardRegistry shards) {
    this(
        components,
        shards,
        new AdvisoryEvaluator(),
        Hysteresis.DEFAULT,
        Clock.systemUTC(),
        c -> AdvisorySettings.of(c.spec().advisories()));
  }

  /** Listens to both registries (shards already there are taken in). Returns this. */
  public AdvisoryTracker attach() {
    shards.addListener(this);
    components.addListener(this);
    for (Shard shard : shards.all()) {
      onAdded(shard);
    }
    return this;
  }

  public void addListener(AdvisoryListener listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  public void removeListener(AdvisoryListener listener) {
    listeners.remove(listener);
  }

  /** The active advisories of one component ({@code namespace/name}), worst first. */
  public List<Advisory> advisories(String component) {
    ComponentAdvice a = advice.get(component);
    if (a == null) {
      return List.of();
    }
    synchronized (a) {
      return a.active();
    }
  }

  /**
   * Whether the component has been judged long enough for its advisories to mean something: every
   * shard evaluated as often as an advisory needs to start. Until then (a start, a restart) an
   * empty list may only mean "not yet", and what was shown before should stand.
   */
  public boolean settled(String component) {
    ComponentAdvice a = advice.get(component);
    if (a == null) {
      return false;
    }
    int shardCount = Math.max(1, shardsByComponent.getOrDefault(component, Set.of()).size());
    synchronized (a) {
      return a.evaluations() >= hysteresis.startAfter() * shardCount;
    }
  }

  /** One component's active advisories and the rules it could not be judged by. */
  public ComponentAdvisories of(String component) {
    return new ComponentAdvisories(
        advisories(component), unknownRules.getOrDefault(component, List.of()));
  }

  /** Every component with active advisories, by key; each list worst first. */
  public Map<String, List<Advisory>> all() {
    Map<String, List<Advisory>> all = new TreeMap<>();
    for (String component : advice.keySet()) {
      List<Advisory> active = advisories(component);
      if (!active.isEmpty()) {
        all.put(component, active);
      }
    }
    return all;
  }

  @Override
  public void onPoll(Shard shard, FailureKind error, Duration duration) {
    try {
      ShardHistory history = histories.get(shard.id());
      String component = shard.spec().component();
      if (history == null || component == null) {
        return;
      }
      ShardSnapshot snapshot = shard.snapshot();
      if (error != null || !snapshot.reachable() || snapshot.info() == null) {
        history.unreachable();
        return; // nothing new is known: advisories neither start nor clear
      }
      history.record(snapshot.info(), previousKeys, evaluator);
      evaluate(component, shard.id());
    } catch (RuntimeException e) {
      LOG.warn("advisories of shard {} not evaluated", shard.id(), e);
    }
  }

  private void evaluate(String componentKey, String polledShard) {
    Optional<ParsedComponent> parsed = components.get(componentKey);
    if (parsed.isEmpty() || !parsed.get().valid()) {
      return;
    }
    Component component = parsed.get().component();
    Set<String> ids = shardsByComponent.getOrDefault(componentKey, Set.of());
    List<ShardInfo> infos = new ArrayList<>(ids.size());
    List<Set<String>> lacking = null;
    for (String id : ids) {
      ShardHistory history = histories.get(id);
      if (history == null || !history.polled()) {
        return; // judge a component only once each of its shards has been polled (roles known)
      }
      ShardInfo info = history.info(id);
      if (info != null) {
        infos.add(info);
        Set<String> lacks = history.lacking();
        if (!lacks.isEmpty()) {
          lacking = lacking == null ? new ArrayList<>(1) : lacking;
          lacking.add(lacks);
        }
      }
    }
    if (infos.size() > 1) {
      infos.sort(BY_ID);
    }
    AdvisorySettings componentSettings = settingsOf(componentKey, component);
    List<String> unknown =
        lacking == null
            ? List.of()
            : evaluator.unknownRulesOf(component.spec().purpose(), lacking, componentSettings);
    Instant now = clock.instant();
    List<Advisory> found =
        evaluator.evaluate(component.spec().purpose(), infos, ids.size(), componentSettings, now);
    ComponentAdvice state = advice.get(componentKey);
    if (state == null) {
      state =
          advice.computeIfAbsent(
              componentKey, k -> new ComponentAdvice(k, hysteresis, evaluator.eventRules()));
    }
    synchronized (state) {
      // Removals lock the state too: one that came while we judged has the last word, else a
      // removed component or shard could get its advisories back from this stale evaluation.
      ParsedComponent current = components.get(componentKey).orElse(null);
      if (current == null
          || (current != parsed.get() && !current.equals(parsed.get()))
          || !histories.containsKey(polledShard)) {
        if (state.isEmpty() && current == null) {
          advice.remove(componentKey, state);
        }
        return;
      }
      if (!unknown.equals(unknownRules.get(componentKey))) {
        unknownRules.put(componentKey, unknown);
      }
      state.update(found, new ComponentOrShard(polledShard), now, fanOut);
    }
  }

  /** The component's settings, parsed again only when the component changed. */
  private AdvisorySettings settingsOf(String key, Component component) {
    Tuned known = tuned.get(key);
    if (known != null && known.component() == component) {
      return known.settings();
    }
    AdvisorySettings parsed = settings.apply(component);
    tuned.put(key, new Tuned(component, parsed));
    return parsed;
  }

  @Override
  public void onAdded(Shard shard) {
    histories.putIfAbsent(shard.id(), new ShardHistory());
    index(shard.spec(), true);
  }

  @Override
  public void onUpdated(Shard shard, ShardSpec previous) {
    if (!Objects.equals(previous.component(), shard.spec().component())) {
      index(previous, false);
      forgetShard(previous.component(), shard.id());
      index(shard.spec(), true);
    }
  }

  @Override
  public void onRemoved(Shard shard) {
    histories.remove(shard.id());
    index(shard.spec(), false);
    forgetShard(shard.spec().component(), shard.id());
  }

  @Override
  public void onChanged(ParsedComponent previous, ParsedComponent current) {
    String key = current != null ? current.key() : previous.key();
    if (current == null) {
      unknownRules.remove(key);
    }
    tuned.remove(key);
    ComponentAdvice state = advice.get(key);
    if (state == null) {
      return;
    }
    synchronized (state) {
      if (current == null || !current.valid()) {
        state.clearNow(a -> true, fanOut);
      } else {
        Component c = current.component();
        AdvisorySettings s = settings.apply(c);
        // A rule turned off or a purpose changed: do not wait for the hysteresis to withdraw.
        state.clearNow(
            a ->
                s.disabled().contains(a.rule())
                    || !SeverityTable.severity(a.rule(), c.spec().purpose())
                        .equals(Optional.of(a.severity())),
            fanOut);
      }
    }
    if (current == null) {
      advice.remove(key, state);
    }
  }

  private void index(ShardSpec spec, boolean add) {
    if (spec.component() == null) {
      return;
    }
    if (add) {
      shardsByComponent
          .computeIfAbsent(spec.component(), k -> ConcurrentHashMap.newKeySet())
          .add(spec.id());
    } else {
      shardsByComponent.computeIfPresent(
          spec.component(),
          (k, ids) -> {
            ids.remove(spec.id());
            return ids.isEmpty() ? null : ids;
          });
    }
  }

  private void forgetShard(String component, String shardId) {
    ComponentAdvice state = component == null ? null : advice.get(component);
    if (state != null) {
      synchronized (state) {
        state.clearNow(a -> shardId.equals(a.shard()), fanOut);
      }
    }
  }

  /**
   * A shard's last two good INFOs, whether its last poll succeeded, and the rules its INFO lacks
   * keys for (worked out again only when the keys change, which is rare).
   */
  private static final class ShardHistory {
    private Info previous;
    private Info current;
    private boolean reachable;
    private boolean polled;
    private Set<String> lacking = Set.of();

    synchronized void record(Info info, Set<String> keep, AdvisoryEvaluator evaluator) {
      polled = true;
      if (info != current) {
        if (!info.sameKeysAs(current)) {
          lacking = evaluator.rulesLacking(info);
        }
        previous = current == null ? null : current.retain(keep);
        current = info; // the snapshot's own INFO: no copy
      }
      reachable = true;
    }

    synchronized Set<String> lacking() {
      return lacking;
    }

    synchronized void unreachable() {
      polled = true;
      reachable = false;
    }

    synchronized boolean polled() {
      return polled;
    }

    synchronized ShardInfo info(String id) {
      return reachable && current != null ? new ShardInfo(id, current, previous) : null;
    }
  }

  /**
   * Advisories about the component as a whole or about one shard. A class, not a lambda: C1 code
   * creates a capturing lambda through a method handle, on every poll.
   */
  private static final class ComponentOrShard implements Predicate<Advisory.Key> {
    private final String shard;

    ComponentOrShard(String shard) {
      this.shard = shard;
    }

    @Override
    public boolean test(Advisory.Key key) {
      return key.shard() == null || key.shard().equals(shard);
    }
  }

  /** Tells every listener; one that throws does not stop the others or the poller. */
  private final class FanOut implements AdvisoryListener {
    @Override
    public void onStarted(String component, Advisory advisory) {
      LOG.info(
          "advisory started on {}: {} {} ({})",
          component,
          advisory.severity().wireName(),
          advisory.rule(),
          advisory.message());
      for (AdvisoryListener l : listeners) {
        try {
          l.onStarted(component, advisory);
        } catch (RuntimeException e) {
          LOG.warn("advisory listener failed", e);
        }
      }
    }

    @Override
    public void onCleared(String component, Advisory advisory) {
      LOG.info("advisory cleared on {}: {}", component, advisory.rule());
      for (AdvisoryListener l : listeners) {
        try {
          l.onCleared(component, advisory);
        } catch (RuntimeException e) {
          LOG.warn("advisory listener failed", e);
        }
      }
    }
  }
}
