package io.redisinfo.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.redisinfo.app.Engine;
import io.redisinfo.component.PodSelector;
import io.redisinfo.component.status.StatusPolicy;
import io.redisinfo.directory.DirectoryJson;
import io.redisinfo.k8s.binding.ServiceBindingSecrets;
import io.redisinfo.k8s.directory.ConfigMapDirectory;
import io.redisinfo.k8s.directory.ConfigMapDirectoryOptions;
import io.redisinfo.metrics.StatusWriteMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Kubernetes adapter around the core {@link Engine}: a {@link ClusterInventory} that feeds the
 * engine's registries on every replica, and a JOSDK {@link Operator} whose {@link
 * RedisComponentReconciler} writes status and Events (on the leader only when leader election is
 * on).
 */
public final class KubernetesOperator implements AutoCloseable {
  /** The Lease's name. */
  public static final String LEASE_NAME = "redis-info-operator";

  /**
   * @param namespaces watched namespaces; empty = all
   * @param podSelector pods tracked without a component, or null
   * @param leaderElection hold a Lease before writing anything
   * @param leaseNamespace where the Lease lives
   * @param identity this replica's name in the Lease
   * @param leaseDuration how long a Lease stays valid without renewal
   * @param renewDeadline how long the leader tries to renew before giving up
   * @param retryPeriod how often candidates try to acquire or renew
   * @param exitOnStopLeading end the process when the Lease is lost (a restart rejoins as standby)
   * @param statusInterval the shortest time between two status writes of a component
   * @param tick the longest time between two reconciles of a component when no change of it is seen
   *     (a safety net: changes arrive as events)
   * @param directoryConfigMap the directory ConfigMap's name in each namespace
   * @param secretRefresh how often the Secrets components name are read again
   */
  public record Settings(
      Set<String> namespaces,
      PodSelector podSelector,
      boolean leaderElection,
      String leaseNamespace,
      String identity,
      Duration leaseDuration,
      Duration renewDeadline,
      Duration retryPeriod,
      boolean exitOnStopLeading,
      Duration statusInterval,
      Duration tick,
      String directoryConfigMap,
      Duration secretRefresh) {
    public Settings {
      namespaces = Set.copyOf(namespaces);
      Objects.requireNonNull(statusInterval, "statusInterval");
      Objects.requireNonNull(tick, "tick");
      Objects.requireNonNull(directoryConfigMap, "directoryConfigMap");
      Objects.requireNonNull(secretRefresh, "secretRefresh");
    }
  }

  private final ClusterInventory inventory;
  private final ConfigMapDirectory configMaps;
  private final Operator operator;

  private KubernetesOperator(
      ClusterInventory inventory, ConfigMapDirectory configMaps, Operator operator) {
    this.inventory = inventory;
    this.configMaps = configMaps;
    this.operator = operator;
  }

  /**
   * Starts observing the cluster and, with the JOSDK operator, writing status.
   *
   * @param meterRegistry where JOSDK's own metrics go, or null
   */
  public static KubernetesOperator start(
      KubernetesClient client,
      Engine engine,
      Settings settings,
      StatusWriteMetrics statusMetrics,
      MeterRegistry meterRegistry) {
    ObjectMapper mapper = new ObjectMapper();
    Clock clock = Clock.systemUTC();
    ClusterInventory inventory =
        new ClusterInventory(
            client,
            settings.podSelector(),
            settings.secretRefresh(),
            engine.components(),
            engine.shards(),
            mapper);
    Operator operator = null;
    ConfigMapDirectory configMaps = null;
    // Without leader election this replica is the only writer; with it, the Lease decides.
    AtomicBoolean leader = new AtomicBoolean(!settings.leaderElection());
    // What the engine sees becomes reconcile events: no timer over every component.
    ComponentChangeEventSource changes =
        new ComponentChangeEventSource(engine.advisories()::settled);
    engine.addPollObserver(changes);
    // A poll refused on its credentials re-reads the component's Secrets at once.
    engine.addPollObserver(inventory);
    // Both replicas poll; only the leader exports redis_*, so a Service scrape counts once.
    engine.metrics().exportShardSeriesWhen(leader::get);
    engine.shards().addListener(changes);
    engine.components().addListener(changes);
    engine.directory().addListener(changes);
    engine.advisories().addListener(changes);
    try {
      configMaps =
          new ConfigMapDirectory(
              client,
              engine.directory(),
              new DirectoryJson(),
              ConfigMapDirectoryOptions.builder()
                  .namespaces(settings.namespaces())
                  .leader(leader::get)
                  .configMapName(settings.directoryConfigMap())
                  .leftOutListener(changes::trigger)
                  .instance(settings.identity())
                  .meters(meterRegistry)
                  .build());
      ConfigMapDirectory directoryWriter = configMaps;
      RedisComponentReconciler reconciler =
          new RedisComponentReconciler(
              inventory,
              engine.shards(),
              new StatusPolicy(settings.statusInterval(), clock),
              new StatusWriter(client, mapper, statusMetrics),
              new ComponentEvents(client, clock, settings.identity()),
              configMaps,
              engine.directory(),
              new ServiceBindingSecrets(client),
              leader::get,
              engine.advisories(),
              new AdvisoryReporting(new WarningEvents(client, clock, settings.identity())),
              changes,
              clock,
              settings.tick());
      engine.components().addListener(reconciler);
      operator =
          new Operator(
              o -> {
                o.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    // API servers without server-side apply (and fabric8's mock) must work too.
                    .withUseSSAToPatchPrimaryResource(false)
                    .withSSABasedCreateUpdateMatchForDependentResources(false);
                if (meterRegistry != null) {
                  o.withMetrics(MicrometerMetrics.withoutPerResourceMetrics(meterRegistry));
                }
                if (settings.leaderElection()) {
                  LeaderElectionConfigurationBuilder lease =
                      LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(LEASE_NAME)
                          .withLeaseNamespace(settings.leaseNamespace())
                          .withIdentity(settings.identity())
                          .withLeaseDuration(settings.leaseDuration())
                          .withRenewDeadline(settings.renewDeadline())
                          .withRetryPeriod(settings.retryPeriod())
                          .withLeaderCallbacks(
                              new LeaderCallbacks(
                                  () -> {
                                    leader.set(true);
                                    directoryWriter.syncAll();
                                  },
                                  () -> leader.set(false),
                                  newLeader -> {}));
                  // JOSDK ends the process when the Lease is lost (the pod restarts as a
                  // standby); only tests running several replicas in one JVM turn that off.
                  o.withLeaderElectionConfiguration(
                      settings.exitOnStopLeading() ? lease.build() : lease.buildForTest(false));
                }
              });
      operator.register(
          reconciler,
          override -> {
            if (settings.namespaces().isEmpty()) {
              override.watchingAllNamespaces();
            } else {
              override.settingNamespaces(settings.namespaces());
            }
          });
      // Starts every informer (on every replica) and returns once they have listed the cluster.
      operator.start();
      inventory.start();
      engine.allShardsKnown();
      // Started once the inventory has filled the directory: an empty directory would mean
      // deleting every redis-directory ConfigMap.
      configMaps.start(reconciler.directoryConfigMaps());
      return new KubernetesOperator(inventory, configMaps, operator);
    } catch (RuntimeException e) {
      if (operator != null) {
        operator.stop();
      }
      if (configMaps != null) {
        configMaps.close();
      }
      inventory.close();
      throw e;
    }
  }

  public boolean synced() {
    return inventory.synced();
  }

  @Override
  public void close() {
    try {
      operator.stop();
    } finally {
      configMaps.close();
      inventory.close();
    }
  }
}
