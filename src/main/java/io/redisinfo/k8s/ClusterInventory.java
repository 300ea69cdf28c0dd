package io.redisinfo.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.redisinfo.advice.AdvisorySettings;
import io.redisinfo.component.Component;
import io.redisinfo.component.ComponentParser;
import io.redisinfo.component.ComponentRegistry;
import io.redisinfo.component.ComponentShards;
import io.redisinfo.component.ComponentSpec;
import io.redisinfo.component.ParsedComponent;
import io.redisinfo.component.PodSelector;
import io.redisinfo.component.SecretData;
import io.redisinfo.component.SecretRef;
import io.redisinfo.poll.PollObserver;
import io.redisinfo.resource.RedisComponent;
import io.redisinfo.shard.Credentials;
import io.redisinfo.shard.FailureKind;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the component and shard registries in step with the cluster, on every replica (leader or
 * not), so any replica polls and answers HTTP queries.
 *
 * <p>It reads the caches of the controller's own JOSDK event sources ({@link #eventSources}):
 * informers of the RedisComponents and Pods in the watched namespaces (Pods map back to the
 * components that select them), and {@link ReferencedSecrets}, the Secrets components name, read by
 * name. Any change schedules one resync (changes arriving meanwhile are coalesced) that recomputes
 * everything from those caches: each component is parsed with {@link ComponentParser}; an endpoint
 * component is one shard, a selector component one shard per selected Running pod with an IP; the
 * password comes from the Secret of {@code passwordSecretRef}; pods matching {@code --pod-selector}
 * and no component are shards without component. Because the caches are the truth, a deleted
 * component, pod or Secret simply disappears from the next resync: no finalizers.
 */
public final class ClusterInventory implements AutoCloseable, PollObserver {
  /** The registry source of the pods tracked through {@code --pod-selector} alone. */
  public static final String POD_SELECTOR_SOURCE = "k8s-pod-selector";

  /** The component registry source of every RedisComponent. */
  public static final String COMPONENT_SOURCE = "k8s-components";

  private static final Logger LOG = LoggerFactory.getLogger(ClusterInventory.class);
  private static final int DEFAULT_REDIS_PORT = 6379;

