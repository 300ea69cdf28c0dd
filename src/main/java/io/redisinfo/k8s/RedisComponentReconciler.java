package io.redisinfo.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.redisinfo.advice.Advisory;
import io.redisinfo.advice.AdvisoryTracker;
import io.redisinfo.advice.HealthyCondition;
import io.redisinfo.component.ComponentListener;
import io.redisinfo.component.ParsedComponent;
import io.redisinfo.component.SecretRef;
import io.redisinfo.component.status.ComponentCondition;
import io.redisinfo.component.status.ComponentStatus;
import io.redisinfo.component.status.ComponentStatusAggregator;
import io.redisinfo.component.status.Conditions;
import io.redisinfo.component.status.StatusPolicy;
import io.redisinfo.directory.Directory;
import io.redisinfo.k8s.binding.ServiceBindingSecrets;
import io.redisinfo.k8s.directory.ConfigMapDirectory;
import io.redisinfo.resource.BindingStatus;
import io.redisinfo.resource.RedisComponent;
import io.redisinfo.resource.RedisComponentStatus;
import io.redisinfo.shard.ShardRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The one controller of the operator: its event sources are every informer the operator runs, and
 * it writes each RedisComponent's status and Events. JOSDK starts event sources on every replica
 * but reconciles only on the leader (once the Lease is held), so only the leader writes, while
 * every replica observes the cluster through the same informers ({@link ClusterInventory}) and
 * polls.
 *
 * <p>Each reconcile observes (the component as the inventory read it, its shards' latest snapshots,
 * the problem found in its spec or Secret), computes the status the user should see, and writes it
 * when {@link StatusPolicy} says it is due. It is called when something of the component changes
 * ({@link ComponentChangeEventSource}: a visible poll result, a shard, the spec, the directory, an
 * advisory), again when a rate-limited change becomes due, and otherwise only by a slow resync.
 */
// Not generation-aware: an annotation (the Service Binding opt-out) changes no generation but must
// be seen. Our own status writes trigger no reconcile, and the next one sees them (StatusWriter).
@ControllerConfiguration(
    name = RedisComponentReconciler.NAME,
    generationAwareEventProcessing = false)
