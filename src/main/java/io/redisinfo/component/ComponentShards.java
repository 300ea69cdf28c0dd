package io.redisinfo.component;

import io.redisinfo.shard.Credentials;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardSpec;
import io.redisinfo.shard.TlsMaterial;

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

  /**
   * A pod tracked without a component (the operator's {@code --pod-selector}): no credentials, no
   * TLS, default polling.
   *
   * @param pod its id, {@code namespace/pod}
   */
  public static ShardSpec podWithoutComponent(String pod, String podIp, int port) {
    return new ShardSpec(
        pod, new ShardAddress(podIp, port), null, pod, Credentials.NONE, false, null);
  }

  /** Where the adapter keeps what a {@link SecretRef} names: Secrets, or files of a directory. */
  @FunctionalInterface
  public interface SecretReader {
    /**
     * @param field the spec field that names it, for messages: {@code passwordSecretRef}, {@code
     *     tls.caSecretRef} or {@code tls.clientCertSecretRef}
     * @param what what it holds, for messages: {@code password}, {@code CA certificate}, {@code
     *     client certificate} or {@code client key}
     * @return the text
     * @throws RuntimeException of the adapter's choice, saying what is missing
     */
    String read(SecretRef ref, String field, String what);
  }

  /**
   * The username, password and TLS material a component's shards connect with, read through {@code
   * secrets} at every call: a rotated value is a new value, and a new value makes the poller
   * reconnect with it. What {@code secrets} throws for the first reference it cannot read (the
   * password, then the CA, the client certificate, the client key) is thrown.
   */
  public static Credentials credentials(ComponentSpec spec, SecretReader secrets) {
    String password =
        spec.passwordSecretRef() == null
            ? null
            : secrets.read(spec.passwordSecretRef(), "passwordSecretRef", "password");
    Credentials credentials =
        spec.username() == null && password == null
            ? Credentials.NONE
            : new Credentials(spec.username(), password);
    TlsRefs tls = spec.tlsRefs();
    if (tls.isEmpty()) {
      return credentials;
    }
    return credentials.withTls(
        new TlsMaterial(
            tls.ca() == null ? null : secrets.read(tls.ca(), "tls.caSecretRef", "CA certificate"),
            tls.clientCert() == null
                ? null
                : secrets.read(tls.clientCert(), "tls.clientCertSecretRef", "client certificate"),
            tls.clientKey() == null
                ? null
                : secrets.read(tls.clientKey(), "tls.clientCertSecretRef", "client key")));
  }
}
