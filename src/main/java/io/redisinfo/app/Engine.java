package io.redisinfo.app;

import io.redisinfo.advice.AdvisoryTracker;
import io.redisinfo.component.ComponentRegistry;
import io.redisinfo.component.status.ComponentStatusAggregator;
import io.redisinfo.component.status.ComponentStatusTracker;
import io.redisinfo.directory.Directory;
import io.redisinfo.directory.DirectoryEntryBuilder;
import io.redisinfo.directory.DirectoryFileWriter;
import io.redisinfo.directory.DirectoryJson;
import io.redisinfo.directory.DirectoryUpdater;
import io.redisinfo.http.AdvisoriesHandler;
import io.redisinfo.http.ApiServer;
import io.redisinfo.http.ComponentsHandler;
import io.redisinfo.http.DirectoryHandler;
import io.redisinfo.http.InfoHandler;
import io.redisinfo.http.MetricsHandler;
import io.redisinfo.http.Probes;
import io.redisinfo.http.ShardsHandler;
import io.redisinfo.metrics.AdvisoryCollector;
import io.redisinfo.metrics.PrometheusMetrics;
import io.redisinfo.poll.AdaptivePoller;
import io.redisinfo.poll.PollObserver;
import io.redisinfo.poll.PollerOptions;
import io.redisinfo.shard.ShardRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The core engine both modes run: shard and component registries, the adaptive poller, component
 * status and advisories, the directory, metrics and the HTTP API. A mode feeds the registries
 * (files and addresses, or the Kubernetes API) and says when it is ready.
 */
public final class Engine implements AutoCloseable {
  private final PollerOptions options;
  private final ShardRegistry shards;
  private final ComponentRegistry components;
  private final PrometheusMetrics metrics;
  private final AdaptivePoller poller;
  private final ComponentStatusTracker statuses;
  private final AdvisoryTracker advisories;
  private final List<PollObserver> pollObservers = new CopyOnWriteArrayList<>();
  private final FirstSweep firstSweep;
  private final Directory directory;
  private final ScheduledThreadPoolExecutor timer;
  private final ApiServer http;

  private Engine(Settings settings) {
    this.options = settings.options();
    this.shards = new ShardRegistry(options.range().min());
    this.components = new ComponentRegistry();
    this.metrics = new PrometheusMetrics(shards);
    this.advisories = new AdvisoryTracker(components, shards).attach();
    metrics.registry().getPrometheusRegistry().register(new AdvisoryCollector(advisories));
    PollObserver pollMetrics = new PollMetricsObserver(metrics.pollMetrics());
    this.firstSweep =
        new FirstSweep(
            shards,
            ProcessHandle.current().info().startInstant().orElseGet(java.time.Instant::now));
    this.poller =
        new AdaptivePoller(
            shards,
            options,
            (shard, error, duration) -> {
              pollMetrics.onPoll(shard, error, duration);
              advisories.onPoll(shard, error, duration);
              firstSweep.onPoll(shard, error, duration);
              for (PollObserver observer : pollObservers) {
                observer.onPoll(shard, error, duration);
              }
            });
    this.statuses =
        new ComponentStatusTracker(
            components, shards, new ComponentStatusAggregator(Clock.systemUTC()));
    components.addListener(statuses);
    this.timer = new ScheduledThreadPoolExecutor(1, daemon("redisinfo-timer"));
    timer.setRemoveOnCancelPolicy(true);
    DirectoryJson json = new DirectoryJson();
    this.directory = new Directory(timer);
    DirectoryUpdater updater =
        new DirectoryUpdater(components, shards, directory, new DirectoryEntryBuilder(json));
    updater.attach();
    if (settings.directoryDir() != null) {
      new DirectoryFileWriter(settings.directoryDir(), json).attach(directory);
    }
    pollObservers.add((shard, error, duration) -> updater.onPolled(shard));

    ApiServer server = ApiServer.start(settings.httpPort());
    try {
      server.route(ShardsHandler.PATH, new ShardsHandler(shards));
      // A refresh waits for at most one INFO round trip, plus a margin for connecting.
      Duration refreshWait = options.timeout().multipliedBy(2).plusMillis(500);
      server.route(InfoHandler.PATH, new InfoHandler(shards, poller, refreshWait));
      new ComponentsHandler(statuses, advisories::of).registerOn(server);
      server.route(AdvisoriesHandler.PATH, new AdvisoriesHandler(advisories));
      new DirectoryHandler(directory, json).registerOn(server);
      server.route("/metrics", new MetricsHandler(metrics));
      new Probes(settings.ready()).registerOn(server);
    } catch (RuntimeException e) {
      server.close();
      closeInternals();
      throw e;
    }
    this.http = server;
  }

  /**
   * What a mode gives the engine.
   *
   * @param directoryDir where to write directory entries as files, or null
   * @param ready the mode's readiness for {@code /readyz}
   */
  public record Settings(
      PollerOptions options, int httpPort, Path directoryDir, BooleanSupplier ready) {}

  /** Builds and starts the engine: polling begins and the HTTP API listens. */
  public static Engine start(Settings settings) {
    Engine engine = new Engine(settings);
    // A mode registers what it knows after this and then calls allShardsKnown().
    engine.poller.expectShardsAtStart();
    engine.poller.start();
    return engine;
  }

  /** Builds and starts the engine with no directory files. */
  public static Engine start(PollerOptions options, int httpPort, BooleanSupplier ready) {
    return start(new Settings(options, httpPort, null, ready));
  }

  public PollerOptions options() {
    return options;
  }

  public ShardRegistry shards() {
    return shards;
  }

  public ComponentRegistry components() {
    return components;
  }

  public AdaptivePoller poller() {
    return poller;
  }

  public ComponentStatusTracker statuses() {
    return statuses;
  }

  /**
   * Also tells {@code observer} of every finished poll (an adapter's own interest, e.g. the
   * operator's reconcile triggers). Called on the poller's threads: must be quick.
   */
  public void addPollObserver(PollObserver observer) {
    pollObservers.add(observer);
  }

  /** Every component's advisories; add an {@code AdvisoryListener} to hear them start and clear. */
  public AdvisoryTracker advisories() {
    return advisories;
  }

  public Directory directory() {
    return directory;
  }

  public PrometheusMetrics metrics() {
    return metrics;
  }

  public ApiServer http() {
    return http;
  }

  /**
   * The mode has registered every shard and component it knows at start: the first sweep (see
   * {@link #firstSweepDone()}) is counted from here on.
   */
  public void allShardsKnown() {
    poller.allShardsKnown();
    firstSweep.arm();
  }

  /**
   * True once every shard has been polled at least once (successfully or not) after {@link
   * #allShardsKnown()}; it then stays true.
   */
  public boolean firstSweepDone() {
    return firstSweep.done();
  }

  @Override
  public void close() {
    http.close();
    closeInternals();
  }

  private void closeInternals() {
    poller.close();
    timer.shutdownNow();
    metrics.close();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
