package io.redisinfo.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.redisinfo.app.Engine;
import io.redisinfo.cli.CommonOptions;
import io.redisinfo.cli.DurationConverter;
import io.redisinfo.cli.StopSignal;
import io.redisinfo.component.LabelSelectors;
import io.redisinfo.component.PodSelector;
import io.redisinfo.metrics.PrometheusMetrics;
import io.redisinfo.poll.PollerOptions;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code operator}: components and pods from the Kubernetes API; status into RedisComponents. */
@Command(
    name = "operator",
    mixinStandardHelpOptions = true,
    description =
        "Run against a Kubernetes API (kubeconfig or in-cluster): poll the Redis servers of"
            + " RedisComponents and --pod-selector pods, serve INFO over HTTP, write status.")
public final class OperatorCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      split = ",",
      defaultValue = "${env:REDISINFO_NAMESPACE}",
      description =
          "Namespace to watch (repeatable, or comma-separated); none = all namespaces"
              + " (env REDISINFO_NAMESPACE).")
  List<String> namespaces = new ArrayList<>();

  @Option(
      names = "--pod-selector",
      paramLabel = "SELECTOR",
      defaultValue = "${env:REDISINFO_POD_SELECTOR:-app.kubernetes.io/name=redis}",
      description =
          "Label selector of Redis pods tracked as shards even when no component selects them;"
              + " empty = none (env REDISINFO_POD_SELECTOR; default ${DEFAULT-VALUE}).")
  String podSelector;

  @Option(
      names = "--leader-election",
      negatable = true,
      defaultValue = "${env:REDISINFO_LEADER_ELECTION:-false}",
      fallbackValue = "true",
      description =
          "Hold a Lease so only one replica writes status and Events; the others poll and serve"
              + " HTTP (env REDISINFO_LEADER_ELECTION; default ${DEFAULT-VALUE}).")
  boolean leaderElection;

  @Option(
      names = "--status-interval",
      defaultValue = "${env:REDISINFO_STATUS_INTERVAL:-30s}",
      converter = DurationConverter.class,
      description =
          "Shortest time between two status writes of a component; a changed condition is"
              + " written at once (env REDISINFO_STATUS_INTERVAL; default ${DEFAULT-VALUE}).")
  Duration statusInterval;

  @Option(
      names = "--directory-configmap",
      defaultValue = "${env:REDISINFO_DIRECTORY_CONFIGMAP:-redis-directory}",
      description =
          "Name of the directory ConfigMap in each namespace. One of that name that the operator"
              + " did not create is never touched (env REDISINFO_DIRECTORY_CONFIGMAP; default"
              + " ${DEFAULT-VALUE}).")
  String directoryConfigMap;

  @Option(
      names = "--secret-refresh",
      defaultValue = "${env:REDISINFO_SECRET_REFRESH:-30s}",
      converter = DurationConverter.class,
      description =
          "How often the Secrets components name (password, TLS) are read again, by name; also at"
              + " once after a poll fails on them (env REDISINFO_SECRET_REFRESH; default"
              + " ${DEFAULT-VALUE}).")
  Duration secretRefresh;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final StopSignal stopSignal = new StopSignal();
  private volatile Engine engine;
  private volatile KubernetesClient client;

  @Override
  public Integer call() throws Exception {
    common.logFormat.apply();
    Logger log = LoggerFactory.getLogger(OperatorCommand.class);
    PollerOptions options;
    PodSelector selector;
    try {
      options = common.pollerOptions();
      selector = podSelector(podSelector);
      if (statusInterval.isNegative() || statusInterval.isZero()) {
        throw new IllegalArgumentException("--status-interval must be greater than zero");
      }
      if (secretRefresh.isNegative() || secretRefresh.isZero()) {
        throw new IllegalArgumentException("--secret-refresh must be greater than zero");
      }
      if (!directoryConfigMap.matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?")) {
        throw new IllegalArgumentException(
            "--directory-configmap '"
                + directoryConfigMap
                + "' is not a valid ConfigMap name (lowercase letters, digits, '-' and '.')");
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Set<String> watched = new LinkedHashSet<>();
    for (String ns : namespaces) {
      if (ns != null && !ns.isBlank()) {
        watched.add(ns.trim());
      }
    }

    KubernetesClient kubernetes = client != null ? client : new KubernetesClientBuilder().build();
    ApiServerProbe.check(kubernetes, watched, log);
    KubernetesOperator[] operator = new KubernetesOperator[1];
    Engine started =
        Engine.start(options, common.httpPort, () -> operator[0] != null && operator[0].synced());
    engine = started;
    PrometheusMetrics metrics = started.metrics();
    stopSignal.installShutdownHook();
    try {
      String identity = identity();
      operator[0] =
          KubernetesOperator.start(
              kubernetes,
              started,
              new KubernetesOperator.Settings(
                  watched,
                  selector,
                  leaderElection,
                  leaseNamespace(kubernetes),
                  identity,
                  Duration.ofSeconds(15),
                  Duration.ofSeconds(10),
                  Duration.ofSeconds(2),
                  true,
                  statusInterval,
                  // Events bring changes; this is only the safety net's period.
                  statusInterval.compareTo(Duration.ofMinutes(5)) > 0
                      ? statusInterval
                      : Duration.ofMinutes(5),
                  directoryConfigMap,
                  secretRefresh),
              metrics.statusWriteMetrics(),
              metrics.registry());
      log.info(
          "operator mode: watching {}, {} shard(s), leader election {}, HTTP API on port {}",
          watched.isEmpty() ? "all namespaces" : watched,
          started.shards().size(),
          leaderElection ? "on (identity " + identity + ")" : "off",
          started.http().port());
      stopSignal.await();
    } finally {
      if (operator[0] != null) {
        operator[0].close();
      }
      started.close();
      if (client == null) {
        kubernetes.close();
      }
      log.info("stopped");
      stopSignal.closed();
    }
    return 0;
  }

  static PodSelector podSelector(String text) {
    try {
      return LabelSelectors.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--pod-selector '" + text + "': " + e.getMessage());
    }
  }

  private static String identity() {
    String pod = System.getenv("POD_NAME");
    if (pod != null && !pod.isBlank()) {
      return pod;
    }
    try {
      return InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
    } catch (Exception e) {
      return "redis-info-operator-" + ProcessHandle.current().pid();
    }
  }

  private static String leaseNamespace(KubernetesClient client) {
    String ns = System.getenv("POD_NAMESPACE");
    if (ns != null && !ns.isBlank()) {
      return ns;
    }
    return client.getNamespace() == null ? "default" : client.getNamespace();
  }

  /** Uses this client instead of one from kubeconfig (tests). */
  void useClient(KubernetesClient kubernetesClient) {
    this.client = kubernetesClient;
  }

  /** Stops a running command (SIGTERM does it through the shutdown hook). */
  public void stop() {
    stopSignal.stop();
  }

  /** The running engine, for tests. */
  Engine engine() {
    return engine;
  }
}
