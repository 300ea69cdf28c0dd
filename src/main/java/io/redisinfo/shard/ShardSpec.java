package io.redisinfo.shard;

import java.util.Objects;

/**
 * What a shard is: its id, address and how to reach it. Adapters (standalone files, Kubernetes)
 * build specs; the registry and the poller only read them. A changed spec (new address, rotated
 * password, other range) is a new value, which makes the poller reconnect.
 *
 * @param id unique id: {@code namespace/name} for a component endpoint, {@code namespace/pod} for
 *     a pod, the given name or {@code host:port} for an ad-hoc address
 * @param component {@code namespace/name} of the component it serves, or null
 * @param pod {@code namespace/name} of the pod it runs in, or null
 * @param credentials what to authenticate with ({@link Credentials#NONE} for none)
 * @param tls connect with TLS
 * @param polling this shard's interval range, or null for the poller's default
 */
public record ShardSpec(
    String id,
    ShardAddress address,
    String component,
    String pod,
    Credentials credentials,
    boolean tls,
    PollingRange polling) {

  public ShardSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(address, "address");
    credentials = credentials == null ? Credentials.NONE : credentials;
  }

  /** An ad-hoc shard: no component, no pod, no auth, default polling. */
  public static ShardSpec of(String id, ShardAddress address) {
    return new ShardSpec(id, address, null, null, Credentials.NONE, false, null);
  }

  public ShardSpec withCredentials(Credentials newCredentials) {
    return new ShardSpec(id, address, component, pod, newCredentials, tls, polling);
  }
}
