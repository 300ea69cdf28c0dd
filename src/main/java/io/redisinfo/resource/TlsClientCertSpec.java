package io.redisinfo.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** {@code spec.tls.clientCertSecretRef}: a kubernetes.io/tls Secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TlsClientCertSpec {
  @Required
  @Size(min = 1, max = 253)
  @JsonPropertyDescription(
      "Name of a kubernetes.io/tls Secret in the same namespace (keys tls.crt and tls.key). In"
          + " standalone mode the files <secrets-dir>/<name>/tls.crt and tls.key.")
  private String name;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
