package io.redisinfo.k8s.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** {@code spec.tls}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TlsSpec {
  @Default("false")
  @JsonPropertyDescription(
      "Connect with TLS (rediss://). The server certificate must be trusted by the operator's"
          + " JVM. Defaults to false.")
  private Boolean enabled;

  public TlsSpec() {}

  public TlsSpec(Boolean enabled) {
    this.enabled = enabled;
  }

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }
}