  private final PodSelector podSelector;
  private final ComponentRegistry components;
  private final ShardRegistry shards;
  private final ComponentParser parser;
  private final ObjectMapper mapper;
  private InformerEventSource<RedisComponent, RedisComponent> componentCache;
  private InformerEventSource<Pod, RedisComponent> podCache;
  private final ReferencedSecrets secrets;
  private final Duration secretRefresh;
  private final Map<String, ComponentProblem> problems = new ConcurrentHashMap<>();
  private final Map<String, Long> generations = new ConcurrentHashMap<>();
  private final Set<String> componentSources = new HashSet<>();
  private final ExecutorService resyncer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "redisinfo-k8s-inventory");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean resyncPending = new AtomicBoolean();
  private volatile boolean synced;

  /**
   * @param podSelector pods tracked even without a component, or null for none
   * @param secretRefresh how often every referenced Secret is read again
   */
  public ClusterInventory(
      KubernetesClient client,
      PodSelector podSelector,
      Duration secretRefresh,
      ComponentRegistry components,
      ShardRegistry shards,
      ObjectMapper mapper) {
    this.secrets = new ReferencedSecrets(client, this::referencedSecrets, this::scheduleResync);
    this.secretRefresh = secretRefresh;
    this.podSelector = podSelector;
    this.components = components;
    this.shards = shards;
    this.mapper = mapper;
    this.parser = new ComponentParser(mapper, false, AdvisorySettings::problems);
  }

  /** The source owning the shards of one component. */
  public static String componentSource(String componentKey) {
    return "k8s-component:" + componentKey;
  }

  /**
   * The controller's event sources this inventory reads, in the controller's namespaces: the
   * components themselves (a second informer on them, because JOSDK hands the primary's events only
   * to the leader), their Pods, and the periodic re-read of the Secrets they name.
   */
  List<EventSource<?, RedisComponent>> eventSources(EventSourceContext<RedisComponent> context) {
    componentCache =
        observed(
            RedisComponent.class, "components", c -> Set.of(ResourceID.fromResource(c)), context);
    podCache = observed(Pod.class, "pods", this::componentsSelecting, context);
    return List.of(componentCache, podCache, secrets.eventSource(secretRefresh));
  }

  /** An informer of the controller whose every change schedules a resync here. */
  private <R extends HasMetadata> InformerEventSource<R, RedisComponent> observed(
      Class<R> kind,
      String name,
      SecondaryToPrimaryMapper<R> mapper,
      EventSourceContext<RedisComponent> context) {
    return new ObservedInformer<>(
        InformerEventSourceConfiguration.from(kind, RedisComponent.class)
            .withName("inventory-" + name)
            .withSecondaryToPrimaryMapper(mapper)
            .build(),
        context,
        ObservedInformer.onAnyChange(this::scheduleResync));
  }

  /** The informers have listed the cluster (JOSDK has started them): sync the registries once. */
  public void start() {
    synced = true;
    resync();
  }

  /** One key of a Secret, decoded, as last read; null when missing (read only if never read). */
  public String secretText(String namespace, SecretRef ref) {
    SecretData secret = secrets.get(namespace, ref.name());
    return secret == null ? null : secret.text(ref.key());
  }

  /**
   * A poll failed on the credentials: the component's Secrets may have changed since the last
   * period, so they are read again now (on the resync thread, not the poller's).
   */
  @Override
  public void onPoll(Shard shard, FailureKind failure, Duration duration) {
    String key = shard.spec().component();
    if ((failure == FailureKind.AUTH || failure == FailureKind.TLS) && key != null && synced) {
      int slash = key.indexOf('/');
      ResourceID id = new ResourceID(key.substring(slash + 1), key.substring(0, slash));
      componentCache
          .get(id)
          .map(this::secretsOf)
          .filter(ids -> !ids.isEmpty())
          .ifPresent(ids -> resyncer.execute(() -> secrets.recheck(ids)));
    }
  }

  public boolean synced() {
    return synced;
  }

  /** The problem that keeps a component from being polled, if any. */
  public Optional<ComponentProblem> problem(String componentKey) {
    return Optional.ofNullable(problems.get(componentKey));
  }

  /**
   * A component as registered and the problem found with it (or null), both from the same resync.
   * Read apart, a status could pair the registry's entry of one resync with the problems of the
   * next: a component whose Secret was just fixed was then, for a moment, still the invalid entry
   * that stood for the missing key, with no problem to say why, and was reported as InvalidSpec.
   *
   * @param parsed null when the component is not registered (yet)
   */
  record Observed(ParsedComponent parsed, ComponentProblem problem) {}

  synchronized Observed observe(String componentKey) {
    return new Observed(components.get(componentKey).orElse(null), problems.get(componentKey));
  }

  /**
   * Whether the registries reflect this generation of the component (or a newer one): a status
   * computed before would report a state the component is not in.
   */
  public boolean hasSeen(String componentKey, long generation) {
    Long seen = generations.get(componentKey);
    return seen != null && seen >= generation;
  }

  /** The component as the inventory reads it (its Secrets aside). */
  ParsedComponent parse(RedisComponent resource) {
    return parser.parse(mapper.valueToTree(resource), resource.getMetadata().getNamespace());
  }

  /** Every RedisComponent in the cache. */
  private List<RedisComponent> resources() {
    return componentCache == null ? List.of() : componentCache.list().toList();
  }

  /** The components of the pod's namespace whose selector matches its labels. */
  private Set<ResourceID> componentsSelecting(Pod pod) {
    String namespace = pod.getMetadata().getNamespace();
    Map<String, String> labels = pod.getMetadata().getLabels();
    Set<ResourceID> selecting = new HashSet<>();
    for (ParsedComponent parsed : components.all()) {
      if (namespace.equals(parsed.namespace())
          && parsed.valid()
          && parsed.component().spec().selector() != null
          && parsed.component().spec().selector().matches(labels)) {
        selecting.add(new ResourceID(parsed.name(), namespace));
      }
    }
    return selecting;
  }

  /** The Secrets each component names for a password or TLS material (none before the start). */
  private Map<ResourceID, Set<ResourceID>> referencedSecrets() {
    Map<ResourceID, Set<ResourceID>> referenced = new HashMap<>();
    if (synced) {
      resources().forEach(r -> referenced.put(ResourceID.fromResource(r), secretsOf(r)));
    }
    return referenced;
  }

  private Set<ResourceID> secretsOf(RedisComponent r) {
    Set<ResourceID> ids = new HashSet<>();
    if (r.getSpec() != null) {
      String namespace = r.getMetadata().getNamespace();
      r.getSpec().secretNames().forEach(name -> ids.add(new ResourceID(name, namespace)));
    }
    return ids;
  }

  private void scheduleResync() {
    if (synced && resyncPending.compareAndSet(false, true)) {
      resyncer.execute(
          () -> {
            resyncPending.set(false);
            try {
              resync();
            } catch (RuntimeException e) {
              LOG.warn("syncing components and pods from the cluster failed", e);
            }
          });
    }
  }

  /** Recomputes both registries from the informer caches and the Secrets as last read. */
  synchronized void resync() {
    Map<String, Pod> podsByKey = new TreeMap<>();
    if (podCache != null) {
      podCache.list().forEach(p -> podsByKey.put(key(p.getMetadata()), p));
    }
    List<RedisComponent> resources = new ArrayList<>(resources());
    resources.sort(Comparator.comparing(r -> key(r.getMetadata())));

    List<ParsedComponent> wanted = new ArrayList<>();
    Map<String, List<ShardSpec>> shardsByComponent = new HashMap<>();
    Map<String, ComponentProblem> found = new HashMap<>();
    Map<String, Long> seen = new HashMap<>();
    Set<String> claimedPods = new HashSet<>();
    for (RedisComponent resource : resources) {
      String namespace = resource.getMetadata().getNamespace();
      ParsedComponent parsed = parse(resource);
      String key = parsed.key();
      if (key == null) {
        continue;
      }
      List<ShardSpec> specs = new ArrayList<>();
      shardsByComponent.put(key, specs);
      Long generation = resource.getMetadata().getGeneration();
      seen.put(key, generation == null ? 0 : generation);
      if (!parsed.valid()) {
        found.put(
            key,
            new ComponentProblem(
                ComponentProblem.INVALID_SPEC,
                String.join("; ", parsed.problems()) + ". Fix the spec with kubectl edit."));
        wanted.add(parsed);
        continue;
      }
      Component component = parsed.component();
      ComponentSpec spec = component.spec();
      Credentials credentials;
      try {
        credentials =
            ComponentShards.credentials(
                spec,
                (ref, field, what) ->
                    SecretData.require(
                        secrets.get(namespace, ref.name()), namespace, ref, specField(field)));
      } catch (SecretData.Missing e) {
        found.put(key, new ComponentProblem(e.reason(), e.getMessage()));
        wanted.add(new ParsedComponent(namespace, parsed.name(), null, List.of(e.getMessage())));
        continue;
      }
      wanted.add(parsed);
      if (spec.endpoint() != null) {
        specs.add(ComponentShards.endpointShard(component, credentials));
      } else {
        for (Pod pod : podsByKey.values()) {
          if (namespace.equals(pod.getMetadata().getNamespace())
              && spec.selector().matches(pod.getMetadata().getLabels())
              && isServing(pod)) {
            String podKey = key(pod.getMetadata());
            if (claimedPods.add(podKey)) {
              specs.add(
                  ComponentShards.podShard(
                      component,
                      pod.getMetadata().getName(),
                      pod.getStatus().getPodIP(),
                      credentials));
            } else {
              LOG.debug(
                  "pod {} is selected by more than one component; the first keeps it", podKey);
            }
          }
        }
      }
    }

    List<ShardSpec> selectorPods = new ArrayList<>();
    if (podSelector != null) {
      for (Pod pod : podsByKey.values()) {
        String podKey = key(pod.getMetadata());
        if (!claimedPods.contains(podKey)
            && podSelector.matches(pod.getMetadata().getLabels())
            && isServing(pod)) {
          selectorPods.add(
              ComponentShards.podWithoutComponent(
                  podKey, pod.getStatus().getPodIP(), redisPort(pod)));
        }
      }
    }

    problems.keySet().retainAll(found.keySet());
    problems.putAll(found);
    components.sync(COMPONENT_SOURCE, wanted);
    // Selector-only pods go first so that a pod a component now claims moves to the component.
    shards.sync(POD_SELECTOR_SOURCE, selectorPods);
    for (String gone : new ArrayList<>(componentSources)) {
      if (!shardsByComponent.containsKey(gone)) {
        shards.sync(componentSource(gone), List.of());
        componentSources.remove(gone);
      }
    }
    shardsByComponent.forEach(
        (key, specs) -> {
          shards.sync(componentSource(key), specs);
          componentSources.add(key);
        });
    generations.keySet().retainAll(seen.keySet());
    generations.putAll(seen);
  }

  /** The CRD's path of a field as {@link ComponentShards#credentials} names it. */
  private static String specField(String field) {
    return "spec." + (field.startsWith("tls.") ? "" : "auth.") + field;
  }

  /** Running, not being deleted, and with an IP to connect to. */
  static boolean isServing(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null
        && pod.getStatus() != null
        && "Running".equals(pod.getStatus().getPhase())
        && pod.getStatus().getPodIP() != null
        && !pod.getStatus().getPodIP().isEmpty();
  }

  /** The container port named {@code redis}, else 6379. */
  static int redisPort(Pod pod) {
    if (pod.getSpec() != null && pod.getSpec().getContainers() != null) {
      for (var container : pod.getSpec().getContainers()) {
        if (container.getPorts() == null) {
          continue;
        }
        for (ContainerPort port : container.getPorts()) {
          if ("redis".equals(port.getName()) && port.getContainerPort() != null) {
            return port.getContainerPort();
          }
        }
      }
    }
    return DEFAULT_REDIS_PORT;
  }

  private static String key(ObjectMeta metadata) {
    return metadata.getNamespace() + "/" + metadata.getName();
  }

  @Override
  public void close() {
    // The event sources are the controller's: JOSDK stops them with the operator.
    synced = false;
    resyncer.shutdownNow();
    try {
      resyncer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
