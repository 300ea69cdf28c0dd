package io.redisinfo.app;

import io.redisinfo.component.ComponentRegistry;
import io.redisinfo.http.ApiServer;
import io.redisinfo.http.InfoHandler;
import io.redisinfo.http.Probes;
import io.redisinfo.http.ShardsHandler;
import io.redisinfo.poll.AdaptivePoller;
import io.redisinfo.poll.PollObserver;
import io.redisinfo.poll.PollerOptions;
import io.redisinfo.shard.ShardRegistry;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The core engine both modes run: the shard and component registries, the adaptive poller and the
 * HTTP API. A mode feeds the registries (files and addresses, or the Kubernetes API) and says when
 * it is ready.
 */
public final class Engine implements AutoCloseable {
  private final PollerOptions options;
  private final ShardRegistry shards;
  private final ComponentRegistry components;
  private final AdaptivePoller poller;
  private final ApiServer http;

  private Engine(PollerOptions options, int httpPort, BooleanSupplier ready) {
    this.options = options;
    this.shards = new ShardRegistry(options.range().min());
    this.components = new ComponentRegistry();
    this.poller = new AdaptivePoller(shards, options, PollObserver.NONE);
    ApiServer server = ApiServer.start(httpPort);
    try {
      server.route(ShardsHandler.PATH, new ShardsHandler(shards));
      // A refresh waits for at most one INFO round trip, plus a margin for connecting.
      Duration refreshWait = options.timeout().multipliedBy(2).plusMillis(500);
      server.route(InfoHandler.PATH, new InfoHandler(shards, poller, refreshWait));
      new Probes(ready).registerOn(server);
    } catch (RuntimeException e) {
      server.close();
      poller.close();
      throw e;
    }
    this.http = server;
  }

  /** Builds and starts the engine: polling begins and the HTTP API listens. */
  public static Engine start(PollerOptions options, int httpPort, BooleanSupplier ready) {
    Engine engine = new Engine(options, httpPort, ready);
    engine.poller.start();
    return engine;
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

  public ApiServer http() {
    return http;
  }

  /** True once every shard has been polled at least once (successfully or not). */
  public boolean firstSweepDone() {
    return shards.all().stream().allMatch(s -> s.snapshot().polls() > 0);
  }

  @Override
  public void close() {
    http.close();
    poller.close();
  }
}
