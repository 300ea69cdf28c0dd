package io.redisinfo.directory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.redisinfo.component.SecretRef;
import java.util.List;
import java.util.Map;

/**
 * How to connect to one component: what {@code <component>.json} in the {@code redis-directory}
 * ConfigMap, {@code GET /v1/directory/{ns}/{component}} and {@code --directory-dir} files hold.
 * Never a password: only the reference to the Secret that holds it.
 *
 * <p>For an {@code endpoint} component, {@code host} and {@code port} are the endpoint's. For a
 * {@code selector} component they are those of the pod that is currently {@code master} among the
 * component's shards, and null until one is known; {@code pods} then lists every selected pod.
 *
 * @param type always {@code redis}
 * @param purpose the lower-case purpose, e.g. {@code stats}
 * @param port null while the host is unknown
 * @param uri {@code redis[s]://[user@]host:port/db}, or null while the host is unknown
 * @param pods selector components only: every pod, sorted by name; null for endpoint components
 * @param config the spec's {@code config}, unchanged
 * @param version a hash of every other field: changes exactly when the content changes
 */
@JsonPropertyOrder({
  "type",
  "namespace",
  "component",
  "purpose",
  "host",
  "port",
  "database",
  "tls",
  "username",
  "passwordSecretRef",
  "uri",
  "pods",
  "config",
  "version"
})
public record DirectoryEntry(
    String type,
    String namespace,
    String component,
    String purpose,
    String host,
    Integer port,
    int database,
    boolean tls,
    String username,
    SecretRef passwordSecretRef,
    String uri,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<PodEndpoint> pods,
    Map<String, Object> config,
    String version) {
  public static final String TYPE = "redis";

  public DirectoryEntry {
    pods = pods == null ? null : List.copyOf(pods);
    config = config == null ? Map.of() : config;
  }

  /** {@code namespace/component}, the key of the entry in the {@link Directory}. */
  @JsonIgnore
  public String key() {
    return namespace + "/" + component;
  }

  public DirectoryEntry withVersion(String newVersion) {
    return new DirectoryEntry(
        type,
        namespace,
        component,
        purpose,
        host,
        port,
        database,
        tls,
        username,
        passwordSecretRef,
        uri,
        pods,
        config,
        newVersion);
  }
}