public final class RedisComponentReconciler
    implements Reconciler<RedisComponent>, ComponentListener {
  public static final String NAME = "rediscomponent-status";

  /** Condition type: the entry is in the namespace's directory ConfigMap. */
  public static final String DIRECTORY_PUBLISHED = "DirectoryPublished";

  private final ClusterInventory inventory;
  private final ShardRegistry shards;
  private final ComponentStatusAggregator aggregator;
  private final StatusPolicy policy;
  private final StatusWriter writer;
  private final ComponentEvents events;
  private final ConfigMapDirectory directory;
  private final Directory directoryEntries;
  private final ServiceBindingSecrets bindings;
  private final BooleanSupplier leader;
  private final AdvisoryTracker advisories;
  private final AdvisoryReporting reporting;
  private final Clock clock;
  private final Duration resync;
  private final ComponentChangeEventSource changes;
  private ObservedInformer<ConfigMap> configMaps;

  RedisComponentReconciler(
      ClusterInventory inventory,
      ShardRegistry shards,
      StatusPolicy policy,
      StatusWriter writer,
      ComponentEvents events,
      ConfigMapDirectory directory,
      Directory directoryEntries,
      ServiceBindingSecrets bindings,
      BooleanSupplier leader,
      AdvisoryTracker advisories,
      AdvisoryReporting reporting,
      ComponentChangeEventSource changes,
      Clock clock,
      Duration resync) {
    this.inventory = inventory;
    this.shards = shards;
    this.aggregator = new ComponentStatusAggregator(clock);
    this.policy = policy;
    this.writer = writer;
    this.events = events;
    this.directory = directory;
    this.directoryEntries = directoryEntries;
    this.bindings = bindings;
    this.leader = leader;
    this.advisories = advisories;
    this.reporting = reporting;
    this.clock = clock;
    this.resync = resync;
    this.changes = changes;
  }

  @Override
  public UpdateControl<RedisComponent> reconcile(
      RedisComponent resource, Context<RedisComponent> context) {
    String key = key(resource);
    long generation =
        resource.getMetadata().getGeneration() == null ? 0 : resource.getMetadata().getGeneration();
    // Until the inventory has read this generation, the registries describe the previous one.
    if (inventory.synced() && inventory.hasSeen(key, generation)) {
      if (!policy.knows(key)) {
        // First look since this replica started or became leader: what is stored is what users
        // see, so that is what a new status is compared with, not nothing.
        ComponentStatus stored = StatusMapping.fromResource(resource.getStatus());
        if (stored != null) {
          policy.recordStored(key, stored);
        }
      }
      ComponentStatus status = statusOf(resource);
      String binding =
          bindings.sync(resource, directoryEntries.get(key).orElse(null), password(resource));
      // Null until judged in this process: what the stored status shows then stands.
      List<Advisory> advice = advisories.settled(key) ? advisories.advisories(key) : null;
      boolean extrasChanged =
          !java.util.Objects.equals(binding, storedBinding(resource.getStatus()))
              || (advice != null && AdvisoryReporting.differs(resource.getStatus(), advice));
      if ((extrasChanged || policy.due(key, status))
          && !(resource.getStatus() != null && nothingNewYet(status) && !extrasChanged)
          && writer.write(
              resource,
              extras(StatusMapping.toResource(status), resource, binding, advice),
              context)) {
        policy.recordWritten(key, status);
      }
      if (advice != null) {
        reporting.announce(resource, advice);
      }
      events.report(resource, status.readyCondition());
      // Changes arrive as events (ComponentChangeEventSource); a figure that changed but was
      // not due yet is looked at again when it is; else a slow resync as a safety net.
      Duration pending = policy.untilDue(key, status);
      Duration next = pending == null ? resync : pending.plusMillis(100);
      return UpdateControl.<RedisComponent>noUpdate()
          .rescheduleAfter(next.compareTo(resync) < 0 ? next : resync);
    }
    // Not read by the inventory yet: its sync triggers an event, but do not depend on it.
    return UpdateControl.<RedisComponent>noUpdate().rescheduleAfter(Duration.ofSeconds(1));
  }

  /**
   * Every informer of the operator is one of this controller's event sources: the inventory's
   * (components, their Pods, the Secrets read by name) and the directory ConfigMaps', plus the
   * engine's changes.
   */
  @Override
  public List<EventSource<?, RedisComponent>> prepareEventSources(
      EventSourceContext<RedisComponent> context) {
    List<EventSource<?, RedisComponent>> sources = new java.util.ArrayList<>();
    sources.add(changes);
    sources.addAll(inventory.eventSources(context));
    configMaps =
        new ObservedInformer<>(
            InformerEventSourceConfiguration.from(ConfigMap.class, RedisComponent.class)
                .withName("directory-configmaps")
                .withLabelSelector(
                    ConfigMapDirectory.MANAGED_BY + "=" + ConfigMapDirectory.MANAGED_BY_VALUE)
                // The directory's writer repairs drift; components need no reconcile for it.
                .withSecondaryToPrimaryMapper(configMap -> Set.of())
                .build(),
            context,
            directory.observer());
    sources.add(configMaps);
    return sources;
  }

  /** The directory ConfigMaps the controller's informer has listed (once the operator started). */
  java.util.stream.Stream<ConfigMap> directoryConfigMaps() {
    return configMaps.list();
  }

  /** The parts of the status the core status does not hold: binding and advisories. */
  private static RedisComponentStatus extras(
      RedisComponentStatus status, RedisComponent resource, String binding, List<Advisory> advice) {
    status.setBinding(binding == null ? null : new BindingStatus(binding));
    if (advice != null) {
      AdvisoryReporting.withAdvisories(status, advice);
    } else if (resource.getStatus() != null) {
      status.setAdvisories(resource.getStatus().getAdvisories());
      status.setAdvice(resource.getStatus().getAdvice());
    }
    return status;
  }

  private static String storedBinding(RedisComponentStatus status) {
    return status == null || status.getBinding() == null ? null : status.getBinding().getName();
  }

  /** The password the component's Secret held when last read, or null. */
  private String password(RedisComponent resource) {
    var spec = resource.getSpec();
    if (spec == null || spec.getAuth() == null || spec.getAuth().getPasswordSecretRef() == null) {
      return null;
    }
    var ref = spec.getAuth().getPasswordSecretRef();
    return inventory.secretText(
        resource.getMetadata().getNamespace(), new SecretRef(ref.getName(), ref.getKey()));
  }

  /**
   * Whether the status only repeats the stored Ready condition with no INFO of its own yet (a
   * restart before the first polls): writing it would blank the figures users saw.
   */
  private static boolean nothingNewYet(ComponentStatus status) {
    return status.lastPollTime() == null
        && status.readyCondition() != null
        && status.totalShards() > 0
        && status.readyShards() == 0
        && !ComponentCondition.FALSE.equals(status.readyCondition().status());
  }

  /** The status a user should see now. */
  ComponentStatus statusOf(RedisComponent resource) {
    String key = key(resource);
    String namespace = resource.getMetadata().getNamespace();
    long generation =
        resource.getMetadata().getGeneration() == null ? 0 : resource.getMetadata().getGeneration();
    ClusterInventory.Observed observed = inventory.observe(key);
    ParsedComponent parsed =
        observed.parsed() != null ? observed.parsed() : inventory.parse(resource);
    List<ComponentCondition> previous = policy.lastConditions(key);
    if (previous == null) {
      previous = StatusMapping.conditionsOf(resource.getStatus());
    }
    ComponentStatus status = aggregator.aggregate(parsed, generation, shards.all(), previous);
    List<ComponentCondition> extra = new java.util.ArrayList<>();
    ComponentProblem problem = observed.problem();
    if (problem != null) {
      extra.add(
          new ComponentCondition(
              ComponentCondition.READY,
              ComponentCondition.FALSE,
              problem.reason(),
              problem.message(),
              clock.instant(),
              generation));
    }
    extra.add(directoryCondition(key, namespace, generation));
    if (advisories.settled(key)) {
      extra.add(HealthyCondition.of(advisories.advisories(key), clock.instant(), generation));
    } else if (Conditions.find(previous, HealthyCondition.TYPE) == null) {
      extra.add(HealthyCondition.evaluating(clock.instant(), generation));
    }
    return status.withConditions(Conditions.merge(status.conditions(), extra));
  }

  /**
   * {@code DirectoryPublished}: whether the component's entry is in its namespace's directory
   * ConfigMap. False when the ConfigMap of that name is someone else's (never touched) or when the
   * entry does not fit in it.
   */
  private ComponentCondition directoryCondition(String key, String namespace, long generation) {
    String notOwned = directory.notOwned().get(namespace);
    String leftOut = directory.leftOut().get(key);
    if (notOwned != null) {
      return new ComponentCondition(
          DIRECTORY_PUBLISHED,
          ComponentCondition.FALSE,
          ConfigMapDirectory.NOT_OWNED_REASON,
          notOwned,
          clock.instant(),
          generation);
    }
    if (leftOut != null) {
      return new ComponentCondition(
          DIRECTORY_PUBLISHED,
          ComponentCondition.FALSE,
          ConfigMapDirectory.LEFT_OUT_REASON,
          leftOut,
          clock.instant(),
          generation);
    }
    return new ComponentCondition(
        DIRECTORY_PUBLISHED,
        ComponentCondition.TRUE,
        "Published",
        "the entry is in ConfigMap " + namespace + "/" + directory.configMapName(),
        clock.instant(),
        generation);
  }

  @Override
  public void onChanged(ParsedComponent previous, ParsedComponent current) {
    if (current == null && previous != null) {
      policy.forget(previous.key());
      events.forget(previous.key());
      reporting.forget(previous.key());
      if (leader.getAsBoolean() && previous.namespace() != null && previous.name() != null) {
        // The cluster deletes it with its owner; a test API server has no garbage collector.
        bindings.remove(previous.namespace(), previous.name());
      }
    }
  }

  private static String key(RedisComponent resource) {
    return resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
  }
}
