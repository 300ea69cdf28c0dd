package io.redisinfo.component;

import io.redisinfo.shard.PollingRange;
import java.util.Map;

/**
 * A component's declared wish, independent of where it was read (a YAML file or the Kubernetes
 * API). Exactly one of {@code endpoint} and {@code selector} is set once validated.
 *
 * @param polling the component's own interval range, or null for the operator-wide one
 * @param config any JSON object, published unchanged in the directory
 * @param tlsRefs where the TLS CA and client certificate are ({@link TlsRefs#NONE} for none)
 * @param advisories {@code spec.advisories} ({@link AdvisoryTuning#NONE} for none)
 */
public record ComponentSpec(
    Purpose purpose,
    Endpoint endpoint,
    PodSelector selector,
    int podPort,
    int database,
    boolean tls,
    String username,
    SecretRef passwordSecretRef,
    PollingRange polling,
    Map<String, Object> config,
    TlsRefs tlsRefs,
    AdvisoryTuning advisories) {

  public ComponentSpec {
    tlsRefs = tlsRefs == null ? TlsRefs.NONE : tlsRefs;
    advisories = advisories == null ? AdvisoryTuning.NONE : advisories;
  }

  /** A spec without TLS material (TLS, if on, trusts the JVM's CAs). */
  public ComponentSpec(
      Purpose purpose,
      Endpoint endpoint,
      PodSelector selector,
      int podPort,
      int database,
      boolean tls,
      String username,
      SecretRef passwordSecretRef,
      PollingRange polling,
      Map<String, Object> config) {
    this(
        purpose,
        endpoint,
        selector,
        podPort,
        database,
        tls,
        username,
        passwordSecretRef,
        polling,
        config,
        TlsRefs.NONE,
        AdvisoryTuning.NONE);
  }
}
