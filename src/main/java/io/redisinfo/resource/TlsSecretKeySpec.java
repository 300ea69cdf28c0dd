package io.redisinfo.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** {@code spec.tls.caSecretRef}: one key of a Secret in the component's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TlsSecretKeySpec {
  @Required
  @Size(min = 1, max = 253)
  @JsonPropertyDescription(
      "Name of a Secret in the same namespace as the RedisComponent. In standalone mode the"
          + " file <secrets-dir>/<name>/<key>.")
  private String name;

  @Default("ca.crt")
  @Size(min = 1, max = 253)
  @JsonPropertyDescription("Key in the Secret's data whose value is the PEM. Defaults to ca.crt.")
  private String key;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }
}
