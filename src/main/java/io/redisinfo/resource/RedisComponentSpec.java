package io.redisinfo.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.Map;

/**
 * {@code spec} of a {@link RedisComponent}: what the user declares. The operator never writes it.
 *
 * <p>Fields are boxed and start null so that an absent field stays absent on a round trip; the API
 * server fills in the schema defaults, and code reading files (standalone mode) must apply the same
 * defaults, listed in the constants below.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.endpoint) != has(self.selector)",
    message = "exactly one of spec.endpoint and spec.selector must be set")
public class RedisComponentSpec {
  public static final int DEFAULT_PORT = 6379;
  public static final int DEFAULT_DATABASE = 0;

  @Default("other")
  @JsonPropertyDescription(
      "What the application uses this Redis for: cache, session, counter, ratelimit, lock,"
          + " queue, stats, log or other. Published in the directory. Defaults to other.")
  private ComponentPurpose purpose;

  @JsonPropertyDescription(
      "One Redis server by address (Service DNS name, external host or IP). Exactly one of"
          + " endpoint and selector must be set.")
  private EndpointSpec endpoint;

  @JsonPropertyDescription(
      "Label selector over the Redis pods of this component, in the same namespace; every"
          + " selected pod is polled as a shard on podPort. Exactly one of endpoint and selector"
          + " must be set.")
  private LabelSelector selector;

  @Default("6379")
  @Min(1)
  @Max(65535)
  @JsonPropertyDescription(
      "Port polled on each pod chosen by selector (1-65535). Ignored with endpoint. Defaults to"
          + " 6379.")
  private Integer podPort;

  @Default("0")
  @Min(0)
  @JsonPropertyDescription(
      "Logical database number applications should SELECT. Only published in the directory;"
          + " INFO covers the whole server. Defaults to 0.")
  private Integer database;

  @JsonPropertyDescription("TLS settings for connections to the Redis server(s).")
  private TlsSpec tls;

  @JsonPropertyDescription(
      "Credentials for the Redis server(s): an optional ACL user and a reference to a Secret"
          + " key holding the password.")
  private AuthSpec auth;

  @JsonPropertyDescription(
      "Overrides the operator-wide range of poll intervals for this component's shards. The"
          + " interval shortens while INFO values change and lengthens while they stay still.")
  private PollingSpec polling;

  @JsonPropertyDescription(
      "Tuning of the purpose-aware advisories (Healthy condition, status.advisories): rules to"
          + " turn off and thresholds to change.")
  private AdvisoriesSpec advisories;

  @PreserveUnknownFields
  @JsonPropertyDescription(
      "Any JSON object, published unchanged in the directory entry of this component (for"
          + " example key prefixes or TTLs the applications agree on). Not interpreted by the"
          + " operator.")
  private Map<String, Object> config;

  public ComponentPurpose getPurpose() {
    return purpose;
  }

  public void setPurpose(ComponentPurpose purpose) {
    this.purpose = purpose;
  }

  public EndpointSpec getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(EndpointSpec endpoint) {
    this.endpoint = endpoint;
  }

  public LabelSelector getSelector() {
    return selector;
  }

  public void setSelector(LabelSelector selector) {
    this.selector = selector;
  }

  public Integer getPodPort() {
    return podPort;
  }

  public void setPodPort(Integer podPort) {
    this.podPort = podPort;
  }

  public Integer getDatabase() {
    return database;
  }

  public void setDatabase(Integer database) {
    this.database = database;
  }

  public TlsSpec getTls() {
    return tls;
  }

  public void setTls(TlsSpec tls) {
    this.tls = tls;
  }

  public AuthSpec getAuth() {
    return auth;
  }

  public void setAuth(AuthSpec auth) {
    this.auth = auth;
  }

  public AdvisoriesSpec getAdvisories() {
    return advisories;
  }

  public void setAdvisories(AdvisoriesSpec advisories) {
    this.advisories = advisories;
  }

  public PollingSpec getPolling() {
    return polling;
  }

  public void setPolling(PollingSpec polling) {
    this.polling = polling;
  }

  public Map<String, Object> getConfig() {
    return config;
  }

  public void setConfig(Map<String, Object> config) {
    this.config = config;
  }

  /** The Secrets this spec names (password, CA, client certificate), for mapping Secret events. */
  public java.util.Set<String> secretNames() {
    java.util.Set<String> names = new java.util.HashSet<>();
    if (auth != null && auth.getPasswordSecretRef() != null) {
      names.add(auth.getPasswordSecretRef().getName());
    }
    if (tls != null && tls.getCaSecretRef() != null) {
      names.add(tls.getCaSecretRef().getName());
    }
    if (tls != null && tls.getClientCertSecretRef() != null) {
      names.add(tls.getClientCertSecretRef().getName());
    }
    return names;
  }
}
