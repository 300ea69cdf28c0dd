package io.redisinfo.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.redisinfo.resource.RedisComponent;

/**
 * A JOSDK informer event source whose changes also reach an observer of ours. JOSDK starts event
 * sources on every replica but reconciles only on the leader; the observer (the inventory that
 * feeds the poller, the directory's ConfigMap writer) must run on every replica, so it listens here
 * rather than in the reconciler.
 */
final class ObservedInformer<R extends HasMetadata> extends InformerEventSource<R, RedisComponent> {
  private final ResourceEventHandler<R> observer;

  ObservedInformer(
      InformerEventSourceConfiguration<R> configuration,
      EventSourceContext<RedisComponent> context,
      ResourceEventHandler<R> observer) {
    super(configuration, context);
    this.observer = observer;
  }

  /** An observer that only needs to know that something changed. */
  static <R extends HasMetadata> ResourceEventHandler<R> onAnyChange(Runnable changed) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(R resource) {
        changed.run();
      }

      @Override
      public void onUpdate(R previous, R current) {
        String version = previous.getMetadata().getResourceVersion();
        if (version == null || !version.equals(current.getMetadata().getResourceVersion())) {
          changed.run();
        }
      }

      @Override
      public void onDelete(R resource, boolean deletedFinalStateUnknown) {
        changed.run();
      }
    };
  }

  @Override
  public void onAdd(R resource) {
    super.onAdd(resource);
    observer.onAdd(resource);
  }

  @Override
  public void onUpdate(R previous, R current) {
    super.onUpdate(previous, current);
    observer.onUpdate(previous, current);
  }

  @Override
  public synchronized void onDelete(R resource, boolean deletedFinalStateUnknown) {
    super.onDelete(resource, deletedFinalStateUnknown);
    observer.onDelete(resource, deletedFinalStateUnknown);
  }
}
