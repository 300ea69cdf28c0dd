package io.redisinfo.component;

import io.redisinfo.shard.Credentials;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardSpec;

/** How a component's servers become shards; shared by the standalone and Kubernetes adapters. */
public final class ComponentShards {
  private ComponentShards() {}

  /** The one shard of an endpoint component; its id is the component's key. */
  public static ShardSpec endpointShard(Component component, Credentials credentials) {
    ComponentSpec spec = component.spec();
    return new ShardSpec(
        component.key(),
        new ShardAddress(spec.endpoint().host(), spec.endpoint().port()),
        component.key(),
        null,
        credentials,
        spec.tls(),
        spec.polling());
  }

  /** One selected pod of a selector component; its id is {@code namespace/pod}. */
  public static ShardSpec podShard(
      Component component, String podName, String podIp, Credentials credentials) {
    ComponentSpec spec = component.spec();
    String pod = component.namespace() + "/" + podName;
    return new ShardSpec(
        pod,
        new ShardAddress(podIp, spec.podPort()),
        component.key(),
        pod,
        credentials,
        spec.tls(),
        spec.polling());
  }
}
